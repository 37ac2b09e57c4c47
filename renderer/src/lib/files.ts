import type { FileOutput } from '../../../electron/contract';
import type { ApiClient } from '../api/client';
import { getToken } from '../api/token';
import { toAppError } from './errors';

/**
 * Files to and from the core. In a browser the control API's file routes stream them over HTTP
 * (raw bytes, not a third more as base64 in one WebSocket message); the desktop window has no
 * token for HTTP, so it uses the contract method and base64 over IPC. The size limits are the
 * same on every door (electron/contract/limits.ts).
 */

/** Hand bytes to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function fileNameFrom(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star) return decodeURIComponent(star[1]!);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

async function httpError(res: Response): Promise<never> {
  const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
  throw toAppError(body?.error ?? { code: res.status === 401 ? 'UNAUTHORIZED' : 'INTERNAL', message: res.statusText });
}

/** Download a file: `route` under /api/v1 in a browser, else `call()` through the contract. */
export async function downloadFile(api: ApiClient, route: string, call: () => Promise<FileOutput>, fallbackName: string): Promise<string> {
  if (api.transport.kind === 'ws') {
    const res = await fetch(`/api/v1${route}`, { headers: { Authorization: `Bearer ${getToken() ?? ''}` } });
    if (!res.ok) await httpError(res);
    const name = fileNameFrom(res.headers.get('Content-Disposition'), fallbackName);
    saveBlob(await res.blob(), name);
    return name;
  }
  const out = await call();
  const bytes = Uint8Array.from(atob(out.contentBase64), (c) => c.charCodeAt(0));
  saveBlob(new Blob([bytes], { type: out.mime }), out.fileName);
  return out.fileName;
}

/** POST a file's bytes to a control-API route (browser) and read the JSON answer. */
export async function uploadFile<T>(route: string, file: Blob, type: string): Promise<T> {
  const res = await fetch(`/api/v1${route}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${getToken() ?? ''}`, 'Content-Type': type },
    body: file,
  });
  if (!res.ok) await httpError(res);
  return (await res.json()) as T;
}

/** A file's bytes as base64 (for the contract methods over IPC). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
