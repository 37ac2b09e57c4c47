import { AppError, type RecapImportPreview, type RecapImportResult, type RecapKind } from '../../../../../electron/contract';
import type { ApiClient } from '../../../api/client';
import { getToken } from '../../../api/token';
import { fileToBase64 } from '../../../lib/files';
import { toAppError } from '../../../lib/errors';

export interface ImportRequest {
  showId: string;
  kind: RecapKind;
  file: Blob;
  fileName: string;
  mapping?: (string | null)[];
  headerRow?: number;
  row?: number;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A platform file to the recap import: in a browser the control API's file route takes the raw
 * bytes (a WebSocket frame is capped); the desktop window has no HTTP token and sends base64 over
 * IPC through the same contract method. A preview of a file that does not fit answers 422 with
 * the preview itself (what is missing), which is what the mapping screen needs.
 */
export async function sendImport(api: ApiClient, req: ImportRequest, apply: false): Promise<RecapImportPreview>;
export async function sendImport(api: ApiClient, req: ImportRequest, apply: true, replace: boolean): Promise<RecapImportResult>;
export async function sendImport(api: ApiClient, req: ImportRequest, apply: boolean, replace = false): Promise<RecapImportPreview | RecapImportResult> {
  const options = { ...(req.mapping ? { mapping: req.mapping as never } : {}), ...(req.headerRow ? { headerRow: req.headerRow } : {}), ...(req.row ? { row: req.row } : {}) };
  if (api.transport.kind === 'ws') {
    const q = new URLSearchParams({ kind: req.kind, fileName: req.fileName });
    if (apply) q.set('apply', '1');
    if (replace) q.set('replace', '1');
    if (req.mapping) q.set('mapping', req.mapping.map((f) => f ?? '').join(','));
    if (req.headerRow) q.set('headerRow', String(req.headerRow));
    if (req.row) q.set('row', String(req.row));
    const type = /\.xlsx$/i.test(req.fileName) ? XLSX : 'text/csv';
    const res = await fetch(`/api/v1/shows/${encodeURIComponent(req.showId)}/recap/imports?${q}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${getToken() ?? ''}`, 'Content-Type': type },
      body: req.file,
    });
    const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
    if (res.ok || (res.status === 422 && !apply)) return body as RecapImportPreview;
    throw toAppError(body?.error ?? new AppError('INTERNAL', res.statusText));
  }
  const input = { id: req.showId, kind: req.kind, fileName: req.fileName, contentBase64: await fileToBase64(req.file), ...options };
  return apply ? api.call('recaps.import.apply', { ...input, replace }) : api.call('recaps.import.preview', input);
}

/** A demo sample file (base64 from the core) as a Blob. */
export function base64Blob(base64: string, mime: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: mime });
}
