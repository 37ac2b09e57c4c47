import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OverlayState } from '../../../electron/contract';
import { api, startServe, tempDataDir, type ServeProcess } from '../../helpers/serve';

// What the producer put on air comes back after the app is killed mid-show: the real `serve`
// process is killed with SIGKILL (no shutdown code runs) and started again on the same folder.

const running: ServeProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function start(dataDir: string) {
  const s = await startServe({ dataDir });
  running.push(s);
  return s;
}

function kill(s: ServeProcess): Promise<void> {
  return new Promise((resolve) => {
    s.child.once('exit', () => resolve());
    s.child.kill('SIGKILL');
  });
}

const layersOf = (state: OverlayState) => state.layers;

describe('overlay layers across a crash', () => {
  it('brings back every layer, shown or hidden, with its content and countdown end time', async () => {
    const dataDir = tempDataDir('cuecart-crash-');
    dirs.push(dataDir);
    const first = await start(dataDir);
    expect((await api(first, 'POST', '/overlays/lower-third/show', { content: { name: '林小溪', title: '主播 · 护肤专场' } })).status).toBe(200);
    expect((await api(first, 'POST', '/overlays/countdown/show', { content: { label: '限时秒杀', durationMs: 10 * 60_000 } })).status).toBe(200);
    expect((await api(first, 'POST', '/overlays/banner/show', { content: { text: '关注主播 领 20 元券' } })).status).toBe(200);
    expect((await api(first, 'POST', '/overlays/banner/hide')).status).toBe(200);
    const before = (await api(first, 'GET', '/overlays')).body as OverlayState;
    expect(before.layers.countdown.visible).toBe(true);

    await kill(first);
    running.splice(running.indexOf(first), 1);
    const second = await start(dataDir);
    const after = (await api(second, 'GET', '/overlays')).body as OverlayState;
    expect(layersOf(after)).toEqual(layersOf(before));
    expect(after.revision).toBeGreaterThanOrEqual(before.revision);
    // And it goes on from there.
    expect((await api(second, 'POST', '/overlays/lower-third/hide')).status).toBe(200);
  });

  it('starts with a clean picture when the saved layers are damaged', async () => {
    const dataDir = tempDataDir('cuecart-crash-');
    dirs.push(dataDir);
    fs.writeFileSync(path.join(dataDir, 'live-overlays.json'), '{"version":1,"revision":3,"slots":{"banner":{"visible":tr');
    const s = await start(dataDir);
    const state = (await api(s, 'GET', '/overlays')).body as OverlayState;
    expect(Object.values(state.layers).every((l) => !l.visible && l.content === null)).toBe(true);
    expect((await api(s, 'POST', '/overlays/banner/show', { content: { text: 'OK' } })).status).toBe(200);
  });
});
