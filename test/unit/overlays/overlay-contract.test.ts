import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME, mergeTheme, methods, OverlayShowInput, OverlayTheme, OverlayThemePatch } from '../../../electron/contract';
import { matchRoute, restRoutes } from '../../../electron/server/rest-routes';

describe('overlay contract', () => {
  it('routes the control API to the overlay methods', () => {
    const routes = restRoutes();
    const m = (verb: string, path: string) => {
      const found = matchRoute(routes, verb, path);
      return found && 'route' in found ? [found.route.method, found.params] : null;
    };
    expect(m('GET', '/overlays')).toEqual(['overlays.get', {}]);
    expect(m('POST', '/overlays/product-card/show')).toEqual(['overlays.show', { kind: 'product-card' }]);
    expect(m('POST', '/overlays/countdown/hide')).toEqual(['overlays.hide', { kind: 'countdown' }]);
    expect(m('POST', '/overlays/clear')).toEqual(['overlays.clear', {}]);
    expect(m('GET', '/overlays/theme')).toEqual(['overlays.theme.get', {}]);
    expect(m('PATCH', '/overlays/theme')).toEqual(['overlays.theme.set', {}]);
    expect(methods['overlays.show'].write && methods['overlays.hide'].write && methods['overlays.clear'].write).toBe(true);
    expect(methods['overlays.get'].write).toBe(false);
  });

  it('validates show input per kind, strictly (typos are errors, not silently dropped)', () => {
    expect(OverlayShowInput.safeParse({ kind: 'product-card', productId: 'p1' }).success).toBe(true);
    expect(OverlayShowInput.safeParse({ kind: 'lower-third', productId: 'p1' }).success).toBe(false);
    expect(OverlayShowInput.safeParse({ kind: 'product-card', content: { livePirce: 1 } }).success).toBe(false);
    expect(OverlayShowInput.safeParse({ kind: 'product-card', content: { qr: { size: 21, bits: '' } } }).success).toBe(false);
    expect(OverlayShowInput.safeParse({ kind: 'product-card', content: { image: '../etc/passwd' } }).success).toBe(false);
    expect(OverlayShowInput.safeParse({ kind: 'product-card', layout: 'burst' }).success).toBe(false);
    expect(OverlayShowInput.safeParse({ kind: 'countdown', content: { durationMs: 500 } }).success).toBe(false);
    expect(OverlayShowInput.safeParse({ kind: 'countdown', content: { durationMs: 60_000, extra: 1 } }).success).toBe(false);
    expect(OverlayShowInput.safeParse({ kind: 'nope' }).success).toBe(false);
  });

  it('keeps colours and fonts from carrying CSS', () => {
    expect(OverlayThemePatch.safeParse({ colors: { accent: 'red; background: url(x)' } }).success).toBe(false);
    expect(OverlayThemePatch.safeParse({ fontStack: 'x; } body { display: none' }).success).toBe(false);
    expect(OverlayThemePatch.safeParse({ fontStack: '"思源黑体", "Noto Sans CJK SC", sans-serif' }).success).toBe(true);
    expect(OverlayTheme.safeParse(DEFAULT_THEME).success).toBe(true);
  });

  it('merges a theme patch deeply', () => {
    const t = mergeTheme(DEFAULT_THEME, { layouts: { ticker: 'glass' }, placement: { '16x9': { banner: { scale: 1.5 } } } });
    expect(t.layouts).toEqual({ ...DEFAULT_THEME.layouts, ticker: 'glass' });
    expect(t.placement['16x9'].banner).toEqual({ ...DEFAULT_THEME.placement['16x9'].banner, scale: 1.5 });
    expect(t.placement['9x16']).toEqual(DEFAULT_THEME.placement['9x16']);
    expect(mergeTheme(DEFAULT_THEME, { logo: null }).logo).toBeNull();
  });
});
