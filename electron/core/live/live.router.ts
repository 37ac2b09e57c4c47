import { AppError } from '../../contract';
import type { RouterPart } from '../handlers';
import type { LiveSettingsStore } from './live-settings';
import { exportLog } from './log-export';
import type { LiveService } from './live.service';
import type { RunLogDao } from './run-log.dao';

type LiveMethods =
  | 'live.get'
  | 'live.plan'
  | 'live.plan.reload'
  | 'live.arm'
  | 'live.go'
  | 'live.back'
  | 'live.jump'
  | 'live.skip'
  | 'live.end'
  | 'live.close'
  | 'live.autogo.cancel'
  | 'live.reapply'
  | 'live.message'
  | 'live.marker'
  | 'live.product.set'
  | 'live.checklist.tick'
  | 'live.cues.insert'
  | 'live.overlays.show'
  | 'live.overlays.hide'
  | 'live.overlays.clear'
  | 'live.overlays.get'
  | 'live.log'
  | 'live.log.export'
  | 'live.runs'
  | 'live.settings.get'
  | 'live.settings.set'
  | 'session.get'
  | 'session.prompter';

export function liveRouter(live: LiveService, dao: RunLogDao, settings: LiveSettingsStore, viewerToken: string | null): RouterPart<LiveMethods> {
  return {
    'live.get': () => live.view(),
    'live.plan': () => live.plan(),
    'live.plan.reload': (_input, ctx) => live.reloadPlan(ctx),
    'live.arm': (input, ctx) => live.arm(input, ctx),
    'live.go': (input, ctx) => live.go(input, ctx),
    'live.back': (input, ctx) => live.back(input, ctx),
    'live.jump': ({ cueId, ...input }, ctx) => live.jump(cueId, input, ctx),
    'live.skip': ({ cueId, skip }, ctx) => live.skip(cueId, skip, ctx),
    'live.end': (_input, ctx) => live.end(ctx),
    'live.close': () => live.close(),
    'live.autogo.cancel': (_input, ctx) => live.cancelAutoGo(ctx),
    'live.reapply': (_input, ctx) => live.reapply(ctx),
    'live.message': ({ text }, ctx) => live.message(text, ctx),
    'live.marker': ({ label, quick }, ctx) => live.marker(label, quick, ctx),
    'live.product.set': (input, ctx) => live.setProduct(input, ctx),
    'live.checklist.tick': ({ cueId, index, done }, ctx) => live.tick(cueId, index, done, ctx),
    'live.cues.insert': (input, ctx) => live.insertCue(input, ctx),
    'live.overlays.show': (input, ctx) => live.showOverlay(input, ctx),
    'live.overlays.hide': ({ kind }, ctx) => live.hideOverlay(kind, ctx),
    'live.overlays.clear': (_input, ctx) => live.clearOverlays(ctx),
    'live.overlays.get': () => live.overlayState(),
    'live.log': ({ runId, since, limit, tail }) => {
      if (runId && !dao.run(runId)) throw new AppError('NOT_FOUND', `No run ${runId}`, { runId });
      const id = runId ?? live.snapshot().runId ?? dao.list()[0]?.id ?? null;
      const rows = !id ? [] : tail ? dao.tail(id, tail) : dao.rows(id, since ?? 0, limit ?? 50_000);
      return { runId: id, rows, lastSeq: rows.at(-1)?.seq ?? since ?? 0 };
    },
    'live.log.export': ({ runId, format, lang }) => {
      const id = runId ?? live.snapshot().runId ?? dao.list()[0]?.id;
      const run = id ? dao.run(id) : null;
      if (!run) throw new AppError('NOT_FOUND', runId ? `No run ${runId}` : 'No show has been run yet.', { runId: runId ?? null });
      return exportLog(run, dao.rows(run.id), format, lang);
    },
    'live.runs': (filter) => dao.list(filter),
    'live.settings.get': () => settings.get(),
    'live.settings.set': (patch) => settings.set(patch),
    'session.get': (_input, ctx) => ({ role: ctx.role ?? 'operator', door: ctx.door, seat: ctx.seat ?? null }),
    'session.prompter': () => ({ viewerToken }),
  };
}
