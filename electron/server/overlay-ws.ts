import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { OVERLAY_KINDS, type OverlayChannelMessage, type OverlayState } from '../contract';
import type { Core } from '../core';

/** A browser source that cannot keep up (or vanished) is dropped rather than buffered without end. */
const MAX_BUFFERED = 1024 * 1024;

export interface OverlayChannel {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  readonly clientCount: number;
  close(): void;
}

type Channel = 'program' | 'preview';

/** A rehearsal's preview channel when no rehearsal runs: the theme, and nothing on screen. */
function emptyPicture(state: OverlayState): OverlayState {
  const layers = { ...state.layers } as Record<string, unknown>;
  for (const kind of OVERLAY_KINDS) layers[kind] = { ...state.layers[kind], visible: false, content: null };
  return { ...state, layers: layers as OverlayState['layers'] };
}

/**
 * `/overlays/ws`: the read-only channel of the overlay pages (OBS browser sources). No token,
 * because it can change nothing: it sends the whole state on connect and after every change,
 * and closes the socket on any message it receives. The server checks Host and Origin first.
 * `?channel=preview` is the rehearsal's picture (the app's preview), never what OBS shows.
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

  const channels = new WeakMap<WebSocket, Channel>();
  const unsubscribe = core.bus.subscribe((event) => {
    if ((event.topic !== 'overlays.state' && event.topic !== 'overlays.rehearsal') || wss.clients.size === 0) return;
    const channel: Channel = event.topic === 'overlays.state' ? 'program' : 'preview';
    const frame = frameOf({ type: 'state', state: event.payload });
    for (const client of wss.clients) if ((channels.get(client) ?? 'program') === channel) send(client, frame);
  });
  const current = (channel: Channel): OverlayState =>
    channel === 'program' ? core.overlays.snapshot() : (core.live.previewState() ?? emptyPicture(core.overlays.snapshot()));

  wss.on('connection', (client, req: IncomingMessage) => {
    const channel: Channel = new URL(req.url ?? '/', 'http://x').searchParams.get('channel') === 'preview' ? 'preview' : 'program';
    channels.set(client, channel);
    const alive = client as WebSocket & { overlayAlive?: boolean };
    alive.overlayAlive = true;
    client.on('pong', () => (alive.overlayAlive = true));
    client.on('message', () => client.close(1008, 'read-only channel'));
    client.on('error', () => client.terminate());
    send(client, frameOf({ type: 'state', state: current(channel) }));
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
