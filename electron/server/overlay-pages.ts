import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { isOverlayKind } from '../contract';
import { SECURITY_HEADERS } from './http-util';

/**
 * Overlay pages run inside OBS with nothing to protect them but this policy: our own scripts
 * and styles only (no inline code), images only from our origin (the media route), sockets only
 * back to us. The app may frame them for its live preview (from this origin in a browser, from
 * `app://cuecart`, the desktop window's origin, in Electron); nobody else may.
 */
export const OVERLAY_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self' app://cuecart",
].join('; ');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The page addresses, for the README and the app's "copy source URL" buttons. */
export const OVERLAY_PAGES = ['all', 'product-card', 'price-sticker', 'lower-third', 'countdown', 'banner', 'ticker'] as const;

/**
 * `/overlays/<kind>.html` and `/overlays/all.html` (one built page that reads its kind from the
 * address) and `/overlays/assets/*`. Everything else under /overlays is 404: no SPA fallback.
 */
export function serveOverlayPage(dir: string, req: IncomingMessage, res: ServerResponse, pathname: string): void {
  const page = /^\/overlays\/([a-z-]+)\.html$/.exec(pathname);
  if (page && (page[1] === 'all' || isOverlayKind(page[1]))) {
    sendFile(res, req, path.join(dir, 'overlay.html'), {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': OVERLAY_CSP,
    }, 503);
    return;
  }
  const asset = /^\/overlays\/assets\/([A-Za-z0-9_.-]+)$/.exec(pathname);
  const type = asset ? TYPES[path.extname(asset[1]!)] : undefined;
  if (asset && type && !asset[1]!.startsWith('.')) {
    sendFile(res, req, path.join(dir, 'assets', asset[1]!), { 'Content-Type': type, 'Cache-Control': 'public, max-age=31536000, immutable' }, 404);
    return;
  }
  res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
}

function sendFile(res: ServerResponse, req: IncomingMessage, file: string, headers: Record<string, string>, missing: 404 | 503): void {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    res.writeHead(missing, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(missing === 503 ? 'The overlay pages are not built yet. Run `npm run build`, then reload.' : 'Not found');
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, ...headers, 'Content-Length': String(size) });
  if (req.method === 'HEAD') res.end();
  else fs.createReadStream(file).pipe(res);
}
