import fs from 'node:fs';
import path from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchObs, type ObsInstance } from '../../helpers/obs/launch';
import { api, startServe, type ServeProcess } from '../../helpers/serve';

// The OBS domain through the real `serve` process and its control API, against real OBS.
let obs: ObsInstance;
let s: ServeProcess;

beforeAll(async () => {
  obs = await launchObs();
  s = await startServe();
}, 90_000);

afterAll(async () => {
  await s?.stop();
  await obs?.stop();
});

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('OBS through the control API', { timeout: 60_000 }, () => {
  it('starts disconnected with default settings and no password', async () => {
    const res = await api(s, 'GET', '/obs');
    expect(res.status).toBe(200);
    expect(res.body.settings).toEqual({ host: '127.0.0.1', port: 4455, connectOnStart: false, hasPassword: false });
    expect(res.body.status.state).toBe('disconnected');
  });

  it('a wrong password fails with a reason and stays failed (no retry loop)', async () => {
    await api(s, 'PUT', '/obs/connection', { host: obs.host, port: obs.port, password: 'wrong', connect: true });
    const res = await until(() => api(s, 'GET', '/obs'), (r) => r.body.status.state === 'failed');
    expect(res.body.status.reason.code).toBe('auth_failed');
    const attempt = res.body.status.revision;
    await new Promise((r) => setTimeout(r, 1500));
    expect((await api(s, 'GET', '/obs')).body.status.revision).toBe(attempt);
  });

  it('connects with the right password, pushes status to clients, and never reveals the password', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${s.port}/ws?token=${s.token}`);
    const connected = new Promise<Record<string, unknown>>((resolve) => {
      ws.on('message', (d) => {
        const msg = JSON.parse(d.toString());
        if (msg.type === 'event' && msg.topic === 'obs.status' && msg.payload.state === 'connected') resolve(msg.payload);
      });
    });
    await new Promise((r) => ws.once('open', r));
    const put = await api(s, 'PUT', '/obs/connection', { password: obs.password, connect: true, connectOnStart: true });
    expect(put.status).toBe(200);
    const pushed = await connected;
    expect(pushed.obsWebSocketVersion).toMatch(/^5\./);
    ws.close();

    const res = await until(() => api(s, 'GET', '/obs'), (r) => r.body.mirror.ready === true);
    expect(res.body.settings).toMatchObject({ hasPassword: true, connectOnStart: true, port: obs.port });
    expect(res.body.mirror.scenes.length).toBeGreaterThan(0);
    expect(res.body.mirror.programScene).toBeTruthy();
    expect(JSON.stringify(res.body)).not.toContain(obs.password);

    const secrets = path.join(s.dataDir, 'secrets.json');
    expect(fs.statSync(secrets).mode & 0o777).toBe(0o600);
  });

  it('applies a batch of actions and reports a result per action', async () => {
    const { body } = await api(s, 'GET', '/obs');
    const scenes: string[] = body.mirror.scenes.map((x: { name: string }) => x.name);
    const target = scenes.find((n) => n !== body.mirror.programScene)!;
    const res = await api(s, 'POST', '/obs/actions', {
      actions: [
        { type: 'switchScene', scene: target },
        { type: 'setSourceVisible', scene: target, source: 'No Such Source', visible: true },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toEqual({ ok: true });
    expect(res.body.results[1]).toMatchObject({ ok: false, code: 'not_found' });
    const after = await until(() => api(s, 'GET', '/obs'), (r) => r.body.mirror.programScene === target);
    expect(after.body.mirror.programScene).toBe(target);
  });

  it('reconnects on the next start because connect-on-start is saved', async () => {
    await s.stop();
    s = await startServe({ dataDir: s.dataDir });
    const res = await until(() => api(s, 'GET', '/obs'), (r) => r.body.status.state === 'connected');
    expect(res.body.status.state).toBe('connected');
  });
});
