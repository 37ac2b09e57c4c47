import { describe, expect, it } from 'vitest';
import en from '../../renderer/src/i18n/en';
import zhCN from '../../renderer/src/i18n/zh-CN';

/** Every leaf as `a.b.c` → its text. */
function leaves(obj: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(obj as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [k, v] of leaves(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

describe('UI text resources', () => {
  const enLeaves = leaves(en);
  const zhLeaves = leaves(zhCN);

  it('en and zh-CN have exactly the same keys', () => {
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    expect(enLeaves.size).toBeGreaterThan(100);
  });

  it('has no empty or non-string texts', () => {
    for (const [lang, map] of [['en', enLeaves], ['zh-CN', zhLeaves]] as const) {
      for (const [key, value] of map) {
        expect(typeof value, `${lang} ${key}`).toBe('string');
        expect((value as string).trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('uses the same interpolation variables in both languages', () => {
    const vars = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of enLeaves) expect(vars(zhLeaves.get(key)), key).toEqual(vars(value));
  });

  it('uses no plural suffixes (they would differ between the languages)', () => {
    for (const key of enLeaves.keys()) expect(key).not.toMatch(/_(one|other|zero|few|many)$/);
  });
});
