import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A minimal obs-websocket 5 server (JSON subprotocol) for the few cases real OBS 29 cannot
 * produce on demand: close 4010/4011, status 207 NotReady, a request that is never answered.
 * Everything else is tested against real OBS.
 */
export type FakeReply =
  | { ok: true; data?: Record<string, unknown> }
  | { ok: false; code: number; comment?: string }
  | 'ignore';

export interface FakeObsOptions {
  obsWebSocketVersion?: string;
  /** Close the socket with this code when the client identifies (e.g. 4009, 4010). */
  closeOnIdentify?: { code: number; reason: string };
}

export interface FakeObs {
  port: number;
  /** Connections accepted so far. */
  connections: number;
  requests: Array<{ requestType: string; requestData?: unknown }>;
  /** Decide the answer to each request (default: success with an empty object). */
  reply: (requestType: string, requestData: unknown) => FakeReply;
  /** Close every open socket with a code (4011 = kicked). */
  closeAll(code: number, reason: string): void;
  /** Drop every socket without a close frame (like a crash). */
  terminateAll(): void;
  stop(): Promise<void>;
}

const DEFAULT_DATA: Record<string, Record<string, unknown>> = {
  GetVersion: { obsVersion: '30.0.0', obsWebSocketVersion: '5.3.0', rpcVersion: 1, availableRequests: [] },
  GetStudioModeEnabled: { studioModeEnabled: false },
};

export async function startFakeObs(options: FakeObsOptions = {}): Promise<FakeObs> {
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    handleProtocols: (protocols) => (protocols.has('obswebsocket.json') ? 'obswebsocket.json' : false),
  });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const address = wss.address();
  const sockets = new Set<WebSocket>();

  const fake: FakeObs = {
    port: typeof address === 'object' && address ? address.port : 0,
    connections: 0,
    requests: [],
    reply: () => ({ ok: true }),
    closeAll: (code, reason) => sockets.forEach((s) => s.close(code, reason)),
    terminateAll: () => sockets.forEach((s) => s.terminate()),
    stop: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.terminate());
        wss.close(() => resolve());
      }),
  };

  const answer = (requestType: string, requestId: string | undefined, requestData: unknown) => {
    fake.requests.push({ requestType, requestData });
    const r = fake.reply(requestType, requestData);
    if (r === 'ignore') return null;
    const requestStatus = r.ok ? { result: true, code: 100 } : { result: false, code: r.code, comment: r.comment ?? 'fake failure' };
    const responseData = r.ok ? (r.data ?? DEFAULT_DATA[requestType] ?? {}) : undefined;
    return { requestType, requestId, requestStatus, responseData };
  };

  wss.on('connection', (socket) => {
    fake.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const send = (op: number, d: unknown) => socket.send(JSON.stringify({ op, d }));
    send(0, { obsWebSocketVersion: options.obsWebSocketVersion ?? '5.3.0', rpcVersion: 1 });
    socket.on('message', (raw) => {
      const { op, d } = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (op === 1) {
        if (options.closeOnIdentify) socket.close(options.closeOnIdentify.code, options.closeOnIdentify.reason);
        else send(2, { negotiatedRpcVersion: 1 });
      } else if (op === 6) {
        const res = answer(String(d.requestType), String(d.requestId), d.requestData);
        if (res) send(7, res);
      } else if (op === 8) {
        const requests = d.requests as Array<{ requestType: string; requestId?: string; requestData?: unknown }>;
        const results = requests.map((q) => answer(q.requestType, q.requestId, q.requestData));
        // A batch is answered whole; if any part is ignored, the whole batch is never answered.
        if (results.every((r) => r !== null)) send(9, { requestId: d.requestId, results });
      }
    });
  });
  return fake;
}
