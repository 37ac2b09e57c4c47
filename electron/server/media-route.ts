import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MediaStore } from '../core/media/media.store';
import { SECURITY_HEADERS } from './http-util';

/**
 * `/media/<sha256>`: only files in our content-addressed store, immutable by construction. The
 * store opens them without following links and checks their bytes against the name, so a link
 * or a swapped file placed in media/ is never served.
 */
export async function serveMedia(media: MediaStore, req: IncomingMessage, res: ServerResponse, hash: string): Promise<void> {
  const found = await media.read(hash);
  if (!found) {
    res.writeHead(404, SECURITY_HEADERS).end('Not found');
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    // Overlays in OBS and the app load these; any origin may embed an image, not script it.
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'Content-Type': found.mime,
    'Content-Length': String(found.bytes.length),
    'Cache-Control': 'public, max-age=31536000, immutable',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  });
  res.end(req.method === 'HEAD' ? undefined : found.bytes);
}
