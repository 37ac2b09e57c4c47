import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { manualClock } from '../../../electron/core/clock';
import { ObsConnection, type ObsStatus } from '../../../electron/core/obs';
import { startFakeObs, type FakeObs } from '../../helpers/obs/fake-server';
import { freePort } from '../../helpers/obs/launch';
import { nextMatching } from '../../helpers/obs/wait';

// The status machine against a local fake obs-websocket, for what real OBS 29 cannot do on
// demand (4010, 4011, 207 NotReady, an unanswered request). Real-OBS behaviour lives in
// test/integration/obs.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function makeConnection(extra: Partial<ConstructorParameters<typeof ObsConnection>[0]> = {}) {
  const clock = manualClock();
  const conn = new ObsConnection({
    clock,
    backoff: { initialMs: 20, maxMs: 80, jitter: 0.5 },
    random: () => 0, // no jitter: exact, checkable delays
    requestTimeoutMs: 300,
    connectTimeoutMs: 500,
    heartbeatMs: 0,
    notReadyDelayMs: 5,
    ...extra,
  });
  const seen: ObsStatus[] = [];
  conn.onStatus((s) => seen.push(s));
  cleanups.push(() => conn.disconnect());
  return { conn, clock, seen };
}

async function fake(options?: Parameters<typeof startFakeObs>[0]): Promise<FakeObs> {
  const f = await startFakeObs(options);
  cleanups.push(() => f.stop());
  return f;
}

const statusWhere = (conn: ObsConnection, match: (s: ObsStatus) => boolean, what: string) =>
  nextMatching({ get: () => conn.status(), subscribe: (l) => conn.onStatus(l) }, match, what, 5_000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ObsConnection status machine', () => {
  it('unreachable: keeps retrying with capped backoff, announces nextRetryAt from the injected clock', async () => {
    const { conn, clock, seen } = makeConnection();
    const port = await freePort();
    const first = await conn.connect({ host: '127.0.0.1', port });
    expect(first).toMatchObject({ state: 'connecting', attempt: 2, reason: { code: 'unreachable' } });
    expect(first.nextRetryAt).toBe(clock.now() + 20);
    expect(first.reason?.message).toContain(`127.0.0.1:${port}`);

    await statusWhere(conn, (s) => (s.attempt ?? 0) >= 5 && s.nextRetryAt !== undefined, 'attempt 5');
    const delays = seen.filter((s) => s.nextRetryAt !== undefined).map((s) => (s.nextRetryAt ?? 0) - clock.now());
    expect(delays.slice(0, 4)).toEqual([20, 40, 80, 80]);
    // Revisions only ever go up, one per push.
    seen.forEach((s, i) => i > 0 && expect(s.revision).toBe((seen[i - 1] as ObsStatus).revision + 1));

    await conn.disconnect();
    const after = conn.status().revision;
    await sleep(200);
    expect(conn.status()).toMatchObject({ state: 'disconnected', revision: after });
  });

  it('4010 unsupported RPC version: failed, no retry', async () => {
    const f = await fake({ closeOnIdentify: { code: 4010, reason: 'rpc' } });
    const { conn } = makeConnection();
    const status = await conn.connect({ host: '127.0.0.1', port: f.port });
    expect(status).toMatchObject({ state: 'failed', reason: { code: 'unsupported_version', obsCode: 4010 } });
    await sleep(150);
    expect(f.connections).toBe(1);
  });

  it('4011 kicked while connected: pending requests reject, failed, no retry', async () => {
    const f = await fake();
    const { conn } = makeConnection({ requestTimeoutMs: 5_000 });
    const status = await conn.connect({ host: '127.0.0.1', port: f.port });
    expect(status).toMatchObject({ state: 'connected', obsVersion: '30.0.0', obsWebSocketVersion: '5.3.0', rpcVersion: 1 });
    expect(conn.supports('notReadyStatus')).toBe(true);

    f.reply = (type) => (type === 'GetSceneList' ? 'ignore' : { ok: true });
    const pending = conn.call('GetSceneList');
    await sleep(20);
    f.closeAll(4011, 'kicked');
    await expect(pending).rejects.toMatchObject({ code: 'kicked' });
    await statusWhere(conn, (s) => s.state === 'failed', 'failed');
    expect(conn.status().reason).toMatchObject({ code: 'kicked', obsCode: 4011 });
    await sleep(150);
    expect(f.connections).toBe(1);
  });

  it('abnormal close: pending requests reject at once with connection_lost, then it reconnects', async () => {
    const f = await fake();
    const { conn } = makeConnection({ requestTimeoutMs: 5_000 });
    const connected: number[] = [];
    conn.onConnected(() => connected.push(Date.now()));
    await conn.connect({ host: '127.0.0.1', port: f.port });
    f.reply = (type) => (type === 'GetSceneList' ? 'ignore' : { ok: true });
    const t0 = Date.now();
    const pending = conn.call('GetSceneList');
    const batch = conn.callBatch([{ requestType: 'GetSceneList', requestData: {} }]);
    await sleep(20);
    f.terminateAll();
    await expect(pending).rejects.toMatchObject({ code: 'connection_lost' });
    await expect(batch).rejects.toMatchObject({ code: 'connection_lost' });
    expect(Date.now() - t0).toBeLessThan(1_000);
    f.reply = () => ({ ok: true });
    await statusWhere(conn, (s) => s.state === 'connected' && f.connections === 2, 'reconnected');
    expect(connected).toHaveLength(2);
  });

  it('a request OBS never answers rejects with timeout; the connection stays usable', async () => {
    const f = await fake();
    const { conn } = makeConnection();
    await conn.connect({ host: '127.0.0.1', port: f.port });
    f.reply = (type) => (type === 'GetSceneList' ? 'ignore' : { ok: true });
    const t0 = Date.now();
    await expect(conn.call('GetSceneList')).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
    await expect(conn.call('GetSceneList', {}, { timeoutMs: 50 })).rejects.toMatchObject({ code: 'timeout' });
    await expect(conn.call('GetStudioModeEnabled')).resolves.toEqual({ studioModeEnabled: false });
  });

  it('207 NotReady is retried a few times, then reported', async () => {
    const f = await fake();
    const { conn } = makeConnection();
    await conn.connect({ host: '127.0.0.1', port: f.port });
    let n = 0;
    f.reply = (type) => (type === 'GetSceneList' && n++ < 2 ? { ok: false, code: 207, comment: 'not ready' } : { ok: true, data: { scenes: [] } });
    await expect(conn.call('GetSceneList')).resolves.toEqual({ scenes: [] });
    expect(f.requests.filter((r) => r.requestType === 'GetSceneList')).toHaveLength(3);

    f.reply = () => ({ ok: false, code: 207 });
    await expect(conn.call('GetSceneList')).rejects.toMatchObject({ code: 'not_ready', obsCode: 207 });
    await expect(conn.call('GetSceneList', {}, { notReadyRetries: 0 })).rejects.toMatchObject({ code: 'not_ready' });
  });

  it('a batch answered NotReady throughout is re-sent; a partly-run batch never is', async () => {
    const f = await fake();
    const { conn } = makeConnection();
    await conn.connect({ host: '127.0.0.1', port: f.port });
    let m = 0;
    f.reply = () => (m++ < 2 ? { ok: false, code: 207 } : { ok: true }); // first batch: all 207
    const results = await conn.callBatch([{ requestType: 'GetStudioModeEnabled' }, { requestType: 'GetStudioModeEnabled' }]);
    expect(results.every((r) => r.requestStatus.result)).toBe(true);
    expect(m).toBe(4);

    let k = 0;
    f.reply = () => (k++ % 2 === 0 ? { ok: true } : { ok: false, code: 207 });
    const before = f.requests.length;
    const partial = await conn.callBatch([{ requestType: 'GetStudioModeEnabled' }, { requestType: 'GetStudioModeEnabled' }]);
    expect(partial.map((r) => r.requestStatus.code)).toEqual([100, 207]);
    expect(f.requests.length - before).toBe(2);
  });

  it('a batch is on the wire before callBatch returns (a Go commits its log while OBS works)', async () => {
    const f = await fake();
    const { conn } = makeConnection();
    await conn.connect({ host: '127.0.0.1', port: f.port });
    const written: string[] = [];
    const send = WebSocket.prototype.send;
    const spy = vi.spyOn(WebSocket.prototype, 'send').mockImplementation(function (this: WebSocket, ...args: Parameters<WebSocket['send']>) {
      written.push(String(args[0]));
      return send.apply(this, args);
    });
    cleanups.push(() => spy.mockRestore());
    const answered = conn.callBatch([{ requestType: 'SetCurrentProgramScene', requestData: { sceneName: 'Product' } }]);
    // Nothing has yielded to the event loop or to a microtask yet.
    expect(written).toHaveLength(1);
    expect(JSON.parse(written[0]!)).toMatchObject({ op: 8, d: { requests: [{ requestType: 'SetCurrentProgramScene', requestData: { sceneName: 'Product' } }] } });
    expect((await answered).map((r) => r.requestStatus.result)).toEqual([true]);
    expect(f.requests.at(-1)).toEqual({ requestType: 'SetCurrentProgramScene', requestData: { sceneName: 'Product' } });
  });

  it('heartbeat: an OBS that stops answering is dropped and reconnected; RTT is reported', async () => {
    const f = await fake();
    const { conn } = makeConnection({ heartbeatMs: 30, heartbeatMissesBeforeDrop: 2, requestTimeoutMs: 60 });
    await conn.connect({ host: '127.0.0.1', port: f.port });
    expect(conn.status().rttMs).toBeGreaterThanOrEqual(0);
    f.reply = (type) => (type === 'GetStudioModeEnabled' ? 'ignore' : { ok: true });
    const dropped = await statusWhere(conn, (s) => s.state === 'connecting', 'dropped');
    expect(dropped.reason?.code).toBe('timeout');
    f.reply = () => ({ ok: true });
    await statusWhere(conn, (s) => s.state === 'connected', 'back');
    expect(f.connections).toBeGreaterThanOrEqual(2);
  });

  it('calls while not connected reject immediately with not_connected', async () => {
    const { conn } = makeConnection();
    await expect(conn.call('GetVersion')).rejects.toMatchObject({ code: 'not_connected' });
    await expect(conn.callBatch([{ requestType: 'GetStudioModeEnabled' }])).rejects.toMatchObject({ code: 'not_connected' });
  });
});
