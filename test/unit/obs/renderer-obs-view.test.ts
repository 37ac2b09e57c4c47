import { describe, expect, it } from 'vitest';
import {
  formatTimecode,
  hostProblem,
  isNewer,
  msToNextSecond,
  obsPhase,
  outputElapsedMs,
  portValid,
  retryInSeconds,
  splitAddress,
} from '../../../renderer/src/features/obs/obs-view';

// The rules behind the OBS badge, connection panel and tally (renderer/src/features/obs).
const output = (o: Partial<Parameters<typeof outputElapsedMs>[0]>) => ({
  active: true,
  timecode: '00:00:10.000',
  durationMs: 10_000,
  measuredAt: 1_000_000,
  ...o,
});

describe('OBS view rules', () => {
  it('calls a connect after a failure "reconnecting", a first connect "connecting"', () => {
    expect(obsPhase({ state: 'connecting', attempt: 1 })).toBe('connecting');
    expect(obsPhase({ state: 'connecting', attempt: 3 })).toBe('reconnecting');
    expect(obsPhase({ state: 'connecting', reason: { code: 'connection_lost', message: '' } })).toBe('reconnecting');
    expect(obsPhase({ state: 'failed', reason: { code: 'auth_failed', message: '' } })).toBe('failed');
    expect(obsPhase({ state: 'connected' })).toBe('connected');
  });

  it('counts the retry down in whole seconds, rounded up', () => {
    expect(retryInSeconds({}, 0)).toBeNull();
    expect(retryInSeconds({ nextRetryAt: 2_500 }, 1_000)).toBe(2);
    expect(retryInSeconds({ nextRetryAt: 1_000 }, 1_500)).toBe(0);
  });

  it('runs a timecode on from the last reading, stops it when paused or off', () => {
    expect(outputElapsedMs(output({}), 1_002_500)).toBe(12_500);
    expect(outputElapsedMs(output({ paused: true }), 1_002_500)).toBe(10_000);
    expect(outputElapsedMs(output({ active: false }), 1_002_500)).toBe(10_000);
    // A client clock behind the server's never runs the time backwards.
    expect(outputElapsedMs(output({}), 999_000)).toBe(10_000);
    expect(formatTimecode(12_999)).toBe('00:00:12');
    expect(formatTimecode(3_600_000 * 4 + 61_000)).toBe('04:01:01');
    expect(msToNextSecond(output({}), 1_000_300)).toBe(700);
  });

  it('validates the host and splits a pasted OBS address', () => {
    expect(hostProblem('')).toBe('hostRequired');
    expect(hostProblem('  ')).toBe('hostRequired');
    expect(hostProblem('ws://127.0.0.1:4455')).toBe('hostScheme');
    expect(hostProblem('my obs pc')).toBe('hostInvalid');
    expect(hostProblem('127.0.0.1:4455')).toBe('hostInvalid');
    for (const ok of ['127.0.0.1', 'localhost', 'obs-pc.local', 'studio_2', '[::1]']) expect(hostProblem(ok), ok).toBeNull();
    expect(splitAddress('ws://192.168.1.20:4455')).toEqual({ host: '192.168.1.20', port: 4455 });
    expect(splitAddress('obs-pc:4456')).toEqual({ host: 'obs-pc', port: 4456 });
    expect(splitAddress('ws://obs-pc/')).toEqual({ host: 'obs-pc' });
    expect(splitAddress('127.0.0.1')).toBeNull();
    expect(splitAddress('my obs pc')).toBeNull();
  });

  it('accepts whole ports from 1 to 65535', () => {
    expect([0, 1, 4455, 65535, 65536, 44.5, null].map(portValid)).toEqual([false, true, true, true, false, false, false]);
  });

  it('keeps the snapshot with the highest revision', () => {
    expect(isNewer({ revision: 2 }, undefined)).toBe(true);
    expect(isNewer({ revision: 3 }, { revision: 2 })).toBe(true);
    expect(isNewer({ revision: 2 }, { revision: 2 })).toBe(false);
    expect(isNewer({ revision: 1 }, { revision: 2 })).toBe(false);
  });
});
