import { describe, expect, it } from 'vitest';
import { computeSchedule, firstChange, formatClock, lengthCheck, reschedule, timeOfDay, type ScheduleItem } from '../../../electron/contract/schedule';

const items = (durations: number[]): ScheduleItem[] => durations.map((durationMs, i) => ({ id: `c${i}`, durationMs }));
const move = <T,>(list: T[], from: number, to: number) => {
  const out = [...list];
  const [x] = out.splice(from, 1);
  out.splice(to, 0, x!);
  return out;
};

describe('schedule (prefix sums)', () => {
  it('starts each cue at the sum of the durations before it; the last offset is the total', () => {
    const s = computeSchedule(items([300_000, 180_000, 0, 420_000]));
    expect([...s.offsets]).toEqual([0, 300_000, 480_000, 480_000, 900_000]);
    expect(s.totalMs).toBe(900_000);
  });

  it('after a duration change recomputes only from that cue, with the same result as a full recompute', () => {
    const base = items(Array.from({ length: 500 }, (_, i) => 60_000 + i * 1000));
    const prev = computeSchedule(base);
    const next = base.map((c, i) => (i === 250 ? { ...c, durationMs: 5000 } : c));
    const inc = reschedule(prev, next);
    expect(inc.recomputedFrom).toBe(250);
    expect([...inc.offsets]).toEqual([...computeSchedule(next).offsets]);
    expect([...inc.offsets.slice(0, 251)]).toEqual([...prev.offsets.slice(0, 251)]);
  });

  it('after a reorder recomputes from the lower index of the move (found, or given)', () => {
    const base = items(Array.from({ length: 500 }, (_, i) => (i % 7) * 30_000));
    const prev = computeSchedule(base);
    const moved = move(base, 400, 10);
    const found = reschedule(prev, moved);
    expect(found.recomputedFrom).toBe(10);
    expect([...found.offsets]).toEqual([...computeSchedule(moved).offsets]);
    expect([...reschedule(prev, moved, 10).offsets]).toEqual([...found.offsets]);
    expect(found.ids).toEqual(moved.map((c) => c.id));
  });

  it('handles inserts, deletes, an unchanged list and an empty one', () => {
    const prev = computeSchedule(items([1000, 2000, 3000]));
    expect(reschedule(prev, items([1000, 2000, 3000])).recomputedFrom).toBe(3);
    const grown = [...items([1000, 2000, 3000]), { id: 'new', durationMs: 500 }];
    expect([...reschedule(prev, grown).offsets]).toEqual([0, 1000, 3000, 6000, 6500]);
    const shrunk = items([1000, 2000]);
    expect([...reschedule(prev, shrunk).offsets]).toEqual([0, 1000, 3000]);
    expect(reschedule(prev, shrunk).totalMs).toBe(3000);
    expect([...reschedule(prev, []).offsets]).toEqual([0]);
    expect(firstChange(prev, items([1000, 2500, 3000]))).toBe(1);
  });

  it('says over, under or on time (within a minute)', () => {
    expect(lengthCheck(7_260_000, 7_200_000)).toEqual({ deltaMs: 60_000, state: 'over' });
    expect(lengthCheck(6_840_000, 7_200_000)).toEqual({ deltaMs: -360_000, state: 'under' });
    expect(lengthCheck(7_230_000, 7_200_000).state).toBe('exact');
  });

  it('formats times of day in the show\'s zone and durations as m:ss / h:mm:ss', () => {
    const at = Date.UTC(2026, 10, 25, 12, 5); // 20:05 in Shanghai
    expect(timeOfDay(at, 'Asia/Shanghai')).toBe('20:05');
    expect(timeOfDay(at, 'America/New_York')).toBe('07:05');
    expect(formatClock(305_000)).toBe('5:05');
    expect(formatClock(7_265_000)).toBe('2:01:05');
    expect(formatClock(-60_000)).toBe('-1:00');
  });
});
