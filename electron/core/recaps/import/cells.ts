import type { RecapRefusedRow } from '../../../contract';
import { RefusedRows, type TableRow } from '../../spreadsheet';
import { ValueError, isEmpty, unitOf, type Unit } from './values';

/** A cell parser: the value, null for an empty cell; throws ValueError for text it cannot read. */
export type Parse<T> = (text: string, unit: Unit) => T | null;

/** A total line at the bottom of an export: not a record. */
const TOTAL_ROW = /^(合计|总计|汇总|总和|小计|total|totals|grand total|sum|summary)$/i;

/**
 * Reads a row's mapped cells. A required cell that cannot be read refuses the row (with the
 * column's header and the reason); an optional one is dropped and counted in a warning, so one
 * odd price cell does not cost a product's sales.
 */
export class CellReader {
  readonly refused = new RefusedRows();
  private readonly columns = new Map<string, number>();
  private readonly units: Unit[];
  private readonly dropped = new Map<string, { count: number; first: string }>();

  constructor(
    private readonly header: string[],
    mapping: readonly (string | null)[],
  ) {
    mapping.forEach((field, i) => {
      if (field && !this.columns.has(field)) this.columns.set(field, i);
    });
    this.units = header.map(unitOf);
  }

  has(field: string): boolean {
    return this.columns.has(field);
  }

  headerOf(field: string): string {
    const i = this.columns.get(field);
    return i === undefined ? field : this.header[i] || field;
  }

  raw(row: TableRow, field: string): string {
    const i = this.columns.get(field);
    return i === undefined ? '' : (row.cells[i] ?? '');
  }

  /** A required value: null refuses the row (the reason is recorded); `key` names the record in the refusal. */
  required<T>(row: TableRow, field: string, parse: Parse<T>, key?: string): T | null {
    const i = this.columns.get(field);
    const text = i === undefined ? '' : (row.cells[i] ?? '');
    try {
      const value = parse(text, i === undefined ? {} : this.units[i]!);
      if (value === null) this.refuse(row, field, `${this.headerOf(field)} is empty`, key);
      return value;
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      this.refuse(row, field, `${this.headerOf(field)}: ${error.message}`, key);
      return null;
    }
  }

  /** An optional value: unreadable text becomes null and a warning. */
  optional<T>(row: TableRow, field: string, parse: Parse<T>): T | null {
    const i = this.columns.get(field);
    if (i === undefined) return null;
    const text = row.cells[i] ?? '';
    try {
      return parse(text, this.units[i]!);
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      const seen = this.dropped.get(field);
      if (seen) seen.count += 1;
      else this.dropped.set(field, { count: 1, first: `row ${row.line}: ${error.message}` });
      return null;
    }
  }

  /** A total line ("合计") in one of these columns: refused as not being a record. */
  isTotalRow(row: TableRow, fields: string[]): boolean {
    for (const field of fields) {
      const text = this.raw(row, field).trim();
      if (isEmpty(text)) continue;
      if (TOTAL_ROW.test(text.replace(/[:：\s]/g, ''))) {
        this.refuse(row, field, `"${text}" is a total line, not a record`);
        return true;
      }
      return false;
    }
    return false;
  }

  refuse(row: TableRow, field: string | undefined, reason: string, key?: string): void {
    this.refused.add({ row: row.line, ...(field ? { field: this.headerOf(field) } : {}), ...(key ? { key } : {}), reason });
  }

  refusals(): RecapRefusedRow[] {
    return this.refused.all();
  }

  warnings(): string[] {
    return [...this.dropped].map(([field, d]) => `${d.count} cell(s) of "${this.headerOf(field)}" could not be read and were left empty (${d.first}).`);
  }
}
