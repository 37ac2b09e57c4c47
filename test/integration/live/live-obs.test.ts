import fs from 'node:fs';
import type OBSWebSocket from 'obs-websocket-js/json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectServeToObs, expectedPicture, obsShow, readPicture, waitForObs } from '../../helpers/live-obs';
import { launchObs, type ObsInstance } from '../../helpers/obs/launch';
import { rawClient, waitFor } from '../../helpers/obs/wait';
import { PREVIEW_SETTLE_MS } from '../../../electron/core/live/standby-preview';
import { api, startServe, tempDataDir, type ServeProcess } from '../../helpers/serve';

// The show runner driving real OBS 29 (Debian's obs-studio under Xvfb) from the built `serve`:
// each Go's scene, sources and text read back by an independent client; OBS killed mid-show;
// a rehearsal that leaves OBS alone; Cuecart itself killed and restarted (it compares, offers
// re-apply, and never switches OBS by itself).

let obs: ObsInstance;
let raw: OBSWebSocket;
let serve: ServeProcess;
const dataDir = tempDataDir('cuecart-live-obs-');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  obs = await launchObs();
  raw = await rawClient(obs);
  serve = await startServe({ dataDir });
  await connectServeToObs(serve, obs);
}, 120_000);
afterAll(async () => {
  await raw?.disconnect().catch(() => {});
  await serve?.stop();
  await obs?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('live runs against real OBS', { timeout: 90_000 }, () => {
  let show: Awaited<ReturnType<typeof obsShow>>;

  it('fires each cue as one step: after every Go answer OBS shows its scene, sources and text', async () => {
    show = await obsShow(serve, 6);
    expect((await api(serve, 'POST', `/shows/${show.showId}/arm`, {})).status).toBe(200);
    for (let i = 0; i < 4; i++) {
      const before = (await api(serve, 'GET', '/show')).body.currentCueId;
      const go = await api(serve, 'POST', '/show/go', { expectedCueId: before });
      expect(go.status).toBe(200);
      expect(go.body.cueId).toBe(show.cueIds[i]);
      expect(go.body.obs.every((o: { ok: boolean }) => o.ok), JSON.stringify(go.body.obs)).toBe(true);
      expect(await readPicture(raw)).toEqual(expectedPicture(i));
      await sleep(550); // past the double-Go guard
    }
    const rows = (await api(serve, 'GET', '/show/log')).body.rows as { kind: string; details: { reason?: string; outcomes?: unknown[] } }[];
    expect(rows.filter((r) => r.kind === 'obs' && r.details.reason === 'cue')).toHaveLength(4);
  });

  it('keeps the show clock running while OBS is down, records a Go during the outage, and re-applies the cue when OBS returns', async () => {
    const before = (await api(serve, 'GET', '/show')).body;
    await obs.kill();
    await waitFor(async () => (await api(serve, 'GET', '/obs')).body.status.state !== 'connected', 'serve to notice OBS is gone');
    const during = (await api(serve, 'GET', '/show')).body;
    expect(during.state).toBe('running');
    expect(during.startedAt).toBe(before.startedAt); // the clock is computed from the same start...
    expect(during.now).toBeGreaterThan(before.now); // ...and the server time goes on
    const go = await api(serve, 'POST', '/show/go', { expectedCueId: before.currentCueId });
    expect(go.status).toBe(200);
    expect(go.body.cueId).toBe(show.cueIds[4]);
    expect(go.body.obs.length).toBeGreaterThan(0);
    expect(go.body.obs.every((o: { ok: boolean }) => !o.ok)).toBe(true); // recorded as not sent, never thrown at the show

    await obs.restart();
    raw = await rawClient(obs);
    await waitForObs(serve);
    // The cue went on air while OBS was away: once it is back, Cuecart puts it there by itself
    // (and says so in the log), whatever OBS itself restored from its saved scene collection.
    type Row = { kind: string; cueId: string | null; details: { state?: string; reason?: string; outcomes?: { ok: boolean }[] } };
    const reapplied = await waitFor(async () => {
      const rows = (await api(serve, 'GET', '/show/log')).body.rows as Row[];
      return rows.find((r) => r.kind === 'obs' && r.details.reason === 'reconnect');
    }, 'the re-apply after reconnect', { timeoutMs: 20_000 });
    expect(reapplied.details.outcomes!.every((o) => o.ok)).toBe(true);
    expect(await readPicture(raw)).toEqual(expectedPicture(4));
    const rows = (await api(serve, 'GET', '/show/log')).body.rows as Row[];
    expect(rows.some((r) => r.kind === 'obs.status' && r.details.state === 'disconnected')).toBe(true);
    expect(rows.some((r) => r.kind === 'obs.status' && r.details.state === 'connected')).toBe(true);
    expect(rows.some((r) => r.kind === 'go' && r.cueId === show.cueIds[4])).toBe(true);
    expect(rows.some((r) => r.kind === 'obs' && r.details.reason === 'reconnect')).toBe(true);
  });

  it('after its own restart compares OBS with the log, offers re-apply, and never switches OBS by itself', async () => {
    const kill = new Promise<void>((resolve) => serve.child.once('exit', () => resolve()));
    serve.child.kill('SIGKILL');
    await kill;
    // Someone changes OBS while Cuecart is down.
    await raw.call('SetCurrentProgramScene', { sceneName: 'BRB' });
    serve = await startServe({ dataDir });
    await waitForObs(serve);
    const view = await waitFor(async () => {
      const v = (await api(serve, 'GET', '/show')).body;
      return v.drift ? v : null;
    }, 'the drift to be reported', { timeoutMs: 15_000 });
    expect(view.drift.scene).toEqual({ expected: 'Product', actual: 'BRB' });
    expect((await readPicture(raw)).program).toBe('BRB'); // not switched by itself
    const again = await api(serve, 'POST', '/show/reapply', {});
    expect(again.status).toBe(200);
    expect(await readPicture(raw)).toEqual(expectedPicture(4));
    await waitFor(async () => (await api(serve, 'GET', '/show')).body.drift === null, 'the drift to clear', { timeoutMs: 10_000 });
  });

  it('rehearses without touching OBS or the overlay pages OBS loads, and keeps the log marked', async () => {
    await api(serve, 'POST', '/show/end', {});
    const picture = await readPicture(raw);
    const overlays = (await api(serve, 'GET', '/overlays')).body;
    const armed = await api(serve, 'POST', `/shows/${show.showId}/arm`, { rehearsal: true });
    expect(armed.body.rehearsal).toBe(true);
    for (let i = 0; i < 3; i++) {
      expect((await api(serve, 'POST', '/show/go', {})).status).toBe(200);
      await sleep(550);
    }
    expect(await readPicture(raw)).toEqual(picture);
    const after = (await api(serve, 'GET', '/overlays')).body;
    expect(after.layers).toEqual(overlays.layers);
    const runs = (await api(serve, 'GET', '/runs')).body as { id: string; rehearsal: boolean; state: string }[];
    expect(runs[0]).toMatchObject({ rehearsal: true, state: 'running' });
    expect((await api(serve, 'GET', '/runs?rehearsal=false')).body.every((r: { rehearsal: boolean }) => !r.rehearsal)).toBe(true);
    const rows = (await api(serve, 'GET', '/show/log')).body.rows as { kind: string; details: { rehearsal?: boolean } }[];
    expect(rows[0]).toMatchObject({ kind: 'arm', details: { rehearsal: true } });
    expect(rows.some((r) => r.kind === 'obs')).toBe(false);
  });

  it('in OBS studio mode keeps the standby cue in Preview: on arm and after each Go, never changing program by itself, and leaves a hand-set Preview alone', async () => {
    type Row = { seq: number; kind: string; cueId: string | null; details: { reason?: string; outcomes?: { action: string; ok: boolean }[] } };
    const previewRows = async () => ((await api(serve, 'GET', '/show/log')).body.rows as Row[]).filter((r) => r.kind === 'obs' && r.details.reason === 'preview');
    const preview = async () => (await raw.call('GetCurrentPreviewScene')).currentPreviewSceneName;
    const program = async () => (await raw.call('GetCurrentProgramScene')).currentProgramSceneName;
    await api(serve, 'POST', '/show/end', {});
    await raw.call('SetCurrentProgramScene', { sceneName: 'BRB' });
    await raw.call('SetStudioModeEnabled', { studioModeEnabled: true });
    await waitFor(async () => (await api(serve, 'GET', '/obs')).body.mirror.studioMode === true, 'serve to see studio mode');
    await raw.call('SetCurrentPreviewScene', { sceneName: 'Lower Third' });
    try {
      const studio = await obsShow(serve, 4, 'OBS 工作室模式');
      expect((await api(serve, 'POST', `/shows/${studio.showId}/arm`, {})).status).toBe(200);
      // Armed: the first cue's scene waits in Preview; nothing on air changed.
      await waitFor(async () => (await preview()) === 'Product', 'Preview to hold the first cue (Product)');
      expect(await program()).toBe('BRB');
      for (let i = 0; i < 3; i++) {
        const go = await api(serve, 'POST', '/show/go', {});
        expect(go.status).toBe(200);
        expect(go.body.obs.every((o: { ok: boolean }) => o.ok), JSON.stringify(go.body.obs)).toBe(true);
        const onAir = expectedPicture(i).program;
        const next = expectedPicture(i + 1).program;
        await waitFor(async () => (await program()) === onAir && (await preview()) === next, `program ${onAir} with the next cue (${next}) in Preview after Go ${i + 1}`);
        await sleep(550);
      }
      // Still there once every transition has ended (OBS's own swap did not take it back).
      await sleep(1_000);
      expect(await preview()).toBe(expectedPicture(3).program);
      const rows = await previewRows();
      expect(rows.map((r) => r.cueId)).toEqual(studio.cueIds.slice(0, 4));
      expect(rows.every((r) => r.details.outcomes?.[0]?.ok && r.details.outcomes[0].action.startsWith('preview '))).toBe(true);

      // The producer picks another Preview by hand: Cuecart leaves it until the standby changes.
      await sleep(PREVIEW_SETTLE_MS);
      await raw.call('SetCurrentPreviewScene', { sceneName: 'BRB' });
      await sleep(1_000);
      expect(await preview()).toBe('BRB');
      expect(await previewRows()).toHaveLength(4);

      // Switched off in Settings: Go leaves Preview to OBS.
      expect((await api(serve, 'PATCH', '/live/settings', { obsPreviewStandby: false })).body.obsPreviewStandby).toBe(false);
      expect((await api(serve, 'POST', '/show/cues/' + studio.cueIds[0] + '/go', {})).status).toBe(200);
      await sleep(1_000);
      expect(await previewRows()).toHaveLength(4);
    } finally {
      await api(serve, 'PATCH', '/live/settings', { obsPreviewStandby: true });
      await raw.call('SetStudioModeEnabled', { studioModeEnabled: false });
    }
  });
});
