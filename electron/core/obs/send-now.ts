import type OBSWebSocket from 'obs-websocket-js/json';

/** The parts of obs-websocket-js 5.0.x that `sendNow` replaces (not in its public types). */
interface Internals {
  message?: (op: number, d: unknown) => Promise<void>;
  socket?: { send(data: string): void };
  identified?: boolean;
}

/**
 * Make `socket.call()` / `socket.callBatch()` put the request on the wire before they return.
 *
 * obs-websocket-js sends through `async message()`, which awaits its (synchronous) JSON
 * encoder before `send`, so a request leaves only after the caller's synchronous code has
 * finished. A Go wants the opposite order: its RequestBatch out first, then the log commit and
 * the overlays while OBS works on it (about 9 ms). This replaces `message` on one instance with
 * the same checks, the same JSON text and a synchronous `send`; the answer path is untouched.
 * If a later obs-websocket-js has no `message` method, nothing is changed and requests simply
 * leave a microtask later (test/unit/obs/connection.test.ts fails, to say so).
 */
export function sendNow(socket: OBSWebSocket): boolean {
  const internals = socket as unknown as Internals;
  if (typeof internals.message !== 'function') return false;
  internals.message = async function (this: Internals, op: number, d: unknown): Promise<void> {
    if (!this.socket) throw new Error('Not connected');
    if (!this.identified && op !== 1) throw new Error('Socket not identified');
    this.socket.send(JSON.stringify({ op, d }));
  };
  return true;
}
