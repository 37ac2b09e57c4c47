import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  AppError,
  ExportLang,
  HTTP_STATUS,
  RECAP_IMPORT_MAX_BYTES,
  RecapExportFormat,
  RecapKind,
  type FileOutput,
  type RecapImportPreview,
} from '../contract';
import type { Dispatch } from '../core/dispatcher';
import { authorized, type AccessTokens, readBody, SECURITY_HEADERS, sendError, sendFailure, sendJson, verbAllowed } from './http-util';
import { contentDisposition } from './plan-routes';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Bodies we read as a spreadsheet; the bytes decide CSV or XLSX and the encoding anyway. */
const FILE_TYPES = /^(text\/csv|text\/plain|text\/tab-separated-values|application\/csv|application\/vnd\.ms-excel|application\/octet-stream|application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet)\b/i;

/**
 * Control-API routes that move recap files: a platform export in (raw body), the recap out as a
 * file. Each calls the same contract method the app uses, behind the same token check; the JSON
 * routes (`GET /shows/{id}/recap`, `/recaps`, `/products/{id}/history`) are derived from the
 * contract. Returns null at once for any other path.
 */
export function createRecapRoutes(dispatch: Dispatch, tokens: AccessTokens) {
  return (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | null => {
    const path = url.pathname.replace(/\/+$/, '');
    const m = /^\/api\/v1\/shows\/([^/]+)\/recap\/(imports|export)$/.exec(path);
    if (!m) return null;
    return (async () => {
      const isImport = m[2] === 'imports';
      if (!authorized(req, res, tokens, { write: isImport && url.searchParams.has('apply') })) return;
      if (!verbAllowed(req, res, isImport ? 'POST' : 'GET')) return;
      const id = decodeURIComponent(m[1]!);
      try {
        if (isImport) await importFile(dispatch, req, res, url, id);
        else await exportFile(dispatch, res, url, id);
      } catch (error) {
        sendFailure(res, error);
      }
    })();
  };
}

const truthy = (v: string | null) => v !== null && ['1', 'true', 'yes'].includes(v.toLowerCase());

async function importFile(dispatch: Dispatch, req: IncomingMessage, res: ServerResponse, url: URL, id: string): Promise<void> {
  const type = req.headers['content-type'] ?? '';
  if (!FILE_TYPES.test(type)) {
    sendError(res, 415, { code: 'BAD_INPUT', message: `Send the file itself as the body with Content-Type text/csv or ${XLSX_TYPE}`, details: { reason: 'content_type' } });
    return;
  }
  const kind = RecapKind.safeParse(url.searchParams.get('kind'));
  if (!kind.success) throw new AppError('BAD_INPUT', 'kind must be "products", "totals", "curve" or "traffic"', { reason: 'kind' });
  const apply = truthy(url.searchParams.get('apply'));
  const body = await readBody(req, RECAP_IMPORT_MAX_BYTES);
  if (body.length === 0) throw new AppError('BAD_INPUT', 'The request has no file in its body.', { reason: 'empty' });
  const q = url.searchParams;
  const num = (k: string) => (q.get(k) ? Number(q.get(k)) : undefined);
  const input = {
    id,
    kind: kind.data,
    fileName: q.get('fileName') ?? (/spreadsheetml/i.test(type) ? 'upload.xlsx' : 'upload.csv'),
    contentBase64: '',
    ...(q.get('sheet') ? { sheet: q.get('sheet') } : {}),
    ...(num('headerRow') !== undefined ? { headerRow: num('headerRow') } : {}),
    ...(num('row') !== undefined ? { row: num('row') } : {}),
    ...(q.get('mapping') ? { mapping: q.get('mapping')!.split(',').map((f) => f.trim() || null) } : {}),
    ...(apply ? { replace: truthy(q.get('replace')) } : {}),
  };
  // The bytes go to the import as they are (no base64 round trip on the app's thread).
  const result = await dispatch(apply ? 'recaps.import.apply' : 'recaps.import.preview', input, { door: 'http', files: { in: body } });
  if (!result.ok) {
    sendError(res, HTTP_STATUS[result.error.code], result.error);
    return;
  }
  // A preview of a file that does not fit says why with the status too (the body is the preview).
  const problems = (result.output as RecapImportPreview).problems;
  sendJson(res, !apply && problems.length > 0 ? 422 : 200, result.output);
}

async function exportFile(dispatch: Dispatch, res: ServerResponse, url: URL, id: string): Promise<void> {
  const format = RecapExportFormat.safeParse(url.searchParams.get('format') ?? 'html');
  if (!format.success) throw new AppError('BAD_INPUT', 'format must be "html", "pdf", "xlsx", "csv" or "json"', { reason: 'format' });
  const lang = ExportLang.safeParse(url.searchParams.get('lang') ?? 'zh-CN');
  if (!lang.success) throw new AppError('BAD_INPUT', 'lang must be "zh-CN" or "en"', { reason: 'lang' });
  const files: { out?: Buffer } = {};
  const runId = url.searchParams.get('runId');
  const result = await dispatch('recaps.export', { id, format: format.data, lang: lang.data, ...(runId ? { runId } : {}) }, { door: 'http', files });
  if (!result.ok) {
    sendError(res, HTTP_STATUS[result.error.code], result.error);
    return;
  }
  const file = result.output as FileOutput;
  const bytes = files.out ?? Buffer.from(file.contentBase64, 'base64');
  const inline = format.data === 'html' || format.data === 'pdf';
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': file.mime,
    'Content-Length': bytes.length,
    'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', file.fileName),
    'Cache-Control': 'no-store',
    // The report is self-contained: no scripts, no requests; its charts are inline SVG.
    'Content-Security-Policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'",
  });
  res.end(bytes);
}
