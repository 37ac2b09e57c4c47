import { describe, expect, it } from 'vitest';
import { PendingRequests } from '../../../electron/core/obs/pending-requests';

const never = () => new Promise<never>(() => {});

describe('pending requests', () => {
  it('rejects a request that never settles after its timeout', async () => {
    const pending = new PendingRequests();
    const t0 = Date.now();
    await expect(pending.track(never(), 50, () => new Error('timeout'))).rejects.toThrow('timeout');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
    expect(pending.size).toBe(0);
  });

  it('rejectAll settles everything at once (the socket closed)', async () => {
    const pending = new PendingRequests();
    const a = pending.track(never(), 60_000, () => new Error('timeout'));
    const b = pending.track(never(), 60_000, () => new Error('timeout'));
    expect(pending.size).toBe(2);
    pending.rejectAll(() => new Error('closed'));
    await expect(a).rejects.toThrow('closed');
    await expect(b).rejects.toThrow('closed');
    expect(pending.size).toBe(0);
  });

  it('passes results and errors through and forgets settled requests', async () => {
    const pending = new PendingRequests();
    await expect(pending.track(Promise.resolve(7), 1000, () => new Error('t'))).resolves.toBe(7);
    await expect(pending.track(Promise.reject(new Error('obs said no')), 1000, () => new Error('t'))).rejects.toThrow('obs said no');
    expect(pending.size).toBe(0);
    pending.rejectAll(() => new Error('late')); // nothing left to reject
  });
});
