import OBSWebSocket from 'obs-websocket-js/json';
import type { ObsInstance } from './launch';

/** Poll until `probe` returns something truthy; fails with `what` and the last value seen. */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  what: string,
  { timeoutMs = 10_000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      last = await probe();
      if (last) return last as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Resolve on the first pushed snapshot (or the current one) that matches. */
export function nextMatching<S>(
  source: { get(): S; subscribe(listener: (s: S) => void): () => void },
  match: (s: S) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<S> {
  return new Promise((resolve, reject) => {
    if (match(source.get())) return resolve(source.get());
    const timer = setTimeout(() => {
      off();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(source.get())}`));
    }, timeoutMs);
    const off = source.subscribe((s) => {
      if (!match(s)) return;
      clearTimeout(timer);
      off();
      resolve(s);
    });
  });
}

/** A plain obs-websocket-js client, to check OBS's state independently of the code under test. */
export async function rawClient(obs: ObsInstance): Promise<OBSWebSocket> {
  const client = new OBSWebSocket();
  await client.connect(`ws://${obs.host}:${obs.port}`, obs.password);
  return client;
}
