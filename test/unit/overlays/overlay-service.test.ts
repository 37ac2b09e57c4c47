import { describe, expect, it } from 'vitest';
import { AppError, OverlayShowInput, OverlayState, Product, ProductFields, type AnyEvent, type Host } from '../../../electron/contract';
import { manualClock } from '../../../electron/core/clock';
import { EventBus } from '../../../electron/core/events';
import { OverlayService } from '../../../electron/core/overlays/overlays.service';
import { qrDark } from '../../../electron/core/overlays/qr';
import { MemoryThemeStore } from '../../../electron/core/overlays/theme.store';

const IMG = 'a'.repeat(64);
const LOGO = 'b'.repeat(64);

function setup() {
  const clock = manualClock();
  const bus = new EventBus();
  const pushed: AnyEvent[] = [];
  bus.subscribe((e) => pushed.push(e));
  const products = new Map<string, Product>();
  const put = (id: string, draft: Record<string, unknown>) =>
    products.set(id, Product.parse({ ...ProductFields.parse(draft), id, createdAt: 1, updatedAt: 1 }));
  put('p1', { sku: 'A', title: '玻尿酸面霜 50ml', shortTitle: '玻尿酸面霜', listPrice: 29900, livePrice: 19900, stock: 12, limitPerBuyer: 2, role: 'hero', link: 'https://example.com/p/1', images: [IMG], sellingPoints: ['a', 'b', 'c', 'd'] });
  const host: Host = { id: 'h1', name: '林小溪', title: '首席美妆官', handle: '', role: 'host', avatar: null, notes: '', createdAt: 1, updatedAt: 1 };
  const themes = new MemoryThemeStore();
  const shows = new Set(['showA', 'showB']);
  const service = new OverlayService({
    clock,
    bus,
    product: (id) => products.get(id) ?? null,
    host: (id) => (id === host.id ? host : null),
    mediaExists: (hash) => hash === IMG || hash === LOGO,
    showExists: (id) => shows.has(id),
    themes,
  });
  const show = (input: unknown) => service.show(OverlayShowInput.parse(input));
  const states = () => pushed.filter((e) => e.topic === 'overlays.state').map((e) => e.payload as OverlayState);
  return { clock, bus, service, show, states, put, themes };
}

describe('overlay state', () => {
  it('starts empty, with every layer hidden, the default theme and the server clock', () => {
    const { service, clock } = setup();
    const state = service.snapshot();
    expect(OverlayState.safeParse(state).success).toBe(true);
    expect(state.revision).toBe(0);
    expect(state.now).toBe(clock.now());
    for (const layer of Object.values(state.layers)) expect(layer).toMatchObject({ visible: false, content: null });
    expect(state.layers['product-card'].layout).toBe('classic');
  });

  it('shows, updates (merging content), hides and clears, pushing each change once, whole', () => {
    const { service, show, states, clock } = setup();
    show({ kind: 'lower-third', content: { name: 'Maya', title: 'Host' } });
    clock.advance(1000);
    show({ kind: 'lower-third', content: { title: 'Shop host' } });
    let lt = service.snapshot().layers['lower-third'];
    expect(lt).toMatchObject({ visible: true, content: { name: 'Maya', title: 'Shop host', text: '' }, changedAt: clock.now() });
    service.hide('lower-third');
    service.hide('lower-third'); // already hidden: no change, no push
    lt = service.snapshot().layers['lower-third'];
    expect(lt.visible).toBe(false);
    expect(lt.content?.name).toBe('Maya'); // kept so it can animate out and be shown again
    show({ kind: 'banner', content: { text: '福利' }, layout: 'card' });
    service.clear();
    const all = states();
    expect(all.map((s) => s.revision)).toEqual([1, 2, 3, 4, 5]);
    expect(Object.values(all.at(-1)!.layers).every((l) => !l.visible && l.content === null)).toBe(true);
    expect(all[3]!.layers.banner.layout).toBe('card');
    expect(all.at(-1)!.layers.banner.layout).toBe('bar'); // clear forgets a chosen layout too
  });

  it('fills a product card from the catalog and lays the caller content on top', () => {
    const { service, show } = setup();
    show({ kind: 'product-card', productId: 'p1', content: { badge: '今日爆款' } });
    const c = service.snapshot().layers['product-card'].content!;
    expect(c).toMatchObject({
      productId: 'p1',
      title: '玻尿酸面霜 50ml',
      shortTitle: '玻尿酸面霜',
      image: IMG,
      listPrice: 29900,
      livePrice: 19900,
      stock: 12,
      soldOut: false,
      limitPerBuyer: 2,
      role: 'hero',
      badge: '今日爆款',
      sellingPoints: ['a', 'b', 'c'],
      link: 'https://example.com/p/1',
    });
    expect(c.qr!.size).toBeGreaterThanOrEqual(21);
    expect(qrDark(c.qr!, 0, 0)).toBe(true); // finder pattern corner
    show({ kind: 'product-card', content: { stock: 3 } });
    expect(service.snapshot().layers['product-card'].content).toMatchObject({ stock: 3, badge: '今日爆款', livePrice: 19900 });
  });

  it('follows the product: a catalog change refreshes a shown card, keeping overrides', () => {
    const { service, show, bus, put, states } = setup();
    show({ kind: 'price-sticker', productId: 'p1', content: { mechanism: '满199减30' } });
    put('p1', { sku: 'A', title: '玻尿酸面霜 50ml', listPrice: 29900, livePrice: 16900, images: [IMG] });
    bus.dataChanged('products');
    expect(service.snapshot().layers['price-sticker'].content).toMatchObject({ livePrice: 16900, mechanism: '满199减30' });
    const before = states().length;
    bus.dataChanged('products'); // nothing changed: no push
    expect(states().length).toBe(before);
  });

  it('refuses unknown products, hosts and images with typed errors', () => {
    const { show, service } = setup();
    expect(() => show({ kind: 'product-card', productId: 'nope' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => show({ kind: 'lower-third', content: { hostId: 'nope' } })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => show({ kind: 'product-card', content: { image: 'c'.repeat(64) } })).toThrow(AppError);
    expect(() => service.setTheme({ logo: 'c'.repeat(64) })).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(service.snapshot().revision).toBe(0);
  });

  it('fills a lower-third from a host', () => {
    const { show, service } = setup();
    show({ kind: 'lower-third', content: { hostId: 'h1' } });
    expect(service.snapshot().layers['lower-third'].content).toMatchObject({ hostId: 'h1', name: '林小溪', title: '首席美妆官', avatar: null });
  });
});

describe('countdown timing from the injected clock', () => {
  it('turns durationMs into a server end time; later updates keep it', () => {
    const { show, service, clock } = setup();
    const t0 = clock.now();
    show({ kind: 'countdown', content: { durationMs: 60_000, label: '秒杀' } });
    expect(service.snapshot().layers.countdown.content).toMatchObject({ startsAt: t0, endsAt: t0 + 60_000, soldOut: false });
    clock.advance(30_000);
    show({ kind: 'countdown', content: { soldOut: true } });
    expect(service.snapshot().layers.countdown.content).toMatchObject({ startsAt: t0, endsAt: t0 + 60_000, soldOut: true });
    show({ kind: 'countdown', content: { endsAt: t0 + 90_000 } }); // extend a running countdown
    expect(service.snapshot().layers.countdown.content).toMatchObject({ startsAt: t0, endsAt: t0 + 90_000 });
  });

  it('needs a duration or an end time for a new countdown', () => {
    const { show } = setup();
    expect(() => show({ kind: 'countdown', content: { label: 'x' } })).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
  });
});

describe('theme', () => {
  it('merges a patch, saves it and pushes it with the state', () => {
    const { service, themes, states } = setup();
    const theme = service.setTheme({ colors: { accent: '#00aa88' }, logo: LOGO, placement: { '9x16': { ticker: { y: 300 } } } });
    expect(theme.colors.accent).toBe('#00aa88');
    expect(theme.colors.accent2).toBe('#ff7a1a');
    expect(theme.placement['9x16'].ticker).toMatchObject({ anchor: 'top', y: 300, x: 0 });
    expect(themes.load()).toEqual(theme);
    expect(states().at(-1)!.theme).toEqual(theme);
  });
});
