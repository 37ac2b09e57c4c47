import http from 'node:http';
import path from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { WS_MESSAGE_MAX_BYTES } from '../contract';
import type { Core } from '../core';
import type { Logger } from '../core/log';
import { silentLogger } from '../core/log';
import { createCatalogRoutes } from './catalog-routes';
import { allowedHostnames, hostHeaderAllowed, isLoopback, originAllowed } from './host-check';
import { answerClientError, roleOf, sendError, type AccessTokens } from './http-util';
import { createLogRoutes } from './log-routes';
import { serveMedia } from './media-route';
import { serveOverlayPage } from './overlay-pages';
import { createOverlayChannel } from './overlay-ws';
import { createPlanRoutes } from './plan-routes';
import { createRecapRoutes } from './recap-routes';
import { createRestHandler } from './rest';
import { serveStatic } from './static';
import { randomBytes } from 'node:crypto';
import { attachRpcSocket } from './ws-rpc';

export interface ServerOptions {
  core: Core;
  /** The operator token: every write door. */
  token: string;
  /** The read-only token (prompter, observers); without one, a random one for this run. */
  viewerToken?: string;
  /** Bind address; 127.0.0.1 unless the user opts into LAN. */
  host?: string;
  port?: number;
  /** Built renderer folder (out/renderer). */
  rendererDir: string;
  /** Built overlay pages (out/overlays); defaults to the `overlays` folder beside rendererDir. */
  overlaysDir?: string;
  log?: Logger;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  lan: boolean;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 5170;

/** A seat names itself (`/ws?seat=Tablet 2`) for the as-run log; anything odd becomes "browser". */
export function seatName(raw: string | null): string {
  const name = (raw ?? '').normalize('NFC').trim();
  return /^[\p{L}\p{N} _.·-]{1,40}$/u.test(name) ? name : 'browser';
}

/** One HTTP + WebSocket server: renderer at `/`, media, RPC + events at `/ws`, control API at `/api/v1`. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { core } = options;
  const tokens: AccessTokens = { operator: options.token, viewer: options.viewerToken ?? randomBytes(24).toString('base64url') };
  const log = options.log ?? silentLogger;
  const host = options.host ?? '127.0.0.1';
  const lan = !isLoopback(host);
  const allowed = allowedHostnames(lan);
  const rest = createRestHandler(core.dispatch, tokens);
  const catalogFiles = createCatalogRoutes(core.dispatch, tokens);
  const planFiles = createPlanRoutes(core.dispatch, tokens);
  const logFiles = createLogRoutes(core.dispatch, tokens);
  const recapFiles = createRecapRoutes(core.dispatch, tokens);
  const overlaysDir = options.overlaysDir ?? path.join(path.dirname(options.rendererDir), 'overlays');
  const overlayChannel = createOverlayChannel(core);
  let port = options.port ?? DEFAULT_PORT;

  const server = http.createServer((req, res) => {
    if (!hostHeaderAllowed(req.headers.host, allowed, port)) {
      sendError(res, 403, { code: 'FORBIDDEN', message: 'Unknown Host header' });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://cuecart.invalid');
    if (url.pathname === '/api/v1' || url.pathname.startsWith('/api/v1/')) {
      // File import/export first: they take and return raw bytes, not JSON. Each says at once
      // (synchronously) whether the path is its own: a Go reaches the REST handler in this turn.
      const handling = catalogFiles(req, res, url) ?? planFiles(req, res, url) ?? logFiles(req, res, url) ?? recapFiles(req, res, url) ?? rest(req, res, url);
      handling.catch((error: unknown) => {
        log.error('api failure', { error: String(error) });
        if (!res.headersSent) sendError(res, 500, { code: 'INTERNAL', message: 'Internal error' });
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, { code: 'BAD_INPUT', message: 'Read-only route' }, { Allow: 'GET, HEAD' });
      return;
    }
    const media = /^\/media\/([a-f0-9]{64})$/.exec(url.pathname);
    if (media) {
      serveMedia(core.media, req, res, media[1]!).catch((error: unknown) => {
        log.error('media failure', { error: String(error) });
        if (!res.headersSent) sendError(res, 500, { code: 'INTERNAL', message: 'Internal error' });
      });
      return;
    }
    if (url.pathname.startsWith('/overlays/')) return serveOverlayPage(overlaysDir, req, res, url.pathname);
    // The host prompter: its own page (big type, read-only), opened with the viewer token.
    serveStatic(options.rendererDir, req, res, url.pathname === '/prompter' ? '/prompter.html' : url.pathname);
  });

  // Only token holders get this far (checked at the upgrade), and a call may carry the largest
  // file a method takes (a 100 MB plan bundle) as base64: allow that, no more. A bigger message
  // closes the socket with 1009 (Message Too Big); the methods' own limits answer in a result.
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MESSAGE_MAX_BYTES });
  const answeredClientErrors = new WeakSet<Duplex>();
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => answerClientError(error, socket, answeredClientErrors));
  server.on('upgrade', (req, socket: Socket, head) => {
    const url = new URL(req.url ?? '/', 'http://cuecart.invalid');
    const reject = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!hostHeaderAllowed(req.headers.host, allowed, port)) return reject(403, 'Forbidden');
    if (!originAllowed(req.headers.origin, allowed, port)) return reject(403, 'Forbidden');
    // Overlay pages' read-only channel: no token (it changes nothing), same Host/Origin checks.
    if (url.pathname === '/overlays/ws') return overlayChannel.handleUpgrade(req, socket, head);
    if (url.pathname !== '/ws') return reject(404, 'Not Found');
    const role = roleOf(tokens, url.searchParams.get('token'));
    if (!role) return reject(401, 'Unauthorized');
    const seat = seatName(url.searchParams.get('seat'));
    wss.handleUpgrade(req, socket, head, (ws) => attachRpcSocket(core, ws, req, { role, seat }));
  });

  // Drop connections whose peer vanished without a close frame (laptop lid, Wi-Fi).
  const heartbeat = setInterval(() => {
    for (const client of wss.clients) {
      const alive = client as typeof client & { cuecartAlive?: boolean };
      if (alive.cuecartAlive === false) {
        client.terminate();
        continue;
      }
      alive.cuecartAlive = false;
      client.ping();
    }
  }, 30_000);
  heartbeat.unref();
  wss.on('connection', (client) => {
    const alive = client as typeof client & { cuecartAlive?: boolean };
    alive.cuecartAlive = true;
    client.on('pong', () => {
      alive.cuecartAlive = true;
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  // OBS on this machine reaches the overlay pages here (browser sources made by Install overlays).
  core.setServerOrigin(`http://${shownHost}:${port}`);
  return {
    url: `http://${shownHost}:${port}/`,
    host,
    port,
    lan,
    close: async () => {
      clearInterval(heartbeat);
      overlayChannel.close();
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
