import fs from 'node:fs';
import net from 'node:net';
import OBSWebSocket from 'obs-websocket-js/json';
import { systemClock } from '../electron/core/clock';
import { createObsBridge } from '../electron/core/obs';
import { BatchExecution, EVENT_SUBSCRIPTIONS } from '../electron/core/obs/protocol';
import { launchObs, type ObsInstance } from '../test/helpers/obs/launch';
import { median, percentile, type Row } from './lib';
import { compareFireWithRawBatch, cueActions, runPlan } from './obs-fire';

/** Poll until something accepts TCP on the port; returns the time it did. */
async function listeningAt(port: number): Promise<number> {
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return performance.now();
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * What the link itself costs when fires come back to back on one socket (informational): the same
 * raw scene switch on a socket subscribed to Cuecart's events and on one subscribed to none.
 * obs-websocket 5.1 sends SceneTransitionStarted just before the answer and writes with Nagle on,
 * so the answer waits for the client's (delayed, up to 40 ms on Linux) ACK of that event; a socket
 * that gets no events has nothing for the answer to wait behind. Blocks of 8 per socket, first of
 * each block dropped, so each socket is measured in the state its own back-to-back traffic makes.
 */
async function backToBackLink(obs: ObsInstance): Promise<{ subscribed: number[]; silent: number[] }> {
  const url = `ws://${obs.host}:${obs.port}`;
  const subscribed = new OBSWebSocket();
  const silent = new OBSWebSocket();
  await subscribed.connect(url, obs.password, { eventSubscriptions: EVENT_SUBSCRIPTIONS });
  await silent.connect(url, obs.password, { eventSubscriptions: 0 });
  const out = { subscribed: [] as number[], silent: [] as number[] };
  let k = 0;
  try {
    for (let block = 0; block < 6; block++) {
      const name = block % 2 === 0 ? 'subscribed' : 'silent';
      const client = name === 'subscribed' ? subscribed : silent;
      for (let i = 0; i < 8; i++) {
        const t0 = performance.now();
        const [answer] = await client.callBatch(
          [{ requestType: 'SetCurrentProgramScene', requestData: { sceneName: k++ % 2 === 0 ? 'Product' : 'Main' } }],
          { executionType: BatchExecution.SerialRealtime, haltOnFailure: false },
        );
        if (!answer?.requestStatus.result) throw new Error(`switch failed: ${JSON.stringify(answer)}`);
        if (i > 0) out[name].push(performance.now() - t0);
      }
    }
  } finally {
    await Promise.all([subscribed, silent].map((c) => c.disconnect().catch(() => {})));
  }
  return out;
}

/**
 * Real OBS (Debian's obs-studio under Xvfb): a cue fire through Cuecart's bridge (one RequestBatch:
 * scene switch + 2 source toggles + 1 text change) against the byte-identical raw RequestBatch,
 * alternated and verified by read-back (bench/obs-fire.ts); what back-to-back fires cost on an
 * event-subscribed socket; then the reconnect time after OBS restarts.
 */
export async function benchObs(): Promise<Row[]> {
  if (!fs.existsSync('/usr/bin/obs')) {
    console.warn('bench: obs-studio not installed; skipping the OBS figures');
    return [];
  }
  const obs = await launchObs();
  const bridge = createObsBridge({ clock: systemClock });
  try {
    await bridge.configure({ enabled: true, host: obs.host, port: obs.port, password: obs.password });
    while (!bridge.mirrorSnapshot().ready) await new Promise((r) => setTimeout(r, 20));

    const fires = runPlan().length;
    const cmp = await compareFireWithRawBatch(obs, async (cue) => {
      const results = await bridge.applyActions(cueActions(cue));
      if (!results.every((r) => r.ok)) throw new Error(`cue failed: ${JSON.stringify(results)}`);
    });
    const link = await backToBackLink(obs);

    // Reconnect: OBS restarts; from its port accepting again to Cuecart connected with state re-read.
    const reconnect: number[] = [];
    for (let i = 0; i < 3; i++) {
      await obs.kill();
      while (bridge.status().state === 'connected') await new Promise((r) => setTimeout(r, 10));
      const restarted = obs.restart();
      const listening = await listeningAt(obs.port);
      const readAtBefore = bridge.mirrorSnapshot().readAt;
      while (!(bridge.status().state === 'connected' && bridge.mirrorSnapshot().ready && bridge.mirrorSnapshot().readAt !== readAtBefore)) {
        await new Promise((r) => setTimeout(r, 5));
      }
      reconnect.push(performance.now() - listening);
      await restarted;
    }

    return [
      {
        figure: 'cue fire (scene + 2 toggles + text) via Cuecart, median',
        value: median(cmp.fire),
        unit: 'ms',
        baseline: 'same RequestBatch, raw obs-websocket-js, alternated',
        baselineValue: median(cmp.raw),
        target: '≤ 1.1× raw batch',
        pass: median(cmp.fire) <= 1.1 * median(cmp.raw),
      },
      {
        figure: 'cue fire via Cuecart, p95',
        value: percentile(cmp.fire, 95),
        unit: 'ms',
        baseline: 'raw batch p95',
        baselineValue: percentile(cmp.raw, 95),
        target: '≤ 1.1× raw batch p95',
        pass: percentile(cmp.fire, 95) <= 1.1 * percentile(cmp.raw, 95),
      },
      {
        figure: 'fires an independent client then read back as the cue (scene, items, text)',
        value: cmp.verified,
        unit: 'fires',
        baseline: 'fires sent, both sides',
        baselineValue: fires,
        target: 'all',
        pass: cmp.verified === fires,
      },
      {
        figure: 'answer → OBS reports the new program scene (transition end), Cuecart median',
        value: median(cmp.fireProgramChangedAfter),
        unit: 'ms',
        baseline: 'same for the raw batch',
        baselineValue: median(cmp.rawProgramChangedAfter),
      },
      {
        figure: 'raw switch back to back on an event-subscribed socket, median (Nagle × delayed ACK)',
        value: median(link.subscribed),
        unit: 'ms',
        baseline: 'same on a socket subscribed to no events',
        baselineValue: median(link.silent),
      },
      {
        figure: 'reconnect: OBS listening again → connected + state re-read (max of 3)',
        value: Math.max(...reconnect),
        unit: 'ms',
        baseline: 'OBS restart → port listening (n/a: target is absolute)',
        baselineValue: 0,
        target: '< 2000 ms',
        pass: Math.max(...reconnect) < 2000,
      },
    ];
  } finally {
    await bridge.dispose();
    await obs.stop();
  }
}
