import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { RecapKind } from '../../contract';

/** resources/demo/recap/files.json: the demo's platform files, one per kind. */
export const DemoRecapManifest = z.object({
  files: z.array(z.object({ kind: RecapKind, file: z.string(), show: z.string(), note: z.string() })),
});

const MIME: Record<string, string> = {
  '.csv': 'text/csv',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function demoRecapDir(resourcesDir: string): string {
  return path.join(resourcesDir, 'demo', 'recap');
}

export function readDemoManifest(resourcesDir: string): z.infer<typeof DemoRecapManifest> {
  return DemoRecapManifest.parse(JSON.parse(fs.readFileSync(path.join(demoRecapDir(resourcesDir), 'files.json'), 'utf8')));
}

/** The demo's platform files as they would come from the platform, to try the import with. */
export function demoRecapFiles(resourcesDir: string) {
  const dir = demoRecapDir(resourcesDir);
  const all = readDemoManifest(resourcesDir).files;
  // One file per kind (the newest demo show's): what a new user tries the import with.
  return all.filter((f) => f.show === all[0]!.show).map((f) => ({
    kind: f.kind,
    fileName: path.basename(f.file),
    mime: MIME[path.extname(f.file)] ?? 'application/octet-stream',
    contentBase64: fs.readFileSync(path.join(dir, f.file)).toString('base64'),
    note: f.note,
  }));
}
