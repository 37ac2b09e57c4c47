import type OBSWebSocket from 'obs-websocket-js/json';
import type { OBSEventTypes } from 'obs-websocket-js/json';

export type ObsEventHandler<E extends keyof OBSEventTypes> = (data: OBSEventTypes[E]) => void;
type AnyHandler = (data: unknown) => void;
/** eventemitter3's typed `on` cannot take a runtime event name; this is the untyped view. */
type UntypedEmitter = { on(event: string, fn: AnyHandler): unknown };

/**
 * Keeps OBS event handlers across reconnects. Every attempt uses a new OBSWebSocket, so handlers
 * live here and one forwarder per event name is attached to whichever socket is current.
 * Forwarders of a replaced socket check `this.socket` and fall silent.
 */
export class ObsEventRouter {
  private readonly handlers = new Map<string, Set<AnyHandler>>();
  private socket: OBSWebSocket | null = null;
  private readonly forwarded = new Set<string>();

  constructor(private readonly onHandlerError: (event: string, error: unknown) => void = () => {}) {}

  on<E extends keyof OBSEventTypes>(event: E, handler: ObsEventHandler<E>): () => void {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    const h = handler as AnyHandler;
    set.add(h);
    if (this.socket) this.forward(this.socket, event);
    return () => {
      set.delete(h);
    };
  }

  attach(socket: OBSWebSocket): void {
    this.socket = socket;
    this.forwarded.clear();
    for (const event of this.handlers.keys()) this.forward(socket, event);
  }

  detach(): void {
    this.socket = null;
    this.forwarded.clear();
  }

  private forward(socket: OBSWebSocket, event: string): void {
    if (this.forwarded.has(event)) return;
    this.forwarded.add(event);
    (socket as unknown as UntypedEmitter).on(event, (data) => {
      if (this.socket !== socket) return;
      for (const handler of [...(this.handlers.get(event) ?? [])]) {
        try {
          handler(data);
        } catch (error) {
          this.onHandlerError(event, error);
        }
      }
    });
  }
}
