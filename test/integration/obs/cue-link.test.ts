import type OBSWebSocket from 'obs-websocket-js/json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../electron/core/clock';
import { createObsBridge, type ObsBridge } from '../../../electron/core/obs';
import { launchObs, type ObsInstance } from '../../helpers/obs/launch';
import { rawClient, waitFor } from '../../helpers/obs/wait';

// Cue batches go out on their own session, subscribed to no events (so an answer never waits
// behind the ACK of an event OBS sent just before it), and on the main session while that one
// is down. Real OBS 29.
let obs: ObsInstance;
let bridge: ObsBridge;
let raw: OBSWebSocket;

beforeAll(async () => {
  obs = await launchObs();
  raw = await rawClient(obs);
  bridge = createObsBridge({ clock: systemClock });
  await bridge.configure({ enabled: true, host: obs.host, port: obs.port, password: obs.password });
  await waitFor(() => bridge.mirrorSnapshot().ready && bridge.cueLink.isConnected, 'mirror and cue link');
}, 90_000);
afterAll(async () => {
  await bridge?.dispose();
  await raw?.disconnect().catch(() => {});
  await obs?.stop();
});

const program = async () => (await raw.call('GetCurrentProgramScene')).currentProgramSceneName;

describe('the cue link', { timeout: 60_000 }, () => {
  it('carries cue batches while it is up, and the main session does when it is down', async () => {
    const sent: string[] = [];
    const spy = (name: string, conn: ObsBridge['connection']) => {
      const original = conn.callBatch.bind(conn);
      conn.callBatch = (requests, options) => {
        sent.push(name);
        return original(requests, options);
      };
    };
    spy('cue', bridge.cueLink);
    spy('main', bridge.connection);

    const [a] = await bridge.applyActions([{ type: 'switchScene', scene: 'Product' }]);
    expect(a).toEqual({ ok: true });
    expect(await program()).toBe('Product');
    expect(sent).toEqual(['cue']);

    // Not a cue (the studio-mode Preview of the standby): the main session, the cue link stays free.
    const [p] = await bridge.applyActions([{ type: 'switchScene', scene: 'Product' }], { link: 'main' });
    expect(p).toEqual({ ok: true });
    expect(sent).toEqual(['cue', 'main']);
    sent.pop();

    await bridge.cueLink.disconnect();
    const [b] = await bridge.applyActions([{ type: 'switchScene', scene: 'Main' }]);
    expect(b).toEqual({ ok: true });
    expect(await program()).toBe('Main');
    expect(sent).toEqual(['cue', 'main']);
  });
});
