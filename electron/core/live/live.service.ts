import type { z } from 'zod';
import {
  AppError,
  type ArmInput,
  type GoInput,
  type GoResult,
  type GoTrigger,
  type InsertCueInput,
  type LivePosition,
  type LiveSnapshot,
  type LiveView,
  type LogRow,
  type ObsActionOutcome,
  type OverlayKind,
  type OverlayShowInput,
  type OverlayState,
  type Product,
  type ProductLiveInput,
  type RunCue,
  type RunPlan,
  type Segment,
  type ShowSummary,
} from '../../contract';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { CallContext } from '../handlers';
import { newId } from '../ids';
import type { Logger } from '../log';
import type { ObsAction, ObsBridge } from '../obs';
import type { OverlayService } from '../overlays/overlays.service';
import { autoGoFor } from './auto-go';
import { describeObsAction, obsActionsOf, overlayOps, type OverlayOp } from './cue-fire';
import { encoreCue } from './encore';
import { applyOverlayOps, productPatches } from './live-overlays';
import { ObsFollow } from './obs-follow';
import { StandbyPreview, type PreviewTarget } from './standby-preview';
import type { LiveSettingsStore } from './live-settings';
import { positionOf, snapshotOf, viewOf } from './live-snapshot';
import { applyToOnAir, expectedOnAir, reapplyActions, type OnAir } from './on-air';
import { mergeRundown } from './plan-reload';
import type { NewLogRow, RunLogDao, RunRecord, RunSummaryChange } from './run-log.dao';
import { cueIndex, initialModel, modelFromLog, previousOf, reduce, standbyOf, type RunModel } from './run-model';
import { SeatRegistry } from './seats';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface LiveDeps {
  clock: Clock;
  bus: EventBus;
  log: Logger;
  dao: RunLogDao;
  shows: { summary(id: string): ShowSummary; rundown(id: string): Segment[] };
  /** A product by id (from memory: see products/product-lookup.ts). */
  product(id: string): Product | null;
  /** The overlays OBS shows. */
  overlays: OverlayService;
  /** A fresh overlay picture for a rehearsal (the in-app preview channel only). */
  createPreview(): OverlayService;
  obs: ObsBridge;
  settings: LiveSettingsStore;
  /** Runs a main-database write when no catalog import holds it (never awaited by a Go). */
  deferWrite(write: () => void): void;
  timers?: Timers;
}


const conflict = (message: string, reason: string, extra: Record<string, unknown> = {}) => new AppError('CONFLICT', message, { reason, ...extra });

/** Who did it, as the log says it: the desktop window, a seat, the control API, the runner itself. */
export function sourceOf(ctx: CallContext): string {
  switch (ctx.door) {
    case 'ipc':
      return 'desk';
    case 'ws':
      return ctx.seat ? `ws:${ctx.seat}` : 'ws';
    case 'http':
      return 'api';
    default:
      return ctx.source ?? 'system';
  }
}

/**
 * The show runner. One run at a time (armed, running, ended), its state folded from its log:
 * every change is committed as log rows first (synchronously, on live.db, before anything
 * answers), then applied with the same `reduce` a restart uses. A Go checks, commits and applies
 * in one turn of the event loop, so two seats can never both leave the same cue; the OBS batch
 * goes out after that, and its outcome is logged before the Go is answered. Nothing here waits
 * on the catalog's database.
 */
export class LiveService {
  private model: RunModel | null = null;
  private revision = 0;
  private readonly seatRegistry: SeatRegistry;
  private readonly timers: Timers;
  private autoTimer: unknown = null;
  private preview: OverlayService | null = null;
  private onAir: OnAir = { scene: null, sources: new Map(), texts: new Map() };
  private readonly follow: ObsFollow;
  private readonly standbyPreview: StandbyPreview;
  private pushPending = false;
  /** The run's show was saved since it was armed or reloaded (see `reloadPlan`). */
  private planBehind = false;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly deps: LiveDeps) {
    this.timers = deps.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
    this.seatRegistry = new SeatRegistry(() => this.changed());
    this.unsubscribe.push(
      deps.bus.subscribe((event) => {
        if (event.topic === 'data.changed' && event.payload.table === 'shows') this.checkPlan();
        if (event.topic === 'live.settings') this.standbyPreview.kick();
      }),
    );
    // Before the watch on OBS: anything it records kicks the preview.
    this.standbyPreview = new StandbyPreview({
      target: () => this.previewTarget(),
      enabled: () => deps.settings.get().obsPreviewStandby,
      connected: () => deps.obs.status().state === 'connected',
      mirror: () => deps.obs.mirrorSnapshot(),
      busy: () => this.follow.sendingNow,
      // On the main session: the cue link stays free for the next Go.
      send: async (action) => (await deps.obs.applyActions([action], { link: 'main' }))[0] ?? { ok: false, code: 'request_failed', message: 'No result' },
      record: (target, r) =>
        this.record([
          {
            kind: 'obs',
            at: deps.clock.now(),
            source: 'system',
            cueId: target.cueId,
            details: { reason: 'preview', outcomes: [{ action: describeObsAction({ type: 'setPreviewScene', scene: target.scene }), ok: r.ok, ...(r.code ? { code: r.code } : {}), ...(r.message ? { message: r.message } : {}) }] },
          },
        ]),
      now: () => deps.clock.now(),
      // Its own (real) timers: the injectable ones are the auto-go's.
      timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    });
    this.follow = new ObsFollow({
      obs: deps.obs,
      clock: deps.clock,
      log: deps.log,
      timers: this.timers,
      live: () => {
        const m = this.model;
        const real = !!m && !m.run.rehearsal;
        return { running: real && m.state === 'running', active: real && m.state !== 'ended' };
      },
      onAir: () => this.onAir,
      recordStatus: (connected, reason) =>
        this.commit([
          { kind: 'obs.status', at: deps.clock.now(), source: 'system', cueId: this.model?.currentCueId ?? null, details: { state: connected ? 'connected' : 'disconnected', ...(reason ? { reason } : {}) } },
        ]),
      reapply: () => this.reapply({ door: 'internal', source: 'system' }, 'reconnect'),
      driftChanged: () => this.changed(),
    });
    this.unsubscribe.push(
      deps.obs.onMirror(() => this.standbyPreview.kick()),
      deps.obs.onStatus(() => this.standbyPreview.kick()),
    );
    this.restore();
    this.standbyPreview.adopt();
  }

  /** The scene the standby cue switches to, in a real run that is not over: what OBS's studio-mode Preview should show. */
  private previewTarget(): PreviewTarget | null {
    const m = this.model;
    if (!m || m.state === 'ended' || m.run.rehearsal) return null;
    const id = standbyOf(m);
    const scene = id === null ? '' : (m.cues[cueIndex(m, id)]?.actions.scene ?? '');
    return id !== null && scene ? { key: `${m.run.id}\u0000${id}\u0000${scene}`, scene, cueId: id } : null;
  }

  // ---- reads ------------------------------------------------------------------------------

  snapshot(): LiveSnapshot {
    const settings = this.deps.settings.get();
    return snapshotOf(this.model, {
      revision: this.revision,
      now: this.deps.clock.now(),
      drift: this.follow.drift,
      seats: this.seatRegistry.list(),
      doubleGoMs: settings.doubleGoMs,
      autoGoMs: settings.autoGoMs,
      planBehind: this.planBehind,
    });
  }

  /** The snapshot's head (a Go's answer). */
  position(): LivePosition {
    return positionOf(this.model, { revision: this.revision, now: this.deps.clock.now(), planBehind: this.planBehind });
  }

  view(): LiveView {
    return viewOf(this.model, this.snapshot());
  }

  plan(): RunPlan | null {
    if (!this.model) return null;
    return { runId: this.model.run.id, version: this.model.planVersion, cues: this.model.cues };
  }

  /** The overlays the run drives: a rehearsal's preview channel, else OBS's. */
  overlayState(): OverlayState {
    return this.overlayTarget().snapshot();
  }

  /** The rehearsal preview channel's picture (null outside a rehearsal). */
  previewState(): OverlayState | null {
    return this.preview?.snapshot() ?? null;
  }

  get seats(): SeatRegistry {
    return this.seatRegistry;
  }

  // ---- arm / end ----------------------------------------------------------------------------

  arm(input: z.output<typeof ArmInput>, ctx: CallContext): LiveSnapshot {
    const open = this.model;
    if (open && open.state !== 'ended') {
      if (!input.force) {
        throw conflict(`"${open.run.showTitle}" is ${open.state}: end it first, or arm with force to replace it.`, 'busy', {
          runId: open.run.id,
          showId: open.run.showId,
          showTitle: open.run.showTitle,
          state: open.state,
        });
      }
      this.end(ctx, 'replaced');
    }
    const show = this.deps.shows.summary(input.id);
    if (show.isTemplate) throw new AppError('BAD_INPUT', 'A template cannot be run: start a show from it first.', { reason: 'template' });
    const plan = runCuesOf(this.deps.shows.rundown(input.id));
    if (plan.length === 0) throw new AppError('BAD_INPUT', 'The show has no cues to run.', { reason: 'empty' });
    const now = this.deps.clock.now();
    const record: Omit<RunRecord, 'state' | 'startedAt' | 'endedAt'> = {
      id: newId('run'),
      showId: show.id,
      showTitle: show.title,
      platform: show.platform,
      canvas: show.canvas,
      rehearsal: input.rehearsal,
      armedAt: now,
      show: headerOf(show),
      plan,
    };
    const rows = this.deps.dao.createRun(record, [
      {
        kind: 'arm',
        at: now,
        source: sourceOf(ctx),
        cueId: null,
        details: { showId: show.id, showTitle: show.title, rehearsal: input.rehearsal, cueCount: plan.length, replacedRunId: open && open.state !== 'ended' ? open.run.id : null },
      },
    ]);
    this.model = initialModel({ ...record, state: 'armed', startedAt: null, endedAt: null });
    this.planBehind = false;
    for (const row of rows) reduce(this.model, row);
    this.onAir = { scene: null, sources: new Map(), texts: new Map() };
    this.follow.reset();
    this.preview = input.rehearsal ? this.deps.createPreview() : null;
    this.preview?.clear();
    this.preview?.setActiveShow(show.id);
    this.deps.bus.emit('live.log', { rows });
    this.changed();
    return this.snapshot();
  }

  end(ctx: CallContext, reason: 'user' | 'replaced' = 'user'): LiveSnapshot {
    const model = this.requireRun();
    if (model.state === 'ended') return this.snapshot();
    const now = this.deps.clock.now();
    this.commit([{ kind: 'end', at: now, source: sourceOf(ctx), cueId: model.currentCueId, details: { reason } }], { state: 'ended', endedAt: now });
    return this.snapshot();
  }

  /** Put an ended run away (the cockpit shows "no show" again); its log stays. */
  close(): LiveSnapshot {
    const model = this.model;
    if (model && model.state !== 'ended') throw conflict('End the show before closing it.', 'not_ended');
    this.model = null;
    this.preview = null;
    this.follow.reset();
    this.changed();
    return this.snapshot();
  }

  // ---- Go -------------------------------------------------------------------------------------

  go(input: z.output<typeof GoInput>, ctx: CallContext): Promise<GoResult> {
    return this.fire('next', null, input, ctx);
  }

  back(input: z.output<typeof GoInput>, ctx: CallContext): Promise<GoResult> {
    return this.fire('back', null, input, ctx);
  }

  jump(cueId: string, input: z.output<typeof GoInput>, ctx: CallContext): Promise<GoResult> {
    return this.fire('jump', cueId, input, ctx);
  }

  private async fire(mode: 'next' | 'back' | 'jump', jumpTo: string | null, input: z.output<typeof GoInput>, ctx: CallContext): Promise<GoResult> {
    const model = this.requireRun();
    const source = sourceOf(ctx);
    const trigger: GoTrigger = input.trigger ?? (ctx.door === 'http' ? 'api' : 'button');
    const now = this.deps.clock.now();
    if (model.state === 'ended') throw conflict('The show has ended: arm it again to run it.', 'ended', { snapshot: this.snapshot() });

    // A second press within the guard (a key bounce, two seats at once) is ignored first: it is
    // logged as ignored whatever cue it expected.
    const guard = this.deps.settings.get().doubleGoMs;
    if (mode === 'next' && trigger !== 'auto' && model.lastGoAt !== null && now - model.lastGoAt < guard) {
      this.commit([{ kind: 'go.ignored', at: now, source, cueId: model.currentCueId, details: { trigger, sinceLastGoMs: now - model.lastGoAt, guardMs: guard } }]);
      throw conflict(`Ignored: a second Go within ${guard} ms (double-Go guard).`, 'double_go', { snapshot: this.snapshot() });
    }

    // A seat (or a Stream Deck) that names a cue that is no longer current loses and changes nothing.
    if (input.expectedCueId !== undefined && input.expectedCueId !== model.currentCueId) {
      if (trigger === 'auto') {
        this.commit([{ kind: 'autogo', at: now, source, cueId: input.expectedCueId, details: { op: 'superseded' } }]);
      } else {
        this.commit([{ kind: 'go.stale', at: now, source, cueId: model.currentCueId, details: { mode, trigger, expectedCueId: input.expectedCueId } }]);
      }
      throw conflict(`Stale Go: the current cue is no longer ${input.expectedCueId ?? 'none'}.`, 'stale', { snapshot: this.snapshot() });
    }
    const targetId = mode === 'next' ? standbyOf(model) : mode === 'back' ? previousOf(model) : jumpTo;
    if (targetId === null) {
      throw conflict(mode === 'back' ? 'There is no previous cue to go back to.' : 'There is no cue left in standby.', mode === 'back' ? 'no_previous' : 'end_of_rundown', {
        snapshot: this.snapshot(),
      });
    }
    const cue = model.cues[cueIndex(model, targetId)];
    if (!cue) throw new AppError('NOT_FOUND', `No cue ${targetId} in this run`, { cueId: targetId });

    // OBS first: with the scene items cached, its RequestBatch is on the wire before sendToObs
    // returns (obs/send-now.ts), so OBS works on it while the overlays apply (in-process, pushed
    // to their pages at once) and the Go is committed with everything it did, all in this same
    // turn of the event loop: no other call can come between the decision and its commit. The
    // answer still waits for the commit and for OBS. A crash in between leaves OBS ahead of the
    // log for an unanswered Go, which a restart reports as "differs from the log" (re-apply).
    const product = this.productOf(cue.productId);
    const override = cue.productId ? model.overrides[cue.productId] : undefined;
    const obsActions = obsActionsOf(cue, product, override, this.onAir.scene, 'program');
    const obsSent = model.run.rehearsal ? null : this.sendToObs(model.run.id, cue.id, obsActions, 'cue', source);
    let goRow: LogRow | undefined;
    let overlays: GoResult['overlays'];
    try {
      const target = this.overlayTarget();
      if (!model.run.rehearsal && model.startedAt === null) this.activateTheme(model.run.showId);
      const overlayResults = applyOverlayOps(target, overlayOps(cue, product, override));
      const rows: NewLogRow[] = [
        {
          kind: 'go',
          at: now,
          source,
          cueId: cue.id,
          details: { mode, trigger, from: model.currentCueId, autoGo: autoGoFor(cue, now, target.snapshot().layers.countdown, this.deps.settings.get().autoGoMs) },
        },
        ...overlayResults.map((r) => ({ kind: 'overlay' as const, at: now, source, cueId: cue.id, details: { via: 'cue', ...r.log } })),
      ];
      const change: RunSummaryChange | null = model.startedAt === null ? { state: 'running', startedAt: now } : null;
      [goRow] = this.commit(rows, change);
      if (!model.run.rehearsal) for (const a of obsActions) applyToOnAir(this.onAir, a);
      overlays = overlayResults.map((r) => r.outcome);
    } catch (error) {
      // The Go is not on record (e.g. the disk is full): OBS's answer is still logged when it comes.
      obsSent?.catch((e: unknown) => this.deps.log.warn('OBS result of an unrecorded Go not logged', { error: String(e) }));
      throw error;
    }
    const obs = obsSent ? await obsSent : [];
    return {
      position: this.position(),
      cueId: cue.id,
      seq: goRow!.seq,
      obs,
      overlays,
    };
  }

  /** Send OBS what the log says is on air again. */
  async reapply(ctx: CallContext, reason: 'user' | 'reconnect' = 'user'): Promise<GoResult> {
    const model = this.requireRun();
    if (model.run.rehearsal) throw conflict('A rehearsal does not drive OBS.', 'rehearsal');
    this.onAir = this.foldOnAir(model);
    const actions = reapplyActions(this.onAir, 'program');
    const obs = await this.sendToObs(model.run.id, model.currentCueId, actions, reason === 'user' ? 'reapply' : 'reconnect', sourceOf(ctx));
    return { position: this.position(), cueId: model.currentCueId, seq: this.model?.lastSeq ?? 0, obs, overlays: [] };
  }

  // ---- other live actions -------------------------------------------------------------------

  skip(cueId: string, skip: boolean, ctx: CallContext): LiveSnapshot {
    const model = this.requireActive();
    if (cueIndex(model, cueId) < 0) throw new AppError('NOT_FOUND', `No cue ${cueId} in this run`, { cueId });
    if (skip && cueId === model.currentCueId) throw conflict('The cue on air cannot be skipped.', 'current');
    if (model.skipped.has(cueId) === skip) return this.snapshot();
    this.commit([{ kind: 'skip', at: this.deps.clock.now(), source: sourceOf(ctx), cueId, details: { skip } }]);
    return this.snapshot();
  }

  cancelAutoGo(ctx: CallContext): LiveSnapshot {
    const model = this.requireActive();
    if (!model.autoGo) return this.snapshot();
    this.commit([{ kind: 'autogo', at: this.deps.clock.now(), source: sourceOf(ctx), cueId: model.autoGo.cueId, details: { op: 'cancelled', firesAt: model.autoGo.firesAt } }]);
    return this.snapshot();
  }

  message(text: string, ctx: CallContext): LiveSnapshot {
    const model = this.requireActive();
    this.commit([{ kind: 'message', at: this.deps.clock.now(), source: sourceOf(ctx), cueId: model.currentCueId, details: { text } }]);
    return this.snapshot();
  }

  marker(label: string, quick: number | undefined, ctx: CallContext): { seq: number; at: number } {
    const model = this.requireActive();
    const named = quick ? this.deps.settings.get().quickMarkers[quick - 1] : '';
    const at = this.deps.clock.now();
    const [row] = this.commit([
      { kind: 'marker', at, source: sourceOf(ctx), cueId: model.currentCueId, details: { label: label || named || '', ...(quick ? { quick } : {}) } },
    ]);
    return { seq: row!.seq, at };
  }

  tick(cueId: string, index: number, done: boolean, ctx: CallContext): LiveSnapshot {
    const model = this.requireActive();
    const cue = model.cues[cueIndex(model, cueId)];
    if (!cue) throw new AppError('NOT_FOUND', `No cue ${cueId} in this run`, { cueId });
    const item = cue.checklist[index];
    if (item === undefined) throw new AppError('NOT_FOUND', `Cue ${cueId} has no checklist item ${index}`, { cueId, index });
    this.commit([{ kind: 'checklist', at: this.deps.clock.now(), source: sourceOf(ctx), cueId, details: { index, item, done } }]);
    return this.snapshot();
  }

  /** Live price / stock: recorded, and a card or sticker showing the product follows at once. */
  setProduct(input: z.output<typeof ProductLiveInput>, ctx: CallContext): LiveSnapshot {
    const model = this.requireActive();
    const { productId, ...change } = input;
    const product = this.productOf(productId);
    if (!product) throw new AppError('NOT_FOUND', `No product with id ${productId}`, { id: productId });
    const details: Record<string, unknown> = { productId };
    for (const key of ['livePrice', 'stock', 'soldOut'] as const) if (change[key] !== undefined) details[key] = change[key];
    if (Object.keys(details).length === 1) return this.snapshot();
    const at = this.deps.clock.now();
    const source = sourceOf(ctx);
    const target = this.overlayTarget();
    const patches = productPatches(target.snapshot(), productId, change);
    const results = applyOverlayOps(target, patches);
    this.commit([
      { kind: 'product', at, source, cueId: model.currentCueId, details },
      ...results.map((r) => ({ kind: 'overlay' as const, at, source, cueId: model.currentCueId, details: { via: 'product', ...r.log } })),
    ]);
    return this.snapshot();
  }

  /**
   * Take the show's saved plan (and header: planned start, length, time zone) into the run, as
   * one `plan.reload` row holding the merged rundown (plan-reload.ts). Nothing on air changes;
   * standby follows the new order.
   */
  reloadPlan(ctx: CallContext): LiveSnapshot {
    const model = this.requireActive();
    const show = this.deps.shows.summary(model.run.showId);
    const merge = mergeRundown(model, runCuesOf(this.deps.shows.rundown(model.run.showId)));
    if (merge.cues.length === 0) throw new AppError('BAD_INPUT', 'The saved plan has no cues to run.', { reason: 'empty' });
    const { cues, ...summary } = merge;
    this.commit([
      {
        kind: 'plan.reload',
        at: this.deps.clock.now(),
        source: sourceOf(ctx),
        cueId: model.currentCueId,
        details: { fromRevision: model.showRevision, revision: show.revision, header: headerOf(show), ...summary, cues },
      },
    ]);
    this.planBehind = false;
    return this.snapshot();
  }

  /** After any save of a show: is the run's show ahead of what the run plays? */
  private checkPlan(): void {
    const model = this.model;
    let behind = false;
    if (model && model.state !== 'ended') {
      try {
        behind = this.deps.shows.summary(model.run.showId).revision !== model.showRevision;
      } catch {
        behind = false; // the show was deleted: the run goes on with what it has
      }
    }
    if (behind === this.planBehind) return;
    this.planBehind = behind;
    this.changed();
  }

  /** 返场: a cue for a product, made like its last cue in this run, placed at standby. */
  insertCue(input: z.output<typeof InsertCueInput>, ctx: CallContext): LiveSnapshot {
    const model = this.requireActive();
    const product = this.productOf(input.productId);
    if (!product) throw new AppError('NOT_FOUND', `No product with id ${input.productId}`, { id: input.productId });
    const cue = encoreCue(newId('cue'), product, model.cues, model.cues[cueIndex(model, model.currentCueId)], input);
    this.commit([
      { kind: 'cue.insert', at: this.deps.clock.now(), source: sourceOf(ctx), cueId: cue.id, details: { cue, afterCueId: model.currentCueId } },
    ]);
    return this.snapshot();
  }

  // ---- overlays driven by the run ---------------------------------------------------------

  showOverlay(input: OverlayShowInput, ctx: CallContext): OverlayState {
    return this.overlayAction({ op: 'show', input }, ctx);
  }

  hideOverlay(kind: OverlayKind, ctx: CallContext): OverlayState {
    return this.overlayAction({ op: 'hide', kind }, ctx);
  }

  clearOverlays(ctx: CallContext): OverlayState {
    const target = this.overlayTarget();
    const state = target.clear();
    this.record([{ kind: 'overlay', at: this.deps.clock.now(), source: sourceOf(ctx), cueId: this.model?.currentCueId ?? null, details: { via: 'desk', op: 'clear', ok: true } }]);
    return state;
  }

  /** Overlay calls made outside the cockpit (the REST overlay routes) are on record during a real run. */
  noteOverlayCall(op: 'show' | 'hide' | 'clear', kind: string | null, productId: string | null, ctx: CallContext): void {
    const model = this.model;
    if (!model || model.state === 'ended' || model.run.rehearsal) return;
    this.record([{ kind: 'overlay', at: this.deps.clock.now(), source: sourceOf(ctx), cueId: model.currentCueId, details: { via: 'overlays', op, kind, productId, ok: true } }]);
  }

  private overlayAction(op: OverlayOp, ctx: CallContext): OverlayState {
    const target = this.overlayTarget();
    const [result] = applyOverlayOps(target, [op]);
    if (!result!.outcome.ok) {
      this.record([{ kind: 'overlay', at: this.deps.clock.now(), source: sourceOf(ctx), cueId: this.model?.currentCueId ?? null, details: { via: 'desk', ...result!.log } }]);
      throw result!.error;
    }
    this.record([{ kind: 'overlay', at: this.deps.clock.now(), source: sourceOf(ctx), cueId: this.model?.currentCueId ?? null, details: { via: 'desk', ...result!.log } }]);
    this.followCountdown(op);
    return target.snapshot();
  }

  // ---- internals ------------------------------------------------------------------------------

  private requireRun(): RunModel {
    if (!this.model) throw conflict('No show is armed: arm a show first (POST /api/v1/shows/{id}/arm).', 'idle');
    return this.model;
  }

  private requireActive(): RunModel {
    const model = this.requireRun();
    if (model.state === 'ended') throw conflict('The show has ended.', 'ended');
    return model;
  }

  private overlayTarget(): OverlayService {
    return this.model?.run.rehearsal && this.preview ? this.preview : this.deps.overlays;
  }

  /** Log rows while a run is active (outside one, nothing is recorded). */
  private record(rows: NewLogRow[]): void {
    if (this.model && this.model.state !== 'ended') this.commit(rows);
  }

  /** Commit rows on live.db, then apply them: the only way the run's state changes. */
  private commit(rows: NewLogRow[], change: RunSummaryChange | null = null, runId = this.model?.run.id): LogRow[] {
    if (!runId) return [];
    const committed = this.deps.dao.append(runId, rows, change);
    if (this.model && this.model.run.id === runId) for (const row of committed) reduce(this.model, row);
    this.deps.bus.emit('live.log', { rows: committed });
    this.changed();
    return committed;
  }

  /**
   * The run changed: push the snapshot once this turn of the event loop is done (a burst of rows
   * — a Go with its overlay rows, twenty seats at once — makes one push, not twenty), and
   * re-arm the auto-go timer now.
   */
  private changed(): void {
    this.revision += 1;
    this.scheduleAutoGo();
    this.standbyPreview.kick();
    if (this.pushPending) return;
    this.pushPending = true;
    setImmediate(() => {
      this.pushPending = false;
      this.deps.bus.emit('live.state', this.snapshot());
    });
  }

  private productOf(id: string | null): Product | null {
    return id ? this.deps.product(id) : null;
  }

  private foldOnAir(model: RunModel): OnAir {
    const byId = new Map(model.cues.map((c) => [c.id, c]));
    return expectedOnAir(
      model.fireOrder,
      (id) => byId.get(id),
      (cue) => this.productOf(cue.productId),
      (productId) => (productId ? model.overrides[productId] : undefined),
    );
  }

  /** A countdown restarted by hand during a countdown-following cue moves its auto-go. */
  private followCountdown(op: OverlayOp): void {
    const model = this.model;
    if (!model || op.op !== 'show' || op.input.kind !== 'countdown' || model.state !== 'running') return;
    const cue = model.cues[cueIndex(model, model.currentCueId)];
    if (!cue || cue.autoFollow !== 'countdown') return;
    const countdown = this.overlayTarget().snapshot().layers.countdown.content;
    if (!countdown) return;
    const firesAt = countdown.endsAt + this.deps.settings.get().autoGoMs;
    if (model.autoGo?.firesAt === firesAt) return;
    this.commit([{ kind: 'autogo', at: this.deps.clock.now(), source: 'system', cueId: cue.id, details: { op: 'scheduled', startsAt: countdown.endsAt, firesAt } }]);
  }

  private scheduleAutoGo(): void {
    if (this.autoTimer !== null) this.timers.clearTimeout(this.autoTimer);
    this.autoTimer = null;
    const model = this.model;
    const auto = model?.state === 'running' ? model.autoGo : null;
    if (!model || !auto || standbyOf(model) === null) return;
    const delay = Math.max(0, auto.firesAt - this.deps.clock.now());
    this.autoTimer = this.timers.setTimeout(() => {
      this.autoTimer = null;
      if (this.model !== model || model.autoGo !== auto) return;
      this.fire('next', null, { expectedCueId: auto.cueId, trigger: 'auto' }, { door: 'internal', source: 'auto' }).catch((error: unknown) => {
        if (!(error instanceof AppError && error.code === 'CONFLICT')) this.deps.log.warn('auto-go failed', { error: String(error) });
      });
    }, delay);
  }

  /** The show's own overlay theme goes on air with its first cue; saved when the catalog's database is free. */
  private activateTheme(showId: string): void {
    try {
      this.deps.overlays.setActiveShow(showId, (save) => this.deps.deferWrite(save));
    } catch (error) {
      this.deps.log.warn('show theme not activated', { error: String(error) });
    }
  }

  private async sendToObs(runId: string, cueId: string | null, actions: ObsAction[], reason: string, source: string): Promise<ObsActionOutcome[]> {
    if (actions.length === 0) return [];
    const results = await this.follow.sending(() => this.deps.obs.applyActions(actions));
    const outcomes: ObsActionOutcome[] = actions.map((action, i) => {
      const r = results[i] ?? { ok: false, code: 'request_failed', message: 'No result' };
      return { action: describeObsAction(action), ok: r.ok, ...(r.code ? { code: r.code } : {}), ...(r.message ? { message: r.message } : {}) };
    });
    this.commit([{ kind: 'obs', at: this.deps.clock.now(), source, cueId, details: { reason, outcomes } }], null, runId);
    return outcomes;
  }

  /** After a restart: fold the open run's log (the restore file) and note the resume. */
  private restore(): void {
    const run = this.deps.dao.openRun();
    if (!run) return;
    const rows = this.deps.dao.rows(run.id);
    this.model = modelFromLog(run, rows);
    this.onAir = this.foldOnAir(this.model);
    if (run.rehearsal) {
      this.preview = this.deps.createPreview();
      this.preview.setActiveShow(run.showId);
    }
    const now = this.deps.clock.now();
    const last = rows[rows.length - 1];
    const resume: NewLogRow[] = [
      { kind: 'resume', at: now, source: 'system', cueId: this.model.currentCueId, details: { lastSeq: this.model.lastSeq, downMs: last ? Math.max(0, now - last.at) : 0 } },
    ];
    const auto = this.model.autoGo;
    if (auto && auto.firesAt <= now) {
      // Cuecart was down when this auto-go was due: it does not fire late by itself.
      resume.push({ kind: 'autogo', at: now, source: 'system', cueId: auto.cueId, details: { op: 'missed', firesAt: auto.firesAt } });
    }
    this.commit(resume);
    this.checkPlan();
  }

  dispose(): void {
    if (this.autoTimer !== null) this.timers.clearTimeout(this.autoTimer);
    this.autoTimer = null;
    this.follow.dispose();
    this.standbyPreview.dispose();
    for (const off of this.unsubscribe.splice(0)) off();
  }
}

/** The plan's cues in order, each with its segment, as a run keeps them. */
export function runCuesOf(segments: readonly Segment[]): RunCue[] {
  const out: RunCue[] = [];
  for (const segment of segments) {
    for (const cue of segment.cues) out.push({ ...cue, segmentId: segment.id, segmentTitle: segment.title, adHoc: false });
  }
  return out;
}

/** The show's header as armed: what a recap compares the run with. */
function headerOf(show: ShowSummary): Record<string, unknown> {
  const { title, platform, startAt, timeZone, plannedLengthMs, canvas, goalGmv, goalOrders, hostIds, revision } = show;
  return { title, platform, startAt, timeZone, plannedLengthMs, canvas, goalGmv, goalOrders, hostIds, revision };
}
