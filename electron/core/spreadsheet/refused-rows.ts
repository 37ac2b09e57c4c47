/** A row an import will not take: its spreadsheet row number, the column at fault and why. */
export interface Refusal {
  row: number;
  /** The column's header as the file spells it. */
  field?: string;
  /** What identifies the record the row belongs to (a SKU, a room id), if known. */
  key?: string;
  reason: string;
}

/**
 * Refused rows, every one with its reason, in row order. An import keeps going past a refusal
 * and reports them all; `allOrNothing` callers write nothing when `count > 0`.
 */
export class RefusedRows {
  private readonly list: Refusal[] = [];
  private sorted = true;

  add(refusal: Refusal): void {
    const last = this.list[this.list.length - 1];
    if (last && last.row > refusal.row) this.sorted = false;
    this.list.push(refusal);
  }

  get count(): number {
    return this.list.length;
  }

  /** Every refusal, by row number (stable for one row's several reasons). */
  all(): Refusal[] {
    if (!this.sorted) {
      this.list.sort((a, b) => a.row - b.row);
      this.sorted = true;
    }
    return this.list;
  }
}
