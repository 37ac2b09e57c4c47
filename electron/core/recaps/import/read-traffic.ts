import type { TrafficRow } from '../../../contract';
import type { TableRow } from '../../spreadsheet';
import { CellReader } from './cells';
import { parseCount, parseMoney, parseText } from './values';

/** Traffic sources (渠道流量): a channel and at least one of views, viewers, GMV. */
export class TrafficReader {
  readonly rows: TrafficRow[] = [];
  readonly cells: CellReader;

  constructor(header: string[], mapping: readonly (string | null)[]) {
    this.cells = new CellReader(header, mapping);
  }

  push(batch: TableRow[]): void {
    const c = this.cells;
    for (const row of batch) {
      if (c.isTotalRow(row, ['channel'])) continue;
      const channel = parseText(c.raw(row, 'channel')).slice(0, 100);
      if (!channel) {
        c.refuse(row, 'channel', `${c.headerOf('channel')} is empty`);
        continue;
      }
      const out: TrafficRow = {
        channel,
        views: c.optional(row, 'views', parseCount),
        viewers: c.optional(row, 'viewers', parseCount),
        gmv: c.optional(row, 'gmv', parseMoney),
        orders: c.optional(row, 'orders', parseCount),
      };
      if (out.views === null && out.viewers === null && out.gmv === null) {
        c.refuse(row, undefined, 'The row has no views, viewers or GMV', channel);
        continue;
      }
      this.rows.push(out);
    }
  }
}
