import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api } from '../helpers/serve';
import { appUnderTest, openApp, screenshot, sel } from './support';

// The product drawer's images (picker and drag-and-drop, primary, order, remove), variants and
// FAQ editors, and the row actions: duplicate, archive/restore, delete with a confirm.

const app = appUnderTest();

/** A small PNG of one colour, drawn by the page itself. */
async function png(page: Page, color: string): Promise<Buffer> {
  const b64 = await page.evaluate((c) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 64;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = c;
    ctx.fillRect(0, 0, 64, 64);
    return canvas.toDataURL('image/png').split(',')[1]!;
  }, color);
  return Buffer.from(b64, 'base64');
}

const images = (page: Page) => page.$$eval('[data-testid=product-image]', (els) => els.map((e) => e.getAttribute('data-hash')));

describe('product drawer and row actions', () => {
  it('uploads images by picker and by drop, sets the primary, edits variants and FAQ', async () => {
    await api(app.serve, 'POST', '/products', { sku: 'DRW-1', title: '玻尿酸保湿面霜', listPrice: 29900, livePrice: 19900 });
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'zh-CN' });
    await page.click(`${sel.row('DRW-1')} [data-testid=edit-product]`);
    await page.waitForSelector('[data-testid=images-dropzone]');
    const [red, blue, green] = [await png(page, '#e33'), await png(page, '#36f'), await png(page, '#2b6')];
    await page.setInputFiles('[data-testid=images-input]', [
      { name: 'red.png', mimeType: 'image/png', buffer: red },
      { name: 'blue.png', mimeType: 'image/png', buffer: blue },
    ]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=product-image]').length === 2);
    // Drop a third file onto the drawer's image area (a real DragEvent with a DataTransfer).
    await page.evaluate((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'green.png', { type: 'image/png' }));
      const zone = document.querySelector('[data-testid=images-dropzone]')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, green.toString('base64'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=product-image]').length === 3);
    const [first, second, third] = await images(page);
    // Star the third: it becomes primary (first); remove the (now) second.
    await page.click('[data-testid=product-image] >> nth=2 >> [data-testid=make-primary]');
    expect(await images(page)).toEqual([third, first, second]);
    await page.click('[data-testid=product-image] >> nth=1 >> [data-testid=remove-image]');
    expect(await images(page)).toEqual([third, second]);

    await page.click('[data-testid=variant-add]');
    await page.fill('[data-testid=variant-sku] >> nth=0', 'DRW-1-50');
    await page.fill('[data-testid=variant-title] >> nth=0', '50ml');
    await page.fill('[data-testid=variant-options] >> nth=0', '规格：50ml；颜色: 白');
    await page.fill('[data-testid=variant-listPrice] >> nth=0', '299');
    await page.fill('[data-testid=variant-livePrice] >> nth=0', '-5');
    await page.click('[data-testid=faq-add]');
    await page.fill('[data-testid=faq-q] >> nth=0', '敏感肌能用吗？');
    await page.fill('[data-testid=faq-a] >> nth=0', '可以，已做过敏测试。');
    await page.click('[data-testid=product-save]');
    // The variant's bad price is named under its own input, in Chinese.
    await page.waitForSelector('.ant-form-item:has([data-testid=variant-livePrice]) .ant-form-item-explain-error:has-text("至少 0")');
    await page.fill('[data-testid=variant-livePrice] >> nth=0', '199');
    await page.waitForSelector('.ant-form-item:has([data-testid=variant-livePrice]) .ant-form-item-explain-error', { state: 'detached' });
    await page.$eval('[data-testid=field-sku]', (el) => el.closest('.ant-drawer-body')!.scrollTo({ top: 0 }));
    await page.mouse.move(0, 0);
    await screenshot(page, 'catalog-drawer.png');
    await page.click('[data-testid=product-save]');
    await page.waitForSelector('[data-testid=product-drawer]', { state: 'hidden' });
    const saved = (await api(app.serve, 'GET', '/products?q=DRW-1')).body.items[0];
    expect(saved.images).toEqual([third, second]);
    expect(saved.variants).toEqual([
      { sku: 'DRW-1-50', title: '50ml', options: [{ name: '规格', value: '50ml' }, { name: '颜色', value: '白' }], listPrice: 29900, livePrice: 19900, stock: null, barcode: '' },
    ]);
    expect(saved.faq).toEqual([{ q: '敏感肌能用吗？', a: '可以，已做过敏测试。' }]);
    // The row shows the primary image from the media route.
    const src = await page.getAttribute(`${sel.row('DRW-1')} [data-testid=product-thumb]`, 'src');
    expect(src).toBe(`/media/${third}`);
    expect((await fetch(new URL(src!, app.serve.url))).status).toBe(200);
    await context.close();
  });

  it('duplicates (unique -copy SKUs), archives and restores, and deletes after a confirm', async () => {
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'en-US' });
    await page.click(`${sel.row('DRW-1')} [data-testid=duplicate-product]`);
    await page.waitForSelector('[data-testid=product-drawer] [data-testid=field-sku]', { state: 'visible' });
    expect(await page.inputValue('[data-testid=field-sku]')).toBe('DRW-1-copy');
    await page.click('.ant-drawer-close');
    await page.click('[data-testid=product-row][data-sku="DRW-1"] [data-testid=duplicate-product]');
    await page.waitForSelector('.ant-message:has-text("DRW-1-copy-2")');
    await page.click('.ant-drawer-close');
    const copies = (await api(app.serve, 'GET', '/products?q=DRW-1&sort=sku&order=asc')).body.items;
    expect(copies.map((p: { sku: string }) => p.sku)).toEqual(['DRW-1', 'DRW-1-copy', 'DRW-1-copy-2']);
    expect(copies[2].variants[0].sku).toBe('DRW-1-50-copy-2');
    expect(copies[2].images).toEqual(copies[0].images);

    await page.click('[data-testid=product-row][data-sku="DRW-1-copy"] [data-testid=archive-product]');
    await page.waitForSelector('[data-testid=product-row][data-sku="DRW-1-copy"]', { state: 'detached' });
    await page.click('[data-testid=filter-archived] >> text=Archived');
    await page.click('[data-testid=product-row][data-sku="DRW-1-copy"] [data-testid=restore-product]');
    await page.waitForSelector('[data-testid=product-row][data-sku="DRW-1-copy"]', { state: 'detached' });
    await page.click('[data-testid=filter-archived] >> text=Active');
    await page.waitForSelector('[data-testid=product-row][data-sku="DRW-1-copy"]');

    await page.click('[data-testid=product-row][data-sku="DRW-1-copy-2"] [data-testid=delete-product]');
    await page.click('[data-testid=confirm-delete]');
    await page.waitForSelector('[data-testid=product-row][data-sku="DRW-1-copy-2"]', { state: 'detached' });
    expect((await api(app.serve, 'GET', '/products?q=DRW-1')).body.total).toBe(2);
    await context.close();
  });
});
