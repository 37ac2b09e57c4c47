import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { appUnderTest, openApp, screenshot, sel } from './support';

const app = appUnderTest();

/** Every thumbnail in view has loaded real pixels (not a broken image). */
async function loadedImages(page: Page, selector: string): Promise<number> {
  await page.waitForFunction(
    (s) => [...document.querySelectorAll<HTMLImageElement>(s)].filter((img) => img.getBoundingClientRect().top < innerHeight).every((img) => img.complete),
    selector,
  );
  return page.$$eval(selector, (imgs) => (imgs as HTMLImageElement[]).filter((img) => img.complete && img.naturalWidth > 0).length);
}

describe('demo workspace', () => {
  it('loads from the empty catalog; catalog, hosts and shows fill up', async () => {
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'zh-CN' });
    await page.waitForSelector('[data-testid=catalog-empty]');
    await page.click('[data-testid=catalog-empty] [data-testid=load-demo]');
    await page.waitForSelector(sel.productRows, { timeout: 15_000 });
    expect(await page.locator(sel.productRows).count()).toBeGreaterThanOrEqual(20);
    expect(await loadedImages(page, '[data-testid=product-thumb]')).toBeGreaterThan(5);
    expect(await page.locator('[data-testid=role-tag]').first().textContent()).toMatch(/引流款|福利款|利润款|主推款|常规/);
    await page.mouse.move(0, 0);
    await screenshot(page, 'catalog-zh-CN.png');

    await page.click(sel.nav('hosts'));
    await page.waitForSelector('[data-testid=hosts-table] tr.ant-table-row');
    expect(await page.locator('[data-testid=hosts-table] tr.ant-table-row').count()).toBe(3);
    expect(await loadedImages(page, '[data-testid=hosts-table] img')).toBe(3);
    await screenshot(page, 'hosts-zh-CN.png');

    await page.click(sel.nav('shows'));
    await page.waitForSelector('[data-testid=shows-table] tr.ant-table-row');
    expect(await page.locator('[data-testid=shows-table] tr.ant-table-row').count()).toBe(4); // two upcoming, two past
    expect(await page.textContent('[data-testid=shows-table]')).toContain('抖音');
    await screenshot(page, 'shows-zh-CN.png');

    await page.click(sel.nav('live'));
    await page.waitForSelector('[data-testid=live-page]');
    await screenshot(page, 'live-zh-CN.png');

    await page.click(sel.nav('recaps'));
    await page.waitForSelector('[data-testid=recaps-table] tr.ant-table-row');
    expect(await page.locator('[data-testid=recaps-table] tr.ant-table-row').count()).toBe(2); // the past shows
    await context.close();
  });

  it('reads the same data in English', async () => {
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'en-US' });
    await page.waitForSelector(sel.productRows);
    expect(await page.locator(sel.productRows).count()).toBeGreaterThanOrEqual(20);
    expect(await loadedImages(page, '[data-testid=product-thumb]')).toBeGreaterThan(5);
    await page.mouse.move(0, 0);
    await screenshot(page, 'catalog-en.png');
    await page.click(sel.nav('shows'));
    await page.waitForSelector('[data-testid=shows-table] tr.ant-table-row');
    expect(await page.textContent('[data-testid=shows-table]')).toContain('Douyin');
    await screenshot(page, 'shows-en.png');
    await page.click(sel.nav('catalog'));
    await page.click(`${sel.productRows} >> nth=0 >> [data-testid=edit-product]`);
    await page.waitForSelector('[data-testid=product-drawer] [data-testid=field-sku]', { state: 'visible' });
    await page.waitForTimeout(400); // drawer slide-in
    await screenshot(page, 'product-drawer-en.png');
    await context.close();
  });
});
