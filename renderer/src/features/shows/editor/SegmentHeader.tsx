import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Dropdown, Input, Popconfirm, Tooltip, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUE_KINDS, formatClock, timeOfDay, type Segment } from '../../../../../electron/contract';
import { useEditor } from './editor-context';
import { moveSegment, removeSegment, renameSegment } from './plan-ops';
import { segKey } from './plan-model';

/**
 * A segment's header row: its name (double-click to rename), start time, cue count and length,
 * and its actions. It is a drop target for drag and drop but cannot be dragged itself.
 */
export function SegmentHeader({ segment, index, count }: { segment: Segment; index: number; count: number }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { history, schedule, index: cueIndex, addCue, addProductsTo } = useEditor();
  const [editing, setEditing] = useState(false);
  const sortable = useSortable({ id: segKey(segment.id), disabled: { draggable: true, droppable: false } });
  const first = segment.cues[0];
  const offset = first ? (schedule.offsets[cueIndex.get(first.id) ?? 0] ?? 0) : null;
  const total = segment.cues.reduce((ms, c) => ms + c.durationMs, 0);
  const apply = history.apply;
  return (
    <div
      ref={sortable.setNodeRef}
      style={{
        transform: CSS.Translate.toString(sortable.transform),
        transition: sortable.transition,
        display: 'flex',
        alignItems: 'center',
        gap: 10,
        padding: '6px 8px',
        marginTop: index === 0 ? 0 : 8,
        background: token.colorFillTertiary,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        borderTop: `1px solid ${token.colorBorderSecondary}`,
        userSelect: 'none',
      }}
      data-testid="segment-header"
      data-segment-id={segment.id}
    >
      {editing ? (
        <Input
          size="small"
          autoFocus
          defaultValue={segment.title}
          maxLength={60}
          style={{ width: 220 }}
          onBlur={(e) => {
            setEditing(false);
            if (e.target.value.trim() !== segment.title) apply((p) => renameSegment(p, segment.id, e.target.value.trim()));
          }}
          onPressEnter={(e) => (e.target as HTMLInputElement).blur()}
          onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
          data-testid="segment-title-input"
        />
      ) : (
        <Typography.Text strong onDoubleClick={() => setEditing(true)} style={{ minWidth: 80, cursor: 'text' }} data-testid="segment-title">
          {segment.title || t('plan.untitledSegment')}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" className="cc-num" style={{ fontSize: 12 }}>
        {offset !== null ? `${timeOfDay(history.plan.fields.startAt + offset, history.plan.fields.timeZone)} · ` : ''}
        {t('plan.segmentSummary', { count, length: formatClock(total) })}
      </Typography.Text>
      <span style={{ flex: 1 }} />
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'products', label: t('plan.addProductsHere'), onClick: () => addProductsTo(segment.id), 'data-testid': 'segment-add-products' } as never,
            { type: 'divider' },
            ...CUE_KINDS.map((k) => ({ key: k, label: t(`plan.kinds.${k}`), onClick: () => addCue(k, segment.id) })),
          ],
        }}
      >
        <Button size="small" type="text" icon={<PlusOutlined />} data-testid="segment-add-cue">
          {t('plan.addCue')}
        </Button>
      </Dropdown>
      <Tooltip title={t('plan.moveUp')}>
        <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => apply((p) => moveSegment(p, segment.id, -1))} aria-label={t('plan.moveUp')} />
      </Tooltip>
      <Tooltip title={t('plan.moveDown')}>
        <Button
          size="small"
          type="text"
          icon={<ArrowDownOutlined />}
          disabled={index === history.plan.segments.length - 1}
          onClick={() => apply((p) => moveSegment(p, segment.id, 1))}
          aria-label={t('plan.moveDown')}
        />
      </Tooltip>
      <Popconfirm
        title={t('plan.deleteSegment')}
        description={count > 0 ? t('plan.deleteSegmentBody', { count }) : undefined}
        okText={t('common.delete')}
        cancelText={t('common.cancel')}
        disabled={history.plan.segments.length === 1}
        onConfirm={() => apply((p) => removeSegment(p, segment.id))}
      >
        <Button size="small" type="text" icon={<DeleteOutlined />} disabled={history.plan.segments.length === 1} aria-label={t('plan.deleteSegment')} />
      </Popconfirm>
    </div>
  );
}
