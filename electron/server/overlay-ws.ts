import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { OverlayChannelMessage } from '../contract';
import type { Core } from '../core';

/** A browser source that cannot keep up (or vanished) is dropped rather than buffered without end. */
const MAX_BUFFERED = 1024 * 1024;

export interface OverlayChannel {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  readonly clientCount: number;
  close(): void;
}

/**
 * `/overlays/ws`: the read-only channel of the overlay pages (OBS browser sources). No token,
 * because it can change nothing: it sends the whole state on connect and after every change,
 * and closes the socket on any message it receives. The server checks Host and Origin first.
 */
export function createOverlayChannel(core: Core): OverlayChannel {
  // Nothing is ever read from these sockets, so the smallest frame limit ws allows is plenty.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 256, perMessageDeflate: false });

  const send = (client: WebSocket, frame: string) => {
    if (client.readyState !== client.OPEN) return;
    if (client.bufferedAmount > MAX_BUFFERED) {
      client.terminate();
      return;
    }
    client.send(frame);
  };
  const frameOf = (message: OverlayChannelMessage) => JSON.stringify(message);

  const unsubscribe = core.bus.subscribe((event) => {
    if (event.topic !== 'overlays.state' || wss.clients.size === 0) return;
    const frame = frameOf({ type: 'state', state: event.payload });
    for (const client of wss.clients) send(client, frame);
  });

  wss.on('connection', (client) => {
    const alive = client as WebSocket & { overlayAlive?: boolean };
    alive.overlayAlive = true;
    client.on('pong', () => (alive.overlayAlive = true));
    client.on('message', () => client.close(1008, 'read-only channel'));
    client.on('error', () => client.terminate());
    send(client, frameOf({ type: 'state', state: core.overlays.snapshot() }));
  });

  // A source whose machine vanished without a close frame is dropped after a missed ping.
  const heartbeat = setInterval(() => {
    for (const client of wss.clients) {
      const alive = client as WebSocket & { overlayAlive?: boolean };
      if (alive.overlayAlive === false) {
        client.terminate();
        continue;
      }
      alive.overlayAlive = false;
      client.ping();
    }
  }, 30_000);
  heartbeat.unref();

  return {
    handleUpgrade: (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)),
    get clientCount() {
      return wss.clients.size;
    },
    close: () => {
      clearInterval(heartbeat);
      unsubscribe();
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
