import { describe, expect, it } from 'vitest';
import { api } from '../helpers/serve';
import { appUnderTest, openApp, screenshot } from './support';

// The catalog at studio scale: 100,000 products seeded through the control API, then the UI must
// render, scroll to the very end with only a window of rows in the DOM, and answer searches.

const N = 100_000;
const NOUNS = ['玻尿酸保湿面霜', '氨基酸洁面乳', '丝绒雾面口红', '山茶花防晒霜', '烟酰胺精华液', '蜂蜜柚子茶', 'Bamboo Toothbrush', 'Cotton Tee', '坚果礼盒', '眼霜'];
const BRANDS = ['润研', '清屿', '绮梦', '茶语', 'Acme', '果园小站'];
const sku = (i: number) => `S-${String(i).padStart(6, '0')}`;

function bigCsv(): Buffer {
  const lines = ['SKU,Title,Brand,Tags,List Price,Live Price,Stock'];
  for (let i = 0; i < N; i++) {
    const noun = NOUNS[i % NOUNS.length]!;
    lines.push(`${sku(i)},${BRANDS[i % BRANDS.length]} ${noun} ${i},${BRANDS[i % BRANDS.length]},tag${i % 50},${(i % 500) + 10},${(i % 400) + 5},${i % 97}`);
  }
  return Buffer.from(lines.join('\n'));
}

const app = appUnderTest();

describe('catalog at 100,000 products', () => {
  it('renders, scrolls to the end with a small DOM, and searches', { timeout: 300_000 }, async () => {
    const t0 = performance.now();
    const res = await fetch(new URL('api/v1/products/import?apply=valid', app.serve.url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${app.serve.token}`, 'Content-Type': 'text/csv' },
      body: new Uint8Array(bigCsv()),
    });
    const seeded = (await res.json()) as { products: { create: number }; refused: unknown[] };
    const seedMs = performance.now() - t0;
    expect(res.status).toBe(200);
    expect(seeded.products.create).toBe(N);
    expect((await api(app.serve, 'GET', '/products?limit=1')).body.total).toBe(N);

    const { context, page } = await openApp(app.browser, app.serve, { locale: 'zh-CN' });
    const table = '[data-testid=product-table]';
    const t1 = performance.now();
    await page.waitForSelector(`${table}[data-total="${N}"] [data-testid=product-row]`, { timeout: 60_000 });
    const firstPaintMs = performance.now() - t1;
    const rows = () => page.locator('[data-testid=product-row], [data-testid=product-row-loading]').count();
    expect(await rows()).toBeLessThan(200);

    // Sorted by SKU, the last row is the highest SKU; jump there and to the middle.
    await page.click('[data-testid=sort-sku]');
    await page.waitForSelector(`[data-testid=product-row][data-sku="${sku(0)}"]`);
    const t2 = performance.now();
    await page.$eval(table, (el) => el.scrollTo({ top: el.scrollHeight }));
    await page.waitForSelector(`[data-testid=product-row][data-sku="${sku(N - 1)}"]`, { timeout: 15_000 });
    const endMs = performance.now() - t2;
    expect(await rows()).toBeLessThan(200);
    await page.$eval(table, (el) => el.scrollTo({ top: 40 + 56 * 50_000 }));
    await page.waitForSelector(`[data-testid=product-row][data-sku="${sku(50_000)}"]`, { timeout: 15_000 });
    expect(await rows()).toBeLessThan(200);

    // A scripted scroll, one step per frame: how long the frames take while rows stream in.
    const frameTimes = (step: number) => page.$eval(table, async (el, px) => {
      const times: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 120; i++) {
        el.scrollTop += px;
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      return times.sort((a, b) => a - b);
    }, step);
    const pct = (list: number[], q: number) => list[Math.floor(list.length * q)]!.toFixed(1);
    // A wheel flick (~2 rows a frame) and a fast drag (~7 rows a frame).
    const wheel = await frameTimes(120);
    const drag = await frameTimes(400);
    expect(await rows()).toBeLessThan(200);
    // Loose: software rendering on a shared CI box; a wheel flick should stay near frame rate.
    expect(wheel[Math.floor(wheel.length / 2)]).toBeLessThan(100);
    await screenshot(page, 'catalog-scale.png');

    // Search as you type over the whole catalog.
    const search = async (q: string, expectSku?: string) => {
      const t = performance.now();
      await page.fill('[data-testid=catalog-search]', q);
      await page.waitForFunction(
        ({ q: text, sel }) => {
          // data-q is the query the table asked for; data-ready says its first page has arrived.
          const el = document.querySelector(sel);
          return el?.getAttribute('data-q') === text && el.getAttribute('data-ready') === 'true';
        },
        { q, sel: table },
        { timeout: 15_000 },
      );
      if (expectSku) await page.waitForSelector(`[data-testid=product-row][data-sku="${expectSku}"]`, { timeout: 15_000 });
      return performance.now() - t;
    };
    const exactMs = await search(sku(54_321), sku(54_321));
    expect(await page.getAttribute('[data-testid=product-row] >> nth=0', 'data-sku')).toBe(sku(54_321));
    const oneCharMs = await search('霜');
    expect(await page.textContent('[data-testid=product-row] >> nth=0')).toContain('霜');
    const pinyinMs = await search('ms');
    expect(await page.textContent('[data-testid=product-row] >> nth=0')).toMatch(/面霜|眼霜|防晒霜/);
    const total = Number(await page.getAttribute(table, 'data-total'));
    expect(total).toBe((await api(app.serve, 'GET', '/products?q=ms&limit=1')).body.total);

    console.log(
      `[catalog-scale] seed ${N} via POST /products/import: ${seedMs.toFixed(0)} ms; first rows ${firstPaintMs.toFixed(0)} ms; ` +
        `jump to end ${endMs.toFixed(0)} ms; scroll frames p50/p95: wheel ${pct(wheel, 0.5)}/${pct(wheel, 0.95)} ms, drag ${pct(drag, 0.5)}/${pct(drag, 0.95)} ms; ` +
        `search (type → rows) SKU ${exactMs.toFixed(0)} ms, 霜 ${oneCharMs.toFixed(0)} ms, ms ${pinyinMs.toFixed(0)} ms`,
    );
    await context.close();
  });
});
