import { CameraOutlined, EditOutlined, HolderOutlined, WarningFilled } from '@ant-design/icons';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Tag, Tooltip, Typography, theme } from 'antd';
import { memo, type CSSProperties, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cuePrice, formatClock, timeOfDay, type Cue } from '../../../../../electron/contract';
import { formatMoney } from '../../../lib/money';
import { KIND_COLORS, useEditor } from './editor-context';

export const ROW_GRID = '22px 30px 52px 54px 78px minmax(180px, 1fr) minmax(150px, 230px) 110px 52px 30px';

interface Props {
  cue: Cue;
  selected: boolean;
  cursor: boolean;
  onSelect(id: string, e: MouseEvent): void;
}

function CueCells({ cue, dragHandle }: { cue: Cue; dragHandle?: React.ReactNode }) {
  const { t } = useTranslation();
  const { schedule, index, history, products, hosts, warnings, lang, editCue } = useEditor();
  const i = index.get(cue.id) ?? 0;
  const start = history.plan.fields.startAt + (schedule.offsets[i] ?? 0);
  const product = cue.productId ? products.get(cue.productId) : undefined;
  const price = cuePrice(cue, product);
  const mechanism = cue.kind === 'pitch' || cue.kind === 'flash_sale' ? cue.mechanism : cue.kind === 'giveaway' ? cue.prize : '';
  const issues = warnings.get(cue.id) ?? [];
  const onAir = (cue.actions.scene ? 1 : 0) + cue.actions.overlays.length + cue.actions.sources.length;
  const hostNames = cue.hostIds.map((h) => hosts.get(h)?.name).filter(Boolean).join(', ');
  return (
    <>
      {dragHandle ?? <span />}
      <span className="cc-num cc-dim">{i + 1}</span>
      <span className="cc-num" data-testid="cue-time">{timeOfDay(start, history.plan.fields.timeZone)}</span>
      <span className="cc-num" data-testid="cue-duration">{formatClock(cue.durationMs)}</span>
      <span>
        <Tag color={KIND_COLORS[cue.kind]} style={{ marginInlineEnd: 0 }}>
          {t(`plan.kinds.${cue.kind}`)}
        </Tag>
      </span>
      <span style={{ minWidth: 0 }}>
        <Typography.Text strong ellipsis style={{ display: 'block' }} data-testid="cue-title">
          {cue.title || product?.shortTitle || product?.title || t(`plan.kinds.${cue.kind}`)}
        </Typography.Text>
        {product && (
          <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
            {product.sku} · {product.title}
          </Typography.Text>
        )}
      </span>
      <span style={{ minWidth: 0 }}>
        {price !== null && <span className="cc-num" style={{ fontWeight: 600 }}>{formatMoney(price, product?.currency ?? 'CNY', lang)} </span>}
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
          {mechanism}
        </Typography.Text>
      </span>
      <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
        {hostNames}
      </Typography.Text>
      <span style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
        {onAir > 0 && (
          <Tooltip title={t('plan.onAirCount', { count: onAir })}>
            <CameraOutlined className="cc-dim" />
          </Tooltip>
        )}
        {issues.length > 0 && (
          <Tooltip title={issues.map((w) => t(`plan.warnings.${w.code}`)).join(' · ')}>
            <WarningFilled style={{ color: '#faad14' }} data-testid="cue-warning" />
          </Tooltip>
        )}
      </span>
      <Button type="text" size="small" icon={<EditOutlined />} onClick={() => editCue(cue.id)} aria-label={t('common.edit')} className="cc-row-edit" />
    </>
  );
}

/** One cue in the rundown: a dense, draggable, selectable row. */
function rowStyle(token: ReturnType<typeof theme.useToken>['token']): CSSProperties {
  return {
    display: 'grid',
    gridTemplateColumns: ROW_GRID,
    alignItems: 'center',
    gap: 8,
    minHeight: 40,
    padding: '3px 8px',
    borderBottom: `1px solid ${token.colorBorderSecondary}`,
  };
}

/** The row as the drag overlay draws it under the pointer (no sorting hooks of its own). */
export function CueRowOverlay({ cue }: { cue: Cue }) {
  const { token } = theme.useToken();
  return (
    <div style={{ ...rowStyle(token), background: token.colorBgElevated, boxShadow: token.boxShadowSecondary, cursor: 'grabbing' }}>
      <CueCells cue={cue} dragHandle={<HolderOutlined />} />
    </div>
  );
}

export const CueRow = memo(function CueRow({ cue, selected, cursor, onSelect }: Props) {
  const { token } = theme.useToken();
  const sortable = useSortable({ id: cue.id });
  const style: CSSProperties = {
    ...rowStyle(token),
    background: selected ? token.controlItemBgActive : undefined,
    boxShadow: cursor ? `inset 3px 0 0 ${token.colorPrimary}` : undefined,
    transform: CSS.Translate.toString(sortable.transform),
    transition: sortable.transition,
    opacity: sortable.isDragging ? 0.35 : 1,
    cursor: 'default',
    userSelect: 'none',
  };
  const handle = (
    <span {...sortable.attributes} {...sortable.listeners} style={{ cursor: 'grab', color: token.colorTextTertiary }} data-testid="drag-handle" tabIndex={-1}>
      <HolderOutlined />
    </span>
  );
  return (
    <div
      ref={sortable.setNodeRef}
      style={style}
      className="cc-cue-row"
      data-testid="cue-row"
      data-cue-id={cue.id}
      data-selected={selected || undefined}
      aria-selected={selected}
      role="row"
      onMouseDown={(e) => onSelect(cue.id, e)}
    >
      <CueCells cue={cue} dragHandle={handle} />
    </div>
  );
});
