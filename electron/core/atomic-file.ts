import fs from 'node:fs';

/**
 * Replace a file whole: write a temporary file beside it, then rename it over the old one. A
 * crash leaves the old content or the new, never half of one. The temporary name carries the
 * process id, so two processes writing the same file never share one. Everything written so
 * lives in the data directory, so it is readable by the user only (0600) unless asked; the mode
 * is set on the temporary file, which is new, so it always applies. A link at `file` is
 * replaced by the file, never written through.
 */
export function writeFileAtomic(file: string, data: string | Buffer, mode = 0o600): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.rmSync(tmp, { force: true });
  fs.writeFileSync(tmp, data, { mode, flag: 'wx' });
  fs.chmodSync(tmp, mode); // the umask may have taken bits away; never adds any
  fs.renameSync(tmp, file);
}
