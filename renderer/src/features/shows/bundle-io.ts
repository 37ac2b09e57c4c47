import type { BundleImportResult, BundlePreview, ConflictChoice } from '../../../../electron/contract';
import type { ApiClient } from '../../api/client';
import { downloadFile, fileToBase64, uploadFile } from '../../lib/files';

const TYPE = 'application/json';

/** Check a bundle file (over HTTP in a browser, base64 over IPC in the desktop window). */
export async function previewBundle(api: ApiClient, file: File): Promise<BundlePreview> {
  if (api.transport.kind === 'ws') return uploadFile<BundlePreview>('/bundles?preview=1', file, TYPE);
  return api.call('bundles.preview', { contentBase64: await fileToBase64(file) });
}

export async function importBundle(api: ApiClient, file: File, onConflict: ConflictChoice): Promise<BundleImportResult> {
  if (api.transport.kind === 'ws') return uploadFile<BundleImportResult>(`/bundles?onConflict=${onConflict}`, file, TYPE);
  return api.call('bundles.import', { contentBase64: await fileToBase64(file), onConflict });
}

export function exportBundle(api: ApiClient, id: string): Promise<string> {
  return downloadFile(api, `/shows/${encodeURIComponent(id)}/bundle`, () => api.call('shows.bundle.export', { id }), 'show.cuecart-plan.json');
}
