import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  AppError,
  BUNDLE_MAX_BYTES,
  ConflictChoice,
  ExportLang,
  RunsheetFormat,
  type FileOutput,
} from '../contract';
import { fromBase64, toBase64 } from '../core/base64';
import type { Dispatch } from '../core/dispatcher';
import { authorized, type AccessTokens, readBody, SECURITY_HEADERS, sendError, sendFailure, sendJson, verbAllowed } from './http-util';

/** Bodies we read as a bundle; the bytes decide anyway (readBundle checks the format). */
const BUNDLE_TYPES = /^(application\/json|application\/vnd\.cuecart\.plan\+json|application\/octet-stream|text\/plain)\b/i;

/** RFC 6266/5987: an ASCII fallback plus the real (often Chinese) name, percent-encoded. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Control-API routes that move plan files, so they cannot be derived JSON routes: the run sheet
 * and cue cards (XLSX, HTML, PDF), the bundle download, and the bundle upload (raw body). Each
 * calls the same contract method the app uses, behind the same token check. Returns null at once for
 * any other path, so the next handler takes it.
 */
export function createPlanRoutes(dispatch: Dispatch, tokens: AccessTokens) {
  return (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | null => {
    const path = url.pathname.replace(/\/+$/, '');
    const file = /^\/api\/v1\/shows\/([^/]+)\/(runsheet|bundle)$/.exec(path);
    const isImport = path === '/api/v1/bundles';
    if (!file && !isImport) return null;
    return (async () => {
      if (!authorized(req, res, tokens, { write: isImport })) return;
      const verb = isImport ? 'POST' : 'GET';
      if (!verbAllowed(req, res, verb)) return;
      try {
        if (isImport) await importBundle(dispatch, req, res, url);
        else if (file![2] === 'runsheet') await sendRunsheet(dispatch, res, url, decodeURIComponent(file![1]!));
        else await sendFile(res, await call(dispatch, 'shows.bundle.export', { id: decodeURIComponent(file![1]!) }), 'attachment');
      } catch (error) {
        sendFailure(res, error);
      }
    })();
  };
}

async function call(dispatch: Dispatch, method: string, input: unknown): Promise<unknown> {
  const result = await dispatch(method, input, { door: 'http' });
  if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
  return result.output;
}

async function sendRunsheet(dispatch: Dispatch, res: ServerResponse, url: URL, id: string): Promise<void> {
  const format = RunsheetFormat.safeParse(url.searchParams.get('format') ?? 'xlsx');
  if (!format.success) throw new AppError('BAD_INPUT', 'format must be "xlsx", "html" or "pdf"', { reason: 'format' });
  const lang = ExportLang.safeParse(url.searchParams.get('lang') ?? 'zh-CN');
  if (!lang.success) throw new AppError('BAD_INPUT', 'lang must be "zh-CN" or "en"', { reason: 'lang' });
  const out = (await call(dispatch, 'shows.runsheet', { id, format: format.data, lang: lang.data })) as FileOutput;
  // HTML and PDF open in the browser (to print); the spreadsheet downloads.
  await sendFile(res, out, format.data === 'xlsx' ? 'attachment' : 'inline');
}

async function sendFile(res: ServerResponse, out: unknown, disposition: 'inline' | 'attachment'): Promise<void> {
  const file = out as FileOutput;
  const bytes = await fromBase64(file.contentBase64);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': file.mime,
    'Content-Length': bytes.length,
    'Content-Disposition': contentDisposition(disposition, file.fileName),
    'Cache-Control': 'no-store',
    // The cue cards are self-contained: no scripts, no requests, images inline only.
    'Content-Security-Policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'",
  });
  res.end(bytes);
}

async function importBundle(dispatch: Dispatch, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const type = req.headers['content-type'] ?? '';
  if (!BUNDLE_TYPES.test(type)) {
    sendError(res, 415, { code: 'BAD_INPUT', message: 'Send the bundle file itself as the body (Content-Type: application/json)', details: { reason: 'content_type' } });
    return;
  }
  const choice = ConflictChoice.safeParse(url.searchParams.get('onConflict') ?? 'keep');
  if (!choice.success) throw new AppError('BAD_INPUT', 'onConflict must be "update", "keep" or "copy"', { reason: 'onConflict' });
  const preview = ['1', 'true'].includes(url.searchParams.get('preview') ?? '');
  const body = await readBody(req, BUNDLE_MAX_BYTES);
  if (body.length === 0) throw new AppError('BAD_INPUT', 'The request has no bundle in its body.', { reason: 'empty' });
  const contentBase64 = await toBase64(body);
  const output = preview
    ? await call(dispatch, 'bundles.preview', { contentBase64 })
    : await call(dispatch, 'bundles.import', { contentBase64, onConflict: choice.data });
  sendJson(res, preview ? 200 : 201, output);
}
