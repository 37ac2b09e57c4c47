import fs from 'node:fs';

/**
 * Replace a file whole: write a temporary file beside it, then rename it over the old one. A
 * crash leaves the old content or the new, never half of one. The temporary name carries the
 * process id, so two processes writing the same file never share one.
 */
export function writeFileAtomic(file: string, data: string | Buffer, mode?: number): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, mode === undefined ? undefined : { mode });
  fs.renameSync(tmp, file);
}
