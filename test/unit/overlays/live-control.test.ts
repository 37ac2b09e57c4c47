import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME, mergeTheme, type OverlayState } from '../../../electron/contract';
import {
  canvasOfShow,
  countdownLabel,
  joinDuration,
  newerState,
  overlayPageUrl,
  parseCountdownLabel,
  tickerItems,
  visibleKinds,
} from '../../../renderer/src/features/live/overlay-state';
import { mergePatches } from '../../../renderer/src/features/live/theme/theme-patch';

// Pure logic of the Live page (overlay control room), in Node.

const layer = (visible: boolean) => ({ visible, layout: 'x', content: null, changedAt: null });
const state = (revision: number, visible: string[] = []): OverlayState =>
  ({
    revision,
    now: 0,
    theme: DEFAULT_THEME,
    activeShowId: null,
    themeSource: 'global',
    layers: Object.fromEntries(['product-card', 'price-sticker', 'lower-third', 'countdown', 'banner', 'ticker'].map((k) => [k, layer(visible.includes(k))])),
  }) as unknown as OverlayState;

describe('live control room helpers', () => {
  it('keeps the newest snapshot by revision; late answers and duplicate pushes are dropped', () => {
    expect(newerState(undefined, state(3))?.revision).toBe(3);
    expect(newerState(state(3), state(4))?.revision).toBe(4);
    expect(newerState(state(4), state(3))).toBeUndefined();
    expect(newerState(state(4), state(4))).toBeUndefined();
  });

  it('lists the kinds on air in the contract order', () => {
    expect(visibleKinds(state(1, ['ticker', 'product-card']))).toEqual(['product-card', 'ticker']);
    expect(visibleKinds(undefined)).toEqual([]);
  });

  it('builds overlay page addresses on the server origin (desktop) or relative (browser)', () => {
    expect(overlayPageUrl('all', { canvas: '9x16', bg: 'checker' }, 'http://127.0.0.1:4477/')).toBe(
      'http://127.0.0.1:4477/overlays/all.html?canvas=9x16&bg=checker',
    );
    expect(overlayPageUrl('all', { canvas: '16x9' }, '')).toBe('/overlays/all.html');
    expect(overlayPageUrl('countdown', { bg: 'dark' }, '')).toBe('/overlays/countdown.html?bg=dark');
  });

  it('maps a show canvas to the overlay canvas', () => {
    expect(canvasOfShow('9:16')).toBe('9x16');
    expect(canvasOfShow('16:9')).toBe('16x9');
    expect(canvasOfShow(undefined)).toBeNull();
    expect(canvasOfShow('4:3')).toBeNull();
  });

  it('turns the form into content: durations, ticker lines, quantity in the label (and back)', () => {
    expect(joinDuration(3, 20)).toBe(200_000);
    expect(joinDuration(null, 30)).toBe(30_000);
    expect(tickerItems(' a \n\n b\n')).toEqual(['a', 'b']);
    expect(tickerItems(Array.from({ length: 30 }, (_, i) => `m${i}`).join('\n'))).toHaveLength(20);

    expect(countdownLabel('', null, 'zh-CN', '限时秒杀')).toBe('');
    expect(countdownLabel('', 50, 'zh-CN', '限时秒杀')).toBe('限时秒杀 · 限量50件');
    expect(countdownLabel('Lipstick drop', 20, 'en', 'Flash sale')).toBe('Lipstick drop · 20 only');
    expect(countdownLabel('x'.repeat(40), 99999, 'zh-CN', '').length).toBeLessThanOrEqual(40);
    expect(parseCountdownLabel('限时秒杀 · 限量50件')).toEqual({ label: '限时秒杀', quantity: 50 });
    expect(parseCountdownLabel('Lipstick drop · 20 only')).toEqual({ label: 'Lipstick drop', quantity: 20 });
    expect(parseCountdownLabel('福袋')).toEqual({ label: '福袋', quantity: null });
  });

  it('merges theme patches queued while a save is in flight, nested objects included', () => {
    const merged = mergePatches(
      { colors: { accent: '#111111' }, placement: { '16x9': { ticker: { y: 10 } } }, layouts: { banner: 'card' } },
      { colors: { ink: '#222222' }, placement: { '16x9': { ticker: { scale: 2 }, banner: { x: 5 } }, '9x16': { countdown: { anchor: 'top' } } }, locale: 'en' },
    );
    expect(merged).toEqual({
      colors: { accent: '#111111', ink: '#222222' },
      layouts: { banner: 'card' },
      locale: 'en',
      placement: { '16x9': { ticker: { y: 10, scale: 2 }, banner: { x: 5 } }, '9x16': { countdown: { anchor: 'top' } } },
    });
    // Applying the merged patch equals applying both in turn.
    const a = { colors: { accent: '#123456' } };
    const b = { colors: { accent: '#654321' }, fontStack: 'Arial' };
    expect(mergeTheme(DEFAULT_THEME, mergePatches(a, b))).toEqual(mergeTheme(mergeTheme(DEFAULT_THEME, a), b));
    expect(mergePatches(null, b)).toBe(b);
  });
});
