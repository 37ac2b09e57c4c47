import { METHOD_NAMES, type AnyEvent, type CallResult } from '../contract';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';

/** Exactly what `window.cuecart` holds (mirrors `CuecartBridge` in renderer/src/api/transport.ts). */
export interface CuecartBridge {
  call(method: string, input: unknown): Promise<CallResult>;
  subscribe(listener: (event: AnyEvent) => void): () => void;
  platform: string;
  /** http origin of the local server (media, overlays); '' if main did not provide one. */
  serverOrigin: string;
}

/** The slice of `ipcRenderer` the bridge uses; passed in so tests can hand a fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** The preload's allow-list, derived from the contract: nothing else reaches IPC. */
export const ALLOWED_METHODS: ReadonlySet<string> = new Set<string>(METHOD_NAMES);

/**
 * Build the bridge. `call` never rejects: a method outside the allow-list resolves to an
 * UNKNOWN_METHOD result without touching IPC (the same shape the dispatcher returns on every
 * other door), and an IPC failure resolves to UNAVAILABLE. Listeners get the event only, never
 * the `IpcRendererEvent` (its `sender` is ipcRenderer itself).
 */
export function createBridge(ipc: IpcRendererLike, platform: string, serverOrigin: string): CuecartBridge {
  const listeners = new Set<(event: AnyEvent) => void>();
  const onEvent = (_event: unknown, payload: unknown) => {
    for (const listener of listeners) {
      try {
        listener(payload as AnyEvent);
      } catch {
        // One broken listener must not starve the others.
      }
    }
  };

  return {
    async call(method, input) {
      if (typeof method !== 'string' || !ALLOWED_METHODS.has(method)) {
        return {
          ok: false,
          error: { code: 'UNKNOWN_METHOD', message: `Unknown method "${String(method)}"`, details: { method: String(method) } },
        };
      }
      try {
        return (await ipc.invoke(CALL_CHANNEL, method, input)) as CallResult;
      } catch (error) {
        return {
          ok: false,
          error: { code: 'UNAVAILABLE', message: `The app did not answer: ${error instanceof Error ? error.message : String(error)}` },
        };
      }
    },
    subscribe(listener) {
      if (typeof listener !== 'function') throw new TypeError('subscribe(listener) needs a function');
      // One IPC listener fans out to every subscriber (no MaxListeners warnings, no leaks).
      if (listeners.size === 0) ipc.on(EVENT_CHANNEL, onEvent);
      listeners.add(listener);
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        listeners.delete(listener);
        if (listeners.size === 0) ipc.removeListener(EVENT_CHANNEL, onEvent);
      };
    },
    platform,
    serverOrigin,
  };
}
