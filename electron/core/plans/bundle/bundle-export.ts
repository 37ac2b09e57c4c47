import fs from 'node:fs';
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

/**
 * A show as a self-contained plan bundle: its fields and rundown, every product and host it
 * names (show hosts and cue hosts), and every image those use, as one JSON document.
 */
export function exportBundle(id: string, deps: BundleExportDeps): { bundle: PlanBundle; bytes: Buffer } {
  const show = deps.shows.summary(id);
  const segments = deps.shows.rundown(id);
  const products: Product[] = [...deps.shows.productsOf(segments).values()].sort((a, b) => a.sku.localeCompare(b.sku));
  const hostIds = new Set(show.hostIds);
  for (const s of segments) for (const c of s.cues) for (const h of c.hostIds) hostIds.add(h);
  const hosts: Host[] = deps.hosts.list().filter((h) => hostIds.has(h.id));
  const hashes = new Set<string>();
  for (const p of products) for (const h of p.images) hashes.add(h);
  for (const h of hosts) if (h.avatar) hashes.add(h.avatar);
  const media = [...hashes].sort().map((hash) => {
    const file = deps.media.resolve(hash);
    if (!file) throw new Error(`Image ${hash} is in the database but not on disk`);
    return { hash, mime: file.mime, data: fs.readFileSync(file.file).toString('base64') };
  });
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
  return { bundle, bytes: Buffer.from(JSON.stringify(bundle, null, 1), 'utf8') };
}
