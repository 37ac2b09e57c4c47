import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type OBSWebSocket from 'obs-websocket-js/json';
import { launchObs, type ObsInstance } from '../../helpers/obs/launch';
import { rawClient } from '../../helpers/obs/wait';
import { api, startServe, type ServeProcess } from '../../helpers/serve';

// Getting a show ready on real OBS (Debian's build has no browser source): install says so,
// native-source mode creates and drives text sources, preflight finds and fixes what is missing.
let obs: ObsInstance;
let raw: OBSWebSocket;
let s: ServeProcess;

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}
const textOf = async (input: string) => (await raw.call('GetInputSettings', { inputName: input })).inputSettings.text;
const enabledIn = async (scene: string, source: string) => {
  const { sceneItemId } = await raw.call('GetSceneItemId', { sceneName: scene, sourceName: source });
  return (await raw.call('GetSceneItemEnabled', { sceneName: scene, sceneItemId })).sceneItemEnabled;
};

beforeAll(async () => {
  obs = await launchObs();
  raw = await rawClient(obs);
  s = await startServe();
  await api(s, 'PUT', '/obs/connection', { host: obs.host, port: obs.port, password: obs.password, connect: true });
  await until(() => api(s, 'GET', '/obs'), (r) => r.body.mirror.ready === true);
}, 90_000);

afterAll(async () => {
  await s?.stop();
  await raw?.disconnect().catch(() => {});
  await obs?.stop();
});

describe('OBS setup against real OBS', { timeout: 60_000 }, () => {
  it('says when this OBS has no browser source, and offers native mode', async () => {
    const res = await api(s, 'POST', '/obs/overlays/install', { mode: 'browser' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ installed: false, reason: 'no_browser_source' });
    expect(res.body.message).toMatch(/native/i);
  });

  it('preflight flags a missing scene and overlays that are not installed, and the fixes work', async () => {
    const show = await api(s, 'POST', '/shows', {
      title: 'Preflight 测试',
      startAt: Date.UTC(2026, 10, 25, 12),
      segments: [
        {
          id: 'seg1',
          title: '开场',
          cues: [
            { id: 'c1', kind: 'generic', title: 'Open', durationMs: 60_000, actions: { scene: 'Outro Scene', overlays: [], sources: [] } },
            {
              id: 'c2',
              kind: 'generic',
              title: 'Host',
              durationMs: 60_000,
              actions: { scene: 'Main', overlays: [{ op: 'show', overlay: { kind: 'lower-third', content: { name: '林小溪' } } }], sources: [{ scene: '', source: 'Title', visible: true }] },
            },
          ],
        },
      ],
    });
    expect(show.status).toBe(201);
    const id = show.body.id as string;
    const before = await api(s, 'GET', `/shows/${id}/preflight`);
    expect(before.body.ok).toBe(false);
    expect(before.body.issues.map((i: { code: string }) => i.code)).toEqual(['scene_missing', 'overlays_not_installed']);
    expect(before.body.issues[0].fix).toEqual({ type: 'create_scene', scene: 'Outro Scene' });

    expect((await api(s, 'POST', '/obs/scenes', { name: 'Outro Scene' })).body).toEqual({ created: true });
    const installed = await api(s, 'POST', '/obs/overlays/install', { mode: 'native', scene: 'Main' });
    expect(installed.body).toMatchObject({ installed: true, mode: 'native', scene: 'Main' });
    expect(installed.body.created).toContain('Cuecart lower-third · name');

    const after = await until(() => api(s, 'GET', `/shows/${id}/preflight`), (r) => r.body.ok === true);
    expect(after.body).toMatchObject({ ok: true, issues: [] });
  });

  it('drives the native sources from the overlay state: text set, layer shown and hidden', async () => {
    await api(s, 'POST', '/overlays/lower-third/show', { content: { name: '<b>林小溪</b>', title: '首席美妆官' } });
    await until(() => textOf('Cuecart lower-third · name'), (t) => t === '<b>林小溪</b>');
    expect(await textOf('Cuecart lower-third · title')).toBe('首席美妆官');
    expect(await until(() => enabledIn('Main', 'Cuecart · lower-third'), (v) => v === true)).toBe(true);

    await api(s, 'POST', '/overlays/lower-third/hide');
    expect(await until(() => enabledIn('Main', 'Cuecart · lower-third'), (v) => v === false)).toBe(false);
    const native = await api(s, 'GET', '/overlays/native');
    expect(native.body).toMatchObject({ enabled: true, lastSync: { failures: [] } });
  });
});
