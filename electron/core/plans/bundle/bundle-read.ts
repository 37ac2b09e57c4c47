import { createHash } from 'node:crypto';
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

/**
 * Read and check a plan bundle before anything is written. The checks go from the outside in,
 * so the reason given is the most useful one: not JSON (damaged or truncated), not ours
 * (foreign), from a newer Cuecart, not matching the version-1 schema (with the path), or an
 * image whose bytes no longer match its hash (damaged in transit).
 */
export function readBundle(bytes: Buffer): ReadBundle {
  if (bytes.length > BUNDLE_MAX_BYTES) throw refuse('too_large', `The bundle is larger than ${BUNDLE_MAX_BYTES / 1024 / 1024} MB.`);
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const looksOurs = text.slice(0, 200).includes(PLAN_BUNDLE_FORMAT);
    throw refuse(
      'damaged',
      looksOurs
        ? 'The plan bundle is damaged or cut off (it is not complete JSON). Export it again.'
        : 'This file is not a Cuecart plan bundle (it is not JSON).',
    );
  }
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
  for (const m of parsed.data.media) {
    if (!BASE64.test(m.data)) throw refuse('damaged', `Image ${m.hash.slice(0, 12)}… in the bundle is damaged (not base64).`, { hash: m.hash });
    const buf = Buffer.from(m.data, 'base64');
    if (createHash('sha256').update(buf).digest('hex') !== m.hash) {
      throw refuse('damaged', `Image ${m.hash.slice(0, 12)}… in the bundle is damaged (its bytes do not match its hash).`, { hash: m.hash });
    }
    if (!sniffImage(buf)) throw refuse('damaged', `Image ${m.hash.slice(0, 12)}… in the bundle is not a PNG, JPEG, WebP or GIF.`, { hash: m.hash });
    media.set(m.hash, buf);
  }
  return { bundle: parsed.data, media };
}
