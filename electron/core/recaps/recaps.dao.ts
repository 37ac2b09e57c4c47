import type Database from 'better-sqlite3';
import type { Conclusions, ImportedFile, MatchKind, ProductSalesRow, RecapKind, RecapTotals } from '../../contract';

interface ImportRow {
  show_id: string;
  kind: RecapKind;
  file_name: string;
  format: 'csv' | 'xlsx';
  imported_at: number;
  rows: number;
  refused: number;
  data: string | null;
}

interface SalesDbRow {
  show_id: string;
  line: number;
  platform_product_id: string;
  sku: string;
  title: string;
  price: number | null;
  gmv: number;
  units: number | null;
  orders: number | null;
  buyers: number | null;
  impressions: number | null;
  clicks: number | null;
  ctr: number | null;
  click_to_order: number | null;
  refund: number | null;
  add_to_cart: number | null;
  pitch_count: number | null;
  commission_rate: number | null;
  cost_price: number | null;
  product_id: string | null;
  matched_by: MatchKind | null;
}

export interface StoredImport extends ImportedFile {
  data: unknown;
}

export interface RecapShowRow {
  manualTotals: Partial<RecapTotals>;
  conclusions: Conclusions | null;
  conclusionsAt: number | null;
}

/** What the history list needs of every show at once. */
export interface ShowDigestRow {
  showId: string;
  kinds: RecapKind[];
  totals: Partial<RecapTotals> | null;
  manual: Partial<RecapTotals>;
  productGmv: number | null;
  productOrders: number | null;
}

const SALES_COLUMNS =
  'show_id, line, platform_product_id, sku, title, price, gmv, units, orders, buyers, impressions, clicks, ctr, click_to_order, refund, add_to_cart, pitch_count, commission_rate, cost_price, product_id, matched_by';

/**
 * Recap data in the main database: imported platform files (one per show and kind), product
 * sales rows, remembered product matches, typed totals and conclusions.
 * Prepared once; writes run in one transaction each.
 */
export class RecapsDao {
  private readonly s: Record<string, Database.Statement>;

  constructor(private readonly sqlite: Database.Database) {
    const p = (sql: string) => sqlite.prepare(sql);
    this.s = {
      imports: p('SELECT show_id, kind, file_name, format, imported_at, rows, refused, NULL AS data FROM recap_imports WHERE show_id = ?'),
      importOf: p('SELECT * FROM recap_imports WHERE show_id = ? AND kind = ?'),
      deleteImport: p('DELETE FROM recap_imports WHERE show_id = ? AND kind = ?'),
      deleteSales: p('DELETE FROM recap_product_sales WHERE show_id = ?'),
      insertImport: p(
        'INSERT INTO recap_imports (show_id, kind, file_name, format, imported_at, rows, refused, data) VALUES (@showId, @kind, @fileName, @format, @importedAt, @rows, @refused, @data)',
      ),
      insertSale: p(
        `INSERT INTO recap_product_sales (${SALES_COLUMNS}) VALUES (@showId, @row, @platformProductId, @sku, @title, @price, @gmv, @units, @orders, @buyers, @impressions, @clicks, @ctr, @clickToOrder, @refund, @addToCart, @pitchCount, @commissionRate, @costPrice, @productId, @matchedBy)`,
      ),
      sales: p(`SELECT ${SALES_COLUMNS} FROM recap_product_sales WHERE show_id = ? ORDER BY line`),
      salesOfProduct: p(`SELECT ${SALES_COLUMNS} FROM recap_product_sales WHERE product_id = ?`),
      setMatch: p('UPDATE recap_product_sales SET product_id = ?, matched_by = ? WHERE show_id = ? AND line = ?'),
      remember: p(
        'INSERT INTO recap_product_matches (platform, key, product_id, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(platform, key) DO UPDATE SET product_id = excluded.product_id, updated_at = excluded.updated_at',
      ),
      forget: p('DELETE FROM recap_product_matches WHERE platform = ? AND key = ?'),
      matches: p('SELECT key, product_id FROM recap_product_matches WHERE platform = ?'),
      recapShow: p('SELECT manual_totals, conclusions, conclusions_at FROM recap_shows WHERE show_id = ?'),
      upsertManual: p(
        "INSERT INTO recap_shows (show_id, manual_totals, updated_at) VALUES (?, ?, ?) ON CONFLICT(show_id) DO UPDATE SET manual_totals = excluded.manual_totals, updated_at = excluded.updated_at",
      ),
      upsertConclusions: p(
        "INSERT INTO recap_shows (show_id, manual_totals, conclusions, conclusions_at, updated_at) VALUES (?, '{}', ?, ?, ?) ON CONFLICT(show_id) DO UPDATE SET conclusions = excluded.conclusions, conclusions_at = excluded.conclusions_at, updated_at = excluded.updated_at",
      ),
      digestImports: p("SELECT show_id, kind, CASE kind WHEN 'totals' THEN data ELSE NULL END AS data FROM recap_imports"),
      digestManual: p("SELECT show_id, manual_totals FROM recap_shows WHERE manual_totals != '{}'"),
      digestSales: p('SELECT show_id, sum(gmv) AS gmv, sum(orders) AS orders, count(orders) AS with_orders FROM recap_product_sales GROUP BY show_id'),
    };
  }

  imports(showId: string): ImportedFile[] {
    return (this.s.imports!.all(showId) as ImportRow[]).map(toImported);
  }

  importOf(showId: string, kind: RecapKind): StoredImport | null {
    const row = this.s.importOf!.get(showId, kind) as ImportRow | undefined;
    return row ? { ...toImported(row), data: row.data === null ? null : (JSON.parse(row.data) as unknown) } : null;
  }

  /** Replace a show's file of one kind (and, for products, its sales rows) in one transaction. */
  replaceImport(showId: string, file: ImportedFile, data: unknown, sales: ProductSalesRow[] | null): void {
    this.sqlite.transaction(() => {
      this.s.deleteImport!.run(showId, file.kind);
      if (file.kind === 'products') this.s.deleteSales!.run(showId);
      this.s.insertImport!.run({
        showId,
        kind: file.kind,
        fileName: file.fileName,
        format: file.format,
        importedAt: file.importedAt,
        rows: file.rows,
        refused: file.refused,
        data: data === null ? null : JSON.stringify(data),
      });
      for (const r of sales ?? []) this.s.insertSale!.run({ ...r, showId });
    })();
  }

  removeImport(showId: string, kind: RecapKind): boolean {
    return this.sqlite.transaction(() => {
      const removed = this.s.deleteImport!.run(showId, kind).changes > 0;
      if (kind === 'products') this.s.deleteSales!.run(showId);
      return removed;
    })();
  }

  sales(showId: string): ProductSalesRow[] {
    return (this.s.sales!.all(showId) as SalesDbRow[]).map(toSale);
  }

  salesOfProduct(productId: string): (ProductSalesRow & { showId: string })[] {
    return (this.s.salesOfProduct!.all(productId) as SalesDbRow[]).map((r) => ({ ...toSale(r), showId: r.show_id }));
  }

  /** Set rows' products and remember each (platform key → product) for the next file; null forgets. */
  setMatches(showId: string, platform: string, changes: { row: number; productId: string | null; key: string | null }[], now: number): number {
    return this.sqlite.transaction(() => {
      let n = 0;
      for (const c of changes) {
        n += this.s.setMatch!.run(c.productId, c.productId ? 'manual' : null, showId, c.row).changes;
        if (!c.key) continue;
        if (c.productId) this.s.remember!.run(platform, c.key, c.productId, now);
        else this.s.forget!.run(platform, c.key);
      }
      return n;
    })();
  }

  rememberedMatches(platform: string): Map<string, string> {
    return new Map((this.s.matches!.all(platform) as { key: string; product_id: string }[]).map((r) => [r.key, r.product_id]));
  }

  recapShow(showId: string): RecapShowRow {
    const row = this.s.recapShow!.get(showId) as { manual_totals: string; conclusions: string | null; conclusions_at: number | null } | undefined;
    return {
      manualTotals: row ? (JSON.parse(row.manual_totals) as Partial<RecapTotals>) : {},
      conclusions: row?.conclusions ? (JSON.parse(row.conclusions) as Conclusions) : null,
      conclusionsAt: row?.conclusions_at ?? null,
    };
  }

  setManualTotals(showId: string, totals: Partial<RecapTotals>, now: number): void {
    this.s.upsertManual!.run(showId, JSON.stringify(totals), now);
  }

  setConclusions(showId: string, conclusions: Conclusions, now: number): void {
    this.s.upsertConclusions!.run(showId, JSON.stringify(conclusions), now, now);
  }

  /** Every show's recap data in three queries (the history list). */
  digests(): Map<string, ShowDigestRow> {
    const out = new Map<string, ShowDigestRow>();
    const of = (showId: string) => {
      let d = out.get(showId);
      if (!d) out.set(showId, (d = { showId, kinds: [], totals: null, manual: {}, productGmv: null, productOrders: null }));
      return d;
    };
    for (const r of this.s.digestImports!.all() as { show_id: string; kind: RecapKind; data: string | null }[]) {
      const d = of(r.show_id);
      d.kinds.push(r.kind);
      if (r.kind === 'totals' && r.data) d.totals = JSON.parse(r.data) as Partial<RecapTotals>;
    }
    for (const r of this.s.digestManual!.all() as { show_id: string; manual_totals: string }[]) of(r.show_id).manual = JSON.parse(r.manual_totals) as Partial<RecapTotals>;
    for (const r of this.s.digestSales!.all() as { show_id: string; gmv: number; orders: number | null; with_orders: number }[]) {
      const d = of(r.show_id);
      d.productGmv = r.gmv;
      d.productOrders = r.with_orders > 0 ? r.orders : null;
    }
    return out;
  }
}

function toImported(r: ImportRow): ImportedFile {
  return { kind: r.kind, fileName: r.file_name, format: r.format, importedAt: r.imported_at, rows: r.rows, refused: r.refused };
}

function toSale(r: SalesDbRow): ProductSalesRow {
  return {
    row: r.line,
    platformProductId: r.platform_product_id,
    sku: r.sku,
    title: r.title,
    price: r.price,
    gmv: r.gmv,
    units: r.units,
    orders: r.orders,
    buyers: r.buyers,
    impressions: r.impressions,
    clicks: r.clicks,
    ctr: r.ctr,
    clickToOrder: r.click_to_order,
    refund: r.refund,
    addToCart: r.add_to_cart,
    pitchCount: r.pitch_count,
    commissionRate: r.commission_rate,
    costPrice: r.cost_price,
    productId: r.product_id,
    matchedBy: r.matched_by,
  };
}
