import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, tempDataDir } from '../helpers/serve';
import { douyinProductsGbk } from '../helpers/recap-fixture';
import { appUnderTest, openApp, screenshot, SCREENSHOTS } from './support';

// Recaps as a new user meets them, in the built app: load the demo, open the past show's recap,
// fix a product match, import a platform file through the dialog (and replace it), compare two
// shows, see a product's history in the plan editor, export every format.

const app = appUnderTest();
const downloads = tempDataDir('cuecart-recap-files-');

async function raw(route: string) {
  const res = await fetch(new URL(`api/v1${route}`, app.serve.url), { headers: { Authorization: `Bearer ${app.serve.token}` } });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function demoShows() {
  await api(app.serve, 'POST', '/demo');
  const list = (await api(app.serve, 'GET', '/recaps')).body as { showId: string; title: string }[];
  const shows = (await api(app.serve, 'GET', '/shows')).body as { id: string; title: string; startAt: number }[];
  return { past: list[0]!, older: list[1]!, upcoming: shows.find((s) => s.title === '小溪美妆夜 · 秋冬护肤好物专场')! };
}

describe('recaps (built app)', () => {
  it('shows the demo’s past show: headline, charts drawn, timeline; zh-CN and en', async () => {
    const { past } = await demoShows();
    for (const locale of ['zh-CN', 'en-US']) {
      const { context, page } = await openApp(app.browser, app.serve, { locale, hash: '#/recaps' });
      await page.waitForSelector('[data-testid=recaps-table] tr.ant-table-row');
      expect(await page.locator('[data-testid=recaps-table] tr.ant-table-row').count()).toBe(2);
      await page.click('[data-testid=open-recap] >> nth=0');
      await page.waitForSelector('[data-testid=chart-curve] svg path', { state: 'attached' });
      expect(await page.textContent('[data-testid=metric-gmv] [data-testid=metric-value]')).toBe('¥529,615.40');
      expect(await page.textContent('[data-testid=metric-planAdherence] [data-testid=metric-value]')).toBe('61.5%');
      expect(await page.locator('[data-testid=metric-gmv] [data-testid=metric-change]').textContent()).toMatch(/\+33\.8%/);
      for (const chart of ['curve', 'productGmv', 'airtime', 'plan', 'roles', 'funnel']) {
        expect(await page.locator(`[data-testid=chart-${chart}] svg path`).count(), chart).toBeGreaterThan(3);
      }
      expect(await page.locator('[data-testid=recap-flags] [data-flag=gmv_mismatch]').count()).toBe(1);
      await page.waitForTimeout(300);
      await screenshot(page, `recap-${locale === 'zh-CN' ? 'zh-CN' : 'en'}.png`);
      await page.click('[data-testid=recap-tab-timeline]');
      await page.waitForSelector('[data-testid=timeline-table] tr.ant-table-row');
      expect(await page.locator('[data-testid=timeline-table] tr.ant-table-row').count()).toBe(14);
      expect(await page.textContent('[data-testid=events-table]')).toContain('库存告急，补货500');
      await context.close();
    }
    expect(past.title).toBe('小溪美妆夜 · 宠粉福利专场');
  });

  it('matches the unmatched product by hand, and the warning goes', async () => {
    const { past } = await demoShows();
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'en-US', hash: `#/recaps/${past.showId}` });
    await page.waitForSelector('[data-testid=recap-flags] [data-flag=unmatched_products]');
    await page.click('[data-testid=recap-tab-products]');
    const picker = page.locator('[data-testid=match-unmatched]');
    await picker.click();
    await page.keyboard.type('收纳');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '收纳盒' }).first().click();
    await page.waitForSelector('[data-testid=recap-flags] [data-flag=unmatched_products]', { state: 'detached' });
    const r = (await api(app.serve, 'GET', `/shows/${past.showId}/recap`)).body;
    expect(r.products.find((p: { title: string }) => p.title.includes('收纳盒'))).toMatchObject({ gmv: 411_700, matchedBy: 'manual' });
    await context.close();
  });

  it('imports a platform file through the dialog (a sample, then the user’s own GBK file replacing it)', async () => {
    const { upcoming } = await demoShows();
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'zh-CN', hash: `#/recaps/${upcoming.id}` });
    await page.waitForSelector('[data-testid=recap-tab-data]');
    await page.click('[data-testid=recap-tab-data]');
    await page.click('[data-testid=import-products]');
    await page.click('[data-testid=import-sample]');
    await page.waitForSelector('[data-testid=import-preview]');
    expect(await page.textContent('[data-testid=import-encoding]')).toMatch(/GB/);
    expect(await page.textContent('[data-testid=import-preset]')).toBe('抖音 商品明细');
    expect(await page.textContent('[data-testid=import-refused]')).toContain('合计行');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'recap-import-zh-CN.png') });
    await page.click('[data-testid=import-apply]');
    await page.waitForSelector('[data-testid=recap-import]', { state: 'hidden' });
    await expect.poll(async () => (await api(app.serve, 'GET', `/shows/${upcoming.id}/recap`)).body.imports.products?.rows).toBe(9);

    // The user's own file: asked before it replaces the sample.
    const file = path.join(downloads, '商品明细.csv');
    fs.writeFileSync(file, douyinProductsGbk());
    await page.click('[data-testid=import-products]');
    await page.setInputFiles('[data-testid=recap-import] input[type=file]', file);
    await page.waitForSelector('[data-testid=import-preview]');
    expect(await page.textContent('[data-testid=import-accepted]')).toBe('4');
    await page.click('[data-testid=import-apply]');
    await page.click('.ant-modal-confirm .ant-btn-primary');
    await expect.poll(async () => (await api(app.serve, 'GET', `/shows/${upcoming.id}/recap`)).body.imports.products?.fileName).toBe('商品明细.csv');
    await context.close();
  });

  it('compares two shows side by side', async () => {
    await demoShows();
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'en-US', hash: '#/recaps' });
    await page.waitForSelector('[data-testid=recaps-table] tr.ant-table-row');
    await page.locator('[data-testid=recaps-table] tr.ant-table-row .ant-checkbox-input').nth(0).check();
    await page.locator('[data-testid=recaps-table] tr.ant-table-row .ant-checkbox-input').nth(1).check();
    await page.click('[data-testid=compare-shows]');
    await page.waitForSelector('[data-testid=compare-table] tr.ant-table-row');
    const gmvRow = page.locator('[data-testid=compare-table] tr.ant-table-row').filter({ hasText: 'GMV' }).first();
    expect(await gmvRow.locator('[data-best=true]').textContent()).toBe('¥529,615.40');
    await screenshot(page, 'recap-compare-en.png');
    await context.close();
  });

  it('shows a product’s history beside it in the plan editor', async () => {
    const { upcoming } = await demoShows();
    const { context, page } = await openApp(app.browser, app.serve, { locale: 'zh-CN', hash: `#/shows/${upcoming.id}` });
    await page.waitForSelector('[data-testid=cue-row]');
    const row = page.locator('[data-testid=cue-row]').filter({ hasText: '主推 · 玻尿酸保湿面霜' }).first();
    await row.hover();
    await row.locator('.cc-row-edit').click();
    await page.waitForSelector('[data-testid=cue-product-history]');
    await page.click('[data-testid=cue-product-history] .ant-collapse-header');
    await page.waitForSelector('[data-testid=product-history] tr.ant-table-row');
    expect(await page.locator('[data-testid=product-history] tr.ant-table-row').count()).toBe(2);
    await page.waitForTimeout(300);
    await screenshot(page, 'plan-product-history-zh-CN.png');
    await context.close();
  });

  it('exports every format; the HTML opens offline with its charts drawn; the PDF has the products and totals', async () => {
    const { past } = await demoShows();
    const base = `/shows/${past.showId}/recap/export`;
    for (const format of ['xlsx', 'csv', 'json']) {
      for (const lang of ['zh-CN', 'en']) {
        const { res, bytes } = await raw(`${base}?format=${format}&lang=${lang}`);
        expect(res.status, `${format} ${lang}`).toBe(200);
        expect(bytes.length).toBeGreaterThan(200);
      }
    }
    const html = await raw(`${base}?format=html&lang=zh-CN`);
    const htmlFile = path.join(downloads, 'recap.html');
    fs.writeFileSync(htmlFile, html.bytes);
    const context = await app.browser.newContext({ viewport: { width: 900, height: 1200 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${htmlFile}`);
    await page.waitForLoadState('load');
    expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:'))).toEqual([]);
    expect(await page.locator('[data-chart] svg').count()).toBe(6);
    expect(await page.locator('[data-chart=curve] svg path').count()).toBeGreaterThan(10);
    const box = await page.locator('[data-chart=productGmv] svg').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'recap-html-zh-CN.png') });
    await context.close();

    const pdf = await raw(`${base}?format=pdf&lang=zh-CN`);
    expect(pdf.res.headers.get('content-type')).toBe('application/pdf');
    const pdfFile = path.join(downloads, 'recap.pdf');
    fs.writeFileSync(pdfFile, pdf.bytes);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('润研 玻尿酸保湿面霜 50ml');
    expect(text).toContain('¥529,615.40');
    expect(text).toMatch(/第\s*1\s*页/);
    // Page 1 as a picture, for people to look at.
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdfFile, path.join(SCREENSHOTS, 'recap-pdf')]);
    expect(fs.readdirSync(SCREENSHOTS).some((f) => /^recap-pdf-0*1\.png$/.test(f))).toBe(true);
    const en = await raw(`${base}?format=pdf&lang=en`);
    const enFile = path.join(downloads, 'recap-en.pdf');
    fs.writeFileSync(enFile, en.bytes);
    expect(execFileSync('pdftotext', ['-layout', enFile, '-'], { encoding: 'utf8' })).toContain('Plan adherence');
  });
});
