import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { AppError, BUNDLE_MAX_BYTES, PLAN_BUNDLE_FORMAT, PLAN_BUNDLE_VERSION, PlanBundle, issuesFromZod, skuKey } from '../../../contract';
import { sniffImage } from '../../media/media.store';

const refuse = (reason: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('BAD_INPUT', message, { reason, ...extra });

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface ReadBundle {
  bundle: PlanBundle;
  /** Image bytes by hash, each checked against its hash and sniffed as an image. */
  media: Map<string, Buffer>;
}

/** A bundle's JSON with each image decoded apart from it (by the worker, or here). */
interface Decoded {
  raw: unknown;
  /** Per entry of `raw.media`, in order: the bytes and their sha256, or why they are not. */
  images: ({ bytes: Buffer; sha256: string } | { error: 'not_base64' })[] | null;
}

/**
 * Read and check a plan bundle before anything is written. The checks go from the outside in,
 * so the reason given is the most useful one: not JSON (damaged or truncated), not ours
 * (foreign), from a newer Cuecart, not matching the version-1 schema (with the path), or an
 * image whose bytes no longer match its hash (damaged in transit).
 */
export function readBundle(bytes: Buffer): ReadBundle {
  return checkBundle(decodeHere(bytes));
}

/**
 * The same, with the heavy part (UTF-8, JSON, base64 and sha256 of every image: a second or more
 * for a 100 MB bundle) on a worker thread, so importing a bundle never stalls a running show.
 * Falls back to reading here if the worker cannot run.
 */
export async function readBundleOffThread(bytes: Buffer): Promise<ReadBundle> {
  if (bytes.length > BUNDLE_MAX_BYTES) throw tooLarge();
  let decoded: Decoded;
  try {
    decoded = await decodeOnWorker(bytes);
  } catch (error) {
    if (error instanceof AppError) throw error;
    decoded = decodeHere(bytes);
  }
  return checkBundle(decoded);
}

const tooLarge = () => refuse('too_large', `The bundle is larger than ${BUNDLE_MAX_BYTES / 1024 / 1024} MB.`);

function notJson(text: string): AppError {
  const looksOurs = text.slice(0, 200).includes(PLAN_BUNDLE_FORMAT);
  return refuse(
    'damaged',
    looksOurs ? 'The plan bundle is damaged or cut off (it is not complete JSON). Export it again.' : 'This file is not a Cuecart plan bundle (it is not JSON).',
  );
}

function decodeHere(bytes: Buffer): Decoded {
  if (bytes.length > BUNDLE_MAX_BYTES) throw tooLarge();
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw notJson(text);
  }
  const media = (raw as { media?: unknown } | null)?.media;
  const images = Array.isArray(media)
    ? media.map((m: { data?: unknown }) => {
        if (typeof m?.data !== 'string' || !BASE64.test(m.data)) return { error: 'not_base64' as const };
        const buf = Buffer.from(m.data, 'base64');
        return { bytes: buf, sha256: createHash('sha256').update(buf).digest('hex') };
      })
    : null;
  return { raw, images };
}

/** The worker's program: plain CommonJS run with `eval` (no build entry); JSON and bytes only. */
const DECODER = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const bytes = Buffer.from(workerData.bytes);
let text = bytes.toString('utf8');
if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
let raw;
try { raw = JSON.parse(text); } catch { raw = undefined; }
if (raw === undefined) parentPort.postMessage({ notJson: text.slice(0, 200) });
else decode(raw);
function decode(raw) {
const transfer = [];
let images = null;
if (raw && Array.isArray(raw.media)) {
  images = raw.media.map((m) => {
    if (!m || typeof m.data !== 'string' || !BASE64.test(m.data)) return { error: 'not_base64' };
    const buf = Buffer.from(m.data, 'base64');
    const sha256 = createHash('sha256').update(buf).digest('hex');
    m.data = 'AA=='; // the bytes travel apart, transferred, not copied back as text
    const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
    transfer.push(ab);
    return { bytes: ab, sha256 };
  });
}
parentPort.postMessage({ raw, images }, transfer);
}
`;

async function decodeOnWorker(bytes: Buffer): Promise<Decoded> {
  const copy = new Uint8Array(bytes.byteLength); // the request's buffer may be shared: send a copy
  copy.set(bytes);
  const worker = new Worker(DECODER, { eval: true, workerData: { bytes: copy.buffer }, transferList: [copy.buffer] });
  try {
    const reply = await new Promise<{ notJson?: string; raw?: unknown; images?: ({ bytes: ArrayBuffer; sha256: string } | { error: 'not_base64' })[] | null }>(
      (resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`the bundle reader stopped (exit ${code})`)));
      },
    );
    if (reply.notJson !== undefined) throw notJson(reply.notJson);
    const images = reply.images?.map((m) => ('error' in m ? m : { bytes: Buffer.from(m.bytes), sha256: m.sha256 })) ?? null;
    return { raw: reply.raw, images };
  } finally {
    void worker.terminate();
  }
}

function checkBundle({ raw, images }: Decoded): ReadBundle {
  const head = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (head.format !== PLAN_BUNDLE_FORMAT) {
    throw refuse('foreign', `This file is not a Cuecart plan bundle (its format is ${JSON.stringify(head.format ?? null)}, expected "${PLAN_BUNDLE_FORMAT}").`);
  }
  if (typeof head.version === 'number' && head.version > PLAN_BUNDLE_VERSION) {
    throw refuse('newer_version', `This plan bundle was made by a newer Cuecart (format version ${head.version}; this one reads version ${PLAN_BUNDLE_VERSION}). Update Cuecart to import it.`, {
      version: head.version,
    });
  }
  if (head.version !== PLAN_BUNDLE_VERSION) {
    throw refuse('foreign', `Unknown plan bundle version ${JSON.stringify(head.version ?? null)}.`);
  }
  const parsed = PlanBundle.safeParse(raw);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error);
    const first = issues[0]!;
    throw refuse('invalid', `The plan bundle is not valid at "${first.path.join('.')}": ${first.message}`, { issues: issues.slice(0, 20) });
  }
  const seen = new Map<string, number>();
  for (const [i, p] of parsed.data.products.entries()) {
    const first = seen.get(skuKey(p.sku));
    if (first !== undefined) {
      throw refuse('invalid', `The plan bundle is not valid at "products.${i}.sku": SKU ${p.sku} is also product ${first + 1}'s SKU (${parsed.data.products[first]!.sku})`, {
        issues: [{ path: ['products', i, 'sku'], code: 'duplicate', message: `Same SKU as products.${first}` }],
      });
    }
    seen.set(skuKey(p.sku), i);
  }
  const media = new Map<string, Buffer>();
  for (const [i, m] of parsed.data.media.entries()) {
    const image = images?.[i];
    if (!image || 'error' in image) throw refuse('damaged', `Image ${m.hash.slice(0, 12)}… in the bundle is damaged (not base64).`, { hash: m.hash });
    if (image.sha256 !== m.hash) {
      throw refuse('damaged', `Image ${m.hash.slice(0, 12)}… in the bundle is damaged (its bytes do not match its hash).`, { hash: m.hash });
    }
    if (!sniffImage(image.bytes)) throw refuse('damaged', `Image ${m.hash.slice(0, 12)}… in the bundle is not a PNG, JPEG, WebP or GIF.`, { hash: m.hash });
    media.set(m.hash, image.bytes);
  }
  return { bundle: { ...parsed.data, media: parsed.data.media.map((m) => ({ ...m, data: '' })) }, media };
}
