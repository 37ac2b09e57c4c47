import iconv from 'iconv-lite';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { api, ROOT, tempDataDir } from '../helpers/serve';
import { appUnderTest, openApp, screenshot, sel } from './support';

// A new user's path through the catalog: import the Shopify template and a Chinese GBK sheet in
// the UI, see refused rows, search in Chinese and pinyin, edit a price, bulk edit, export both
// formats and re-import them into an empty catalog with nothing lost or garbled.

const SHOPIFY = path.join(ROOT, '..', 'shared', 'fixtures', 'shopify-product-template.csv');
const GBK_ROWS = [
  '商品编码,商品名称,日常价,直播价,库存,品牌,标签',
  'ZH-001,润研 玻尿酸保湿面霜 50ml,299,199,800,润研,保湿、秋冬',
  'ZH-002,清屿 氨基酸洁面乳,69,9.9,2000,清屿,洁面',
  'ZH-003,绮梦 丝绒雾面口红 #316,159,129,0,绮梦,"口红,新品"',
  'ZH-004,山茶花 防晒霜 SPF50,199,139,300,花漾,防晒',
  'ZH-005,蜂蜜柚子茶 1kg,89,49,1500,果乐,食品',
].join('\r\n');
const BAD_ROWS = [
  'SKU,Title,List Price,Live Price,Stock',
  'BAD-1,Good one,10,8,5',
  'BAD-2,Bad price,abc,8,5',
  'BAD-3,Half a unit,10,8,1.5',
  'BAD-4,,10,8,5',
  'BAD-5,Too many cells,10,8,5,extra',
  'BAD-6,Fine too,12,9,1',
].join('\n');

const app = appUnderTest();
const downloads = tempDataDir('cuecart-downloads-');
afterAll(() => {
  fs.rmSync(downloads, { recursive: true, force: true });
});

type FileArg = string | { name: string; mimeType: string; buffer: Buffer };

/** Open the wizard and give it a file; resolves on the mapping step. */
async function chooseFile(page: Page, file: FileArg) {
  await page.click('[data-testid=import-button]');
  await page.waitForSelector('[data-testid=import-dropzone]');
  await page.setInputFiles('[data-testid=import-file-input]', file);
}

async function importThroughUi(page: Page, file: FileArg, mode: 'valid' | 'all' = 'valid') {
  await chooseFile(page, file);
  await page.waitForSelector('[data-testid=import-mapping]');
  await page.click('[data-testid=import-next]');
  await page.waitForSelector('[data-testid=import-mode]');
  await page.click(`[data-testid=mode-${mode}]`);
  await page.click('[data-testid=import-apply]');
  const result = await page.waitForSelector('[data-testid=import-result]', { timeout: 30_000 });
  const status = await result.getAttribute('data-status');
  await page.click('[data-testid=import-close]');
  await page.waitForSelector('[data-testid=import-modal]', { state: 'hidden' });
  return status;
}

/** No open dropdown or tooltip left in the picture (they close with an animation). */
async function settle(page: Page) {
  await page.mouse.move(0, 0);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.ant-select-dropdown, .ant-tooltip, .ant-dropdown')].every(
      (e) => e.classList.contains('ant-select-dropdown-hidden') || e.classList.contains('ant-tooltip-hidden') || e.classList.contains('ant-dropdown-hidden') || e.getBoundingClientRect().height === 0,
    ),
  );
}

/** The catalog as data, without ids and instants: what an export/import round trip must keep. */
async function catalogSnapshot() {
  const out = await api(app.serve, 'GET', '/products?limit=1000&includeArchived=true&sort=sku&order=asc');
  return out.body.items.map(({ id: _i, createdAt: _c, updatedAt: _u, ...rest }: Record<string, unknown>) => rest);
}

async function deleteAll() {
  const all = await api(app.serve, 'GET', '/products?limit=1000&includeArchived=true');
  for (const p of all.body.items) await api(app.serve, 'DELETE', `/products/${p.id}`);
  expect((await api(app.serve, 'GET', '/products?includeArchived=true')).body.total).toBe(0);
}

async function download(page: Page, format: 'csv' | 'xlsx'): Promise<string> {
  await page.click('[data-testid=export-button]');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=export-${format}]`)]);
  const target = path.join(downloads, file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

describe('catalog import, search, edit and export in the UI', () => {
  it('imports the Shopify product template (variant rows grouped by Handle)', async () => {
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'en-US' });
    await chooseFile(page, SHOPIFY);
    await page.waitForSelector('[data-testid=import-mapping]');
    expect(await page.getAttribute('[data-testid=import-layout]', 'data-layout')).toBe('shopify');
    expect(await page.textContent('[data-testid=import-encoding]')).toBe('UTF-8');
    await page.click('[data-testid=import-next]');
    expect(await page.textContent('[data-testid=count-create] .ant-statistic-content')).toBe('2');
    expect(await page.textContent('[data-testid=count-variants] .ant-statistic-content')).toBe('3');
    await page.click('[data-testid=import-apply]');
    await page.waitForSelector('[data-testid=import-result][data-status=applied]');
    await page.click('[data-testid=import-close]');
    await page.waitForSelector(sel.row('example-t-shirt'));
    expect(await page.textContent(`${sel.row('example-t-shirt')} [data-testid=variants-count]`)).toBe('3');
    const stored = await api(app.serve, 'GET', '/products?q=example-t-shirt');
    expect(stored.body.items[0]).toMatchObject({ title: 'Example T-Shirt', brand: 'Acme', livePrice: 2500 });
    expect(stored.body.items[0].variants).toHaveLength(3);
    await context.close();
  });

  it('detects a Chinese GBK spreadsheet, maps its columns (re-previewing a change) and imports it ungarbled', async () => {
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'zh-CN' });
    await chooseFile(page, { name: '商品表.csv', mimeType: 'text/csv', buffer: iconv.encode(GBK_ROWS, 'gbk') });
    await page.waitForSelector('[data-testid=import-mapping]');
    expect(await page.textContent('[data-testid=import-encoding]')).toBe('GBK / GB18030');
    expect(await page.textContent('[data-testid=import-mapping]')).toContain('润研 玻尿酸保湿面霜 50ml');
    const mapped = await page.$$eval('[data-testid^=map-]', (els) => els.map((e) => e.getAttribute('data-field')));
    expect(mapped).toEqual(['sku', 'title', 'listPrice', 'livePrice', 'stock', 'brand', 'tags']);
    // Ignore the tag column: the preview runs again with the given mapping; then map it back.
    await page.click('[data-testid=map-6]');
    await page.keyboard.type('忽略');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=map-6][data-field=""]');
    await page.waitForSelector('[data-testid=import-detected]:has-text("由你指定")');
    await page.click('[data-testid=map-6]');
    await page.keyboard.type('标签');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=map-6][data-field=tags]');
    await settle(page);
    await screenshot(page, 'catalog-import-mapping.png');
    await page.click('[data-testid=import-next]');
    expect(await page.textContent('[data-testid=count-create] .ant-statistic-content')).toBe('5');
    await page.click('[data-testid=import-apply]');
    await page.waitForSelector('[data-testid=import-result][data-status=applied]');
    await page.click('[data-testid=import-close]');
    await page.waitForSelector(sel.row('ZH-001'));
    const zh = (await api(app.serve, 'GET', '/products?q=ZH-001')).body.items[0];
    expect(zh).toMatchObject({ sku: 'ZH-001', title: '润研 玻尿酸保湿面霜 50ml', brand: '润研', listPrice: 29900, livePrice: 19900, stock: 800, tags: ['保湿', '秋冬'] });
    await context.close();
  });

  it('lists every refused row with its number and localized reason; "all or nothing" changes nothing', async () => {
    const before = await catalogSnapshot();
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'zh-CN' });
    // A file that is not a spreadsheet: a clear message, still on the first step.
    await chooseFile(page, { name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1') });
    await page.waitForSelector('[data-testid=import-error]');
    expect(await page.textContent('[data-testid=import-error]')).toContain('这不是表格文件');
    await page.setInputFiles('[data-testid=import-file-input]', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_ROWS) });
    await page.waitForSelector('[data-testid=import-mapping]');
    await page.click('[data-testid=import-next]');
    await page.waitForSelector('[data-testid=refused-list]');
    expect(await page.textContent('[data-testid=count-refused] .ant-statistic-content')).toBe('4');
    const rows = await page.$$eval('[data-testid=refused-row]', (els) => els.map((e) => [e.getAttribute('data-row'), e.textContent]));
    expect(rows.map((r) => r[0])).toEqual(['3', '4', '5', '6']);
    expect(rows[0]![1]).toContain('“abc” 不是有效价格');
    expect(rows[1]![1]).toContain('“1.5” 不是整数');
    expect(rows[2]![1]).toContain('新商品必须填写 商品名称');
    expect(rows[3]![1]).toContain('有 6 个单元格，但表头有 5 列');
    await page.click('[data-testid=mode-all]');
    await settle(page);
    await screenshot(page, 'catalog-import-refused.png');
    await page.click('[data-testid=import-apply]');
    await page.waitForSelector('[data-testid=import-result][data-status=refused]');
    expect(await page.locator('[data-testid=import-result] [data-testid=refused-row]').count()).toBe(4);
    await page.click('[data-testid=import-close]');
    expect(await catalogSnapshot()).toEqual(before);
    await context.close();
  });

  it('searches in Chinese (one character) and pinyin initials as you type', async () => {
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'zh-CN' });
    await page.waitForSelector(sel.row('ZH-001'));
    for (const q of ['霜', 'ms', 'mianshuang']) {
      const expected: string[] = (await api(app.serve, 'GET', `/products?q=${encodeURIComponent(q)}`)).body.items.map((p: { sku: string }) => p.sku);
      expect(expected, q).toContain('ZH-001');
      await page.fill('[data-testid=catalog-search]', q);
      await page.waitForFunction(
        (skus: string[]) => {
          const shown = [...document.querySelectorAll('[data-testid=product-row]')].map((r) => r.getAttribute('data-sku'));
          return shown.length === skus.length && skus.every((s, i) => shown[i] === s);
        },
        expected,
        { timeout: 5000 },
      );
    }
    expect((await api(app.serve, 'GET', `/products?q=${encodeURIComponent('霜')}`)).body.items.map((p: { sku: string }) => p.sku).sort()).toEqual(['ZH-001', 'ZH-004']);
    await context.close();
  });

  it('edits the live price and stock inline: Enter saves, Esc cancels, invalid values explain themselves', async () => {
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'zh-CN' });
    const row = sel.row('ZH-001');
    await page.waitForSelector(row);
    await page.click(`${row} [data-testid=live-price-cell]`);
    await page.fill(`${row} [data-testid=live-price-input]`, '-1');
    await page.press(`${row} [data-testid=live-price-input]`, 'Enter');
    await page.waitForSelector('.ant-tooltip:has-text("至少 0")');
    await page.fill(`${row} [data-testid=live-price-input]`, '159.5');
    await page.press(`${row} [data-testid=live-price-input]`, 'Enter');
    await page.waitForSelector(`${row} [data-testid=live-price]:has-text("¥159.50")`);
    expect((await api(app.serve, 'GET', '/products?q=ZH-001')).body.items[0].livePrice).toBe(15950);
    await page.click(`${row} [data-testid=stock-cell]`);
    await page.fill(`${row} [data-testid=stock-input]`, '5');
    await page.press(`${row} [data-testid=stock-input]`, 'Escape');
    await page.waitForSelector(`${row} [data-testid=stock-input]`, { state: 'detached' });
    expect((await api(app.serve, 'GET', '/products?q=ZH-001')).body.items[0].stock).toBe(800);
    await context.close();
  });

  it('bulk edits a selection: role, tags and live price as % of list price, with a summary', async () => {
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'en-US' });
    for (const sku of ['ZH-002', 'ZH-005']) await page.click(`${sel.row(sku)} [data-testid=row-select]`);
    await page.waitForSelector('[data-testid=selection-count]:has-text("2 selected")');
    await page.click('[data-testid=bulk-edit]');
    await page.click('[data-testid=bulk-role]');
    await page.click('.ant-select-item-option[title="Hero item"]');
    await page.click('[data-testid=bulk-add-tags]');
    await page.keyboard.type('bestseller');
    await page.keyboard.press('Enter');
    await page.fill('[data-testid=bulk-percent]', '80');
    await settle(page);
    await screenshot(page, 'catalog-bulk-edit.png');
    await page.click('[data-testid=bulk-apply]');
    await page.waitForSelector('[data-testid=bulk-summary]:has-text("2 changed")');
    const list = (await api(app.serve, 'GET', '/products?tag=bestseller&sort=sku&order=asc')).body.items;
    expect(list.map((p: { sku: string; role: string; livePrice: number }) => [p.sku, p.role, p.livePrice])).toEqual([
      ['ZH-002', 'hero', 5520],
      ['ZH-005', 'hero', 7120],
    ]);
    await context.close();
  });

  it('exports CSV (UTF-8 BOM) and XLSX, and re-importing either into an empty catalog loses nothing', async () => {
    await api(app.serve, 'POST', '/demo');
    const before = await catalogSnapshot();
    expect(before.length).toBeGreaterThan(20);
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'zh-CN' });
    await page.waitForSelector(sel.productRows);
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('[data-testid=product-thumb]')].filter((img) => img.getBoundingClientRect().top < innerHeight).every((img) => img.complete),
    );
    await settle(page);
    await screenshot(page, 'catalog-table.png');
    const csv = await download(page, 'csv');
    const xlsx = await download(page, 'xlsx');
    expect([...fs.readFileSync(csv).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');
    for (const file of [csv, xlsx]) {
      await deleteAll();
      await page.waitForSelector('[data-testid=catalog-empty]');
      expect(await importThroughUi(page, file)).toBe('applied');
      expect(await catalogSnapshot(), path.extname(file)).toEqual(before);
    }
    await page.fill('[data-testid=catalog-search]', 'ZH-001');
    await page.waitForSelector(sel.row('ZH-001'));
    await context.close();
  });
});
