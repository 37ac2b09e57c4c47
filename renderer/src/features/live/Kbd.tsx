import type { ReactNode } from 'react';

/** A key cap, for shortcuts written next to the buttons they trigger. */
export function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd
      style={{
        marginInlineStart: 6,
        padding: '0 4px',
        fontSize: 10,
        lineHeight: '14px',
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
        border: '1px solid currentColor',
        borderRadius: 3,
        opacity: 0.6,
      }}
    >
      {children}
    </kbd>
  );
}
