import type { AnyEvent, CallResult } from '../../../electron/contract';

/** How the renderer reaches the core: the Electron bridge (IPC) or a WebSocket (browser). */
export interface Transport {
  readonly kind: 'ipc' | 'ws';
  call(method: string, input: unknown, options?: CallOptions): Promise<CallResult>;
  /** Pushed events; returns an unsubscribe function. */
  subscribe(listener: (event: AnyEvent) => void): () => void;
  /** Connection state changes (the bridge is always 'open'). */
  onState(listener: (state: TransportState) => void): () => void;
  readonly state: TransportState;
  /**
   * When the server was last heard from (local ms) and the server clock minus ours. Live clocks
   * use the offset; a seat that has heard nothing for a few seconds says it is stale.
   */
  health(): { lastSeenAt: number; serverOffsetMs: number };
}

/** Per call: how long to wait for the answer (a big import runs longer than the default 15 s). */
export interface CallOptions {
  timeoutMs?: number;
}

export type TransportState = 'connecting' | 'open' | 'closed' | 'unauthorized';

/** What the preload exposes as `window.cuecart` (see electron/preload). */
export interface CuecartBridge {
  call(method: string, input: unknown): Promise<CallResult>;
  subscribe(listener: (event: AnyEvent) => void): () => void;
  platform: string;
  /** Origin of the local HTTP server (e.g. `http://127.0.0.1:5170`), for `/media/<hash>` URLs. */
  serverOrigin: string;
}

declare global {
  interface Window {
    cuecart?: CuecartBridge;
  }
}

export function bridgeTransport(bridge: CuecartBridge): Transport {
  return {
    kind: 'ipc',
    state: 'open',
    call: (method, input) => bridge.call(method, input),
    subscribe: (listener) => bridge.subscribe(listener),
    onState: () => () => {},
    // The desktop window talks to its own process: always current, same clock.
    health: () => ({ lastSeenAt: Date.now(), serverOffsetMs: 0 }),
  };
}
