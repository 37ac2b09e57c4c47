import { isDeepStrictEqual } from 'node:util';
import OBSWebSocket, { type RequestBatchRequest } from 'obs-websocket-js/json';
import type { ObsAction } from '../electron/core/obs';
import { BatchExecution } from '../electron/core/obs/protocol';

/**
 * An honest "cue fire vs the same raw RequestBatch" comparison against one real OBS, reusable by
 * any bench that fires a cue through Cuecart (in-process, WebSocket RPC, control API...).
 *
 * What it controls, and why (the link behaviour is written up in electron/core/obs/README.md):
 * - Same requests, same kind of link: the raw side sends the RequestBatch Cuecart plans for the
 *   same cue (SerialRealtime, haltOnFailure false, the same per-request ids), on a socket
 *   subscribed to no events, as Cuecart's cue link is (electron/core/obs/index.ts: cue batches go
 *   out on their own event-less session, beside the event-subscribed one its mirror reads).
 * - Same ordering: sides go A B B A A B B A..., so each side follows itself and the other equally
 *   often, and every fire is a real scene switch (the program scene alternates each fire).
 * - Same state of the link: obs-websocket 5.1 writes with Nagle on; when it sends an event
 *   (SceneTransitionStarted) just before an answer, the answer waits until the client's kernel
 *   ACKs the event, up to 40 ms later on Linux when that socket is in delayed-ACK ("pingpong")
 *   mode. Which socket is in that mode depends on its recent traffic, so before every fire the
 *   previous switch is let finish (CurrentProgramSceneChanged) and the link is quiet for
 *   `quietMs`: each fire starts from the same settled OBS, as a Go in a show does.
 * - Verified: after every fire (both sides), an independent client that subscribes to nothing
 *   reads OBS's program scene, both items' visibility and the text; any mismatch throws, so a
 *   fast-but-wrong answer cannot pass.
 *
 * What it cannot control: OBS itself stalls now and then (software rendering at 10 fps on a
 * shared 2-core box: 20–150 ms answers). Those hit either side at random, so a p95 of 60 fires
 * moves by up to ±40% from run to run even with two raw sockets on both sides (an A/A run).
 */

export interface ObsEndpoint {
  host: string;
  port: number;
  password: string;
}

/** What one fire must put on air (the bench fixture's Main/Product scenes, Title/Logo, Price). */
export interface BenchCue {
  /** Position in the whole run (both sides), from 0. */
  index: number;
  scene: 'Main' | 'Product';
  titleVisible: boolean;
  logoVisible: boolean;
  price: string;
}

export type Side = 'fire' | 'raw';

export interface CompareOptions {
  /** Measured fires per side (default 60). */
  samples?: number;
  /** Unmeasured (but verified) fires per side first (default 4). */
  warmup?: number;
  /** Quiet time after the previous switch finished, before the next fire (default 250 ms: longer
   *  than Linux's longest delayed ACK, 200 ms, so no socket carries ping-pong mode into a fire). */
  quietMs?: number;
  /** Timed together with the raw batch, before it: e.g. one bare HTTP round trip when the fire
   *  side goes through Cuecart's HTTP control API. */
  baselineExtra?: () => Promise<unknown>;
}

export interface FireComparison {
  /** ms per measured fire, in run order. */
  fire: number[];
  raw: number[];
  /** Answer → OBS's CurrentProgramSceneChanged for the same fire (the transition), ms. */
  fireProgramChangedAfter: number[];
  rawProgramChangedAfter: number[];
  /** Fires (both sides, warm-up included) whose read-back matched; every fire, or it threw. */
  verified: number;
}

const DEFAULTS = { samples: 60, warmup: 4, quietMs: 250 };
const PATTERN: Side[] = ['fire', 'raw', 'raw', 'fire'];
const SCENES_EVENTS = 1 << 2;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The cue at position `index` of a run. OBS starts on Main, so fire 0 goes to Product. */
export function benchCue(index: number): BenchCue {
  const even = index % 2 === 0;
  return { index, scene: even ? 'Product' : 'Main', titleVisible: even, logoVisible: !even, price: `¥${100 + index}` };
}

/** Which side fires at each position of a run with these options. */
export function runPlan(options: CompareOptions = {}): Side[] {
  const { samples, warmup } = { ...DEFAULTS, ...options };
  return Array.from({ length: 2 * (samples + warmup) }, (_, g) => PATTERN[g % 4]!);
}

/** The cues the fire side is asked for, in order: a show built from these can be fired with Go. */
export function fireSideCues(options: CompareOptions = {}): BenchCue[] {
  return runPlan(options).flatMap((side, g) => (side === 'fire' ? [benchCue(g)] : []));
}

/** The cue as Cuecart actions (for an in-process fire, or to build a show's cue). */
export function cueActions(cue: BenchCue): ObsAction[] {
  return [
    { type: 'switchScene', scene: cue.scene },
    { type: 'setSourceVisible', scene: 'Main', source: 'Title', visible: cue.titleVisible },
    { type: 'setSourceVisible', scene: 'Main', source: 'Logo', visible: cue.logoVisible },
    { type: 'setText', input: 'Price', text: cue.price },
  ];
}

interface ItemIds {
  title: number;
  logo: number;
}

/** The RequestBatch Cuecart's planner builds for `cueActions(cue)`, written out by hand. */
function rawRequests(cue: BenchCue, ids: ItemIds): RequestBatchRequest[] {
  return [
    { requestType: 'SetCurrentProgramScene', requestData: { sceneName: cue.scene }, requestId: '0.0' },
    { requestType: 'SetSceneItemEnabled', requestData: { sceneName: 'Main', sceneItemId: ids.title, sceneItemEnabled: cue.titleVisible }, requestId: '1.1' },
    { requestType: 'SetSceneItemEnabled', requestData: { sceneName: 'Main', sceneItemId: ids.logo, sceneItemEnabled: cue.logoVisible }, requestId: '2.2' },
    {
      requestType: 'SetInputSettings',
      requestData: { inputName: 'Price', inputSettings: { text: cue.price, from_file: false }, overlay: true },
      requestId: '3.3',
    },
  ] as RequestBatchRequest[];
}

async function connect(obs: ObsEndpoint, eventSubscriptions: number): Promise<OBSWebSocket> {
  const client = new OBSWebSocket();
  await client.connect(`ws://${obs.host}:${obs.port}`, obs.password, { eventSubscriptions });
  return client;
}

/** Resolves with the time OBS reports `scene` on program (after the transition), or rejects. */
function programChanged(watcher: OBSWebSocket, scene: string, timeoutMs = 5_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      watcher.off('CurrentProgramSceneChanged', onEvent);
      reject(new Error(`OBS did not report program scene "${scene}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const onEvent = (d: { sceneName: string }) => {
      if (d.sceneName !== scene) return;
      clearTimeout(timer);
      watcher.off('CurrentProgramSceneChanged', onEvent);
      resolve(performance.now());
    };
    watcher.on('CurrentProgramSceneChanged', onEvent);
  });
}

/** What OBS shows now, read in one batch by a client that subscribes to nothing. */
async function readBack(reader: OBSWebSocket, ids: ItemIds): Promise<Omit<BenchCue, 'index'>> {
  const [scene, title, logo, price] = await reader.callBatch([
    { requestType: 'GetCurrentProgramScene' },
    { requestType: 'GetSceneItemEnabled', requestData: { sceneName: 'Main', sceneItemId: ids.title } },
    { requestType: 'GetSceneItemEnabled', requestData: { sceneName: 'Main', sceneItemId: ids.logo } },
    { requestType: 'GetInputSettings', requestData: { inputName: 'Price' } },
  ]);
  const data = (r: typeof scene) => (r?.responseData ?? {}) as Record<string, any>;
  return {
    scene: data(scene).currentProgramSceneName,
    titleVisible: data(title).sceneItemEnabled,
    logoVisible: data(logo).sceneItemEnabled,
    price: data(price).inputSettings?.text,
  };
}

/**
 * Fires alternately through `fire` (Cuecart, however the caller reaches it) and as the same raw
 * RequestBatch, each fire verified by read-back. `fire(cue)` must put `cue` on air and resolve
 * when Cuecart answered; it is called with `fireSideCues(options)` in order.
 */
export async function compareFireWithRawBatch(
  obs: ObsEndpoint,
  fire: (cue: BenchCue) => Promise<unknown>,
  options: CompareOptions = {},
): Promise<FireComparison> {
  const { warmup, quietMs, baselineExtra } = { ...DEFAULTS, ...options };
  const raw = await connect(obs, 0);
  const reader = await connect(obs, 0);
  const watcher = await connect(obs, SCENES_EVENTS);
  try {
    const id = async (sourceName: string) => (await reader.call('GetSceneItemId', { sceneName: 'Main', sourceName })).sceneItemId;
    const ids: ItemIds = { title: await id('Title'), logo: await id('Logo') };
    // Start from the scene before fire 0, so fire 0 is a real switch too.
    const start = benchCue(1).scene;
    if ((await reader.call('GetCurrentProgramScene')).currentProgramSceneName !== start) {
      const changed = programChanged(watcher, start);
      await raw.call('SetCurrentProgramScene', { sceneName: start });
      await changed;
    }

    const result: FireComparison = { fire: [], raw: [], fireProgramChangedAfter: [], rawProgramChangedAfter: [], verified: 0 };
    const seen: Record<Side, number> = { fire: 0, raw: 0 };
    for (const [g, side] of runPlan(options).entries()) {
      const cue = benchCue(g);
      await sleep(quietMs);
      const changed = programChanged(watcher, cue.scene);
      changed.catch(() => {}); // awaited below; only a throw before that leaves it unobserved
      const t0 = performance.now();
      if (side === 'fire') {
        await fire(cue);
      } else {
        if (baselineExtra) await baselineExtra();
        const answers = await raw.callBatch(rawRequests(cue, ids), { executionType: BatchExecution.SerialRealtime, haltOnFailure: false });
        const failed = answers.filter((a) => !a.requestStatus.result);
        if (answers.length !== 4 || failed.length > 0) throw new Error(`raw batch failed: ${JSON.stringify(answers)}`);
      }
      const answeredAt = performance.now();
      const onAir = await readBack(reader, ids);
      const want = { scene: cue.scene, titleVisible: cue.titleVisible, logoVisible: cue.logoVisible, price: cue.price };
      if (!isDeepStrictEqual(onAir, want)) {
        throw new Error(`${side === 'fire' ? 'measured' : 'raw'} fire #${g} answered, but OBS shows ${JSON.stringify(onAir)}, not ${JSON.stringify(want)}`);
      }
      result.verified += 1;
      const changedAt = await changed;
      if (seen[side]++ < warmup) continue;
      result[side].push(answeredAt - t0);
      result[side === 'fire' ? 'fireProgramChangedAfter' : 'rawProgramChangedAfter'].push(changedAt - answeredAt);
    }
    return result;
  } finally {
    await Promise.all([raw, reader, watcher].map((c) => c.disconnect().catch(() => {})));
  }
}
