import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { api, ROOT, startServe, tempDataDir, type ServeProcess } from '../helpers/serve';
import { openApp, screenshot } from './support';

let a: ServeProcess;
let b: ServeProcess;
let browser: Browser;
const files = tempDataDir('cuecart-e2e-files-');

beforeAll(async () => {
  [a, b] = await Promise.all([startServe(), startServe()]);
  browser = await launchChromium();
  await api(a, 'POST', '/demo');
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([a?.stop(), b?.stop()]);
});

const cueIds = (page: Page) => page.$$eval('[data-testid=cue-row]', (rows) => rows.map((r) => r.getAttribute('data-cue-id')!));
const serverCueIds = async (s: ServeProcess, id: string) =>
  ((await api(s, 'GET', `/shows/${id}`)).body.segments as { cues: { id: string }[] }[]).flatMap((seg) => seg.cues.map((c) => c.id));
const saved = (page: Page) => page.waitForSelector('[data-testid=save-state][data-state=saved]');

/** Drag a row by its handle onto another row, the way a person does (press, move in steps, release). */
async function drag(page: Page, fromIndex: number, toIndex: number): Promise<void> {
  const handle = page.locator('[data-testid=cue-row] [data-testid=drag-handle]').nth(fromIndex);
  const target = page.locator('[data-testid=cue-row]').nth(toIndex);
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + 8, { steps: 4 });
  await page.mouse.move(to.x + 40, to.y + to.height * 0.75, { steps: 20 });
  await page.waitForTimeout(150);
  await page.mouse.up();
}

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const target = path.join(files, file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

describe('show plans in the browser', () => {
  let showId = '';

  it('builds a 20-cue show from the demo catalog, reorders by drag, undoes and redoes', async () => {
    const { context, page } = await openApp(browser, a, { locale: 'en-US', hash: '#/shows' });
    await page.click('[data-testid=new-show]');
    await page.fill('[data-testid=show-create] [data-testid=field-title]', 'E2E Autumn Beauty Night');
    await page.click('[data-testid=show-create-ok]');
    await page.waitForURL(/#\/shows\/shw_/);
    showId = page.url().split('/').pop()!;
    await page.waitForSelector('[data-testid=segment-header] >> nth=4');

    // 18 products in one go into the second segment (过款 / Product run), then a giveaway and a Q&A: 20 cues.
    await page.locator('[data-testid=segment-add-cue]').nth(1).click();
    await page.click('[data-testid=segment-add-products]');
    await page.waitForSelector('[data-testid=add-product-row] >> nth=17');
    for (let i = 0; i < 18; i += 1) await page.locator('[data-testid=add-product-row]').nth(i).click();
    await page.click('[data-testid=add-products-ok]');
    await page.waitForSelector('[data-testid=cue-row] >> nth=17');
    for (const kind of ['giveaway', 'interaction']) {
      await page.click('[data-testid=add-cue]');
      await page.click(`[data-testid=add-cue-${kind}]`);
      await page.waitForSelector('[data-testid=cue-drawer] [data-testid=field-kind]');
      await page.fill('[data-testid=field-cueTitle]', kind === 'giveaway' ? 'Lucky bag: follow + comment' : 'Q&A: sensitive skin');
      await page.click('[data-testid=cue-drawer] .ant-drawer-close');
    }
    expect(await page.locator('[data-testid=cue-row]').count()).toBe(20);
    const segments = (await api(a, 'GET', `/shows/${showId}`)).body.segments as { title: string; cues: unknown[] }[];
    await saved(page);
    expect((await api(a, 'GET', `/shows/${showId}`)).body.segments.map((x: { cues: unknown[] }) => x.cues.length)).toEqual([0, 20, 0, 0, 0]);
    expect(segments.map((x) => x.title)).toEqual(['Opening', 'Product run', 'Perks', 'Interaction', 'Close']);
    expect(await serverCueIds(a, showId)).toEqual(await cueIds(page));
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0)); // adding cues scrolled the newest into view
    await screenshot(page, 'plans-editor-en.png');

    // Drag the first cue below the fourth: times follow at once, the save follows a moment later.
    const before = await cueIds(page);
    const firstTime = await page.locator('[data-testid=cue-time]').first().textContent();
    await drag(page, 0, 3);
    const moved = await cueIds(page);
    expect(moved).toEqual([before[1], before[2], before[3], before[0], ...before.slice(4)]);
    expect(await page.locator('[data-testid=cue-time]').first().textContent()).toBe(firstTime);
    await saved(page);
    expect(await serverCueIds(a, showId)).toEqual(moved);

    // Undo and redo from the keyboard, each saved.
    await page.locator('[data-testid=rundown]').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => cueIds(page)).toEqual(before);
    await saved(page);
    expect(await serverCueIds(a, showId)).toEqual(before);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => cueIds(page)).toEqual(moved);
    await saved(page);
    expect(await serverCueIds(a, showId)).toEqual(moved);

    // Keyboard: select the second row, move it down with Alt+↓, duplicate, delete, undo twice.
    await page.locator('[data-testid=cue-row]').nth(1).click();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(async () => (await cueIds(page))[2]).toBe(moved[1]);
    await page.keyboard.press('Control+d');
    await expect.poll(() => page.locator('[data-testid=cue-row]').count()).toBe(21);
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('[data-testid=cue-row]').count()).toBe(20);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cueIds(page)).toEqual(moved);
    await saved(page);
    expect(await serverCueIds(a, showId)).toEqual(moved);
    await context.close();
  });

  it('edits a cue in the drawer, shows warnings and mix, and exports the run sheet as XLSX', async () => {
    const { context, page } = await openApp(browser, a, { locale: 'zh-CN', hash: `#/shows/${showId}` });
    await page.waitForSelector('[data-testid=cue-row] >> nth=19');
    await page.locator('[data-testid=cue-row]').nth(0).dblclick();
    await page.waitForSelector('[data-testid=cue-drawer] [data-testid=field-mechanism]');
    await page.locator('[data-testid=field-mechanism] input').fill('满199减30');
    await page.fill('[data-testid=field-perk]', '赠小样×2');
    await page.fill('[data-testid=field-livePrice]', '99999');
    await page.waitForSelector('[data-testid=warning-item][data-code=price_above_list]');
    await page.waitForTimeout(400);
    await screenshot(page, 'plans-drawer-zh-CN.png');
    await page.click('[data-testid=cue-drawer] .ant-drawer-close');
    await page.waitForSelector('[data-testid=cue-drawer]', { state: 'hidden' });
    await saved(page);
    await page.mouse.move(0, 0);
    await screenshot(page, 'plans-editor-zh-CN.png');

    await page.click('[data-testid=export-menu]');
    const xlsx = await download(page, () => page.click('[data-testid=export-xlsx-zh-CN]'));
    expect(path.basename(xlsx)).toBe('E2E Autumn Beauty Night.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('流程单')!;
    let header = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === '时间') header = n;
    });
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((row, n) => n > header && rows.push(row));
    expect(rows).toHaveLength(20);
    expect(String(rows[0]!.getCell(1).value)).toBe('20:00');
    expect(rows[0]!.getCell(8).value).toBe(99999); // typed in yuan, stored in fen, written in yuan
    expect(rows[0]!.getCell(9).value).toBe('满199减30');
    expect(rows[0]!.getCell(10).value).toBe('赠小样×2');
    expect(rows.every((r) => /^\d\d:\d\d$/.test(String(r.getCell(1).value)))).toBe(true);
    await context.close();
  });

  it('exports a plan bundle and imports it into a fresh data directory with an identical result', async () => {
    const { context, page } = await openApp(browser, a, { locale: 'en-US', hash: `#/shows/${showId}` });
    await page.waitForSelector('[data-testid=cue-row] >> nth=19');
    await page.click('[data-testid=export-menu]');
    const bundle = await download(page, () => page.click('[data-testid=export-bundle]'));
    expect(bundle).toMatch(/\.cuecart-plan\.json$/);
    await context.close();

    const fresh = await openApp(browser, b, { locale: 'en-US', hash: '#/shows' });
    await fresh.page.click('[data-testid=import-bundle]');
    await fresh.page.setInputFiles('[data-testid=bundle-import] input[type=file]', bundle);
    await fresh.page.waitForSelector('[data-testid=bundle-preview]');
    await fresh.page.waitForTimeout(300);
    await screenshot(fresh.page, 'plans-import-en.png');
    await fresh.page.click('[data-testid=bundle-import-ok]');
    await fresh.page.waitForURL(new RegExp(`#/shows/${showId}$`));
    await fresh.page.waitForSelector('[data-testid=cue-row] >> nth=19');

    const strip = (d: Record<string, unknown>) => {
      const { createdAt: _c, updatedAt: _u, revision: _r, products, ...rest } = d;
      return { ...rest, products: (products as Record<string, unknown>[]).map(({ createdAt: _pc, updatedAt: _pu, ...p }) => p) };
    };
    const [here, there] = await Promise.all([api(a, 'GET', `/shows/${showId}`), api(b, 'GET', `/shows/${showId}`)]);
    expect(strip(there.body)).toEqual(strip(here.body));
    expect(await cueIds(fresh.page)).toEqual(await serverCueIds(a, showId));

    // A damaged file is refused with a reason, and nothing is written.
    fs.writeFileSync(path.join(files, 'broken.cuecart-plan.json'), fs.readFileSync(bundle).subarray(0, 5000));
    await fresh.page.goto(`${b.url}#/shows`);
    await fresh.page.click('[data-testid=import-bundle]');
    await fresh.page.setInputFiles('[data-testid=bundle-import] input[type=file]', path.join(files, 'broken.cuecart-plan.json'));
    await fresh.page.waitForSelector('[data-testid=bundle-refused]');
    expect(await fresh.page.textContent('[data-testid=bundle-refused]')).toMatch(/damaged|cut off/);
    expect((await api(b, 'GET', '/shows')).body).toHaveLength(1);
    await fresh.context.close();
  });

  it('manages hosts: create with a photo, edit, delete', async () => {
    const { context, page } = await openApp(browser, b, { locale: 'zh-CN', hash: '#/hosts' });
    const photo = path.join(ROOT, 'resources', 'demo', 'images', 'host-zhou-keke.jpg');
    await page.click('[data-testid=new-host]');
    await page.setInputFiles('[data-testid=avatar-input]', photo);
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid=avatar-preview] img');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    await page.fill('[data-testid=host-drawer] [data-testid=field-name]', '周可可');
    await page.fill('[data-testid=host-drawer] [data-testid=field-title]', '选品助播');
    await page.click('[data-testid=host-drawer] [data-testid=field-role] >> text=助播');
    await page.waitForTimeout(400); // the role switch's thumb slides
    await screenshot(page, 'plans-host-drawer-zh-CN.png');
    await page.click('[data-testid=host-save]');
    await page.waitForSelector('[data-testid=hosts-table] tr.ant-table-row:has-text("周可可")');
    await page.waitForSelector('[data-testid=host-drawer]', { state: 'hidden' });
    const hosts = (await api(b, 'GET', '/hosts')).body as { name: string; role: string; avatar: string | null }[];
    expect(hosts.find((h) => h.name === '周可可')).toMatchObject({ role: 'assistant', avatar: expect.stringMatching(/^[a-f0-9]{64}$/) });
    await page.mouse.move(0, 0);
    await screenshot(page, 'plans-hosts-zh-CN.png');
    await page.click('[data-testid=hosts-table] tr.ant-table-row:has-text("周可可") [data-testid=delete-host]');
    await page.click('[data-testid=confirm-delete]');
    await page.waitForSelector('[data-testid=hosts-table] tr.ant-table-row:has-text("周可可")', { state: 'detached' });
    await page.goto(`${b.url}#/shows`);
    await page.waitForSelector('[data-testid=shows-table] tr.ant-table-row');
    await page.mouse.move(0, 0);
    await page.waitForTimeout(500); // the route's fade-in
    await screenshot(page, 'plans-shows-zh-CN.png');
    await context.close();
  });
});
