import { closestCenter, DndContext, DragOverlay, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { Empty, Typography, theme } from 'antd';
import { forwardRef, useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CueRow, CueRowOverlay, ROW_GRID } from './CueRow';
import { useEditor } from './editor-context';
import { moveCuesTo } from './plan-ops';
import { rowItems } from './plan-model';
import { SegmentHeader } from './SegmentHeader';
import type { Selection } from './selection';

interface Props {
  selection: Selection;
  onSelect(id: string, e: MouseEvent): void;
  /** The cues a drag moves: the selection when the dragged cue is part of it. */
  dragSet(activeId: string): string[];
}

/**
 * The rundown: segment headers and cues in one sortable list, so a cue dragged past a header
 * lands in that segment. Pointer drag starts after 4 px, so clicks still select; the keyboard
 * has its own moves (Alt+↑/↓) rather than dnd-kit's, which would take Enter and Space.
 */
export const Rundown = forwardRef<HTMLDivElement, Props>(function Rundown({ selection, onSelect, dragSet }, ref) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { history } = useEditor();
  const items = useMemo(() => rowItems(history.plan.segments), [history.plan.segments]);
  const keys = useMemo(() => items.map((i) => i.key), [items]);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const [active, setActive] = useState<string | null>(null);
  const activeCue = active ? items.find((i) => i.key === active && i.type === 'cue') : undefined;
  const moving = active ? dragSet(active) : [];

  const onDragStart = (e: DragStartEvent) => setActive(String(e.active.id));
  const onDragEnd = (e: DragEndEvent) => {
    setActive(null);
    const from = keys.indexOf(String(e.active.id));
    const over = e.over ? String(e.over.id) : null;
    if (!over || over === e.active.id) return;
    const to = keys.indexOf(over);
    const ids = dragSet(String(e.active.id));
    history.apply((p) => moveCuesTo(p, ids, over, to > from));
  };

  const header = (
    <div style={{ display: 'grid', gridTemplateColumns: ROW_GRID, gap: 8, padding: '6px 8px', fontSize: 12, color: token.colorTextSecondary, borderBottom: `1px solid ${token.colorBorder}` }}>
      <span />
      <span>#</span>
      <span>{t('plan.columns.time')}</span>
      <span>{t('plan.columns.duration')}</span>
      <span>{t('plan.columns.kind')}</span>
      <span>{t('plan.columns.cue')}</span>
      <span>{t('plan.columns.price')}</span>
      <span>{t('plan.columns.hosts')}</span>
      <span />
      <span />
    </div>
  );

  return (
    <div ref={ref} tabIndex={0} role="grid" aria-label={t('plan.rundown')} aria-multiselectable className="cc-rundown" data-testid="rundown" style={{ outline: 'none' }}>
      {header}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setActive(null)}>
        <SortableContext items={keys} strategy={verticalListSortingStrategy}>
          {items.map((item) =>
            item.type === 'segment' ? (
              <SegmentHeader key={item.key} segment={item.segment} index={item.index} count={item.segment.cues.length} />
            ) : (
              <CueRow key={item.key} cue={item.cue} selected={selection.selected.has(item.cue.id)} cursor={selection.cursor === item.cue.id} onSelect={onSelect} />
            ),
          )}
        </SortableContext>
        <DragOverlay dropAnimation={null}>
          {activeCue && activeCue.type === 'cue' ? (
            <div style={{ position: 'relative' }}>
              <CueRowOverlay cue={activeCue.cue} />
              {moving.length > 1 && (
                <Typography.Text style={{ position: 'absolute', right: 8, top: -10, background: token.colorPrimary, color: '#fff', borderRadius: 10, padding: '0 8px', fontSize: 12 }}>
                  {moving.length}
                </Typography.Text>
              )}
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      {items.every((i) => i.type === 'segment') && <Empty style={{ padding: 32 }} description={t('plan.emptyRundown')} />}
      <Typography.Text type="secondary" style={{ display: 'block', padding: '8px', fontSize: 12 }}>
        {t('plan.keysHint')}
      </Typography.Text>
    </div>
  );
});
