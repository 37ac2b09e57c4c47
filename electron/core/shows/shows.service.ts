import { z } from 'zod';
import {
  AppError,
  PlanSetInput,
  ShowCreateInput,
  ShowDuplicateInput,
  ShowUpdateInput,
  type Product,
  type Segment,
  type ShowDetail,
  type ShowFields,
  type ShowSummary,
} from '../../contract';
import type { Db } from '../../../db/open';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { HostsDao } from '../hosts/hosts.dao';
import { newId } from '../ids';
import type { ProductsDao } from '../products/products.dao';
import { PlanDao } from './plan.dao';
import { buildShowDetail, productIdsOf, remintRundown } from './show-detail';
import { ShowsDao } from './shows.dao';

type Issue = { path: (string | number)[]; code: string; message: string };

/**
 * Shows and their plans. Every change bumps the show's revision; a save that names an older
 * revision is refused (CONFLICT), so two editors never silently overwrite each other. A plan
 * may only point at products and hosts that exist.
 */
export class ShowsService {
  readonly dao: ShowsDao;
  readonly plans: PlanDao;
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly hosts: HostsDao,
    private readonly products: ProductsDao,
  ) {
    this.dao = new ShowsDao(db);
    this.plans = new PlanDao(db);
  }

  list(templates = false): ShowSummary[] {
    return this.dao.list(templates);
  }

  summary(id: string): ShowSummary {
    const show = this.dao.get(id);
    if (!show) throw new AppError('NOT_FOUND', `No show with id ${id}`, { id });
    return show;
  }

  rundown(id: string): Segment[] {
    const hostIds = this.hosts.ids();
    return this.plans.read(id, (h) => hostIds.has(h));
  }

  /** Products the rundown points at, by id. */
  productsOf(segments: readonly Segment[]): Map<string, Product> {
    return new Map(this.products.getMany(productIdsOf(segments)).map((p) => [p.id, p]));
  }

  get(id: string): ShowDetail {
    const show = this.summary(id);
    const segments = this.rundown(id);
    return buildShowDetail(show, segments, this.productsOf(segments));
  }

  create(input: z.output<typeof ShowCreateInput>, isTemplate = false): ShowSummary {
    const { segments, ...fields } = input;
    const rundown = segments ? remintRundown(segments) : [{ id: newId('seg'), title: '', cues: [] }];
    const id = newId('shw');
    this.db.transaction(() => {
      this.assertReferences(fields.hostIds, rundown);
      this.dao.insert(id, fields, isTemplate, this.clock.now());
      this.plans.replace(id, rundown);
    });
    return this.changed(id);
  }

  update(input: z.output<typeof ShowUpdateInput>): ShowSummary {
    const { id, baseRevision, ...patch } = input;
    this.db.transaction(() => {
      this.assertRevision(id, baseRevision);
      if (patch.hostIds) this.assertReferences(patch.hostIds, []);
      this.dao.update(id, patch, this.clock.now());
    });
    return this.changed(id);
  }

  delete(id: string): { id: string } {
    if (!this.dao.delete(id)) throw new AppError('NOT_FOUND', `No show with id ${id}`, { id });
    this.bus.dataChanged('shows');
    return { id };
  }

  /** Duplicate, save as template, or start a show from a template: a copy with fresh ids. */
  duplicate(input: z.output<typeof ShowDuplicateInput>): ShowSummary {
    const source = this.summary(input.id);
    const fields: ShowFields = {
      ...pickFields(source),
      title: input.title ?? source.title,
      startAt: input.startAt ?? source.startAt,
      timeZone: input.timeZone ?? source.timeZone,
      status: 'draft',
    };
    return this.create({ ...fields, segments: this.rundown(source.id) }, input.asTemplate ?? source.isTemplate);
  }

  /** Replace fields and rundown in one transaction, if nobody changed the show since `baseRevision`. */
  setPlan(input: z.output<typeof PlanSetInput>): { id: string; revision: number; updatedAt: number } {
    const now = this.clock.now();
    const revision = this.db.transaction(() => {
      this.assertRevision(input.id, input.baseRevision);
      this.assertReferences(input.fields.hostIds, input.segments);
      this.plans.replace(input.id, input.segments);
      return this.dao.update(input.id, input.fields, now);
    });
    this.bus.dataChanged('shows');
    return { id: input.id, revision, updatedAt: now };
  }

  private changed(id: string): ShowSummary {
    this.bus.dataChanged('shows');
    return this.summary(id);
  }

  private assertRevision(id: string, baseRevision: number | undefined): void {
    const current = this.summary(id);
    if (baseRevision !== undefined && baseRevision !== current.revision) {
      throw new AppError('CONFLICT', `The show changed elsewhere (revision ${current.revision}, this edit was made on ${baseRevision})`, {
        reason: 'revision',
        revision: current.revision,
      });
    }
  }

  /** Every host and product the plan names must exist here. */
  private assertReferences(showHostIds: string[], segments: readonly Segment[]): void {
    const hostIds = this.hosts.ids();
    const productIds = new Set(this.products.getMany(productIdsOf(segments)).map((p) => p.id));
    const issues: Issue[] = [];
    showHostIds.forEach((h, i) => hostIds.has(h) || issues.push({ path: ['hostIds', i], code: 'unknown_host', message: `No host ${h}` }));
    segments.forEach((s, si) =>
      s.cues.forEach((c, ci) => {
        const at = ['segments', si, 'cues', ci];
        if (c.productId && !productIds.has(c.productId)) issues.push({ path: [...at, 'productId'], code: 'unknown_product', message: `No product ${c.productId}` });
        c.hostIds.forEach((h, hi) => hostIds.has(h) || issues.push({ path: [...at, 'hostIds', hi], code: 'unknown_host', message: `No host ${h}` }));
      }),
    );
    if (issues.length > 0) throw new AppError('BAD_INPUT', `The plan names ${issues.length} missing product(s) or host(s): ${issues[0]!.message}`, { issues });
  }
}

function pickFields(s: ShowSummary): ShowFields {
  const { title, platform, startAt, timeZone, plannedLengthMs, status, canvas, goalGmv, goalOrders, notes, hostIds } = s;
  return { title, platform, startAt, timeZone, plannedLengthMs, status, canvas, goalGmv, goalOrders, notes, hostIds };
}
