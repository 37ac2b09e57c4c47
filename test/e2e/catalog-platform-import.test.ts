import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../fixtures/import/make-fixtures';
import { api } from '../helpers/serve';
import { appUnderTest, openApp, screenshot, sel } from './support';

// Issue 13 as a new user meets it: a 淘宝助理 export (with its picture folder, as a ZIP) and an
// affiliate selection list, each through the import wizard in Chromium.

const app = appUnderTest();

async function openWizard(page: Page, file: string, name: string, mimeType: string) {
  await page.click('[data-testid=import-button]');
  await page.waitForSelector('[data-testid=import-dropzone]');
  await page.setInputFiles('[data-testid=import-file-input]', { name, mimeType, buffer: fs.readFileSync(file) });
  await page.waitForSelector('[data-testid=import-mapping]');
}

async function apply(page: Page) {
  await page.click('[data-testid=import-next]');
  await page.click('[data-testid=import-apply]');
  await page.waitForSelector('[data-testid=import-result][data-status=applied]', { timeout: 30_000 });
  await page.click('[data-testid=import-close]');
  await page.waitForSelector('[data-testid=import-modal]', { state: 'hidden' });
}

async function settle(page: Page) {
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => [...document.querySelectorAll('.ant-select-dropdown')].every((e) => e.classList.contains('ant-select-dropdown-hidden') || e.getBoundingClientRect().height === 0));
}

describe('shop and affiliate exports in the import wizard', () => {
  it('shows the header row it found in a 淘宝助理 export, lets the user pick another, and imports the ZIP with its pictures', async () => {
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'zh-CN' });
    await page.setViewportSize({ width: 1440, height: 960 });
    await openWizard(page, FIXTURES.gbkZip, '宝贝导出.zip', 'application/zip');
    const header = page.locator('[data-testid=import-header-row]');
    expect(await header.getAttribute('data-row')).toBe('3');
    expect(await header.getAttribute('data-detected')).toBe('true');
    expect(await header.textContent()).toContain('第 3 行 · 自动识别');
    expect(await page.getAttribute('[data-testid=import-layout]', 'data-layout')).toBe('taobao-assistant');
    expect(await page.textContent('[data-testid=import-encoding]')).toBe('GBK / GB18030');
    expect(await page.textContent('[data-testid=import-pictures]')).toContain('3');
    expect(await page.textContent('[data-testid=import-mapping]')).toContain('宝贝名称');
    await settle(page);
    await screenshot(page, 'catalog-import-header-row.png');

    // Pick row 2 (the English keys): the columns follow; then back to row 3.
    await page.click('[data-testid=import-header-pick]');
    await page.click('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title^="第 2 行"], .ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option:has-text("第 2 行")');
    await page.waitForSelector('[data-testid=import-header-row][data-row="2"][data-detected=false]');
    expect(await page.textContent('[data-testid=import-mapping]')).toContain('outer_id');
    await page.click('[data-testid=import-header-pick]');
    await page.click('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option:has-text("第 3 行")');
    await page.waitForSelector('[data-testid=import-header-row][data-row="3"]');
    const mapped = await page.$$eval('[data-testid^=map-]', (els) => els.map((e) => e.getAttribute('data-field')));
    expect(mapped.filter(Boolean)).toEqual(['title', 'livePrice', 'stock', 'bodyHtml', 'pictures', 'sku', 'platformId', 'sellingPoints', 'barcode']);
    await apply(page);

    await page.waitForSelector(sel.row('RY-CREAM-50'));
    expect(await page.locator(`${sel.row('RY-CREAM-50')} [data-testid=product-thumb]`).count()).toBe(1);
    const cream = (await api(app.serve, 'GET', '/products?q=RY-CREAM-50')).body.items[0];
    expect(cream).toMatchObject({ title: '润研 玻尿酸保湿面霜 50ml', livePrice: 19900, stock: 800, platformIds: { taobao: '652300000001' } });
    expect(cream.images).toHaveLength(2);
    expect(cream.notes).toContain('敏感肌可用');
    await context.close();
  });

  it('imports an affiliate list: commission and price after coupon in the table, shop filter, commission edited inline', async () => {
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'zh-CN' });
    page.setDefaultTimeout(15_000);
    try {
      await affiliateFlow(page);
    } catch (error) {
      await screenshot(page, 'catalog-affiliate-failure.png');
      throw error;
    }
    await context.close();
  });
});

async function affiliateFlow(page: Page) {
  {
    await page.setViewportSize({ width: 1440, height: 960 });
    await openWizard(page, FIXTURES.affiliate, '选品库.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await page.getAttribute('[data-testid=import-header-row]', 'data-row')).toBe('2');
    expect(await page.getAttribute('[data-testid=import-layout]', 'data-layout')).toBe('affiliate');
    expect(await page.textContent('[data-testid=import-platform]')).toContain('淘宝');
    await apply(page);
    const row = sel.row('701234567890');
    await page.waitForSelector(row);
    expect(await page.textContent(`${row} [data-testid=commission]`)).toBe('20.5%');
    expect(await page.textContent(`${row} [data-testid=after-coupon]`)).toBe('券后 ¥119.00');
    expect(await page.textContent(`${row} [data-testid=shop-name]`)).toBe('花西子官方旗舰店');

    // Inline: commission 20.5% → 25%.
    await page.click(`${row} [data-testid=commission-cell]`);
    await page.fill(`${row} [data-testid=commission-input]`, '25');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=product-row][data-sku="701234567890"] [data-testid=commission]')?.textContent === '25%');
    expect((await api(app.serve, 'GET', '/products?q=701234567890')).body.items[0].commissionRate).toBe(2500);

    // Shop filter.
    await page.fill('[data-testid=filter-shop] input', '三只松鼠旗舰店');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=product-row]').length === 1);
    expect(await page.getAttribute('[data-testid=product-row]', 'data-sku')).toBe('701234567891');
    // Its coupon is 无: no "after coupon" line for it.
    expect(await page.locator('[data-testid=product-row] [data-testid=after-coupon]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.click('[data-testid=filter-shop] input', { force: true });
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=catalog-search]').focus();
    await settle(page);
    await screenshot(page, 'catalog-affiliate-table.png');
  }
}
