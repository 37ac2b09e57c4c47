import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/contract';
import en from '../../renderer/src/i18n/en';
import zhCN from '../../renderer/src/i18n/zh-CN';
import { errorLines, fieldErrors, issueMessage, serverFieldErrors, type Issue } from '../../renderer/src/lib/errors';
import { validateProduct } from '../../renderer/src/features/catalog/product-form';

let tEn: TFunction;
let tZh: TFunction;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  tEn = i18n.getFixedT('en');
  tZh = i18n.getFixedT('zh-CN');
});

const label = (t: () => TFunction) => (field: string) => t()(`product.fields.${field as 'sku'}`);

describe('localized validation messages', () => {
  it('formats client-side contract issues per field', () => {
    const result = validateProduct({ sku: ' ', title: 'Cream', listPrice: -1, livePrice: 10, stock: -2, link: 'ftp://x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(fieldErrors(result.issues, tZh)).toEqual({ sku: ['不能为空'], listPrice: ['至少 0'], stock: ['至少 0'], link: ['必须是有效的 http(s) 链接'] });
    expect(fieldErrors(result.issues, tEn).sku).toEqual(['Required']);
    expect(fieldErrors(result.issues, tEn).listPrice).toEqual(['At least 0']);
  });

  it('treats a missing price as required', () => {
    const result = validateProduct({ sku: 'A', title: 'B', listPrice: null, livePrice: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(fieldErrors(result.issues, tZh)).toEqual({ listPrice: ['不能为空'] });
  });

  it('formats server issues, which carry no `origin`', () => {
    const server: Issue[] = [
      { path: ['sku'], code: 'too_small', minimum: 1, message: 'Too small: expected string to have >=1 characters' },
      { path: ['title'], code: 'too_big', maximum: 200, message: 'Too big: expected string to have <=200 characters' },
      { path: ['tags'], code: 'too_big', maximum: 30, message: 'Too big: expected array to have <=30 items' },
      { path: ['livePrice'], code: 'invalid_type', expected: 'int', message: 'Invalid input: expected int, received number' },
    ];
    expect(server.map((i) => issueMessage(i, tZh))).toEqual(['不能为空', '最多 200 个字符', '最多 30 项', '必须是整数']);
    const error = new AppError('BAD_INPUT', 'Invalid input', { issues: server.slice(0, 1) });
    expect(errorLines(error, tZh, label(() => tZh))).toEqual(['SKU: 不能为空']);
    expect(errorLines(error, tEn, label(() => tEn))).toEqual(['SKU: Required']);
  });

  it('turns a SKU conflict into a field message and a toast line', () => {
    const conflict = new AppError('CONFLICT', 'SKU A-1 is already used', { field: 'sku', sku: 'A-1', id: 'prd_1' });
    expect(serverFieldErrors(conflict, tZh)).toEqual({ sku: ['SKU 已存在'] });
    expect(errorLines(conflict, tZh)).toEqual(['SKU A-1 已存在']);
    expect(errorLines(conflict, tEn)).toEqual(['SKU A-1 already exists']);
  });

  it('falls back to the code message for other errors', () => {
    expect(errorLines(new AppError('UNAVAILABLE', 'x'), tEn)[0]).toMatch(/not reachable/);
    expect(errorLines(new Error('boom'), tZh)).toEqual(['Cuecart 内部出错，请重试。']);
    expect(serverFieldErrors(new AppError('NOT_FOUND', 'x'), tEn)).toBeNull();
  });
});

describe('refusals of a whole file, in both languages', () => {
  it('says why an image or body was refused, with its limit', () => {
    const big = new AppError('BAD_INPUT', 'x', { reason: 'too_large', limit: Math.floor(2.5 * 1024 * 1024) });
    expect(errorLines(big, tEn)).toEqual(['Too large: the limit is 2.5 MB.']);
    expect(errorLines(big, tZh)).toEqual(['太大了：上限是 2.5 MB。']);
    const bomb = new AppError('BAD_INPUT', 'x', { reason: 'too_large', limit: 40_000_000, width: 50_000, height: 50_000 });
    expect(errorLines(bomb, tZh)[0]).toContain('50000 × 50000');
    expect(errorLines(new AppError('BAD_INPUT', 'x', { reason: 'not_image' }), tZh)).toEqual(['不是支持的图片格式，请使用 PNG、JPEG、WebP 或 GIF。']);
    expect(errorLines(new AppError('BAD_INPUT', 'x', { reason: 'damaged' }), tEn)[0]).toMatch(/damaged/);
  });

  it('names the SKU that is there when a look-alike is refused', () => {
    const dup = new AppError('CONFLICT', 'x', { field: 'sku', sku: 'ok1', existingSku: 'OK1', id: 'p1' });
    expect(errorLines(dup, tEn)).toEqual(['SKU OK1 already exists']);
  });
});
