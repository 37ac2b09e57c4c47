import { z } from 'zod';

// Every size limit a door enforces, in one place: the server, the core and the README's limits
// table (scripts/api-docs.ts writes it; a unit test keeps it in step) read them from here.

export const MiB = 1024 * 1024;

/** A JSON body of the control API (REST), except where a method takes a file (below). */
export const JSON_BODY_MAX_BYTES = 1 * MiB;
/** Largest image `media.upload` takes, on every door. */
export const MEDIA_UPLOAD_MAX_BYTES = Math.floor(2.5 * MiB);
/** Largest spreadsheet the catalog import accepts. Bigger spreadsheets are split by the user. */
export const IMPORT_MAX_BYTES = 50 * MiB;
/** Largest plan bundle (one JSON file with the show's images inside). */
export const BUNDLE_MAX_BYTES = 100 * MiB;
/** Largest single image inside a plan bundle (the media library's own cap). */
export const MEDIA_FILE_MAX_BYTES = 20 * MiB;
/** Images with more pixels than this are refused (a 1 KB PNG can claim 50,000 × 50,000). */
export const IMAGE_MAX_PIXELS = 40_000_000;

/** Length of the base64 text of `bytes` bytes (with padding). */
export const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

/** What a file field of this size costs in a JSON body or WebSocket message, framing included. */
export const jsonBytesForFile = (bytes: number) => base64Length(bytes) + 64 * 1024;

/** The largest file any method takes as base64: the WebSocket message cap is sized for it. */
export const LARGEST_FILE_BYTES = Math.max(MEDIA_UPLOAD_MAX_BYTES, IMPORT_MAX_BYTES, BUNDLE_MAX_BYTES);
/** Largest WebSocket RPC message (a plan bundle as base64 plus framing); above it the socket closes with 1009. */
export const WS_MESSAGE_MAX_BYTES = jsonBytesForFile(LARGEST_FILE_BYTES);

const fileFields = new WeakMap<z.ZodType, number>();

/**
 * A file sent as base64 in a JSON input, at most `maxBytes` once decoded. Over it, the issue
 * carries `reason: 'too_large'` and the limit, which the doors answer as 413 (REST) or with the
 * same error shape (WebSocket, IPC). `rawAlongside`: '' is allowed, for a door that hands the
 * file's bytes over beside the call (the control API's import route) instead of as base64.
 */
export function Base64File(maxBytes: number, what = 'The file', opts: { rawAlongside?: boolean } = {}) {
  const maxLength = base64Length(maxBytes);
  const schema = z
    .string()
    .min(opts.rawAlongside ? 0 : 1)
    .check((ctx) => {
      if (ctx.value.length > maxLength) {
        ctx.issues.push({
          code: 'custom',
          input: '',
          message: `${what} is larger than ${formatBytes(maxBytes)} (limit ${maxBytes} bytes)`,
          params: { reason: 'too_large', limit: maxBytes },
        });
      }
    });
  fileFields.set(schema, maxBytes);
  return schema;
}

/** The decoded size limit of a Base64File field, or undefined for any other schema. */
export function fileFieldLimit(schema: z.ZodType): number | undefined {
  return fileFields.get(schema);
}

/** Sizes as people read them: 2.5 MB, 50 MB, 1 MB. */
export function formatBytes(bytes: number): string {
  const mb = bytes / MiB;
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.round(bytes / 1024)} KB`;
}
