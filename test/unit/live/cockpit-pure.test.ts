import { describe, expect, it } from 'vitest';
import type { LiveSnapshot, RunCue } from '../../../electron/contract';
import { clockText, deltaText, endText, remainingText } from '../../../renderer/src/features/live/cockpit/clock-format';
import { checklistAt, offerOf } from '../../../renderer/src/features/live/cockpit/cue-offer';
import { keyLabel } from '../../../renderer/src/features/live/cockpit/key-label';
import { obsFailuresToNotify } from '../../../renderer/src/features/live/cockpit/useLive';
import { digitOf } from '../../../renderer/src/features/live/cockpit/useLiveKeys';

const cue = (id: string, extra: Partial<RunCue> = {}): RunCue =>
  ({
    id,
    kind: 'pitch',
    title: id,
    productId: null,
    durationMs: 60_000,
    hostIds: [],
    notes: '',
    actions: { scene: '', overlays: [], sources: [], texts: [] },
    autoFollow: 'off',
    checklist: [],
    livePrice: null,
    stock: null,
    mechanism: '',
    perk: '',
    talkingPoints: '',
    segmentId: 's',
    segmentTitle: '',
    adHoc: false,
    ...extra,
  }) as RunCue;

describe('cockpit clocks', () => {
  it('writes durations as people read them, minutes without hours under an hour', () => {
    expect(clockText(0)).toBe('0:00');
    expect(clockText(65_000)).toBe('1:05');
    expect(clockText(3_723_000)).toBe('1:02:03');
    expect(clockText(-90_000)).toBe('1:30');
    expect(clockText(null)).toBe('--:--');
  });

  it('rounds a countdown up so 0.4 s left still reads 0:01', () => {
    expect(remainingText(400)).toBe('0:01');
    expect(remainingText(60_000)).toBe('1:00');
    expect(remainingText(59_001)).toBe('1:00');
  });

  it('signs over and under with a real minus', () => {
    expect(deltaText(95_000)).toBe('+1:35');
    expect(deltaText(-30_000)).toBe('\u22120:30');
    expect(deltaText(400)).toBe('±0:00');
  });

  it('adds the date to an end time on another day', () => {
    const now = Date.UTC(2026, 11, 6, 10, 0);
    expect(endText(Date.UTC(2026, 11, 6, 12, 30), now, 'UTC')).toBe('12:30');
    expect(endText(Date.UTC(2026, 11, 7, 12, 30), now, 'UTC')).toBe('12-07 12:30');
  });
});

describe('cockpit offer and checklist', () => {
  const product = { id: 'p1', livePrice: 19_900, listPrice: 29_900, stock: 80, currency: 'CNY' } as never;
  it('takes the live change first, then the cue, then the catalog', () => {
    const c = cue('a', { productId: 'p1', livePrice: 15_900, mechanism: '满199减30' } as Partial<RunCue>);
    expect(offerOf(c, product, { overrides: {} })).toMatchObject({ livePrice: 15_900, stock: 80, mechanism: '满199减30', soldOut: false });
    expect(offerOf(c, product, { overrides: { p1: { livePrice: 9_900, stock: 0 } } })).toMatchObject({ livePrice: 9_900, stock: 0, soldOut: true });
  });

  it('carries unticked items of cues already left as reminders, after the current cue\'s own', () => {
    const byId = new Map([
      ['a', cue('a', { checklist: ['上架 1 号链接', '开讲解'] })],
      ['b', cue('b', { checklist: ['发福袋'] })],
      ['c', cue('c', { checklist: ['改价'] })],
    ]);
    const snapshot = {
      checklist: { a: [0] },
      fired: { a: { firstAt: 1, lastAt: 1, count: 1, onAirMs: 0 }, b: { firstAt: 2, lastAt: 2, count: 1, onAirMs: 0 }, c: { firstAt: 3, lastAt: 3, count: 1, onAirMs: 0 } },
    } as unknown as LiveSnapshot;
    expect(checklistAt('c', byId, snapshot).map((i) => [i.cueId, i.item, i.carried])).toEqual([
      ['c', '改价', false],
      ['a', '开讲解', true],
      ['b', '发福袋', true],
    ]);
  });
});

describe('cockpit keys', () => {
  it('names keys as printed on them and reads digits from the top row and the keypad', () => {
    expect([keyLabel('Space'), keyLabel('Backspace'), keyLabel('Escape'), keyLabel('KeyM'), keyLabel('Digit3')]).toEqual(['Space', '⌫', 'Esc', 'M', '3']);
    expect([digitOf('Digit1'), digitOf('Numpad9'), digitOf('Digit0'), digitOf('KeyA')]).toEqual([1, 9, null, null]);
  });

  it('notifies OBS failures of a Go, but not "not connected" (the OBS line says so already)', () => {
    const offline = [{ action: 'scene Main', ok: false, code: 'not_connected' as const, message: 'Cuecart is not connected to OBS.' }];
    expect(obsFailuresToNotify(offline)).toEqual([]);
    const mixed = [
      { action: 'scene Main', ok: true },
      { action: 'source Main/Logo on', ok: false, code: 'not_found' as const, message: 'There is no source "Logo" in the OBS scene "Main".' },
    ];
    expect(obsFailuresToNotify(mixed).map((o) => o.action)).toEqual(['source Main/Logo on']);
  });
});
