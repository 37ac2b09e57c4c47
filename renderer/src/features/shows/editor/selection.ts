/** Which cues are selected and where the keyboard cursor is. Pure, so it is unit-tested. */
export interface Selection {
  selected: ReadonlySet<string>;
  cursor: string | null;
  /** Where a Shift range starts. */
  anchor: string | null;
}

export const emptySelection: Selection = { selected: new Set(), cursor: null, anchor: null };

export function only(id: string): Selection {
  return { selected: new Set([id]), cursor: id, anchor: id };
}

function range(order: readonly string[], a: string, b: string): Set<string> {
  const i = order.indexOf(a);
  const j = order.indexOf(b);
  if (i < 0 || j < 0) return new Set([b]);
  return new Set(order.slice(Math.min(i, j), Math.max(i, j) + 1));
}

/** A click: plain selects one, Ctrl/⌘ toggles, Shift selects the range from the anchor. */
export function click(sel: Selection, order: readonly string[], id: string, mods: { shift: boolean; toggle: boolean }): Selection {
  if (mods.shift && sel.anchor) return { selected: range(order, sel.anchor, id), cursor: id, anchor: sel.anchor };
  if (mods.toggle) {
    const selected = new Set(sel.selected);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    return { selected, cursor: id, anchor: id };
  }
  return only(id);
}

/** ↑/↓ (with Shift: extend from the anchor). */
export function step(sel: Selection, order: readonly string[], delta: -1 | 1, extend: boolean): Selection {
  if (order.length === 0) return emptySelection;
  const at = sel.cursor ? order.indexOf(sel.cursor) : -1;
  const next = order[at < 0 ? (delta > 0 ? 0 : order.length - 1) : Math.max(0, Math.min(order.length - 1, at + delta))]!;
  if (extend && sel.anchor) return { selected: range(order, sel.anchor, next), cursor: next, anchor: sel.anchor };
  return only(next);
}

/** Drop ids that no longer exist (after an undo or a delete); keep the cursor near where it was. */
export function prune(sel: Selection, order: readonly string[], previousOrder: readonly string[]): Selection {
  const live = new Set(order);
  const selected = new Set([...sel.selected].filter((id) => live.has(id)));
  let cursor = sel.cursor && live.has(sel.cursor) ? sel.cursor : null;
  if (!cursor && sel.cursor) {
    const was = previousOrder.indexOf(sel.cursor);
    cursor = order[Math.min(Math.max(was, 0), order.length - 1)] ?? null;
  }
  if (selected.size === sel.selected.size && cursor === sel.cursor) return sel;
  return { selected, cursor, anchor: sel.anchor && live.has(sel.anchor) ? sel.anchor : cursor };
}

/** The selection in rundown order (what Delete and Duplicate act on); the cursor when none. */
export function targets(sel: Selection, order: readonly string[]): string[] {
  const picked = order.filter((id) => sel.selected.has(id));
  return picked.length > 0 ? picked : sel.cursor ? [sel.cursor] : [];
}
