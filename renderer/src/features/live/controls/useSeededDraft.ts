import { useCallback, useState } from 'react';

/**
 * A card's form that follows what is on air until the producer edits it. Whenever the layer
 * changes (shown or updated from this window, a tablet, a Stream Deck...) and the form holds no
 * unsent edits, it is read again from the layer's content, so Update never needs retyping.
 * `sent()` after a successful Show/Update makes the form follow the layer again.
 */
export function useSeededDraft<T extends object, C>(content: C | null, changedAt: number | null, seed: (content: C | null) => T) {
  const [draft, setDraft] = useState<T>(() => seed(content));
  const [dirty, setDirty] = useState(false);
  const [seenAt, setSeenAt] = useState(changedAt);
  // Adjusting state while rendering (React's pattern for state derived from a changing prop).
  if (changedAt !== seenAt) {
    setSeenAt(changedAt);
    if (!dirty && content !== null) setDraft(seed(content));
  }
  const edit = useCallback((patch: Partial<T>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
  }, []);
  const sent = useCallback(() => setDirty(false), []);
  return { draft, edit, sent };
}
