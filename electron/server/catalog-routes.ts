import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, ExportFormat, IMPORT_MAX_BYTES, ImportMode, type ImportResult } from '../contract';
import { fromBase64 } from '../core/base64';
import type { Dispatch } from '../core/dispatcher';
import { authorized, type AccessTokens, readBody, SECURITY_HEADERS, sendError, sendFailure, sendJson, statusOf, verbAllowed } from './http-util';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Bodies we read as a spreadsheet. The bytes decide CSV vs XLSX and the encoding anyway. */
const FILE_TYPES = /^(text\/csv|text\/plain|text\/tab-separated-values|application\/csv|application\/vnd\.ms-excel|application\/octet-stream|application\/zip|application\/x-zip-compressed|application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet)\b/i;

/**
 * Control-API routes that move files, so they cannot be derived JSON routes: the import takes the
 * raw file bytes as the body and the export answers with the file. Each calls the same contract
 * method the app uses (bytes ⇄ base64 at this door only), behind the same token check.
 * Returns null at once for any other path (no await), so the generic REST handler takes it.
 */
export function createCatalogRoutes(dispatch: Dispatch, tokens: AccessTokens) {
  return (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | null => {
    const path = url.pathname.replace(/\/+$/, '');
    const isImport = path === '/api/v1/products/import';
    const isExport = path === '/api/v1/products/export';
    if (!isImport && !isExport) return null;
    return (async () => {
      if (!authorized(req, res, tokens, { write: isImport })) return;
      const verb = isImport ? 'POST' : 'GET';
      if (!verbAllowed(req, res, verb)) return;
      try {
        if (isImport) await importFile(dispatch, req, res, url);
        else await exportFile(dispatch, res, url);
      } catch (error) {
        sendFailure(res, error);
      }
    })();
  };
}

async function importFile(dispatch: Dispatch, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const type = req.headers['content-type'] ?? '';
  if (!FILE_TYPES.test(type)) {
    sendError(res, 415, {
      code: 'BAD_INPUT',
      message: `Send the file itself as the body with Content-Type text/csv or ${XLSX_TYPE}`,
      details: { reason: 'content_type' },
    });
    return;
  }
  const apply = url.searchParams.get('apply');
  const mode = apply === null ? null : ImportMode.safeParse(apply);
  if (mode && !mode.success) throw new AppError('BAD_INPUT', 'apply must be "valid" or "all-or-nothing" (or absent for a preview)', { reason: 'apply' });
  const body = await readBody(req, IMPORT_MAX_BYTES);
  if (body.length === 0) throw new AppError('BAD_INPUT', 'The request has no file in its body.', { reason: 'empty' });
  const fileName = url.searchParams.get('fileName') ?? (/spreadsheetml/i.test(type) ? 'upload.xlsx' : 'upload.csv');
  // The bytes go to the import as they are (no base64 round trip on the app's thread).
  const input = {
    fileName,
    contentBase64: '',
    ...(url.searchParams.get('sheet') ? { sheet: url.searchParams.get('sheet') } : {}),
    // Strings here; the contract's own check refuses what is not a row number or a platform.
    ...(url.searchParams.get('headerRow') ? { headerRow: Number(url.searchParams.get('headerRow')) } : {}),
    ...(url.searchParams.get('platform') ? { platform: url.searchParams.get('platform') } : {}),
    ...(url.searchParams.get('importId') ? { importId: url.searchParams.get('importId') } : {}),
  };
  const files = { in: body };
  const result = mode
    ? await dispatch('products.import.apply', { ...input, mode: mode.data }, { door: 'http', files })
    : await dispatch('products.import.preview', input, { door: 'http', files });
  if (!result.ok) {
    sendError(res, statusOf(result.error), result.error);
    return;
  }
  // An all-or-nothing import that met refused rows wrote nothing: say so with the status too.
  const refused = mode && (result.output as ImportResult).status === 'refused';
  sendJson(res, refused ? 422 : 200, result.output);
}

async function exportFile(dispatch: Dispatch, res: ServerResponse, url: URL): Promise<void> {
  const format = ExportFormat.safeParse(url.searchParams.get('format') ?? 'csv');
  if (!format.success) throw new AppError('BAD_INPUT', 'format must be "csv" or "xlsx"', { reason: 'format' });
  const archived = url.searchParams.get('includeArchived');
  const files: { out?: Buffer } = {};
  const result = await dispatch(
    'products.export',
    { format: format.data, ...(archived === null ? {} : { includeArchived: archived === 'true' || archived === '1' }) },
    { door: 'http', files },
  );
  if (!result.ok) {
    sendError(res, statusOf(result.error), result.error);
    return;
  }
  const out = result.output as { fileName: string; mime: string; count: number; contentBase64: string };
  const bytes = files.out ?? (await fromBase64(out.contentBase64));
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': out.mime,
    'Content-Length': bytes.length,
    'Content-Disposition': `attachment; filename="${out.fileName}"`,
    'Cache-Control': 'no-store',
    'X-Cuecart-Count': String(out.count),
  });
  res.end(bytes);
}
