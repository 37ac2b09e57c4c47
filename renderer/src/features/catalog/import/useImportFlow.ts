import { useEffect, useRef, useState } from 'react';
import type { EventPayload, ImportField, ImportMode, ImportPreview, ImportResult, Platform } from '../../../../../electron/contract';

type ImportProgress = EventPayload<'import.progress'>;
import { AppError } from '../../../../../electron/contract';
import { useApi } from '../../../lib/api-context';
import { fileToBase64 } from '../../../lib/files';

export type ImportStep = 'file' | 'mapping' | 'review' | 'apply' | 'done';

/** A big file takes longer than an ordinary call; the progress bar shows it is alive. */
const IMPORT_TIMEOUT_MS = 30 * 60_000;
const newImportId = () => `ui-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export interface ImportFlow {
  step: ImportStep;
  fileName?: string;
  preview?: ImportPreview;
  mapping: (ImportField | null)[];
  mode: ImportMode;
  busy: boolean;
  error: unknown;
  progress?: ImportProgress;
  result?: ImportResult;
  cancelled: boolean;
  choose(file: File): Promise<void>;
  remap(index: number, field: ImportField | null): Promise<void>;
  /** Take another row as the header (the columns, and so the mapping, start afresh). */
  pickHeader(row: number): Promise<void>;
  /** The platform the file's item ids belong to. */
  pickPlatform(platform: Platform): Promise<void>;
  setMode(mode: ImportMode): void;
  goto(step: ImportStep): void;
  apply(): Promise<void>;
  cancel(): void;
  reset(): void;
}

/**
 * The import wizard's state: a file → preview (the core reads, maps and checks it; nothing is
 * written) → a mapping the user may change (each change previews again) → apply in the chosen
 * mode, following `import.progress` and cancellable. The file travels with each call, so the
 * core keeps no half-finished import.
 */
export function useImportFlow(): ImportFlow {
  const api = useApi();
  const [step, setStep] = useState<ImportStep>('file');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview>();
  const [mapping, setMapping] = useState<(ImportField | null)[]>([]);
  /** Set once the user picks them; until then the core detects (or remembers) them. */
  const [headerRow, setHeaderRow] = useState<number>();
  const [platform, setPlatform] = useState<Platform>();
  const [mode, setMode] = useState<ImportMode>('valid');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [progress, setProgress] = useState<ImportProgress>();
  const [result, setResult] = useState<ImportResult>();
  const [cancelled, setCancelled] = useState(false);
  const running = useRef<string | null>(null);

  useEffect(() => api.on('import.progress', (p) => p.importId === running.current && setProgress(p)), [api]);

  const run = async <T,>(call: (importId: string) => Promise<T>): Promise<T | undefined> => {
    const importId = newImportId();
    running.current = importId;
    setBusy(true);
    setError(null);
    setProgress(undefined);
    try {
      return await call(importId);
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      running.current = null;
      setBusy(false);
    }
  };

  const previewWith = (f: { name: string; base64: string }, map?: (ImportField | null)[], opts: { headerRow?: number; platform?: Platform } = { headerRow, platform }) =>
    run((importId) =>
      api.call(
        'products.import.preview',
        {
          fileName: f.name, contentBase64: f.base64, importId, sampleSize: 50,
          ...(map ? { mapping: map } : {}),
          ...(opts.headerRow !== undefined ? { headerRow: opts.headerRow } : {}),
          ...(opts.platform ? { platform: opts.platform } : {}),
        },
        { timeoutMs: IMPORT_TIMEOUT_MS },
      ),
    );

  return {
    step, fileName: file?.name, preview, mapping, mode, busy, error, progress, result, cancelled,
    async choose(chosen) {
      setPreview(undefined);
      const f = { name: chosen.name, base64: await fileToBase64(chosen) };
      setFile(f);
      setHeaderRow(undefined);
      setPlatform(undefined);
      const out = await previewWith(f, undefined, {});
      if (!out) return;
      setPreview(out);
      setMapping(out.columns.map((c) => c.field));
      setStep('mapping');
    },
    async remap(index, field) {
      if (!file) return;
      const next = mapping.map((f, i) => (i === index ? field : f));
      setMapping(next);
      const out = await previewWith(file, next);
      if (out) setPreview(out);
    },
    async pickHeader(row) {
      if (!file) return;
      setHeaderRow(row);
      const out = await previewWith(file, undefined, { headerRow: row, platform });
      if (!out) return;
      setPreview(out);
      setMapping(out.columns.map((c) => c.field));
    },
    async pickPlatform(p) {
      if (!file) return;
      setPlatform(p);
      const out = await previewWith(file, mapping, { headerRow, platform: p });
      if (out) setPreview(out);
    },
    setMode,
    goto: setStep,
    async apply() {
      if (!file) return;
      setStep('apply');
      setCancelled(false);
      const out = await run((importId) =>
        api.call(
          'products.import.apply',
          { fileName: file.name, contentBase64: file.base64, importId, mapping, mode, headerRow: preview?.headerRow, ...(platform ? { platform } : {}) },
          { timeoutMs: IMPORT_TIMEOUT_MS },
        ),
      ).catch(() => undefined);
      if (out) setResult(out);
      setStep('done');
    },
    cancel() {
      const importId = running.current;
      if (!importId) return;
      setCancelled(true);
      void api.call('products.import.cancel', { importId }).catch(() => undefined);
    },
    reset() {
      setStep('file');
      setFile(null);
      setPreview(undefined);
      setMapping([]);
      setHeaderRow(undefined);
      setPlatform(undefined);
      setMode('valid');
      setError(null);
      setResult(undefined);
      setProgress(undefined);
      setCancelled(false);
    },
  };
}

/** The import ended because the user cancelled it (nothing was written). */
export function isCancelled(error: unknown): boolean {
  return error instanceof AppError && error.code === 'CONFLICT' && error.details?.reason === 'cancelled';
}
