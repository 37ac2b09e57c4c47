import {
  BUNDLE_MAX_BYTES,
  formatBytes,
  IMAGE_MAX_PIXELS,
  IMPORT_MAX_BYTES,
  JSON_BODY_MAX_BYTES,
  MEDIA_FILE_MAX_BYTES,
  MEDIA_UPLOAD_MAX_BYTES,
  WS_MESSAGE_MAX_BYTES,
} from '../contract';
import { MAX_INPUT_DEPTH } from '../core/input-guard';

/**
 * The README's limits table, per door, written from the constants the doors enforce
 * (`npm run docs:api`; test/unit/readme-api.test.ts fails when the README is stale, and
 * test/integration/server/body-limits.test.ts holds each door to these numbers).
 */
export function limitRows(): { what: string; rest: string; ws: string; ipc: string }[] {
  const mb = formatBytes;
  const same = (text: string) => ({ rest: text, ws: text, ipc: text });
  return [
    {
      what: 'JSON body of a call',
      rest: `${mb(JSON_BODY_MAX_BYTES)} (more for a method that takes a file, as below); over it \`413\``,
      ws: `one message: ${mb(WS_MESSAGE_MAX_BYTES)} (a plan bundle as base64); over it the socket closes with \`1009\``,
      ipc: 'no transport cap; the limits below',
    },
    {
      what: 'image upload (`media.upload`)',
      rest: `${mb(MEDIA_UPLOAD_MAX_BYTES)}: the raw image as the body (\`Content-Type: image/png\`...) or base64 in JSON; over it \`413\``,
      ws: `${mb(MEDIA_UPLOAD_MAX_BYTES)} (base64); over it \`BAD_INPUT\`, \`reason: too_large\``,
      ipc: `${mb(MEDIA_UPLOAD_MAX_BYTES)} (base64), as WS`,
    },
    {
      what: 'catalog import file',
      rest: `${mb(IMPORT_MAX_BYTES)}, the raw file as the body; over it \`413\``,
      ws: `${mb(IMPORT_MAX_BYTES)} (base64), as above`,
      ipc: `${mb(IMPORT_MAX_BYTES)} (base64), as WS`,
    },
    {
      what: 'plan bundle',
      rest: `${mb(BUNDLE_MAX_BYTES)}, the raw file as the body; over it \`413\``,
      ws: `${mb(BUNDLE_MAX_BYTES)} (base64), as above`,
      ipc: `${mb(BUNDLE_MAX_BYTES)} (base64), as WS`,
    },
    { what: 'one image in a plan bundle', ...same(mb(MEDIA_FILE_MAX_BYTES)) },
    { what: 'image size', ...same(`${IMAGE_MAX_PIXELS / 1_000_000} megapixels (width × height)`) },
    { what: 'nesting of an input', ...same(`${MAX_INPUT_DEPTH} levels`) },
    { what: 'text fields', ...same('the lengths in the contract, counted after cleaning (see *Text* below)') },
  ];
}

export function limitsTable(): string {
  const lines = ['| what | REST (`/api/v1`) | WebSocket RPC (`/ws`) | desktop IPC |', '| --- | --- | --- | --- |'];
  for (const r of limitRows()) lines.push(`| ${r.what} | ${r.rest} | ${r.ws} | ${r.ipc} |`);
  return lines.join('\n');
}
