import { useEffect } from 'react';

export interface EditorKeyActions {
  undo(): void;
  redo(): void;
  move(delta: -1 | 1, extend: boolean): void;
  nudge(delta: -1 | 1): void;
  edit(): void;
  remove(): void;
  duplicate(): void;
  selectAll(): void;
  clear(): void;
}

/** Text fields keep their own keys (typing, native text undo); so do open menus and dialogs. */
function ownKeys(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.closest) return false;
  if (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) return true;
  return !!el.closest('.ant-select-dropdown, .ant-dropdown, .ant-picker-dropdown, .ant-modal');
}

/**
 * Keyboard editing of the rundown, like a spreadsheet: ↑/↓ move (Shift extends the selection),
 * Alt+↑/↓ move the selected cues, Enter edits, Delete removes, Ctrl/⌘+D duplicates, Ctrl/⌘+A
 * selects all, Esc clears; Ctrl/⌘+Z undoes and Ctrl/⌘+Shift+Z (or Ctrl+Y) redoes anywhere
 * outside a text field.
 */
export function useEditorKeys(actions: EditorKeyActions, rundown: React.RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (ownKeys(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) actions.redo();
        else actions.undo();
        return;
      }
      if (mod && key === 'y') {
        e.preventDefault();
        actions.redo();
        return;
      }
      // The rest only while the rundown has the focus (not the side panel, not a drawer).
      if (!rundown.current?.contains(document.activeElement)) return;
      const handled = (() => {
        if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
          const delta = e.key === 'ArrowUp' ? -1 : 1;
          if (e.altKey) actions.nudge(delta);
          else actions.move(delta, e.shiftKey);
          return true;
        }
        if (e.key === 'Enter') return actions.edit(), true;
        if (e.key === 'Delete' || e.key === 'Backspace') return actions.remove(), true;
        if (mod && key === 'd') return actions.duplicate(), true;
        if (mod && key === 'a') return actions.selectAll(), true;
        if (e.key === 'Escape') return actions.clear(), true;
        return false;
      })();
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, rundown]);
}
