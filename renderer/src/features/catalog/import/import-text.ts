import type { TFunction } from 'i18next';
import { AppError } from '../../../../../electron/contract';
import { errorLines, toAppError } from '../../../lib/errors';

/**
 * The importer explains refused rows and bad files in English sentences of a known shape (see
 * electron/core/products/import). These put them in the user's language; a reason of an unknown
 * shape is shown as the server wrote it, so nothing is ever hidden.
 */
const REASONS: [RegExp, string, string[]][] = [
  [/^belongs to a product refused at row (\d+)$/, 'groupRefused', ['row']],
  [/^has (\d+) cells but the header has (\d+)/, 'cells', ['cells', 'width']],
  [/^SKU (.+) appears again \(first at row (\d+)\)$/, 'skuRepeated', ['sku', 'row']],
  [/^(.+) is required for a new product$/, 'requiredNew', ['field']],
  [/^(.+) is required$/, 'required', ['field']],
  [/^(.+) is empty$/, 'empty', ['field']],
  [/^"(.*)" is negative; prices must be 0 or more$/, 'negativePrice', ['value']],
  [/^"(.*)" is not a price$/, 'notPrice', ['value']],
  [/^"(.*)" has more than (\d+) decimals$/, 'decimals', ['value', 'digits']],
  [/^"(.*)" is larger than any price we take$/, 'priceTooBig', ['value']],
  [/^"(.*)" is not a whole number$/, 'notInteger', ['value']],
  [/^"(.*)" is not yes\/no/, 'notBoolean', ['value']],
  [/^"(.*)" is not a product role/, 'notRole', ['value']],
  [/^FAQ must be a JSON list/, 'faqJson', []],
  [/^the variant has no price$/, 'variantNoPrice', []],
  [/^variant SKU (.+) is also a variant of (.+) in this file$/, 'variantInFile', ['sku', 'other']],
  [/^variant SKU (.+) already belongs to another product$/, 'variantTaken', ['sku']],
  [/^image (.+) is not in the media library$/, 'imageMissing', ['hash']],
];

/** Product fields the importer names by their key (`title is required`) → the user's words. */
const FIELD_KEYS = new Set(['sku', 'title', 'shortTitle', 'brand', 'category', 'tags', 'listPrice', 'livePrice', 'floorPrice', 'currency', 'stock', 'limitPerBuyer', 'role', 'sellingPoints', 'talkingPoints', 'faq', 'link', 'images', 'notes', 'archived']);

export function reasonText(reason: string, t: TFunction): string {
  for (const [pattern, key, names] of REASONS) {
    const m = pattern.exec(reason);
    if (!m) continue;
    const vars = Object.fromEntries(names.map((name, i) => [name, m[i + 1] ?? '']));
    if (vars.field && FIELD_KEYS.has(vars.field)) vars.field = t(`product.fields.${vars.field as 'sku'}`);
    // Keys built at run time: i18next's typed overloads cannot check them, the unit test does.
    return (t as unknown as (key: string, vars: Record<string, string>) => string)(`catalog.import.reasons.${key}`, vars);
  }
  return reason;
}

/** Reasons the importer gives for refusing a whole file (details.reason), all localized. */
const FILE_REASONS = [
  'empty', 'xls', 'zip', 'not_xlsx', 'binary', 'encoding', 'truncated', 'malformed', 'huge_field', 'too_many_rows',
  'too_many_columns', 'parse', 'xlsx', 'sheet', 'zip_bomb', 'zip64', 'damaged', 'encrypted', 'too_large', 'mapping',
  'no_key', 'cancelled', 'changed', 'running', 'base64',
] as const;

/** A failed preview or import → a headline in the user's language and the server's own words. */
export function importErrorText(error: unknown, t: TFunction): { title: string; detail?: string } {
  const e = toAppError(error);
  const reason = e.details?.reason;
  if (typeof reason === 'string' && (FILE_REASONS as readonly string[]).includes(reason)) {
    return { title: t(`catalog.import.errors.${reason as 'empty'}`), detail: e.message };
  }
  if (e instanceof AppError && e.code === 'BAD_INPUT') return { title: t('catalog.import.errors.unreadable'), detail: e.message };
  return { title: errorLines(e, t).join(' ') };
}

/** `utf-8-bom` → "UTF-8 (BOM)", `gb18030` → "GBK / GB18030". */
export function encodingLabel(encoding: string, t: TFunction): string {
  switch (encoding) {
    case 'utf-8':
      return 'UTF-8';
    case 'utf-8-bom':
      return t('catalog.import.encodings.utf8bom');
    case 'gb18030':
    case 'gbk':
      return 'GBK / GB18030';
    case 'utf-16le':
    case 'utf-16be':
      return encoding.toUpperCase();
    case 'xlsx':
      return t('catalog.import.encodings.xlsx');
    default:
      return encoding;
  }
}
