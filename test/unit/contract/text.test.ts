import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLine, cleanSku, cleanText, isWellFormed, Line, ProductFields, skuKey, Text } from '../../../electron/contract';
import { foldSku } from '../../../electron/contract/text';

describe('text rules (electron/contract/text.ts)', () => {
  it('tells well-formed text from text with a lone surrogate', () => {
    expect(isWellFormed('面霜 😀')).toBe(true);
    expect(isWellFormed('DUP\udc00')).toBe(false);
    expect(isWellFormed('\ud83d')).toBe(false);
  });

  it('cleans single lines: escapes and overrides go, breaks become spaces, marks and emoji stay', () => {
    expect(cleanLine('\u001b[1;31mSALE\u001b[0m')).toBe('SALE');
    expect(cleanLine('a\u202Eb\u2066c\u2069')).toBe('abc');
    expect(cleanLine('a\r\n\tb')).toBe('a b');
    expect(cleanLine('x\u0000\u0007\u007f\u009by')).toBe('xy');
    expect(cleanLine('👩‍👩‍👧 \u200f')).toBe('👩‍👩‍👧 \u200f');
  });

  it('cleans multi-line text: tabs and line breaks stay (CR LF becomes LF)', () => {
    expect(cleanText('a\r\n\tb\rc\u0000\u001b]0;title\u0007')).toBe('a\n\tb\nc');
  });

  it('keys look-alike SKUs alike, and only those', () => {
    const key = skuKey('OK1');
    for (const alike of ['OK1\u200b', 'ＯＫ１', 'ok1', '\ufeffOk1 ', 'O\u00adK1']) expect(skuKey(alike), alike).toBe(key);
    for (const other of ['OK-1', 'OK11', 'OKI', '0K1']) expect(skuKey(other), other).not.toBe(key);
    expect(cleanSku('\u200b\u200d')).toBe('');
    expect(skuKey('straße')).toBe(skuKey('STRASSE'));
  });

  it('keys printable ASCII SKUs by the shortcut exactly as the full rule does', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) });
    const near = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '-', '\t', '\n', '\u00a0', '\u200b', 'Ｏ', 'ß', '\u007f', '\u0085') });
    fc.assert(
      fc.property(fc.oneof(ascii, near, fc.string({ unit: 'binary' })), (s) => {
        expect(skuKey(s)).toBe(foldSku(s));
      }),
      { numRuns: 3000 },
    );
    for (const s of ['', ' ', ' CC-000001 ', 'Ab~!', 'OK1\t', 'ok\u00a0']) expect(skuKey(s), JSON.stringify(s)).toBe(foldSku(s));
  });

  it('is idempotent and never grows a string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        for (const f of [cleanLine, cleanText, cleanSku]) {
          const once = f(s);
          expect(f(once)).toBe(once);
          expect(once.length).toBeLessThanOrEqual(s.length);
        }
        expect(skuKey(skuKey(s))).toBe(skuKey(s));
      }),
      { numRuns: 500 },
    );
  });
});

describe('schemas use them', () => {
  it('counts a limit after cleaning and refuses lone surrogates with the path', () => {
    expect(Line(3).parse(' a\u0000b\u202Ec ')).toBe('abc');
    expect(Text(5).parse('a\r\nb\u0000')).toBe('a\nb');
    const r = ProductFields.safeParse({ sku: 'A', title: '\ud800x', listPrice: 1, livePrice: 1 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['title']);
    expect(ProductFields.safeParse({ sku: '\u200b', title: 'x', listPrice: 1, livePrice: 1 }).success).toBe(false);
  });
});
