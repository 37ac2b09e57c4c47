// Text rules, the same at every door and in the catalog import (which calls these functions
// through the contract's schemas, or directly). Plain functions over strings: the renderer uses
// them too.

/**
 * True when a string is well-formed UTF-16: no lone surrogate. A lone surrogate cannot be
 * stored as UTF-8; SQLite turns it into three U+FFFD, so two different inputs read back alike
 * and a stored value can grow past its limit. Native where the runtime has it (one-byte strings,
 * such as base64, are answered without a scan).
 */
export function isWellFormed(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return typeof native === 'function' ? native.call(text) : !/\p{Cs}/u.test(text);
}

// Terminal escape sequences (CSI such as ESC[31m, OSC up to BEL or ST) go whole, so no "[31m" is
// left behind in a title; a bare ESC goes with the other controls.
// eslint-disable-next-line no-control-regex -- matching control characters is this regex's job
const ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\))/g;
// C0 controls except tab, newline and carriage return; DEL; C1 controls; and the bidi
// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make text display in
// another order than it is stored ("Trojan Source"). Marks such as U+200E/U+200F stay.
// eslint-disable-next-line no-control-regex -- matching control characters is this regex's job
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
// Anything that breaks a line or jumps to a tab stop, for single-line fields.
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
/** Zero-width and other invisible (default-ignorable) characters: nothing to see in a SKU. */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
// A cheap test first: most text has none of these, and the import runs this on every cell.
// eslint-disable-next-line no-control-regex -- matching control characters is this regex's job
const ANY_CONTROL = /[\x00-\x1f\x7f-\x9f\u0085\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * Multi-line text (notes, talking points): keeps tabs and line breaks (CR LF and lone CR become
 * LF), drops every other control character, terminal escape and bidi override.
 */
export function cleanText(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(ESCAPES, '').replace(/\r\n?/g, '\n').replace(CONTROLS, '').replace(/[\u0085\u2028\u2029]/g, '\n');
}

/**
 * Single-line text (titles, names, SKUs, tags): line breaks and tabs become one space; other
 * control characters, terminal escapes and bidi overrides are dropped. Trimming is the schema's.
 */
export function cleanLine(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(ESCAPES, '').replace(BREAKS, ' ').replace(CONTROLS, '');
}

/** A SKU as stored: a clean line without invisible characters, trimmed. */
export function cleanSku(sku: string): string {
  return cleanLine(sku).replace(INVISIBLE, '').trim();
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The key SKUs are compared by: Unicode NFKC (fullwidth ＯＫ１ is OK1), no invisible characters,
 * trimmed, case-folded (ok1 is OK1). Two SKUs with the same key are the same SKU. An empty key
 * means the SKU had nothing visible in it.
 */
export function skuKey(sku: string): string {
  // Most SKUs: nothing to clean, nothing invisible, NFKC leaves them alone, so the key is the
  // trimmed lower case (an import computes a key per row; a unit test holds this to the full path).
  if (PRINTABLE_ASCII.test(sku)) return sku.trim().toLowerCase();
  return foldSku(sku);
}

/** `skuKey` the long way, for every SKU (exported for the test that holds the shortcut to it). */
export function foldSku(sku: string): string {
  const folded = cleanSku(sku).normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
  return folded.replace(INVISIBLE, '').trim();
}
