import { describe, expect, it } from 'vitest';
import { Product } from '../../electron/contract';
import { formatMoney, fromMinor, toMinor } from '../../renderer/src/lib/money';
import { draftFromValues, patchFromDraft, valuesFromProduct } from '../../renderer/src/features/catalog/product-form';

describe('money in minor units', () => {
  it('converts decimals to minor units without float noise', () => {
    expect(toMinor(199, 'CNY')).toBe(19900);
    expect(toMinor(19.99, 'CNY')).toBe(1999);
    expect(toMinor(0.29, 'USD')).toBe(29);
    expect(toMinor(1500, 'JPY')).toBe(1500);
    expect(toMinor(null, 'CNY')).toBeNull();
    expect(fromMinor(19900, 'CNY')).toBe(199);
  });

  it('formats by currency and language', () => {
    expect(formatMoney(19900, 'CNY', 'zh-CN')).toBe('¥199.00');
    expect(formatMoney(19900, 'CNY', 'en')).toBe('¥199.00');
    expect(formatMoney(123456, 'USD', 'en')).toBe('$1,234.56');
    expect(formatMoney(1500, 'JPY', 'en')).toBe('¥1,500');
  });
});

describe('product form conversion', () => {
  it('round-trips a product and sends only its own fields in a patch', () => {
    const values = valuesFromProduct(Product.parse({
      id: 'prd_1', sku: 'A', title: 'T', shortTitle: '', brand: '', category: '', tags: ['x'],
      listPrice: 29900, livePrice: 19900, floorPrice: null, currency: 'CNY', stock: 0, limitPerBuyer: null,
      role: 'hero', sellingPoints: ['one', 'two'], talkingPoints: '', faq: [{ q: 'q', a: 'a' }], link: '',
      images: ['a'.repeat(64)], notes: '', archived: false, createdAt: 1, updatedAt: 1,
    }));
    expect(values.listPrice).toBe(299);
    expect(values.sellingPoints).toBe('one\ntwo');
    const draft = draftFromValues({ ...values, sellingPoints: ' one \n\n two \n' });
    expect(draft).toMatchObject({ listPrice: 29900, livePrice: 19900, sellingPoints: ['one', 'two'], stock: 0 });
    const patch = patchFromDraft(draft);
    // The drawer now edits images, FAQ and variants too, so a patch carries them as edited,
    // and never the server's own fields.
    expect(patch).toMatchObject({ images: ['a'.repeat(64)], faq: [{ q: 'q', a: 'a' }], variants: [] });
    expect(patch).not.toHaveProperty('id');
    expect(patch).not.toHaveProperty('updatedAt');
  });
});
