import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract';
import type { Db } from '../../../db/open';
import { media } from '../../../db/schema';
import { writeFileAtomic } from '../atomic-file';
import type { Clock } from '../clock';

const KINDS = [
  { ext: 'png', mime: 'image/png', magic: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { ext: 'jpg', mime: 'image/jpeg', magic: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: 'webp', mime: 'image/webp', magic: (b: Buffer) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP' },
  { ext: 'gif', mime: 'image/gif', magic: (b: Buffer) => b.toString('latin1', 0, 4) === 'GIF8' },
] as const;

export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;

/** Sniff an image type from its bytes. SVG is refused: it can carry scripts. */
export function sniffImage(bytes: Buffer): { ext: string; mime: string } | null {
  const kind = KINDS.find((k) => bytes.length >= 12 && k.magic(bytes));
  return kind ? { ext: kind.ext, mime: kind.mime } : null;
}

/** Content-addressed media: `<dataDir>/media/<sha256>.<ext>`; rows store the hash. */
export class MediaStore {
  readonly dir: string;
  constructor(
    dataDir: string,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.dir = path.join(dataDir, 'media');
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  put(bytes: Buffer): { hash: string; mime: string; created: boolean } {
    if (bytes.length > MAX_MEDIA_BYTES) {
      throw new AppError('BAD_INPUT', `Image is larger than ${MAX_MEDIA_BYTES / 1024 / 1024} MB`, { reason: 'too_large' });
    }
    const kind = sniffImage(bytes);
    if (!kind) {
      throw new AppError('BAD_INPUT', 'Not a supported image (PNG, JPEG, WebP or GIF)', { reason: 'not_image' });
    }
    const hash = createHash('sha256').update(bytes).digest('hex');
    const file = path.join(this.dir, `${hash}.${kind.ext}`);
    if (!fs.existsSync(file)) {
      writeFileAtomic(file, bytes); // a crash never leaves a half-written image under its hash
    }
    const inserted = this.db
      .insert(media)
      .values({ hash, ext: kind.ext, mime: kind.mime, size: bytes.length, createdAt: this.clock.now() })
      .onConflictDoNothing()
      .run();
    return { hash, mime: kind.mime, created: inserted.changes > 0 };
  }

  /** The file and type for a hash, or null. Only hashes we stored can be served. */
  resolve(hash: string): { file: string; mime: string; size: number } | null {
    if (!/^[a-f0-9]{64}$/.test(hash)) return null;
    const row = this.db.query.media.findFirst({ where: (m, { eq }) => eq(m.hash, hash) }).sync();
    if (!row) return null;
    const file = path.join(this.dir, `${row.hash}.${row.ext}`);
    return fs.existsSync(file) ? { file, mime: row.mime, size: row.size } : null;
  }

  exists(hash: string): boolean {
    return this.resolve(hash) !== null;
  }
}
