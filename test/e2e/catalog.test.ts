import { describe, expect, it } from 'vitest';
import { api } from '../helpers/serve';
import { appUnderTest, fillNewProduct, openApp, sel } from './support';

const app = appUnderTest();

describe('catalog', () => {
  it('creates a product in the UI, keeps it after a reload, edits and deletes it', async () => {
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'en-US' });
    await fillNewProduct(page, { sku: 'E2E-001', title: 'Hyaluronic Night Cream 50ml', listPrice: '299', livePrice: '199.9', stock: '0' });
    await page.click('[data-testid=product-save]');
    await page.waitForSelector('[data-testid=product-drawer]', { state: 'hidden' });
    await page.waitForSelector(sel.row('E2E-001'));
    // Minor units round-trip: 199.9 → 19990 → ¥199.90; stock 0 shows the sold-out tag.
    expect(await page.textContent(`${sel.row('E2E-001')} [data-testid=live-price]`)).toBe('¥199.90');
    expect(await page.isVisible(`${sel.row('E2E-001')} [data-testid=sold-out]`)).toBe(true);

    await page.reload();
    await page.waitForSelector(sel.row('E2E-001'));
    const stored = await api(app.serve, 'GET', '/products?q=E2E-001');
    expect(stored.body.items[0]).toMatchObject({ sku: 'E2E-001', listPrice: 29900, livePrice: 19990, stock: 0, currency: 'CNY' });

    await page.click(`${sel.row('E2E-001')} [data-testid=edit-product]`);
    await page.waitForSelector('[data-testid=product-drawer] [data-testid=field-livePrice]', { state: 'visible' });
    expect(await page.inputValue('[data-testid=field-sku]')).toBe('E2E-001');
    await page.fill('[data-testid=field-livePrice]', '149');
    await page.click('[data-testid=product-save]');
    await page.waitForSelector(`${sel.row('E2E-001')} [data-testid=live-price]:has-text("¥149.00")`);

    await page.click(`${sel.row('E2E-001')} [data-testid=delete-product]`);
    await page.click('[data-testid=confirm-delete]');
    await page.waitForSelector('[data-testid=catalog-empty]');
    await context.close();
  });

  it('shows localized validation messages under the fields (zh-CN and en)', async () => {
    const expected = {
      'zh-CN': { required: '不能为空', min0: '至少 0', url: '必须是有效的 http(s) 链接' },
      'en-US': { required: 'Required', min0: 'At least 0', url: 'Must be a valid http(s) link' },
    };
    for (const [locale, text] of Object.entries(expected)) {
      const { context, page } = await openApp(app.browser, app.serve, { locale });
      await fillNewProduct(page, { title: 'Only a title', stock: '-1', link: 'ftp://example.com' });
      await page.click('[data-testid=product-save]');
      await page.waitForSelector(sel.fieldError('sku'));
      expect(await page.textContent(sel.fieldError('sku')), locale).toBe(text.required);
      expect(await page.textContent(sel.fieldError('listPrice')), locale).toBe(text.required);
      expect(await page.textContent(sel.fieldError('stock')), locale).toBe(text.min0);
      expect(await page.textContent(sel.fieldError('link')), locale).toBe(text.url);
      expect(await page.isVisible(sel.fieldError('title'))).toBe(false);
      // Messages follow the edits: fixing the SKU clears its message.
      await page.fill('[data-testid=field-sku]', 'FIXED-1');
      await page.waitForSelector(sel.fieldError('sku'), { state: 'detached' });
      await context.close();
    }
    expect((await api(app.serve, 'GET', '/products')).body.total).toBe(0);
  });

  it('shows a taken SKU from the server under the SKU field', async () => {
    await api(app.serve, 'POST', '/products', { sku: 'DUP-1', title: '已有商品', listPrice: 100, livePrice: 100 });
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'zh-CN' });
    await fillNewProduct(page, { sku: 'DUP-1', title: '重复 SKU', listPrice: '1', livePrice: '1' });
    await page.click('[data-testid=product-save]');
    await page.waitForSelector(sel.fieldError('sku'));
    expect(await page.textContent(sel.fieldError('sku'))).toBe('SKU 已存在');
    await page.waitForSelector('.ant-message-error:has-text("SKU DUP-1 已存在")');
    await context.close();
  });

  it('searches as you type (debounced, server-side)', async () => {
    await api(app.serve, 'POST', '/products', { sku: 'SRCH-A', title: 'Bamboo toothbrush', listPrice: 990, livePrice: 590, tags: ['eco'] });
    await api(app.serve, 'POST', '/products', { sku: 'SRCH-B', title: '保温杯 500ml', listPrice: 12900, livePrice: 8900 });
    const { context, page } = await openApp(app.browser, app.serve);
    await page.waitForSelector(sel.row('SRCH-B'));
    await page.fill('[data-testid=catalog-search]', '保温');
    await page.waitForSelector(sel.row('SRCH-A'), { state: 'detached' });
    expect(await page.locator(sel.productRows).count()).toBe(1);
    await page.fill('[data-testid=catalog-search]', 'eco');
    await page.waitForSelector(sel.row('SRCH-A'));
    expect(await page.locator(sel.productRows).count()).toBe(1);
    await context.close();
  });
});
