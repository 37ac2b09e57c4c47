import fs from 'node:fs';
import path from 'node:path';

/** A media row as stored: `<media dir>/<hash>.<ext>` holds its bytes. */
export interface MediaRow {
  hash: string;
  ext: string;
  mime: string;
  size: number;
}

/**
 * The file of a media row, if it is in place: a regular file (not a link) of the recorded size.
 * Its own small file so the catalog import's worker thread can check image hashes from its own
 * connection without loading the media store (drizzle, the image checks).
 */
export function storedMediaFile(dir: string, row: MediaRow | undefined): { file: string; mime: string; size: number } | null {
  if (!row) return null;
  const file = path.join(dir, `${row.hash}.${row.ext}`);
  try {
    const st = fs.lstatSync(file);
    return st.isFile() && st.size === row.size ? { file, mime: row.mime, size: row.size } : null;
  } catch {
    return null;
  }
}
