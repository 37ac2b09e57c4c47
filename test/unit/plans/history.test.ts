import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, record, redo, undo } from '../../../renderer/src/features/shows/editor/history';

describe('undo/redo stack', () => {
  it('undoes and redoes in order; a new edit drops the redo branch', () => {
    let h = createHistory('a');
    h = record(h, 'b', { now: 1 });
    h = record(h, 'c', { now: 2 });
    expect(h.present).toBe('c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(h.present).toBe('b');
    h = record(h, 'x', { now: 3 });
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe('b');
  });

  it('coalesces edits with the same key in quick succession (typing), not otherwise', () => {
    let h = createHistory('');
    h = record(h, 'h', { key: 'title', now: 1000 });
    h = record(h, 'he', { key: 'title', now: 1200 });
    h = record(h, 'hey', { key: 'title', now: 1400 });
    expect(h.past).toEqual(['']);
    h = record(h, 'hey!', { key: 'title', now: 5000 }); // a pause: a new step
    h = record(h, 'hey!!', { key: 'notes', now: 5100 }); // another field: a new step
    expect(h.past).toEqual(['', 'hey', 'hey!']);
    expect(undo(h).present).toBe('hey!');
  });

  it('ignores no-op edits, and keeps at most `limit` steps', () => {
    const h0 = createHistory(1);
    expect(record(h0, 1)).toBe(h0);
    let h = h0;
    for (let i = 2; i < 20; i += 1) h = record(h, i, { limit: 5, now: i });
    expect(h.past).toEqual([14, 15, 16, 17, 18]);
    // Undo never goes past the oldest kept step.
    for (let i = 0; i < 10; i += 1) h = undo(h);
    expect(h.present).toBe(14);
  });
});
