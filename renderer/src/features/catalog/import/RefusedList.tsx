import { useVirtualizer } from '@tanstack/react-virtual';
import { Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefusedRow } from '../../../../../electron/contract';
import { reasonText } from './import-text';

const ROW = 34;
const GRID = '72px 150px 130px 1fr';

/** Every refused row with its spreadsheet row number and reason; virtual, so 50,000 stay quick. */
export function RefusedList({ rows, height = 300 }: { rows: RefusedRow[]; height?: number }) {
  const { t } = useTranslation();
  const scroll = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroll.current, estimateSize: () => ROW, overscan: 12 });
  const cell = { padding: '0 8px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
  return (
    <div data-testid="refused-list" data-count={rows.length}>
      <div className="cc-vtable-head" style={{ gridTemplateColumns: GRID, height: ROW, position: 'static', borderRadius: '6px 6px 0 0' }}>
        <div style={cell}>{t('catalog.import.row')}</div>
        <div style={cell}>SKU</div>
        <div style={cell}>{t('catalog.import.column')}</div>
        <div style={cell}>{t('catalog.import.reason')}</div>
      </div>
      <div ref={scroll} style={{ height: Math.min(height, rows.length * ROW + 2), overflow: 'auto', border: '1px solid var(--cc-border)', borderTop: 0 }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const r = rows[item.index]!;
            const reason = reasonText(r.reason, t);
            return (
              <div
                key={item.key}
                className="cc-vrow"
                data-testid="refused-row"
                data-row={r.row}
                style={{ gridTemplateColumns: GRID, height: ROW, top: 0, transform: `translateY(${item.start}px)`, fontSize: 13 }}
              >
                <div style={cell} className="cc-num">{r.row}</div>
                <div style={cell} className="cc-mono" title={r.sku}>{r.sku ?? '—'}</div>
                <div style={cell} title={r.field}>{r.field ?? '—'}</div>
                <div style={cell} title={reason === r.reason ? reason : `${reason}\n${r.reason}`}>
                  <Typography.Text type="danger">{reason}</Typography.Text>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
