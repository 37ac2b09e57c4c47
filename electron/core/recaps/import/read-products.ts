import type { ProductSalesRow } from '../../../contract';
import type { TableRow } from '../../spreadsheet';
import { CellReader } from './cells';
import { parseCount, parseId, parseMoney, parseRate, parseText } from './values';

export type SalesRow = Omit<ProductSalesRow, 'productId' | 'matchedBy'>;

/** Per-product sales rows: GMV and a name (title, platform id or SKU) are required. */
export class ProductRowsReader {
  readonly rows: SalesRow[] = [];
  readonly cells: CellReader;

  constructor(header: string[], mapping: readonly (string | null)[]) {
    this.cells = new CellReader(header, mapping);
  }

  push(batch: TableRow[]): void {
    const c = this.cells;
    for (const row of batch) {
      if (c.isTotalRow(row, ['platformProductId', 'title', 'sku'])) continue;
      let platformProductId: string;
      try {
        platformProductId = parseId(c.raw(row, 'platformProductId'));
      } catch (error) {
        c.refuse(row, 'platformProductId', (error as Error).message);
        continue;
      }
      const title = parseText(c.raw(row, 'title'));
      const sku = parseText(c.raw(row, 'sku'));
      const name = platformProductId || sku || title;
      if (!name) {
        c.refuse(row, c.has('title') ? 'title' : c.has('platformProductId') ? 'platformProductId' : 'sku', 'The row names no product (no title, id or SKU)');
        continue;
      }
      const gmv = c.required(row, 'gmv', parseMoney, name);
      if (gmv === null) continue;
      this.rows.push({
        row: row.line,
        platformProductId,
        sku,
        title: title.slice(0, 300),
        price: c.optional(row, 'price', parseMoney),
        gmv,
        units: c.optional(row, 'units', parseCount),
        orders: c.optional(row, 'orders', parseCount),
        buyers: c.optional(row, 'buyers', parseCount),
        impressions: c.optional(row, 'impressions', parseCount),
        clicks: c.optional(row, 'clicks', parseCount),
        ctr: c.optional(row, 'ctr', parseRate),
        clickToOrder: c.optional(row, 'clickToOrder', parseRate),
        refund: c.optional(row, 'refund', parseMoney),
        addToCart: c.optional(row, 'addToCart', parseCount),
        pitchCount: c.optional(row, 'pitchCount', parseCount),
        commissionRate: clampRate(c.optional(row, 'commissionRate', parseRate)),
        costPrice: c.optional(row, 'costPrice', parseMoney),
      });
    }
  }
}

function clampRate(r: number | null): number | null {
  return r === null ? null : Math.min(1, r);
}
