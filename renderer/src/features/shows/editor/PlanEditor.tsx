import { Alert, Button, Card, Space } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CueKind, PlanWarning, Product, ProductRole, ShowDetail } from '../../../../../electron/contract';
import { useApi } from '../../../lib/api-context';
import { errorLines } from '../../../lib/errors';
import { normalizeLanguage } from '../../../lib/prefs';
import { useHosts } from '../../hosts/queries';
import { AddProductsModal } from './AddProductsModal';
import { CueDrawer } from './CueDrawer';
import { EditorHeader } from './EditorHeader';
import { EditorToolbar } from './EditorToolbar';
import { EditorProvider, type EditorValue } from './editor-context';
import { PlanObsPanel } from './PlanObsPanel';
import { PlanSidePanel } from './PlanSidePanel';
import { addSegment, deleteCues, duplicateCues, insertCues, nudgeCues } from './plan-ops';
import { DEFAULT_DURATION, newCue, newId, planFromDetail } from './plan-model';
import { Rundown } from './Rundown';
import { click, emptySelection, only, prune, step, targets, type Selection } from './selection';
import { ShowSettingsDrawer } from './ShowSettingsDrawer';
import { useAutosave } from './useAutosave';
import { useEditorKeys } from './useEditorKeys';
import { usePlanFacts } from './usePlanFacts';
import { usePlanHistory } from './usePlanHistory';

/** First guess of a pitch's length by the product's role: hero items get the most air. */
const PITCH_MS: Record<ProductRole, number> = { hero: 10 * 60_000, profit: 8 * 60_000, regular: 6 * 60_000, traffic: 5 * 60_000, perk: 5 * 60_000 };

/**
 * The show editor: the rundown with times, drag and keyboard editing, undo/redo over plan
 * snapshots, autosave with optimistic revisions, the cue drawer, and mix/warnings beside it.
 */
export function PlanEditor({ detail, reload }: { detail: ShowDetail; reload(): Promise<ShowDetail | undefined> }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const history = usePlanHistory(planFromDetail(detail));
  const autosave = useAutosave(api, detail.id, history.plan, detail.revision);
  const [products, setProducts] = useState<ReadonlyMap<string, Product>>(() => new Map(detail.products.map((p) => [p.id, p])));
  const rememberProducts = useCallback((list: Product[]) => setProducts((m) => new Map([...m, ...list.map((p) => [p.id, p] as const)])), []);
  const hostList = useHosts();
  const hosts = useMemo(() => new Map((hostList.data ?? []).map((h) => [h.id, h])), [hostList.data]);
  const facts = usePlanFacts(history.plan, products);
  const warnings = useMemo(() => {
    const m = new Map<string, PlanWarning[]>();
    for (const w of facts.analysis.warnings) m.set(w.cueId, [...(m.get(w.cueId) ?? []), w]);
    return m;
  }, [facts.analysis.warnings]);
  const order = useMemo(() => facts.cues.map((c) => c.id), [facts.cues]);
  const [selection, setSelection] = useState<Selection>(emptySelection);
  const [editing, setEditing] = useState<string | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  /** The catalog picker: closed, or open for a segment ('' = after the cursor). */
  const [adding, setAdding] = useState<string | null>(null);
  const rundown = useRef<HTMLDivElement>(null);

  // Undo, delete or someone else's change can remove selected cues: keep the selection honest.
  const prevOrder = useRef(order);
  useEffect(() => {
    setSelection((s) => prune(s, order, prevOrder.current));
    prevOrder.current = order;
  }, [order]);

  // A newer revision from the server (another window, the API) replaces ours when we have no edits in flight.
  useEffect(() => {
    rememberProducts(detail.products);
    if (detail.revision > autosave.revision() && !autosave.dirty()) {
      const plan = planFromDetail(detail);
      history.replace(plan);
      autosave.adopt(plan, detail.revision);
    }
    // Only a new detail from the server matters here, not every render's history/autosave object.
  }, [detail]);

  // A product edited in the catalog (price, stock, archived) changes the warnings: reload its facts.
  useEffect(() => api.on('data.changed', ({ table }) => table === 'products' && void reload()), [api, reload]);

  /** Where new cues go: after the cursor, in its segment; else at the end of the last segment. */
  const insertPoint = (segmentId?: string): { segmentId: string; index?: number } => {
    const segs = history.plan.segments;
    if (segmentId) return { segmentId };
    const at = selection.cursor ? segs.find((s) => s.cues.some((c) => c.id === selection.cursor)) : undefined;
    if (at) return { segmentId: at.id, index: at.cues.findIndex((c) => c.id === selection.cursor) + 1 };
    return { segmentId: segs[segs.length - 1]!.id };
  };
  const addCue = (kind: CueKind, segmentId?: string) => {
    const cue = newCue(kind, { durationMs: DEFAULT_DURATION[kind] });
    const at = insertPoint(segmentId);
    history.apply((p) => insertCues(p, [cue], at.segmentId, at.index));
    setSelection(only(cue.id));
    setEditing(cue.id);
  };
  const addProducts = (list: Product[]) => {
    rememberProducts(list);
    const cues = list.map((p) => newCue('pitch', { productId: p.id, durationMs: PITCH_MS[p.role] }));
    const at = insertPoint(adding || undefined);
    history.apply((p) => insertCues(p, cues, at.segmentId, at.index));
    const last = cues[cues.length - 1];
    if (last) setSelection({ selected: new Set(cues.map((c) => c.id)), cursor: last.id, anchor: cues[0]!.id });
    rundown.current?.focus();
  };
  const removeSelected = () => {
    const ids = targets(selection, order);
    if (ids.length > 0) history.apply((p) => deleteCues(p, new Set(ids)));
  };
  const duplicateSelected = () => {
    const ids = targets(selection, order);
    if (ids.length === 0) return;
    const copies = new Map(ids.map((id) => [id, newId('cue')]));
    history.apply((p) => duplicateCues(p, copies));
    const made = [...copies.values()];
    setSelection({ selected: new Set(made), cursor: made[made.length - 1]!, anchor: made[0]! });
  };

  // The key handler reads the newest state through a ref, so it is registered once.
  const live = useRef({ selection, order, history });
  live.current = { selection, order, history };
  const keys = useMemo(
    () => ({
      undo: () => live.current.history.undo(),
      redo: () => live.current.history.redo(),
      move: (delta: -1 | 1, extend: boolean) => setSelection((s) => step(s, live.current.order, delta, extend)),
      nudge: (delta: -1 | 1) => {
        const ids = new Set(targets(live.current.selection, live.current.order));
        if (ids.size > 0) live.current.history.apply((p) => nudgeCues(p, ids, delta));
      },
      edit: () => live.current.selection.cursor && setEditing(live.current.selection.cursor),
      remove: () => removeSelectedRef.current(),
      duplicate: () => duplicateSelectedRef.current(),
      selectAll: () => setSelection((s) => ({ selected: new Set(live.current.order), cursor: s.cursor ?? live.current.order[0] ?? null, anchor: live.current.order[0] ?? null })),
      clear: () => setSelection(emptySelection),
    }),
    [],
  );
  const removeSelectedRef = useRef(removeSelected);
  removeSelectedRef.current = removeSelected;
  const duplicateSelectedRef = useRef(duplicateSelected);
  duplicateSelectedRef.current = duplicateSelected;
  useEditorKeys(keys, rundown);

  // Double-click is detected here, not with onDoubleClick: selecting re-renders the row's text
  // between the two clicks, and the browser drops a dblclick whose first target was replaced.
  const lastPress = useRef({ id: '', at: 0 });
  const onSelect = useCallback((id: string, e: MouseEvent) => {
    const now = performance.now();
    const double = lastPress.current.id === id && now - lastPress.current.at < 400 && !e.shiftKey && !e.ctrlKey && !e.metaKey;
    lastPress.current = { id, at: double ? 0 : now };
    if (double) setEditing(id);
    setSelection((s) => click(s, live.current.order, id, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey }));
  }, []);
  const dragSet = useCallback((activeId: string) => {
    const { selection: sel, order: ord } = live.current;
    return sel.selected.has(activeId) && sel.selected.size > 1 ? ord.filter((id) => sel.selected.has(id)) : [activeId];
  }, []);
  const pick = (cueId: string) => {
    setSelection(only(cueId));
    document.querySelector(`[data-cue-id="${cueId}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    rundown.current?.focus({ preventScroll: true });
  };

  const value: EditorValue = {
    history,
    schedule: facts.schedule,
    index: facts.index,
    warnings,
    products,
    rememberProducts,
    hosts,
    lang: normalizeLanguage(i18n.language),
    editCue: setEditing,
    addCue,
    addProductsTo: setAdding,
  };

  const loadTheirs = async () => {
    const fresh = await reload();
    if (!fresh) return;
    const plan = planFromDetail(fresh);
    history.replace(plan);
    autosave.adopt(plan, fresh.revision);
  };
  const conflictRevision = Number(autosave.error?.details?.revision ?? autosave.revision());

  return (
    <EditorProvider value={value}>
      <EditorHeader showId={detail.id} saveState={autosave.state} flush={autosave.flush} onSettings={() => setSettingsOpen(true)} />
      {autosave.state === 'conflict' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('plan.conflict.title')}
          description={t('plan.conflict.body')}
          action={
            <Space orientation="vertical">
              <Button size="small" onClick={() => void loadTheirs()} data-testid="conflict-theirs">
                {t('plan.conflict.theirs')}
              </Button>
              <Button size="small" type="primary" onClick={() => autosave.overwrite(conflictRevision)} data-testid="conflict-mine">
                {t('plan.conflict.mine')}
              </Button>
            </Space>
          }
        />
      )}
      {autosave.state === 'error' && autosave.error && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('plan.save.failed')} description={errorLines(autosave.error, t).join(' ')} />
      )}
      <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
        <Card styles={{ body: { padding: 0 } }} style={{ flex: 1, minWidth: 0 }}>
          <EditorToolbar
            selected={selection.selected.size}
            onAddProducts={() => setAdding('')}
            onAddCue={(k) => addCue(k)}
            onAddSegment={() => history.apply((p) => addSegment(p, { id: newId('seg'), title: t('plan.newSegment'), cues: [] }))}
            onDuplicate={duplicateSelected}
            onDelete={removeSelected}
          />
          <Rundown ref={rundown} selection={selection} onSelect={onSelect} dragSet={dragSet} />
        </Card>
        <div style={{ width: 320, flex: 'none', display: 'flex', flexDirection: 'column', gap: 12 }}>
          <PlanSidePanel analysis={facts.analysis} onPick={pick} />
          <PlanObsPanel showId={detail.id} />
        </div>
      </div>
      <CueDrawer cueId={editing} onClose={() => setEditing(null)} />
      <ShowSettingsDrawer open={settingsOpen} onClose={() => setSettingsOpen(false)} />
      <AddProductsModal open={adding !== null} onClose={() => setAdding(null)} onAdd={addProducts} />
    </EditorProvider>
  );
}
