import type OBSWebSocket from 'obs-websocket-js/json';
import { moneyText } from '../../electron/contract/overlay-format';
import { api, type ServeProcess } from './serve';
import type { ObsInstance } from './obs/launch';
import { waitFor } from './obs/wait';

/** What OBS shows, read by an independent client: program scene, Main's Title/Logo, the Price text. */
export async function readPicture(raw: OBSWebSocket) {
  const { currentProgramSceneName } = await raw.call('GetCurrentProgramScene');
  const enabled = async (source: string) => {
    const { sceneItemId } = await raw.call('GetSceneItemId', { sceneName: 'Main', sourceName: source });
    return (await raw.call('GetSceneItemEnabled', { sceneName: 'Main', sceneItemId })).sceneItemEnabled;
  };
  const price = (await raw.call('GetInputSettings', { inputName: 'Price' })).inputSettings.text as string | undefined;
  return { program: currentProgramSceneName, title: await enabled('Title'), logo: await enabled('Logo'), price: price ?? '' };
}

/** The picture cue i of `obsShow` must leave on air. */
export function expectedPicture(i: number) {
  return { program: i % 2 === 0 ? 'Product' : 'Main', title: i % 2 === 0, logo: i % 2 === 1, price: `${moneyText(9_900 + i, 'CNY')} · 第${i + 1}款` };
}

/**
 * A show of `count` pitches against the OBS test fixture: cue i switches to Product or Main, sets
 * Main's Title/Logo visibility and the Price text ("{price} · {cue}"), and shows the product card.
 */
export async function obsShow(
  serve: ServeProcess,
  count: number,
  title = 'OBS 测试专场',
  products?: string[],
): Promise<{ showId: string; cueIds: string[]; productIds: string[] }> {
  const productIds: string[] = products ? products.slice(0, count) : [];
  for (let i = productIds.length; i < count; i++) {
    const sku = `OBS-${title.length}-${i + 1}-${Date.now() % 100000}`;
    const p = await api(serve, 'POST', '/products', { sku, title: `演示商品 ${i + 1}`, listPrice: 20_000, livePrice: 15_000, stock: 100 });
    if (p.status !== 201) throw new Error(`product: ${JSON.stringify(p.body)}`);
    productIds.push(p.body.id);
  }
  const cues = productIds.map((productId, i) => ({
    id: `cue_o${i}`,
    kind: 'pitch',
    title: `第${i + 1}款`,
    productId,
    durationMs: 120_000,
    livePrice: 9_900 + i,
    stock: 50,
    actions: {
      scene: i % 2 === 0 ? 'Product' : 'Main',
      overlays: [{ op: 'show', overlay: { kind: 'product-card' } }],
      sources: [
        { scene: 'Main', source: 'Title', visible: i % 2 === 0 },
        { scene: 'Main', source: 'Logo', visible: i % 2 === 1 },
      ],
      texts: [{ input: 'Price', text: '{price} · {cue}' }],
    },
  }));
  const show = await api(serve, 'POST', '/shows', { title, startAt: Date.now(), plannedLengthMs: count * 120_000, canvas: '16:9', segments: [{ id: 'seg_o', title: '过款', cues }] });
  if (show.status !== 201) throw new Error(`show: ${JSON.stringify(show.body)}`);
  const detail = (await api(serve, 'GET', `/shows/${show.body.id}`)).body as { segments: { cues: { id: string }[] }[] };
  return { showId: show.body.id, cueIds: detail.segments.flatMap((s) => s.cues.map((c) => c.id)), productIds };
}

/** Connect `serve` to the test OBS (and on every start) and wait until its mirror is read. */
export async function connectServeToObs(serve: ServeProcess, obs: ObsInstance): Promise<void> {
  const r = await api(serve, 'PUT', '/obs/connection', { host: obs.host, port: obs.port, password: obs.password, connectOnStart: true, connect: true });
  if (r.status !== 200) throw new Error(`obs connection: ${JSON.stringify(r.body)}`);
  await waitForObs(serve);
}

export async function waitForObs(serve: ServeProcess): Promise<void> {
  await waitFor(async () => {
    const o = (await api(serve, 'GET', '/obs')).body as { status: { state: string }; mirror: { ready: boolean } };
    return o.status.state === 'connected' && o.mirror.ready;
  }, 'serve connected to OBS with a read mirror', { timeoutMs: 30_000 });
}
