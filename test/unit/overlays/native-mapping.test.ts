import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME, OverlayShowInput, type OverlayState } from '../../../electron/contract';
import { manualClock } from '../../../electron/core/clock';
import { EventBus } from '../../../electron/core/events';
import { diffPlan, NATIVE_FIELDS, nativePlan, nativeValues, type NativeBindings } from '../../../electron/core/overlays/native-mapping';
import { OverlayService } from '../../../electron/core/overlays/overlays.service';
import { MemoryThemeStore } from '../../../electron/core/overlays/theme.store';

const IMG = 'a'.repeat(64);
const mediaFile = (hash: string) => `/data/media/${hash}.png`;

function service(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const clock = manualClock();
  const s = new OverlayService({
    clock,
    bus: new EventBus(),
    product: () => null,
    host: () => null,
    mediaExists: () => true,
    showExists: () => false,
    themes: new MemoryThemeStore({ ...DEFAULT_THEME, locale }),
  });
  return { s, clock, show: (i: unknown) => s.show(OverlayShowInput.parse(i)) };
}

const bindings: NativeBindings = {
  'product-card': {
    item: { sceneName: 'Live', sourceName: 'Card group' },
    fields: { title: 'Card title', livePrice: 'Card price', listPrice: 'Card was', discount: 'Card off', stock: 'Card stock', image: 'Card image' },
  },
  countdown: { item: { sceneName: 'Live', sourceName: 'Countdown group' }, fields: { clock: 'CD clock', status: 'CD status', label: 'CD label' } },
  banner: { item: { sceneName: 'Live', sourceName: 'Banner' }, fields: { text: 'Banner text' } },
};

describe('native-source mapping (overlay fields → OBS text and image sources)', () => {
  it('gives every declared field of every kind a text or a file', () => {
    const { s, show } = service();
    show({ kind: 'product-card', content: { title: 'T', livePrice: 100, image: IMG } });
    show({ kind: 'price-sticker', content: { livePrice: 100 } });
    show({ kind: 'lower-third', content: { name: 'N' } });
    show({ kind: 'countdown', content: { durationMs: 5000 } });
    show({ kind: 'banner', content: { text: 'B' } });
    show({ kind: 'ticker', content: { items: ['a', 'b'] } });
    const state = s.snapshot();
    for (const kind of Object.keys(NATIVE_FIELDS) as (keyof typeof NATIVE_FIELDS)[]) {
      const values = nativeValues(kind, state.layers[kind].content as never, state, { now: state.now, mediaFile });
      expect(Object.keys(values).sort()).toEqual([...NATIVE_FIELDS[kind]].sort());
      for (const v of Object.values(values)) expect('text' in v || 'file' in v).toBe(true);
    }
  });

  it('maps a product card in the theme language, with the image as a file path', () => {
    const { s, show } = service('zh-CN');
    show({ kind: 'product-card', content: { title: '玻尿酸面霜', listPrice: 29900, livePrice: 19900, stock: 12, image: IMG } });
    const plan = nativePlan(s.snapshot(), bindings, { now: 0, mediaFile });
    expect(plan.inputSettings).toEqual([
      { inputName: 'Card title', inputSettings: { text: '玻尿酸面霜' } },
      { inputName: 'Card price', inputSettings: { text: '¥199' } },
      { inputName: 'Card was', inputSettings: { text: '¥299' } },
      { inputName: 'Card off', inputSettings: { text: '6.7折' } },
      { inputName: 'Card stock', inputSettings: { text: '仅剩 12 件' } },
      { inputName: 'Card image', inputSettings: { file: `/data/media/${IMG}.png` } },
    ]);
    expect(plan.sceneItems).toEqual([
      { sceneName: 'Live', sourceName: 'Card group', enabled: true },
      { sceneName: 'Live', sourceName: 'Countdown group', enabled: false },
      { sceneName: 'Live', sourceName: 'Banner', enabled: false },
    ]);
  });

  it('shows the price after coupon on a bound coupon source (券后 ¥79), empty without a coupon', () => {
    const { s, show } = service('zh-CN');
    const couponBindings: NativeBindings = { 'price-sticker': { fields: { coupon: 'Sticker coupon' } }, 'product-card': { fields: { coupon: 'Card coupon' } } };
    show({ kind: 'price-sticker', content: { livePrice: 9900, priceAfterCoupon: 7900 } });
    show({ kind: 'product-card', content: { title: 'T', livePrice: 9900 } });
    const zh = nativePlan(s.snapshot(), couponBindings, { now: 0, mediaFile }).inputSettings;
    expect(zh).toContainEqual({ inputName: 'Sticker coupon', inputSettings: { text: '券后 ¥79' } });
    expect(zh).toContainEqual({ inputName: 'Card coupon', inputSettings: { text: '' } });
    const en = service('en');
    en.show({ kind: 'price-sticker', content: { livePrice: 9900, priceAfterCoupon: 7900, currency: 'USD' } });
    expect(nativePlan(en.s.snapshot(), couponBindings, { now: 0, mediaFile }).inputSettings).toContainEqual({
      inputName: 'Sticker coupon',
      inputSettings: { text: '$79 after coupon' },
    });
  });

  it('computes countdown text from the end time at the given server time', () => {
    const { s, show, clock } = service('en');
    show({ kind: 'countdown', content: { durationMs: 90_000 } });
    const at = (ms: number) => nativePlan(s.snapshot(), bindings, { now: clock.now() + ms, mediaFile }).inputSettings;
    expect(at(0)).toContainEqual({ inputName: 'CD clock', inputSettings: { text: '01:30' } });
    expect(at(45_000)).toContainEqual({ inputName: 'CD clock', inputSettings: { text: '00:45' } });
    expect(at(90_000)).toContainEqual({ inputName: 'CD status', inputSettings: { text: 'Ended' } });
    expect(at(0)).toContainEqual({ inputName: 'CD label', inputSettings: { text: 'Flash sale' } });
  });

  it('hides a hidden layer without touching its text, and sends only what changed', () => {
    const { s, show } = service();
    show({ kind: 'banner', content: { text: '福利' } });
    const first = nativePlan(s.snapshot(), bindings, { now: 0, mediaFile });
    show({ kind: 'banner', content: { text: '福利' } }); // same content again
    expect(diffPlan(first, nativePlan(s.snapshot(), bindings, { now: 0, mediaFile }))).toEqual({ inputSettings: [], sceneItems: [] });
    s.hide('banner');
    const hidden: OverlayState = s.snapshot();
    const next = nativePlan(hidden, bindings, { now: 0, mediaFile });
    expect(next.inputSettings).toEqual([]);
    expect(diffPlan(first, next)).toEqual({ inputSettings: [], sceneItems: [{ sceneName: 'Live', sourceName: 'Banner', enabled: false }] });
  });

  it('clears an image source when the media file is missing', () => {
    const { s, show } = service();
    show({ kind: 'product-card', content: { title: 'x', image: IMG } });
    const plan = nativePlan(s.snapshot(), bindings, { now: 0, mediaFile: () => null });
    expect(plan.inputSettings).toContainEqual({ inputName: 'Card image', inputSettings: { file: '' } });
  });
});
