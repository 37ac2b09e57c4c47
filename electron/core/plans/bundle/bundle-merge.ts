import { AppError, type ConflictChoice, type Host, type Product, type ProductFields } from '../../../contract';
import { newId } from '../../ids';
import type { HostsDao } from '../../hosts/hosts.dao';
import type { ProductsDao } from '../../products/products.dao';

export interface Tally {
  created: number;
  updated: number;
  kept: number;
  copied: number;
}
export const emptyTally = (): Tally => ({ created: 0, updated: 0, kept: 0, copied: 0 });

function productFields(p: Product): ProductFields {
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = p;
  return fields;
}

/** `CC-1-copy`, `CC-1-copy2`...: the first SKU not taken here (by a product or a variant). */
function freeSku(sku: string, taken: (s: string) => boolean): string {
  for (let n = 1; ; n += 1) {
    const candidate = `${sku.slice(0, 56)}-copy${n === 1 ? '' : n}`;
    if (!taken(candidate)) return candidate;
  }
}

/**
 * Bring a bundle's products in; returns bundle product id → local id. A SKU that exists here is
 * updated, kept or copied (new SKU) as chosen. Runs inside the caller's transaction, so a
 * conflict thrown half-way rolls everything back.
 */
export function mergeProducts(products: Product[], choice: ConflictChoice, dao: ProductsDao, now: number, tally: Tally): Map<string, string> {
  const ids = new Map<string, string>();
  const skuTaken = (s: string) => dao.getBySku(s) !== null || dao.variantOwners([s]).size > 0;
  for (const p of products) {
    const existing = dao.getBySku(p.sku);
    let fields = productFields(p);
    if (existing && choice === 'keep') {
      ids.set(p.id, existing.id);
      tally.kept += 1;
      continue;
    }
    if (existing && choice === 'copy') {
      fields = { ...fields, sku: freeSku(p.sku, skuTaken), variants: fields.variants.map((v) => ({ ...v, sku: freeSku(v.sku, skuTaken) })) };
    }
    const ownId = existing && choice === 'update' ? existing.id : dao.get(p.id) ? newId('prd') : p.id;
    const owners = dao.variantOwners(fields.variants.map((v) => v.sku));
    for (const v of fields.variants) {
      const owner = owners.get(v.sku);
      if (owner !== undefined && owner !== ownId) {
        throw new AppError('CONFLICT', `Variant SKU ${v.sku} of ${p.sku} already belongs to another product here; nothing was imported.`, {
          reason: 'variant_sku',
          sku: v.sku,
        });
      }
    }
    if (existing && choice === 'update') {
      dao.update(existing.id, fields, now);
      tally.updated += 1;
    } else {
      dao.insert(ownId, fields, now);
      if (existing) tally.copied += 1;
      else tally.created += 1;
    }
    ids.set(p.id, ownId);
  }
  return ids;
}

/** Same for hosts, matched by id (exported from here before) or else by name. */
export function mergeHosts(hosts: Host[], choice: ConflictChoice, dao: HostsDao, now: number, tally: Tally): Map<string, string> {
  const ids = new Map<string, string>();
  for (const h of hosts) {
    const { id, createdAt: _c, updatedAt: _u, ...fields } = h;
    const existing = dao.get(id) ?? dao.findByName(h.name);
    if (!existing) {
      dao.insert(id, fields, now);
      ids.set(id, id);
      tally.created += 1;
    } else if (choice === 'keep') {
      ids.set(id, existing.id);
      tally.kept += 1;
    } else if (choice === 'update') {
      dao.update(existing.id, fields, now);
      ids.set(id, existing.id);
      tally.updated += 1;
    } else {
      const copyId = newId('hst');
      dao.insert(copyId, fields, now);
      ids.set(id, copyId);
      tally.copied += 1;
    }
  }
  return ids;
}
