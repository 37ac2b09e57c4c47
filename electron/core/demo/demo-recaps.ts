import fs from 'node:fs';
import path from 'node:path';
import type { RunCue } from '../../contract';
import { newId } from '../ids';
import type { RunLogDao } from '../live/run-log.dao';
import type { ProductsDao } from '../products/products.dao';
import { demoRecapDir, readDemoManifest } from '../recaps/demo-files';
import type { RecapImportService } from '../recaps/import/import.service';
import type { RecapsService } from '../recaps/recaps.service';
import { planCuesOf } from '../recaps/recaps.service';
import type { ShowsService } from '../shows/shows.service';
import { DemoRuns, demoRunRows } from './demo-run';
import { DemoWorkspace } from './demo.schema';

export interface DemoRecapDeps {
  resourcesDir: string;
  shows: ShowsService;
  runLog: RunLogDao;
  products: ProductsDao;
  imports: RecapImportService;
  recaps: RecapsService;
}

/**
 * The demo's past shows get what a real show leaves behind: an as-run log (written through the
 * show runner's own RunLogDao, so it is a real run: the Live page's run list and every recap
 * read it like any other) and the platform's exports, imported through the recap import like a
 * user's files. Called after loadDemo, which (re)creates the shows.
 */
export async function loadDemoRecaps(deps: DemoRecapDeps): Promise<{ runs: number; files: number }> {
  const demoDir = path.join(deps.resourcesDir, 'demo');
  const ws = DemoWorkspace.parse(JSON.parse(fs.readFileSync(path.join(demoDir, 'workspace.json'), 'utf8')));
  const specs = DemoRuns.parse(JSON.parse(fs.readFileSync(path.join(demoRecapDir(deps.resourcesDir), 'runs.json'), 'utf8')));
  const shows = deps.shows.list(false);
  const showOf = (key: string) => {
    const title = ws.shows.find((s) => s.key === key)?.title;
    return shows.find((s) => s.title === title) ?? null;
  };
  let runs = 0;
  for (const spec of specs.runs) {
    const show = showOf(spec.show);
    if (!show) continue;
    const plan = planCuesOf(deps.shows, show.id);
    // An encore is made like the product's last cue and placed in the segment on air, as the runner does.
    const encore = (sku: string, after: RunCue): RunCue | null => {
      const product = deps.products.getBySku(sku);
      const like = [...plan].reverse().find((c) => c.productId === product?.id);
      return like ? { ...like, id: newId('cue'), segmentId: after.segmentId, segmentTitle: after.segmentTitle } : null;
    };
    const run = demoRunRows(spec, plan, show.startAt, encore);
    const runId = newId('run');
    deps.runLog.createRun(
      {
        id: runId,
        showId: show.id,
        showTitle: show.title,
        platform: show.platform,
        canvas: show.canvas,
        rehearsal: false,
        armedAt: run.armedAt,
        show: {
          title: show.title,
          platform: show.platform,
          startAt: show.startAt,
          timeZone: show.timeZone,
          plannedLengthMs: show.plannedLengthMs,
          canvas: show.canvas,
          goalGmv: show.goalGmv,
          goalOrders: show.goalOrders,
          hostIds: show.hostIds,
          revision: show.revision,
        },
        plan,
      },
      [{ kind: 'arm', at: run.armedAt, source: 'desk', cueId: null, details: { showId: show.id, showTitle: show.title, rehearsal: false, cueCount: plan.length, replacedRunId: null } }],
    );
    deps.runLog.append(runId, run.rows, { state: 'ended', startedAt: run.startedAt, endedAt: run.endedAt });
    if (spec.conclusions) deps.recaps.setConclusions(show.id, spec.conclusions);
    runs += 1;
  }
  let files = 0;
  for (const f of readDemoManifest(deps.resourcesDir).files) {
    const show = showOf(f.show);
    if (!show) continue;
    const bytes = fs.readFileSync(path.join(demoRecapDir(deps.resourcesDir), f.file));
    await deps.imports.apply({ id: show.id, kind: f.kind, fileName: path.basename(f.file), contentBase64: '', replace: true }, bytes);
    files += 1;
  }
  return { runs, files };
}
