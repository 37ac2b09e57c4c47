import type { ObsConnection } from './connection';
import { describeRequestFailure, isObsError, type ObsErrorCode, type ObsFailure } from './errors';
import type { ResolvedItem } from './item-cache';
import type { ObsMirror } from './mirror';
import type { RequestBatchRequest, ResponseMessage } from './obs-types';
import { notFoundMessage, planAction, type ObsAction, type PlanContext, type SwitchMode } from './action-plan';
import { BatchExecution, RequestStatus } from './protocol';

export interface ActionResult {
  ok: boolean;
  code?: ObsErrorCode;
  message?: string;
}

export interface ApplyOptions {
  timeoutMs?: number;
  /** Which session carries the batch: the event-less cue link (default, the main one while it is down) or the main one. */
  link?: 'cue' | 'main';
}

const okResult: ActionResult = { ok: true };
type Resolution = { item: ResolvedItem } | { failure: ObsFailure } | undefined;
const fail = (f: ObsFailure): ActionResult => ({ ok: false, code: f.code, message: f.message });

/**
 * A cue's OBS actions go out as ONE RequestBatch (SerialRealtime, haltOnFailure false): one
 * round trip, executed in order, and a missing source does not stop the scene switch. Every
 * action gets its own result; nothing here throws on an OBS failure, because a cue must always
 * finish and say what did not happen.
 */
export class ObsActions {
  constructor(
    private readonly conn: ObsConnection,
    private readonly mirror: ObsMirror,
    private readonly options: { timeoutMs?: number; cueLink?: ObsConnection } = {},
  ) {}

  /** `link: 'main'` keeps a request that is not a cue (a studio-mode Preview set) off the cue link. */
  async applyActions(actions: readonly ObsAction[], options: ApplyOptions = {}): Promise<ActionResult[]> {
    if (actions.length === 0) return [];
    if (!this.conn.isConnected) {
      return actions.map(() => fail({ code: 'not_connected', message: 'Cuecart is not connected to OBS.' }));
    }
    // Resolve scene item ids first (normally from the cache, no round trip), so the batch
    // itself needs no lookups. When every id is cached nothing here waits: the batch is on the
    // wire before this call returns its promise (see send-now.ts), which lets a Go commit its log
    // rows while OBS works.
    const now = actions.map((a) => this.resolveNow(a));
    const resolved = now.some((r) => r instanceof Promise) ? await Promise.all(now) : (now as Resolution[]);
    const snap = this.mirror.snapshot();
    const kinds = new Map(snap.inputs.map((i) => [i.name, i.kind]));
    const ctx: PlanContext = {
      studioMode: snap.studioMode,
      mirrorReady: snap.ready,
      inputKind: (n) => kinds.get(n),
      removedScene: (n) => this.mirror.isRemovedScene(n),
    };

    const results: ActionResult[] = new Array(actions.length);
    const requests: RequestBatchRequest[] = [];
    const owner: number[] = [];
    actions.forEach((action, i) => {
      const r = resolved[i];
      if (r && 'failure' in r) {
        results[i] = fail(r.failure);
        return;
      }
      const plan = planAction(action, ctx, r?.item);
      if ('failure' in plan) {
        results[i] = fail(plan.failure);
        return;
      }
      for (const req of plan.requests) {
        requests.push({ ...req, requestId: `${i}.${owner.length}` } as RequestBatchRequest);
        owner.push(i);
      }
      results[i] = okResult;
    });
    if (requests.length === 0) return results;

    let answers: ResponseMessage[];
    try {
      // The cue link (subscribed to no events) when it is up: an answer never waits behind the
      // ACK of an event OBS sent just before it (see README "answers held behind events").
      const link = options.link !== 'main' && this.options.cueLink?.isConnected ? this.options.cueLink : this.conn;
      answers = await link.callBatch(requests, {
        executionType: BatchExecution.SerialRealtime,
        haltOnFailure: false,
        timeoutMs: options.timeoutMs ?? this.options.timeoutMs,
      });
    } catch (error) {
      const failure: ObsFailure = isObsError(error) ? error.toFailure() : { code: 'request_failed', message: String(error) };
      for (const i of new Set(owner)) results[i] = fail(failure);
      return results;
    }

    const byId = new Map(answers.map((a) => [a.requestId, a]));
    requests.forEach((req, j) => {
      const i = owner[j] as number;
      const answer = byId.get(req.requestId ?? '') ?? answers[j];
      if (!results[i]?.ok) return; // keep the first failure of a multi-request action
      if (!answer) {
        results[i] = fail({ code: 'request_failed', message: `OBS sent no answer for ${req.requestType}.` });
        return;
      }
      if (answer.requestStatus.result) return;
      const { code, comment } = answer.requestStatus;
      const action = actions[i];
      const failure = describeRequestFailure(req.requestType, code, comment);
      if (failure.code === 'not_found' && action) failure.message = notFoundMessage(action);
      results[i] = fail(failure);
      // A cached id OBS no longer knows: drop the scene's ids so the next cue resolves afresh.
      if (action?.type === 'setSourceVisible' && code === RequestStatus.ResourceNotFound) this.mirror.invalidateContainer(action.scene);
    });
    return results;
  }

  // Single-action conveniences for the desk's buttons.
  switchScene(scene: string, mode: SwitchMode = 'program'): Promise<ActionResult> {
    return this.one({ type: 'switchScene', scene, mode });
  }
  setSourceVisible(scene: string, source: string, visible: boolean): Promise<ActionResult> {
    return this.one({ type: 'setSourceVisible', scene, source, visible });
  }
  setText(input: string, text: string): Promise<ActionResult> {
    return this.one({ type: 'setText', input, text });
  }
  setImageFile(input: string, path: string): Promise<ActionResult> {
    return this.one({ type: 'setImageFile', input, path });
  }
  setBrowserUrl(input: string, url: string): Promise<ActionResult> {
    return this.one({ type: 'setBrowserUrl', input, url });
  }
  refreshBrowser(input: string): Promise<ActionResult> {
    return this.one({ type: 'refreshBrowser', input });
  }

  private async one(action: ObsAction): Promise<ActionResult> {
    const [result] = await this.applyActions([action]);
    return result ?? fail({ code: 'request_failed', message: 'No result.' });
  }

  /** The action's scene item from the cache at once, or a promise when OBS must be asked. */
  private resolveNow(action: ObsAction): Resolution | Promise<Resolution> {
    if (action.type !== 'setSourceVisible') return undefined;
    const hit = this.mirror.cachedSceneItem(action.scene, action.source);
    return hit ? { item: hit } : this.resolve(action);
  }

  private async resolve(action: ObsAction): Promise<Resolution> {
    if (action.type !== 'setSourceVisible') return undefined;
    try {
      return { item: await this.mirror.resolveSceneItem(action.scene, action.source) };
    } catch (error) {
      return { failure: isObsError(error) ? error.toFailure() : { code: 'request_failed', message: String(error) } };
    }
  }
}
