import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MediaStore } from '../core/media/media.store';
import { SECURITY_HEADERS } from './http-util';

/** `/media/<sha256>`: only files in our content-addressed store, immutable by construction. */
export function serveMedia(media: MediaStore, req: IncomingMessage, res: ServerResponse, hash: string): void {
  const found = media.resolve(hash);
  if (!found) {
    res.writeHead(404, SECURITY_HEADERS).end('Not found');
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    // Overlays in OBS and the app load these; any origin may embed an image, not script it.
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'Content-Type': found.mime,
    'Content-Length': String(found.size),
    'Cache-Control': 'public, max-age=31536000, immutable',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  });
  if (req.method === 'HEAD') res.end();
  else fs.createReadStream(found.file).pipe(res);
}
