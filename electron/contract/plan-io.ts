import { z } from 'zod';
import { Host } from './catalog';
import { Id, Instant, MediaHash } from './common';
import { Base64File, BUNDLE_MAX_BYTES } from './limits';
import { Rundown } from './cues';
import type { MethodDef } from './methods';
import { Product } from './products';
import { ShowFields } from './shows';

// Run sheets and plan bundles. Files cross IPC and WebSocket as base64; the control API sends
// and takes the raw bytes instead (electron/server/plan-routes.ts) through these same methods.

export const RUNSHEET_FORMATS = ['xlsx', 'html', 'pdf'] as const;
export const RunsheetFormat = z.enum(RUNSHEET_FORMATS);
export const EXPORT_LANGS = ['zh-CN', 'en'] as const;
export const ExportLang = z.enum(EXPORT_LANGS);
export type ExportLang = z.infer<typeof ExportLang>;

export const FileOutput = z.object({ fileName: z.string(), mime: z.string(), contentBase64: z.string() });
export type FileOutput = z.infer<typeof FileOutput>;

/** The version-1 plan bundle: one JSON document, images inside as base64 (see README "Plan bundle format"). */
export const PLAN_BUNDLE_FORMAT = 'cuecart.plan';
export const PLAN_BUNDLE_VERSION = 1;
export const BUNDLE_MIME = 'application/vnd.cuecart.plan+json';
export const BUNDLE_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

export const BundleMedia = z.object({
  hash: MediaHash,
  mime: z.enum(BUNDLE_MEDIA_TYPES),
  /** The file's bytes, base64; the importer checks that they hash to `hash`. */
  data: z.string().min(1),
});

export const PlanBundle = z
  .object({
    format: z.literal(PLAN_BUNDLE_FORMAT),
    version: z.literal(PLAN_BUNDLE_VERSION),
    exportedAt: Instant,
    generator: z.object({ app: z.literal('cuecart'), version: z.string().max(40) }),
    show: ShowFields.extend({ id: Id, isTemplate: z.boolean() }),
    segments: Rundown,
    products: z.array(Product).max(5000),
    hosts: z.array(Host).max(500),
    media: z.array(BundleMedia).max(20_000),
  })
  .superRefine((b, ctx) => {
    // A bundle is self-contained: everything it points at travels with it.
    const products = new Set(b.products.map((p) => p.id));
    const hosts = new Set(b.hosts.map((h) => h.id));
    const media = new Set(b.media.map((m) => m.hash));
    const missing = (path: (string | number)[], what: string) => ctx.addIssue({ code: 'custom', path, message: `${what} is not in the bundle` });
    b.show.hostIds.forEach((id, i) => hosts.has(id) || missing(['show', 'hostIds', i], `Host ${id}`));
    b.segments.forEach((s, si) =>
      s.cues.forEach((c, ci) => {
        if (c.productId && !products.has(c.productId)) missing(['segments', si, 'cues', ci, 'productId'], `Product ${c.productId}`);
        c.hostIds.forEach((id, hi) => hosts.has(id) || missing(['segments', si, 'cues', ci, 'hostIds', hi], `Host ${id}`));
      }),
    );
    b.products.forEach((p, pi) => p.images.forEach((h, ii) => media.has(h) || missing(['products', pi, 'images', ii], `Image ${h}`)));
    b.hosts.forEach((h, hi) => h.avatar && !media.has(h.avatar) && missing(['hosts', hi, 'avatar'], `Image ${h.avatar}`));
    const skus = new Set<string>();
    b.products.forEach((p, pi) => {
      if (skus.has(p.sku)) ctx.addIssue({ code: 'custom', path: ['products', pi, 'sku'], message: `SKU ${p.sku} is in the bundle twice` });
      skus.add(p.sku);
    });
  });
export type PlanBundle = z.infer<typeof PlanBundle>;

/** When a SKU or host is already here: overwrite it, keep ours, or import theirs as a copy. */
export const CONFLICT_CHOICES = ['update', 'keep', 'copy'] as const;
export const ConflictChoice = z.enum(CONFLICT_CHOICES);
export type ConflictChoice = z.infer<typeof ConflictChoice>;

export const BundleFileInput = z.object({ contentBase64: Base64File(BUNDLE_MAX_BYTES, 'The plan bundle') });

export const BundlePreview = z.object({
  show: z.object({ title: z.string(), startAt: Instant, platform: z.string(), cues: z.number().int(), isTemplate: z.boolean() }),
  exportedAt: Instant,
  generatorVersion: z.string(),
  products: z.object({
    total: z.number().int(),
    /** Bundle SKUs that already exist here, with the title each has here. */
    existing: z.array(z.object({ sku: z.string(), title: z.string(), localTitle: z.string() })),
  }),
  hosts: z.object({ total: z.number().int(), existing: z.array(z.object({ name: z.string(), localName: z.string() })) }),
  media: z.number().int(),
});
export type BundlePreview = z.infer<typeof BundlePreview>;

const Tally = z.object({ created: z.number().int(), updated: z.number().int(), kept: z.number().int(), copied: z.number().int() });
export const BundleImportResult = z.object({
  showId: Id,
  title: z.string(),
  products: Tally,
  hosts: Tally,
  media: z.number().int(),
});
export type BundleImportResult = z.infer<typeof BundleImportResult>;

const def = <I extends z.ZodType, O extends z.ZodType>(d: MethodDef<I, O>) => d;

/** Spread into the contract's `methods`. No `http`: plan-routes.ts serves raw files for them. */
export const planIoMethods = {
  'shows.runsheet': def({
    input: z.object({ id: Id, format: RunsheetFormat, lang: ExportLang.default('zh-CN') }),
    output: FileOutput,
    write: false,
    summary: 'The run sheet as XLSX, or host cue cards as HTML or PDF (PDF needs Chromium: UNAVAILABLE otherwise), in Chinese or English; base64.',
  }),
  'shows.bundle.export': def({
    input: z.object({ id: Id }),
    output: FileOutput,
    write: false,
    summary: 'A show with its products, hosts and images as one plan bundle file (JSON, base64).',
  }),
  'bundles.preview': def({
    input: BundleFileInput,
    output: BundlePreview,
    write: false,
    summary: 'Check a plan bundle (base64) and list the SKUs and hosts that already exist here; writes nothing.',
  }),
  'bundles.import': def({
    input: BundleFileInput.extend({ onConflict: ConflictChoice.default('keep') }),
    output: BundleImportResult,
    write: true,
    summary: 'Import a plan bundle (base64) in one transaction; existing SKUs/hosts are updated, kept or copied (`onConflict`).',
  }),
} as const satisfies Record<string, MethodDef>;
