import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../../electron/core/products/export/columns';
import { detectLayout, headerKey, headerSignature, suggestMapping } from '../../../electron/core/products/import/headers';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const shopifyHeader = fs.readFileSync(path.join(ROOT, '..', 'shared', 'fixtures', 'shopify-product-template.csv'), 'utf8').split('\n')[0]!.split(',');

describe('header recognition', () => {
  it('knows the Shopify product export', () => {
    expect(detectLayout(shopifyHeader)).toBe('shopify');
    const m = suggestMapping(shopifyHeader);
    const at = (h: string) => m[shopifyHeader.indexOf(h)];
    expect(at('Handle')).toBe('handle');
    expect(at('Title')).toBe('title');
    expect(at('Vendor')).toBe('brand');
    expect(at('Variant SKU')).toBe('variantSku');
    expect(at('Variant Price')).toBe('variantLivePrice');
    expect(at('Variant Compare At Price')).toBe('variantListPrice');
    expect(at('Variant Inventory Qty')).toBe('variantStock');
    expect(at('Variant Barcode')).toBe('variantBarcode');
    expect(at('Body (HTML)')).toBe('bodyHtml');
    expect(at('Image Src')).toBe('imageUrl');
    expect(at('Tags')).toBe('tags');
    expect(at('Variant Grams')).toBeNull();
    expect(at('SEO Title')).toBeNull();
  });

  it('knows common Chinese back-office headers, full-width and spaced variants included', () => {
    const header = ['商品ID', '商品名称', '直播价', '划线价', '库存', '品牌', '类目', '标签', '卖点', '链接', '备注', '无关列'];
    expect(suggestMapping(header)).toEqual(['sku', 'title', 'livePrice', 'listPrice', 'stock', 'brand', 'category', 'tags', 'sellingPoints', 'link', 'notes', null]);
    expect(suggestMapping(['商品编码', '标题', '售价', '原价', '库存数量'])).toEqual(['sku', 'title', 'livePrice', 'listPrice', 'stock']);
    expect(suggestMapping(['ＳＫＵ', '商品 名称', '价格（元）', '日常价'])).toEqual(['sku', 'title', 'livePrice', 'listPrice']);
    expect(headerKey('价格（元）')).toBe('价格元');
    expect(detectLayout(header)).toBe('generic');
  });

  it('knows English headers and lets the first column claim a field', () => {
    expect(suggestMapping(['SKU', 'Product Name', 'Price', 'Original Price', 'Qty', 'Brand', 'Price'])).toEqual([
      'sku', 'title', 'livePrice', 'listPrice', 'stock', 'brand', null,
    ]);
  });

  it('recognises its own export layout', () => {
    const header = EXPORT_COLUMNS.map((c) => c.header);
    expect(detectLayout(header)).toBe('cuecart');
    expect(suggestMapping(header)).toEqual(EXPORT_COLUMNS.map((c) => c.field));
  });

  it('names a header row the same way however it is spaced or cased', () => {
    expect(headerSignature(['SKU', 'Title'])).toBe(headerSignature([' sku', 'TITLE ']));
    expect(headerSignature(['SKU', 'Title'])).not.toBe(headerSignature(['Title', 'SKU']));
  });
});
