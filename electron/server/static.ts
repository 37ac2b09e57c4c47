import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { CONTENT_TYPES as TYPES } from './content-types';
import { SECURITY_HEADERS } from './http-util';


/** The renderer's CSP in the browser door; the desktop window sets the same policy. */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Ant Design injects its CSS-in-JS as <style> elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Serve the built renderer; unknown paths fall back to index.html (the app routes by hash). */
export function serveStatic(rootDir: string, req: IncomingMessage, res: ServerResponse, pathname: string): void {
  const root = path.resolve(rootDir);
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  let file = path.resolve(root, `.${rel}`);
  if (!file.startsWith(root + path.sep) && file !== root) {
    res.writeHead(404).end();
    return;
  }
  if (rel.endsWith('/') || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    if (path.extname(rel) !== '' && rel !== '/') {
      res.writeHead(404, SECURITY_HEADERS).end('Not found');
      return;
    }
    file = path.join(root, 'index.html');
  }
  if (!fs.existsSync(file)) {
    res.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('The Cuecart UI is not built yet. Run `npm run build`, then reload.');
    return;
  }
  const ext = path.extname(file);
  const immutable = rel.startsWith('/assets/');
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (ext === '.html') {
    headers['Content-Security-Policy'] = RENDERER_CSP;
    headers['X-Frame-Options'] = 'DENY';
  }
  const stat = fs.statSync(file);
  headers['Content-Length'] = String(stat.size);
  res.writeHead(200, headers);
  if (req.method === 'HEAD') res.end();
  else fs.createReadStream(file).pipe(res);
}
