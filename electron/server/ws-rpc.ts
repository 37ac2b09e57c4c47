import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { ClientMessage, type ServerMessage } from '../contract';
import type { Core } from '../core';

/** Above this many queued bytes a client is too slow to keep up; drop it rather than grow memory. */
const MAX_BUFFERED = 16 * 1024 * 1024;

/**
 * One authenticated RPC + events connection. Every message is validated before use. The seat is
 * on the show runner's list while it is connected; its role decides what it may call.
 */
export function attachRpcSocket(core: Core, socket: WebSocket, _req: IncomingMessage, who: { role: 'operator' | 'viewer'; seat: string }): void {
  const send = (message: ServerMessage) => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED) {
      socket.terminate();
      return;
    }
    socket.send(JSON.stringify(message));
  };

  const unsubscribe = core.bus.subscribe((event) => send({ type: 'event', ...event }));
  const seat = core.live.seats.add({ name: who.seat, door: 'ws', role: who.role, connectedAt: core.clock.now() });
  socket.on('close', () => {
    unsubscribe();
    seat.remove();
  });
  // A protocol error (a message over the cap, a bad frame) makes ws close this socket with its
  // code (1009 Message Too Big, 1002...) and then emit 'error'; without a listener that event
  // would end the whole server. ws finishes the close handshake itself.
  socket.on('error', () => undefined);
  send({ type: 'hello', appVersion: core.appVersion, revision: core.bus.currentRevision });

  socket.on('message', async (data, isBinary) => {
    if (isBinary) {
      socket.close(1003, 'text frames only');
      return;
    }
    let parsed: ClientMessage;
    try {
      const result = ClientMessage.safeParse(JSON.parse(data.toString()));
      if (!result.success) throw new Error(result.error.message);
      parsed = result.data;
    } catch {
      socket.close(1008, 'malformed message');
      return;
    }
    switch (parsed.type) {
      case 'ping':
        // The server clock rides along: seats keep their clock offset from it and know the link is alive.
        send({ type: 'pong', id: parsed.id, now: core.clock.now() });
        return;
      case 'call': {
        const result = await core.dispatch(parsed.method, parsed.input, { door: 'ws', role: who.role, seat: who.seat });
        send({ type: 'result', id: parsed.id, ...result });
        return;
      }
      default:
        parsed satisfies never;
    }
  });
}
