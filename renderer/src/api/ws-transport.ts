import type { AnyEvent, CallResult, ServerMessage } from '../../../electron/contract';
import type { Transport, TransportState } from './transport';

const CALL_TIMEOUT_MS = 15_000;
/** A heartbeat each second: the pong proves the link is alive and carries the server clock. */
const PING_MS = 1000;

/**
 * WebSocket transport for the browser door. Reconnects with capped backoff; calls made while
 * disconnected wait for the socket (up to the timeout) instead of failing at once. After a
 * reconnect every subscriber is told, so queries refetch what they may have missed.
 */
export function wsTransport(url: string, onReconnect?: () => void): Transport {
  let socket: WebSocket | null = null;
  let state: TransportState = 'connecting';
  let nextId = 1;
  let attempt = 0;
  let everOpened = false;
  const pending = new Map<number, { resolve: (r: CallResult) => void; timer: ReturnType<typeof setTimeout> }>();
  const queue: string[] = [];
  const listeners = new Set<(e: AnyEvent) => void>();
  let lastSeenAt = 0;
  // Server clock minus ours, from the ping with the shortest round trip among the recent ones.
  let serverOffsetMs = 0;
  let bestRtt = Infinity;
  const pings = new Map<number, number>();
  let pingTimer: ReturnType<typeof setInterval> | null = null;
  const stateListeners = new Set<(s: TransportState) => void>();

  const setState = (s: TransportState) => {
    state = s;
    for (const l of stateListeners) l(s);
  };

  const open = () => {
    setState('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      attempt = 0;
      lastSeenAt = Date.now();
      bestRtt = Infinity;
      if (pingTimer) clearInterval(pingTimer);
      pingTimer = setInterval(() => {
        if (ws.readyState !== WebSocket.OPEN) return;
        const id = nextId++;
        pings.set(id, performance.now());
        ws.send(JSON.stringify({ type: 'ping', id }));
        // Old samples age out so a changed network path is picked up.
        bestRtt *= 1.05;
      }, PING_MS);
      setState('open');
      for (const frame of queue.splice(0)) ws.send(frame);
      if (everOpened) onReconnect?.();
      everOpened = true;
    };
    ws.onmessage = (ev) => {
      lastSeenAt = Date.now();
      const msg = JSON.parse(String(ev.data)) as ServerMessage;
      switch (msg.type) {
        case 'result': {
          const p = pending.get(msg.id);
          if (!p) return;
          pending.delete(msg.id);
          clearTimeout(p.timer);
          p.resolve(msg.ok ? { ok: true, output: msg.output } : { ok: false, error: msg.error });
          return;
        }
        case 'event': {
          const { type: _type, ...event } = msg;
          for (const l of listeners) l(event as AnyEvent);
          return;
        }
        case 'pong': {
          const sent = pings.get(msg.id);
          pings.delete(msg.id);
          if (sent === undefined || msg.now === undefined) return;
          const rtt = performance.now() - sent;
          if (rtt <= bestRtt) {
            bestRtt = rtt;
            serverOffsetMs = msg.now + rtt / 2 - Date.now();
          }
          return;
        }
        case 'hello':
          return;
        default:
          msg satisfies never;
      }
    };
    ws.onclose = () => {
      socket = null;
      if (pingTimer) clearInterval(pingTimer);
      pingTimer = null;
      pings.clear();
      if (!opened && !everOpened && attempt >= 1) {
        // The server refuses the upgrade (401) when the token is wrong: no point retrying fast.
        setState('unauthorized');
      } else {
        setState('closed');
      }
      attempt += 1;
      const delay = Math.min(5000, 250 * 2 ** Math.min(attempt, 5)) * (0.75 + Math.random() * 0.5);
      setTimeout(open, delay);
    };
  };
  open();

  return {
    kind: 'ws',
    get state() {
      return state;
    },
    call(method, input, options) {
      const id = nextId++;
      const frame = JSON.stringify({ type: 'call', id, method, input });
      return new Promise<CallResult>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'No answer from Cuecart (connection lost?)' } });
        }, options?.timeoutMs ?? CALL_TIMEOUT_MS);
        pending.set(id, { resolve, timer });
        if (socket && socket.readyState === WebSocket.OPEN) socket.send(frame);
        else queue.push(frame);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    health: () => ({ lastSeenAt, serverOffsetMs }),
  };
}
