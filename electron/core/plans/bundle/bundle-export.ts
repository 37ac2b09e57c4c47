import { PLAN_BUNDLE_FORMAT, PLAN_BUNDLE_VERSION, PlanBundle, type Host, type Product } from '../../../contract';
import type { HostsDao } from '../../hosts/hosts.dao';
import type { MediaStore } from '../../media/media.store';
import type { ShowsService } from '../../shows/shows.service';

export interface BundleExportDeps {
  shows: ShowsService;
  hosts: HostsDao;
  media: MediaStore;
  appVersion: string;
  now: number;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A show as a self-contained plan bundle: its fields and rundown, every product and host it
 * names (show hosts and cue hosts), and every image those use, as one JSON document. Images are
 * read off the event loop (checked against their names) and written into the document one at a
 * time, so a bundle of many photos does not stall a running show.
 */
export async function exportBundle(id: string, deps: BundleExportDeps): Promise<{ bundle: PlanBundle; bytes: Buffer }> {
  const show = deps.shows.summary(id);
  const segments = deps.shows.rundown(id);
  const products: Product[] = [...deps.shows.productsOf(segments).values()].sort((a, b) => a.sku.localeCompare(b.sku));
  const hostIds = new Set(show.hostIds);
  for (const s of segments) for (const c of s.cues) for (const h of c.hostIds) hostIds.add(h);
  const hosts: Host[] = deps.hosts.list().filter((h) => hostIds.has(h.id));
  const hashes = new Set<string>();
  for (const p of products) for (const h of p.images) hashes.add(h);
  for (const h of hosts) if (h.avatar) hashes.add(h.avatar);
  const media: PlanBundle['media'] = [];
  for (const hash of [...hashes].sort()) {
    const file = await deps.media.read(hash);
    if (!file) throw new Error(`Image ${hash} is in the database but not on disk (or not the bytes of its name)`);
    media.push({ hash, mime: file.mime as PlanBundle['media'][number]['mime'], data: file.bytes.toString('base64') });
    await nextTurn();
  }
  const { cueCount: _c, totalMs: _t, revision: _r, createdAt: _ca, updatedAt: _ua, ...fields } = show;
  // Parsed on the way out too: an export that its own importer would refuse is a bug here.
  const bundle = PlanBundle.parse({
    format: PLAN_BUNDLE_FORMAT,
    version: PLAN_BUNDLE_VERSION,
    exportedAt: deps.now,
    generator: { app: 'cuecart', version: deps.appVersion },
    show: fields,
    segments,
    products,
    hosts,
    media,
  });
  // The document without its images is small; the images go in after it, one at a time.
  const head = JSON.stringify({ ...bundle, media: [] }, null, 1);
  const cut = head.lastIndexOf('[]');
  const parts = [Buffer.from(head.slice(0, cut + 1), 'utf8')];
  for (const [i, m] of bundle.media.entries()) {
    parts.push(Buffer.from(`${i === 0 ? '' : ','}\n  ${JSON.stringify(m)}`, 'utf8'));
    if (i % 4 === 3) await nextTurn();
  }
  parts.push(Buffer.from(head.slice(cut + 1), 'utf8'));
  return { bundle, bytes: Buffer.concat(parts) };
}
