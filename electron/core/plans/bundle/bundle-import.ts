import { AppError, MEDIA_FILE_MAX_BYTES, type BundleImportResult, type BundlePreview, type ConflictChoice, type Segment } from '../../../contract';
import { checkImage, type CheckedImage } from '../../media/image-check';
import type { Db } from '../../../../db/open';
import type { Clock } from '../../clock';
import type { EventBus } from '../../events';
import type { HostsDao } from '../../hosts/hosts.dao';
import type { MediaStore } from '../../media/media.store';
import type { ProductsDao } from '../../products/products.dao';
import type { ShowsService } from '../../shows/shows.service';
import { remintRundown } from '../../shows/show-detail';
import { newId } from '../../ids';
import { emptyTally, mergeHosts, mergeProducts } from './bundle-merge';
import { readBundleOffThread } from './bundle-read';

export interface BundleImportDeps {
  db: Db;
  clock: Clock;
  bus: EventBus;
  media: MediaStore;
  hosts: HostsDao;
  products: ProductsDao;
  shows: ShowsService;
  /** The catalog search index re-reads products written behind its back. */
  onProductsWritten(): void;
}

/** What importing would meet here: the SKUs and hosts that already exist. Writes nothing. */
export async function previewBundle(bytes: Buffer, deps: BundleImportDeps): Promise<BundlePreview> {
  const { bundle } = await readBundleOffThread(bytes);
  const existing = bundle.products.flatMap((p) => {
    const local = deps.products.getBySku(p.sku);
    return local ? [{ sku: p.sku, title: p.title, localTitle: local.title }] : [];
  });
  const hosts = bundle.hosts.flatMap((h) => {
    const local = deps.hosts.get(h.id) ?? deps.hosts.findByName(h.name);
    return local ? [{ name: h.name, localName: local.name }] : [];
  });
  return {
    show: {
      title: bundle.show.title,
      startAt: bundle.show.startAt,
      platform: bundle.show.platform,
      cues: bundle.segments.reduce((n, s) => n + s.cues.length, 0),
      isTemplate: bundle.show.isTemplate,
    },
    exportedAt: bundle.exportedAt,
    generatorVersion: bundle.generator.version,
    products: { total: bundle.products.length, existing },
    hosts: { total: bundle.hosts.length, existing: hosts },
    media: bundle.media.length,
  };
}

/**
 * Import a plan bundle: every check first (readBundle), then images, hosts, products and the
 * show in ONE transaction, so a failure anywhere leaves nothing behind. Ids are kept when free,
 * so importing into a fresh workspace reproduces the plan exactly; the show is always a new
 * show (a copy with fresh ids if its id is already here).
 */
export async function importBundle(bytes: Buffer, choice: ConflictChoice, deps: BundleImportDeps): Promise<BundleImportResult> {
  const { bundle, media } = await readBundleOffThread(bytes);
  // Every image decoded for real (off the event loop) before anything is written.
  const images: [CheckedImage, Buffer][] = [];
  for (const [hash, data] of media) {
    try {
      images.push([await checkImage(data, MEDIA_FILE_MAX_BYTES), data]);
    } catch (error) {
      const why = error instanceof AppError ? error.message : String(error);
      throw new AppError('BAD_INPUT', `Image ${hash.slice(0, 12)}… in the bundle is refused: ${why}`, { reason: 'damaged', hash });
    }
  }
  // The files first, off the event loop; the transaction below only records them.
  for (const [checked, data] of images) await deps.media.writeFile(checked, data);
  const now = deps.clock.now();
  const products = emptyTally();
  const hosts = emptyTally();
  let stored = 0;
  const showId = deps.db.transaction(() => {
    for (const [checked, data] of images) if (deps.media.record(checked, data.length).created) stored += 1;
    const hostIds = mergeHosts(bundle.hosts, choice, deps.hosts, now, hosts);
    const productIds = mergeProducts(bundle.products, choice, deps.products, now, products);
    const mapped: Segment[] = bundle.segments.map((s) => ({
      ...s,
      cues: s.cues.map((c) => ({
        ...c,
        productId: c.productId ? (productIds.get(c.productId) ?? null) : null,
        hostIds: c.hostIds.map((h) => hostIds.get(h) ?? h),
      })),
    }));
    const { id: bundleShowId, isTemplate, ...fields } = bundle.show;
    const taken = deps.shows.dao.get(bundleShowId) !== null;
    const id = taken ? newId('shw') : bundleShowId;
    deps.shows.dao.insert(id, { ...fields, hostIds: fields.hostIds.map((h) => hostIds.get(h) ?? h) }, isTemplate, now);
    deps.shows.plans.replace(id, taken ? remintRundown(mapped) : mapped);
    return id;
  });
  deps.onProductsWritten();
  for (const table of ['media', 'products', 'hosts', 'shows'] as const) deps.bus.dataChanged(table);
  return { showId, title: bundle.show.title, products, hosts, media: stored };
}
