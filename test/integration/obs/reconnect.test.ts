import type OBSWebSocket from 'obs-websocket-js/json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../electron/core/clock';
import { createObsBridge, obsAction, type ObsBridge, type ObsMirrorSnapshot, type ObsStatus } from '../../../electron/core/obs';
import { launchObs, type ObsInstance } from '../../helpers/obs/launch';
import { nextMatching, rawClient, waitFor } from '../../helpers/obs/wait';

// Crash, restart and hang a real OBS under a live bridge. One OBS for the file.
let obs: ObsInstance;
let bridge: ObsBridge;
const statuses: Array<{ status: ObsStatus; at: number }> = [];

const REQUEST_TIMEOUT_MS = 1_500;
const statusWhere = (match: (s: ObsStatus) => boolean, what: string, timeoutMs = 20_000) =>
  nextMatching({ get: () => bridge.status(), subscribe: (l) => bridge.onStatus(l) }, match, what, timeoutMs);
const mirrorWhere = (match: (m: ObsMirrorSnapshot) => boolean, what: string) =>
  nextMatching({ get: () => bridge.mirrorSnapshot(), subscribe: (l) => bridge.onMirror(l) }, match, what, 20_000);

beforeAll(async () => {
  obs = await launchObs();
  bridge = createObsBridge({
    clock: systemClock,
    connection: {
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      connectTimeoutMs: 2_000,
      backoff: { initialMs: 100, maxMs: 1_000 },
      heartbeatMs: 300,
      heartbeatMissesBeforeDrop: 2,
    },
  });
  bridge.onStatus((status) => statuses.push({ status, at: Date.now() }));
  await bridge.configure({ enabled: true, host: obs.host, port: obs.port, password: obs.password });
  await mirrorWhere((m) => m.ready, 'a ready mirror');
}, 90_000);

afterAll(async () => {
  await bridge?.dispose();
  await obs?.stop();
});

describe('reconnect against real OBS', { timeout: 60_000 }, () => {
  it('OBS killed mid-request: pending calls reject at once, then it reconnects and re-reads by itself', async () => {
    expect(bridge.status().state).toBe('connected');
    const firstRead = bridge.mirrorSnapshot().readAt ?? 0;

    // A request OBS holds for 5 s (Sleep inside a batch), with a timeout far beyond the kill.
    const t0 = Date.now();
    const pending = bridge.connection
      .callBatch([{ requestType: 'Sleep', requestData: { sleepMillis: 5_000 } }], { timeoutMs: 30_000 })
      .then(
        () => ({ settledAfter: Date.now() - t0, error: null }),
        (error: { code?: string }) => ({ settledAfter: Date.now() - t0, error }),
      );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await obs.kill();

    const outcome = await pending;
    expect(outcome.error).toMatchObject({ code: 'connection_lost' });
    expect(outcome.settledAfter).toBeLessThan(3_000);

    const lost = await statusWhere((s) => s.state === 'connecting' && s.nextRetryAt !== undefined, 'a scheduled retry');
    expect(lost.reason?.code).toMatch(/connection_lost|unreachable/);
    expect(bridge.mirrorSnapshot().ready).toBe(false);

    // While OBS is down, nothing waits: calls reject, cues report per action.
    await expect(bridge.connection.call('GetVersion')).rejects.toMatchObject({ code: 'not_connected' });
    const offline = await bridge.applyActions([obsAction.switchScene('BRB'), obsAction.setText('Title', 'x')]);
    expect(offline).toEqual([
      expect.objectContaining({ ok: false, code: 'not_connected' }),
      expect.objectContaining({ ok: false, code: 'not_connected' }),
    ]);

    // Several attempts fail while OBS is down, each scheduled with backoff.
    await statusWhere((s) => (s.attempt ?? 0) >= 3 && s.reason?.code === 'unreachable', 'attempt 3, unreachable');

    await obs.restart();
    const back = await statusWhere((s) => s.state === 'connected', 'reconnected');
    expect(back.obsWebSocketVersion).toMatch(/^5\./);
    const m = await mirrorWhere((s) => s.ready && (s.readAt ?? 0) > firstRead, 'a fresh full read');
    expect(m.scenes.map((s) => s.name)).toEqual(obs.fixture.scenes);

    // The retry schedule started small and never exceeded the 1 s cap (system clock, so the
    // announced nextRetryAt is comparable to when the status was pushed).
    const delays = statuses
      .filter(({ status }) => status.state === 'connecting' && status.nextRetryAt !== undefined)
      .map(({ status, at }) => (status.nextRetryAt ?? 0) - at);
    expect(delays.length).toBeGreaterThanOrEqual(3);
    expect(delays[0]).toBeLessThanOrEqual(100 + 5);
    expect(Math.max(...delays)).toBeLessThanOrEqual(1_000 + 5);

    // And it works again, through the re-read cache.
    const results = await bridge.applyActions([obsAction.switchScene('BRB'), obsAction.setSourceVisible('Main', 'Logo', false)]);
    expect(results.every((r) => r.ok)).toBe(true);
    const raw: OBSWebSocket = await rawClient(obs);
    try {
      await waitFor(async () => (await raw.call('GetCurrentProgramScene')).currentProgramSceneName === 'BRB', 'program = BRB');
    } finally {
      await raw.disconnect();
    }
  });

  it('a hung OBS (SIGSTOP): requests time out on time, the heartbeat drops the socket, and it recovers', async () => {
    await statusWhere((s) => s.state === 'connected', 'connected');
    await obs.freeze();
    try {
      const t0 = Date.now();
      await expect(bridge.connection.call('GetSceneList')).rejects.toMatchObject({ code: expect.stringMatching(/timeout|connection_lost/) });
      // Settles by its own timeout, or earlier if the heartbeat gave up on the socket first.
      expect(Date.now() - t0).toBeLessThan(REQUEST_TIMEOUT_MS + 1_000);

      const results = await bridge.applyActions([obsAction.setText('Title', 'frozen')]);
      expect(results[0]?.ok).toBe(false);
      expect(results[0]?.code).toMatch(/timeout|not_connected|connection_lost/);

      const dropped = await statusWhere((s) => s.state === 'connecting', 'heartbeat drop');
      expect(dropped.reason?.code).toMatch(/timeout|unreachable/);
    } finally {
      obs.thaw();
    }
    await statusWhere((s) => s.state === 'connected', 'reconnected after thaw', 30_000);
    await mirrorWhere((m) => m.ready, 'mirror ready after thaw');
    expect((await bridge.actions.setText('Title', 'back')).ok).toBe(true);
  });

  it('disconnect() stops for good: no more attempts, status disconnected', async () => {
    await bridge.configure({ enabled: false, host: obs.host, port: obs.port, password: obs.password });
    expect(bridge.status().state).toBe('disconnected');
    const revision = bridge.status().revision;
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(bridge.status().revision).toBe(revision);
    await expect(bridge.connection.call('GetVersion')).rejects.toMatchObject({ code: 'not_connected' });
  });
});
