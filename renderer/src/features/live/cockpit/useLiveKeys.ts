import { useEffect, useRef } from 'react';
import type { LiveSettings } from '../../../../../electron/contract';

export interface LiveKeyHandlers {
  go(): void;
  back(): void;
  hideAll(): void;
  marker(): void;
  cancelAutoGo(): void;
  quickMarker(n: number): void;
  /** Shift + 1–9: tick the nth item of the checklist on screen. */
  tick(n: number): void;
}

/** Keys never reach the cockpit while the producer types, or while a dialog, drawer or list is open. */
export function keyTakenElsewhere(event: KeyboardEvent): boolean {
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('input, textarea, select, [contenteditable=true], [contenteditable=""], .ant-drawer, .ant-modal, .ant-select-dropdown, .ant-picker-dropdown, .ant-popover')) {
    return true;
  }
  return !!document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-modal-wrap:not([style*="display: none"]), .ant-drawer-open');
}

/** Digit1..Digit9 and Numpad1..Numpad9 → 1..9. */
export function digitOf(code: string): number | null {
  const m = /^(?:Digit|Numpad)([1-9])$/.exec(code);
  return m ? Number(m[1]) : null;
}

/**
 * The cockpit's keyboard: Go, Back, hide all, markers, quick markers 1–9 and checklist ticks,
 * by `KeyboardEvent.code` (the same physical key whatever the layout or IME). A held key does
 * not repeat: one press, one action.
 */
export function useLiveKeys(keys: LiveSettings['keys'] | undefined, handlers: LiveKeyHandlers, enabled: boolean): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled || !keys) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (keyTakenElsewhere(event)) return;
      const h = latest.current;
      const digit = digitOf(event.code);
      let act: (() => void) | null = null;
      if (digit !== null) act = event.shiftKey ? () => h.tick(digit) : () => h.quickMarker(digit);
      else if (event.shiftKey) return;
      else if (event.code === keys.go) act = h.go;
      else if (event.code === keys.back) act = h.back;
      else if (event.code === keys.hideAll) act = h.hideAll;
      else if (event.code === keys.marker) act = h.marker;
      else if (event.code === keys.cancelAutoGo) act = h.cancelAutoGo;
      if (!act) return;
      // Space would scroll and Backspace might navigate: the cockpit owns these keys.
      event.preventDefault();
      if (event.repeat) return;
      act();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keys, enabled]);
}
