import {
  AppError,
  RECAP_KINDS,
  type Conclusions,
  type Curve,
  type ImportedFile,
  type Recap,
  type RecapKind,
  type RecapListItem,
  type RecapTotals,
  type RunCue,
  type RunSummary,
  type ShowSummary,
  type TrafficRow,
  type LogRow,
  type RecapListInput,
  type MatchesSetInput,
} from '../../contract';
import type { z } from 'zod';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { HostsDao } from '../hosts/hosts.dao';
import type { ProductsDao } from '../products/products.dao';
import type { ShowsService } from '../shows/shows.service';
import { rememberKey } from './import/match';
import { emptyTotals } from './import/read-totals';
import { buildRecap } from './model/build';
import { TimelineFold, type TimelineResult } from './model/timeline';
import { aov, gpm, ratio, uvValue } from './model/metrics';
import type { CatalogFacts } from './model/products';
import type { RecapsDao } from './recaps.dao';
import type { RunDigests } from './run-digest';
import type { RunReads } from './run-reads';

export interface RecapsServiceDeps {
  dao: RecapsDao;
  runs: RunReads;
  digests: RunDigests;
  shows: ShowsService;
  products: ProductsDao;
  hosts: HostsDao;
  clock: Clock;
  bus: EventBus;
  /** Record a product's id on a platform (a match fixed by hand teaches the catalog). */
  setPlatformId(productId: string, platform: string, platformProductId: string): void;
}

/** The show's current rundown as run cues (what a show without a run log is recapped against). */
export function planCuesOf(shows: ShowsService, id: string): RunCue[] {
  return shows.rundown(id).flatMap((s) => s.cues.map((c) => ({ ...c, segmentId: s.id, segmentTitle: s.title, adHoc: false }) as RunCue));
}

/** Imported totals with the figures typed by hand written over them. */
export function mergeTotals(imported: Partial<RecapTotals> | null, manual: Partial<RecapTotals>): RecapTotals | null {
  const typed = Object.entries(manual).filter(([, v]) => v !== null && v !== undefined);
  if (!imported && typed.length === 0) return null;
  return { ...emptyTotals(), ...imported, ...Object.fromEntries(typed) };
}

/** The recap domain: builds recaps from the plan, the run log and the platform files; keeps what people add. */
export class RecapsService {
  constructor(private readonly deps: RecapsServiceDeps) {}

  async get(showId: string, runId?: string): Promise<Recap> {
    return (await this.getWithLog(showId, runId)).recap;
  }

  /** The recap and the run's whole log (the workbook's log sheet). */
  async getWithLog(showId: string, runId?: string): Promise<{ recap: Recap; log: LogRow[] }> {
    const show = this.deps.shows.summary(showId);
    const run = this.deps.runs.pick(showId, runId);
    const log: LogRow[] = [];
    let folded: TimelineResult | undefined;
    if (run) {
      // The timeline is folded as the log is read, a slice per turn of the event loop.
      const fold = new TimelineFold(run.plan, show.startAt);
      for await (const slice of this.deps.runs.slices(run.id)) {
        fold.push(slice);
        for (const r of slice) log.push(r);
      }
      folded = fold.finish(run.endedAt ?? Math.max(log.at(-1)?.at ?? 0, this.deps.clock.now()));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // The previous show and then this one, each in its own turn of the event loop.
    const previous = this.previousOf(show);
    await new Promise<void>((resolve) => setImmediate(resolve));
    return { recap: this.assemble(show, run, log, previous, folded), log };
  }

  /** A lighter recap for comparisons and the previous show: the run's digest rows only. */
  private light(show: ShowSummary): Recap {
    const run = this.deps.runs.pick(show.id);
    return this.assemble(show, run, run ? this.deps.runs.digestRows(run.id) : [], null);
  }

  private assemble(show: ShowSummary, run: ReturnType<RunReads['pick']>, rows: readonly LogRow[], previous: Recap['previous'], folded?: TimelineResult): Recap {
    const { dao } = this.deps;
    const plan = run ? run.plan : planCuesOf(this.deps.shows, show.id);
    const sales = dao.sales(show.id);
    const files = dao.imports(show.id);
    const recapShow = dao.recapShow(show.id);
    const imports = Object.fromEntries(RECAP_KINDS.map((k) => [k, files.find((f) => f.kind === k) ?? null])) as Record<RecapKind, ImportedFile | null>;
    const totals = mergeTotals((dao.importOf(show.id, 'totals')?.data as Partial<RecapTotals> | null) ?? null, recapShow.manualTotals);
    if (!imports.totals && totals) imports.totals = { kind: 'totals', fileName: '', format: 'manual', importedAt: show.updatedAt, rows: 1, refused: 0 };
    const ids = new Set<string>();
    for (const c of plan) if (c.productId) ids.add(c.productId);
    for (const s of sales) if (s.productId) ids.add(s.productId);
    const catalog = new Map<string, CatalogFacts>(
      this.deps.products
        .getMany([...ids])
        .map((p) => [p.id, { sku: p.sku, title: p.title, role: p.role, livePrice: p.livePrice, commissionRate: p.commissionRate === null ? null : p.commissionRate / 10_000, costPrice: p.costPrice }]),
    );
    const hostNames = new Map(this.deps.hosts.list().map((h) => [h.id, h.name]));
    const runs = this.deps.runs.realRuns(show.id).map(toRecapRun);
    return buildRecap({
      show: {
        id: show.id,
        title: show.title,
        platform: show.platform,
        startAt: show.startAt,
        timeZone: show.timeZone,
        plannedLengthMs: show.plannedLengthMs,
        canvas: show.canvas,
        goalGmv: show.goalGmv,
        goalOrders: show.goalOrders,
        hosts: show.hostIds.filter((h) => hostNames.has(h)).map((id) => ({ id, name: hostNames.get(id)! })),
      },
      run: run ? (runs.find((r) => r.id === run.id) ?? toRecapRun({ ...run, logCount: rows.length })) : null,
      runs,
      plan,
      rows,
      folded,
      sales,
      totals,
      typedTotals: Object.fromEntries(Object.entries(recapShow.manualTotals).filter(([, v]) => v !== null && v !== undefined)),
      curve: (dao.importOf(show.id, 'curve')?.data as Curve | undefined) ?? null,
      traffic: (dao.importOf(show.id, 'traffic')?.data as TrafficRow[] | undefined) ?? [],
      imports,
      catalog,
      conclusions: { worked: '', problems: '', actions: [], ...recapShow.conclusions, updatedAt: recapShow.conclusionsAt },
      previous,
      now: this.deps.clock.now(),
    });
  }

  /** The latest earlier show on the same platform that has a run or platform data. */
  private previousOf(show: ShowSummary): Recap['previous'] {
    const withData = new Set([...this.deps.dao.digests().keys(), ...this.deps.runs.allRealRuns().filter((r) => r.startedAt !== null).map((r) => r.showId)]);
    const prev = this.deps.shows
      .list(false)
      .filter((s) => s.id !== show.id && s.platform === show.platform && s.startAt < show.startAt && withData.has(s.id))
      .sort((a, b) => b.startAt - a.startAt)[0];
    if (!prev) return null;
    const r = this.light(prev);
    return { showId: prev.id, title: prev.title, startAt: prev.startAt, metrics: r.metrics };
  }

  list(filter: z.infer<typeof RecapListInput>): RecapListItem[] {
    const now = this.deps.clock.now();
    const digests = this.deps.dao.digests();
    const latestRun = new Map<string, RunSummary>();
    for (const r of this.deps.runs.allRealRuns()) if (r.startedAt !== null && !latestRun.has(r.showId)) latestRun.set(r.showId, r);
    const hostNames = new Map(this.deps.hosts.list().map((h) => [h.id, h.name]));
    const q = filter.q?.trim().toLowerCase();
    const out: RecapListItem[] = [];
    for (const show of this.deps.shows.list(false)) {
      const data = digests.get(show.id);
      const run = latestRun.get(show.id);
      if (!(show.startAt <= now || data || run)) continue;
      if (filter.platform && show.platform !== filter.platform) continue;
      if (filter.hostId && !show.hostIds.includes(filter.hostId)) continue;
      if (filter.from !== undefined && show.startAt < filter.from) continue;
      if (filter.to !== undefined && show.startAt >= filter.to) continue;
      if (q && !show.title.toLowerCase().includes(q)) continue;
      const totals = mergeTotals(data?.totals ?? null, data?.manual ?? {});
      const gmv = totals?.gmv ?? data?.productGmv ?? null;
      const orders = totals?.orders ?? data?.productOrders ?? null;
      const digest = run ? this.deps.digests.of(run) : null;
      const durationMs = run?.startedAt != null && run.endedAt !== null ? run.endedAt - run.startedAt : (totals?.durationMs ?? null);
      out.push({
        showId: show.id,
        title: show.title,
        platform: show.platform,
        startAt: show.startAt,
        status: show.status,
        hosts: show.hostIds.filter((h) => hostNames.has(h)).map((id) => ({ id, name: hostNames.get(id)! })),
        runId: run?.id ?? null,
        imports: data?.kinds ?? [],
        gmv,
        orders,
        viewers: totals?.viewers ?? null,
        views: totals?.views ?? null,
        gpm: gpm(gmv, totals?.views ?? null),
        uvValue: uvValue(gmv, totals?.viewers ?? null),
        aov: aov(gmv, totals?.buyers ?? null),
        goalGmv: show.goalGmv,
        goalAchieved: ratio(gmv, show.goalGmv),
        planAdherence: digest?.planAdherence ?? null,
        durationMs,
        timeOverPlanMs: durationMs === null || show.plannedLengthMs <= 0 ? null : durationMs - show.plannedLengthMs,
      });
    }
    return out.sort((a, b) => b.startAt - a.startAt);
  }

  setTotals(showId: string, patch: Partial<RecapTotals>): RecapTotals {
    this.deps.shows.summary(showId);
    const current = this.deps.dao.recapShow(showId).manualTotals;
    const next = { ...current, ...patch };
    this.deps.dao.setManualTotals(showId, next, this.deps.clock.now());
    this.deps.bus.dataChanged('recaps');
    return mergeTotals((this.deps.dao.importOf(showId, 'totals')?.data as Partial<RecapTotals> | null) ?? null, next) ?? emptyTotals();
  }

  setMatches(input: z.infer<typeof MatchesSetInput>): { updated: number } {
    const show = this.deps.shows.summary(input.id);
    const sales = new Map(this.deps.dao.sales(show.id).map((s) => [s.row, s]));
    const missing = input.matches.filter((m) => !sales.has(m.row));
    if (missing.length) throw new AppError('NOT_FOUND', `No product row ${missing.map((m) => m.row).join(', ')} in this show's sales file`, { rows: missing.map((m) => m.row) });
    const ids = [...new Set(input.matches.map((m) => m.productId).filter((id): id is string => id !== null))];
    const found = new Set(this.deps.products.getMany(ids).map((p) => p.id));
    const unknown = ids.filter((id) => !found.has(id));
    if (unknown.length) throw new AppError('NOT_FOUND', `No product with id ${unknown.join(', ')}`, { ids: unknown });
    const changes = input.matches.map((m) => ({ row: m.row, productId: m.productId, key: rememberKey(sales.get(m.row)!) }));
    const updated = this.deps.dao.setMatches(show.id, show.platform, changes, this.deps.clock.now());
    // The product learns its id on this platform, where it has none yet: the next file matches by id.
    const products = new Map(this.deps.products.getMany(ids).map((p) => [p.id, p]));
    for (const m of input.matches) {
      const pid = sales.get(m.row)!.platformProductId;
      const product = m.productId ? products.get(m.productId) : undefined;
      if (product && pid && !(product.platformIds as Record<string, string | undefined>)[show.platform]) {
        this.deps.setPlatformId(product.id, show.platform, pid);
        (product.platformIds as Record<string, string>)[show.platform] = pid;
      }
    }
    this.deps.bus.dataChanged('recaps');
    return { updated };
  }

  setConclusions(showId: string, conclusions: Conclusions): Conclusions & { updatedAt: number } {
    this.deps.shows.summary(showId);
    const now = this.deps.clock.now();
    this.deps.dao.setConclusions(showId, conclusions, now);
    this.deps.bus.dataChanged('recaps');
    return { ...conclusions, updatedAt: now };
  }

  removeImport(showId: string, kind: RecapKind): { id: string; kind: RecapKind; removed: boolean } {
    this.deps.shows.summary(showId);
    const removed = this.deps.dao.removeImport(showId, kind);
    if (removed) this.deps.bus.dataChanged('recaps');
    return { id: showId, kind, removed };
  }
}

function toRecapRun(r: { id: string; armedAt: number; startedAt: number | null; endedAt: number | null; state: string; logCount: number }): NonNullable<Recap['run']> {
  return { id: r.id, armedAt: r.armedAt, startedAt: r.startedAt, endedAt: r.endedAt, state: r.state, logCount: r.logCount };
}
