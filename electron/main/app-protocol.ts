import type { CustomScheme } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_TYPES as TYPES } from '../server/content-types';
import { APP_HOST, APP_SCHEME } from './security';

/**
 * `app://cuecart/...` serves the built renderer. A custom standard + secure scheme (not file://)
 * gives the UI a real origin: 'self' in the CSP means exactly our files, the sender check has
 * an origin to compare, and no page can read the local disk by URL.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};


/**
 * The file under `rendererDir` a request maps to, or null (wrong host, bad encoding, or a path
 * escaping the folder). Extensionless paths fall back to index.html (the UI routes by hash).
 */
export function resolveRendererFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  let rel: string;
  try {
    url = new URL(requestUrl);
    rel = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (rel.includes('\0') || rel.includes('\\')) return null;
  if (rel === '/' || rel === '' || path.posix.extname(rel) === '') rel = '/index.html';
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${rel}`);
  if (!file.startsWith(root + path.sep)) return null;
  return file;
}

export interface AppProtocolOptions {
  rendererDir: string;
  csp: string;
  readFile?: (file: string) => Promise<Uint8Array>;
}

/** The `protocol.handle(APP_SCHEME, ...)` handler. GET/HEAD only; HTML carries the CSP header. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const readFile = options.readFile ?? ((file: string) => fs.readFile(file));
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    const file = resolveRendererFile(options.rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    const ext = path.extname(file).toLowerCase();
    const headers: Record<string, string> = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    if (ext === '.html') headers['Content-Security-Policy'] = options.csp;
    return new Response(request.method === 'HEAD' ? null : (body as BodyInit), { status: 200, headers });
  };
}
