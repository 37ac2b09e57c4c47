import { eq } from 'drizzle-orm';
import fs from 'node:fs';
import path from 'node:path';
import { ProductFields, skuKey } from '../../contract';
import { PlanDao } from '../shows/plan.dao';
import type { Db } from '../../../db/open';
import { hosts, productImages, products, showHosts, shows } from '../../../db/schema';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import { newId } from '../ids';
import type { MediaStore } from '../media/media.store';
import { demoRundown } from './demo-rundown';
import { DemoWorkspace } from './demo.schema';

/** Start of `days` from now at local "HH:MM", as epoch ms. */
function localStart(now: number, days: number, hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const d = new Date(now);
  d.setDate(d.getDate() + days);
  d.setHours(h, m, 0, 0);
  return d.getTime();
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Loads the shipped bilingual demo workspace. Idempotent: products are upserted by SKU, hosts
 * by name and shows by title, so loading twice leaves one copy (and an interrupted load is
 * completed by the next). The rows go in a few short transactions with a turn of the event loop
 * between them (products a few at a time, the hosts, each show), so loading the demo never holds
 * up a cue or an overlay for long.
 */
export async function loadDemo(file: string, deps: { db: Db; clock: Clock; bus: EventBus; media: MediaStore }) {
  const { db, clock, bus, media } = deps;
  const ws = DemoWorkspace.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const base = path.dirname(file);
  const now = clock.now();
  // Images are checked and stored first (off the event loop), the rows then go in one transaction.
  const hashes = new Map<string, string>();
  const files = [...ws.products.flatMap((p) => p.images), ...ws.hosts.flatMap((h) => (h.avatar ? [h.avatar] : []))];
  for (const rel of new Set(files)) hashes.set(rel, (await media.put(await fs.promises.readFile(path.join(base, rel)))).hash);
  const imageHash = (rel: string) => hashes.get(rel)!;

  const plans = new PlanDao(db); // same connection: its writes join the transactions below
  const skuToId = new Map<string, string>();
  for (let from = 0; from < ws.products.length; from += 6) {
    db.transaction((tx) => {
      for (const raw of ws.products.slice(from, from + 6)) {
        const fields = ProductFields.parse({ ...raw, images: raw.images.map(imageHash) });
        const { images, ...row } = fields;
        const key = skuKey(row.sku);
        const existing = tx.select({ id: products.id }).from(products).where(eq(products.skuKey, key)).get();
        const id = existing?.id ?? newId('prd');
        if (existing) tx.update(products).set({ ...row, skuKey: key, updatedAt: now }).where(eq(products.id, id)).run();
        else tx.insert(products).values({ ...row, skuKey: key, id, createdAt: now, updatedAt: now }).run();
        tx.delete(productImages).where(eq(productImages.productId, id)).run();
        tx.insert(productImages).values(images.map((mediaHash, position) => ({ productId: id, position, mediaHash }))).run();
        skuToId.set(raw.sku, id);
      }
    });
    await nextTurn();
  }

  const hostIds = new Map<string, string>();
  db.transaction((tx) => {
    for (const h of ws.hosts) {
      const existing = tx.select({ id: hosts.id }).from(hosts).where(eq(hosts.name, h.name)).get();
      const id = existing?.id ?? newId('hst');
      const row = { name: h.name, title: h.title, handle: h.handle, role: h.role, notes: h.notes, avatar: h.avatar ? imageHash(h.avatar) : null };
      if (existing) tx.update(hosts).set({ ...row, updatedAt: now }).where(eq(hosts.id, id)).run();
      else tx.insert(hosts).values({ ...row, id, createdAt: now, updatedAt: now }).run();
      hostIds.set(h.key, id);
    }
  });

  for (const s of ws.shows) {
    await nextTurn();
    db.transaction((tx) => {
      const existing = tx.select({ id: shows.id }).from(shows).where(eq(shows.title, s.title)).get();
      if (existing) tx.delete(shows).where(eq(shows.id, existing.id)).run(); // cues and hosts cascade
      const id = newId('shw');
      tx.insert(shows)
        .values({
          id,
          title: s.title,
          platform: s.platform,
          startAt: localStart(now, s.startInDays, s.startTime),
          plannedLengthMs: s.plannedLengthMin * 60_000,
          status: s.status,
          canvas: s.canvas,
          goalGmv: s.goalGmv,
          goalOrders: s.goalOrders,
          notes: s.notes,
          // The demo's times are local to this machine (localStart), so is its zone.
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? '',
          revision: 1,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      s.hosts.forEach((key, position) => {
        const hostId = hostIds.get(key);
        if (hostId) tx.insert(showHosts).values({ showId: id, hostId, position }).run();
      });
      // Chinese platforms' demo shows use Chinese OBS scene names and console steps.
      const lang = ['douyin', 'taobao', 'kuaishou', 'wechat', 'xiaohongshu'].includes(s.platform) ? 'zh' : 'en';
      plans.replace(id, demoRundown(s.cues, skuToId, lang));
    });
  }

  for (const table of ['media', 'products', 'hosts', 'shows'] as const) bus.dataChanged(table);
  return { products: ws.products.length, hosts: ws.hosts.length, shows: ws.shows.length, images: hashes.size };
}
