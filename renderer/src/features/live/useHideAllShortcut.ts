import { useEffect, useRef } from 'react';

/** Where Esc already means something else: typing, an open drawer, dialog or dropdown. */
function escTakenElsewhere(event: KeyboardEvent): boolean {
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('input, textarea, select, [contenteditable=true], .ant-drawer, .ant-modal, .ant-select-dropdown, .ant-picker-dropdown, .ant-popover')) {
    return true;
  }
  return !!document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-modal-wrap:not([style*="display: none"])');
}

/**
 * Esc hides every overlay on air (the panic button of a live show). Ignored while the producer
 * is typing or Esc closes something else, so it never fires by surprise.
 */
export function useHideAllShortcut(onHideAll: () => void): void {
  const latest = useRef(onHideAll);
  useEffect(() => {
    latest.current = onHideAll;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      if (escTakenElsewhere(event)) return;
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
