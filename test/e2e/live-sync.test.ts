import { describe, expect, it } from 'vitest';
import { api } from '../helpers/serve';
import { appUnderTest, fillNewProduct, openApp, sel } from './support';

const app = appUnderTest();

describe('pushed changes', () => {
  it('shows changes made elsewhere without a reload (control API and another window)', async () => {
    const a = await openApp(app.browser, app.serve, { locale: 'zh-CN' });
    const b = await openApp(app.browser, app.serve, { locale: 'en-US' });
    await b.page.waitForSelector('[data-testid=catalog-empty]');
    const navigations: string[] = [];
    b.page.on('framenavigated', (frame) => navigations.push(frame.url()));

    // From the control API (a Stream Deck, a script): B updates by itself.
    const created = await api(app.serve, 'POST', '/products', { sku: 'API-1', title: 'From the API', listPrice: 5000, livePrice: 3900 });
    expect(created.status).toBe(201);
    await b.page.waitForSelector(sel.row('API-1'), { timeout: 5000 });

    // From page A's form: B updates by itself.
    await a.page.waitForSelector(sel.row('API-1'));
    await fillNewProduct(a.page, { sku: 'PAGE-A-1', title: '来自窗口 A', listPrice: '88', livePrice: '66' });
    await a.page.click('[data-testid=product-save]');
    await b.page.waitForSelector(sel.row('PAGE-A-1'), { timeout: 5000 });

    // A change and a delete travel too.
    await api(app.serve, 'PATCH', `/products/${created.body.id}`, { livePrice: 2900 });
    await b.page.waitForSelector(`${sel.row('API-1')} [data-testid=live-price]:has-text("¥29.00")`, { timeout: 5000 });
    await api(app.serve, 'DELETE', `/products/${created.body.id}`);
    await b.page.waitForSelector(sel.row('API-1'), { state: 'detached', timeout: 5000 });
    await a.page.waitForSelector(sel.row('API-1'), { state: 'detached', timeout: 5000 });

    expect(navigations).toEqual([]);
    await a.context.close();
    await b.context.close();
  });
});
