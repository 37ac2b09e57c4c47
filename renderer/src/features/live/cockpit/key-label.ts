/** A KeyboardEvent.code as people read it on the key: Space, ⌫, Esc, M, 1. */
export function keyLabel(code: string | undefined): string {
  if (!code) return '';
  const named: Record<string, string> = { Space: 'Space', Backspace: '⌫', Escape: 'Esc', Enter: '↵', Tab: 'Tab', ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };
  if (named[code]) return named[code]!;
  const m = /^(?:Key|Digit|Numpad)(.+)$/.exec(code);
  return m ? m[1]! : code;
}
