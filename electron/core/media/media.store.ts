import { webcrypto } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MEDIA_FILE_MAX_BYTES } from '../../contract';
import type { Db } from '../../../db/open';
import { media } from '../../../db/schema';
import { writeFileAtomic } from '../atomic-file';
import type { Clock } from '../clock';
import { checkImage, type CheckedImage } from './image-check';
import { claimedKind } from './image-structure';
import { storedMediaFile } from './media-file';

/** Sniff an image type from its first bytes (a quick first look; `checkImage` decides). */
export function sniffImage(bytes: Buffer): { ext: string; mime: string } | null {
  const kind = claimedKind(bytes);
  if (!kind) return null;
  return { ext: kind, mime: { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif' }[kind] };
}

/** O_NOFOLLOW where the platform has it: a link in media/ is never followed. */
const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/**
 * Content-addressed media: `<dataDir>/media/<sha256>.<ext>`; rows store the hash. Only checked
 * images go in (image-check.ts), and a stored file is only ever the bytes that hash to its name:
 * writing replaces whatever sits under the name (a link included), reading opens without
 * following links and checks the bytes against the name once per run.
 */
export class MediaStore {
  readonly dir: string;
  /** Files read back (or written) and matching their name, by hash: the file's identity then. */
  private readonly verified = new Map<string, string>();
  constructor(
    dataDir: string,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.dir = path.join(dataDir, 'media');
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  /** Check and store an image (off the event loop but for the write); `maxBytes` per door. */
  async put(bytes: Buffer, maxBytes = MEDIA_FILE_MAX_BYTES): Promise<{ hash: string; mime: string; width: number; height: number; created: boolean }> {
    const checked = await checkImage(bytes, maxBytes);
    return { ...this.store(checked, bytes), width: checked.width, height: checked.height };
  }

  /**
   * Store bytes already checked by `checkImage` (a bundle checks all its images first, then
   * writes them in its transaction). Synchronous: one small file write and one row.
   */
  store(checked: CheckedImage, bytes: Buffer): { hash: string; mime: string; created: boolean } {
    const file = path.join(this.dir, `${checked.hash}.${checked.kind}`);
    if (!this.holdsExactly(file, bytes, checked.hash)) {
      writeFileAtomic(file, bytes); // a crash never leaves a half-written image under its hash
    }
    this.verified.set(checked.hash, identity(fs.lstatSync(file)));
    return this.record(checked, bytes.length);
  }

  /**
   * The file of a checked image, written off the event loop (write + rename, 0600), before the
   * transaction that records it: a file nobody records is harmless, named by its own content.
   */
  async writeFile(checked: CheckedImage, bytes: Buffer): Promise<void> {
    const file = path.join(this.dir, `${checked.hash}.${checked.kind}`);
    if (this.holdsExactly(file, bytes, checked.hash)) return;
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.promises.rm(tmp, { force: true });
    await fs.promises.writeFile(tmp, bytes, { mode: 0o600, flag: 'wx' });
    await fs.promises.rename(tmp, file);
    this.verified.set(checked.hash, identity(await fs.promises.lstat(file)));
  }

  /** The row for a checked image whose file is in place; true in `created` when it is new. */
  record(checked: CheckedImage, size: number): { hash: string; mime: string; created: boolean } {
    const inserted = this.db
      .insert(media)
      .values({ hash: checked.hash, ext: checked.kind, mime: checked.mime, size, createdAt: this.clock.now() })
      .onConflictDoNothing()
      .run();
    return { hash: checked.hash, mime: checked.mime, created: inserted.changes > 0 };
  }

  /** The file and type for a hash we stored, or null. The file itself is read with `read`. */
  resolve(hash: string): { file: string; mime: string; size: number } | null {
    if (!/^[a-f0-9]{64}$/.test(hash)) return null;
    const row = this.db.query.media.findFirst({ where: (m, { eq }) => eq(m.hash, hash) }).sync();
    return storedMediaFile(this.dir, row);
  }

  exists(hash: string): boolean {
    return this.resolve(hash) !== null;
  }

  /**
   * The bytes of a stored image, or null: opened without following links, a regular file of the
   * stored size, and (once per run) bytes that hash to the name. Reads and hashing run on the
   * thread pool.
   */
  async read(hash: string): Promise<{ bytes: Buffer; mime: string } | null> {
    const found = this.resolve(hash);
    if (!found) return null;
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(found.file, fs.constants.O_RDONLY | NOFOLLOW);
    } catch {
      return null; // a link (ELOOP), or gone
    }
    try {
      const st = await handle.stat();
      if (!st.isFile() || st.size !== found.size) return null;
      const bytes = await handle.readFile();
      // Hashed again whenever the file is not the one last checked (replaced, touched).
      if (this.verified.get(hash) !== identity(st)) {
        const digest = Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');
        if (digest !== hash) return null;
        this.verified.set(hash, identity(st));
      }
      return { bytes, mime: found.mime };
    } finally {
      await handle.close();
    }
  }

  /** True when `file` is a regular file (not a link) holding exactly `bytes`. */
  private holdsExactly(file: string, bytes: Buffer, hash: string): boolean {
    try {
      const st = fs.lstatSync(file);
      if (!st.isFile() || st.size !== bytes.length) return false;
      return this.verified.get(hash) === identity(st) || fs.readFileSync(file).equals(bytes);
    } catch {
      return false;
    }
  }
}

/** Which file this is and whether it changed: inode, size and modification time. */
function identity(st: fs.Stats): string {
  return `${st.ino}:${st.size}:${st.mtimeMs}`;
}
