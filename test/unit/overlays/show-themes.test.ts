import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME, OverlayState, OverlayThemeSetInput, methods, type AnyEvent } from '../../../electron/contract';
import { manualClock } from '../../../electron/core/clock';
import { EventBus } from '../../../electron/core/events';
import { OverlayService } from '../../../electron/core/overlays/overlays.service';
import { MemoryThemeStore } from '../../../electron/core/overlays/theme.store';

const LOGO = 'b'.repeat(64);

function setup(store = new MemoryThemeStore(), shows = new Set(['A', 'B'])) {
  const bus = new EventBus();
  const pushed: OverlayState[] = [];
  bus.subscribe((e: AnyEvent) => e.topic === 'overlays.state' && pushed.push(e.payload));
  const service = new OverlayService({
    clock: manualClock(),
    bus,
    product: () => null,
    host: () => null,
    mediaExists: (hash) => hash === LOGO,
    showExists: (id) => shows.has(id),
    themes: store,
  });
  return { service, pushed, store, shows, bus };
}

const accent = (s: OverlayState) => s.theme.colors.accent;

describe('per-show overlay themes and the active show', () => {
  it('starts with no active show and the global theme on air', () => {
    const { service } = setup();
    const state = service.snapshot();
    expect(state).toMatchObject({ activeShowId: null, themeSource: 'global' });
    expect(state.theme).toEqual(DEFAULT_THEME);
    expect(OverlayState.safeParse(state).success).toBe(true);
  });

  it('saves a theme for one show, copied from the global theme, without touching the global one', () => {
    const { service, store, pushed } = setup();
    service.setTheme({ fontStack: 'Global Sans, sans-serif' });
    const own = service.setTheme({ colors: { accent: '#112233' } }, 'A');
    expect(own.colors.accent).toBe('#112233');
    expect(own.fontStack).toBe('Global Sans, sans-serif'); // the copy starts from the global theme
    expect(store.loadShow('A')?.colors.accent).toBe('#112233');
    expect(service.getTheme().colors.accent).toBe(DEFAULT_THEME.colors.accent);
    expect(service.getTheme('A').colors.accent).toBe('#112233');
    expect(service.getTheme('B').colors.accent).toBe(DEFAULT_THEME.colors.accent); // B uses the global one
    // A is not active: nothing on air changed, so the pages were not sent anything for it.
    expect(pushed.length).toBe(1);
    // Later global edits do not leak into A's own theme.
    service.setTheme({ fontStack: 'Later Sans' });
    expect(service.getTheme('A').fontStack).toBe('Global Sans, sans-serif');
  });

  it('an empty patch with showId saves a copy of the global theme for the show', () => {
    const { service, store } = setup();
    service.setTheme({ colors: { accent: '#abcdef' } });
    service.setTheme({}, 'B');
    expect(store.loadShow('B')?.colors.accent).toBe('#abcdef');
  });

  it('the active show’s own theme is on air; switching shows switches themes; others fall back to global', () => {
    const { service, pushed } = setup();
    service.setTheme({ colors: { accent: '#aa0000' } }, 'A');
    let state = service.setActiveShow('A');
    expect(state).toMatchObject({ activeShowId: 'A', themeSource: 'show' });
    expect(accent(state)).toBe('#aa0000');
    expect(pushed.at(-1)).toEqual(state);

    state = service.setActiveShow('B');
    expect(state).toMatchObject({ activeShowId: 'B', themeSource: 'global' });
    expect(accent(state)).toBe(DEFAULT_THEME.colors.accent);

    state = service.setActiveShow('A');
    expect(accent(state)).toBe('#aa0000');
    const before = pushed.length;
    expect(service.setActiveShow('A').revision).toBe(state.revision); // no change, no push
    expect(pushed.length).toBe(before);

    state = service.setActiveShow(null);
    expect(state).toMatchObject({ activeShowId: null, themeSource: 'global' });
    expect(accent(state)).toBe(DEFAULT_THEME.colors.accent);
  });

  it('edits to the active show’s theme go on air at once; global edits only when it has none', () => {
    const { service, pushed } = setup();
    service.setActiveShow('A');
    service.setTheme({ colors: { accent: '#00ff00' } });
    expect(accent(pushed.at(-1)!)).toBe('#00ff00'); // A has no own theme: global is on air
    service.setTheme({ colors: { accent: '#0000ff' } }, 'A');
    expect(pushed.at(-1)).toMatchObject({ themeSource: 'show' });
    expect(accent(pushed.at(-1)!)).toBe('#0000ff');
    const count = pushed.length;
    service.setTheme({ colors: { accent: '#123123' } }); // global, not on air
    expect(pushed.length).toBe(count);
    expect(accent(service.snapshot())).toBe('#0000ff');
  });

  it('layouts follow the theme on air', () => {
    const { service } = setup();
    service.setTheme({ layouts: { 'product-card': 'strip' } }, 'A');
    expect(service.snapshot().layers['product-card'].layout).toBe('classic');
    expect(service.setActiveShow('A').layers['product-card'].layout).toBe('strip');
  });

  it('reset forgets a show’s theme and puts the global one on air', () => {
    const { service, store } = setup();
    service.setTheme({ colors: { accent: '#aa0000' } }, 'A');
    service.setActiveShow('A');
    const theme = service.resetTheme('A');
    expect(theme).toEqual(service.getTheme());
    expect(store.loadShow('A')).toBeNull();
    expect(service.snapshot()).toMatchObject({ activeShowId: 'A', themeSource: 'global' });
    expect(() => service.resetTheme('gone')).not.toThrow(); // idempotent, also for deleted shows
  });

  it('refuses unknown shows, bad colours and unknown logos, changing nothing', () => {
    const { service, store } = setup();
    expect(() => service.setActiveShow('nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => service.setTheme({ colors: { accent: '#aa0000' } }, 'nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => service.getTheme('nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => service.setTheme({ logo: 'c'.repeat(64) }, 'A')).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(store.loadShow('A')).toBeNull();
    expect(service.snapshot().activeShowId).toBeNull();
    expect(OverlayThemeSetInput.safeParse({ showId: 'A', colors: { accent: 'red' } }).success).toBe(false);
    expect(OverlayThemeSetInput.safeParse({ showId: 'A', typo: 1 }).success).toBe(false); // still strict
    expect(OverlayThemeSetInput.safeParse({ showId: 'A', logo: LOGO }).success).toBe(true);
    expect(methods['overlays.activeShow.set'].input.safeParse({}).success).toBe(false); // null, not missing
  });

  it('remembers the active show across a restart, and drops it when the show is deleted', () => {
    const store = new MemoryThemeStore();
    const first = setup(store);
    first.service.setTheme({ colors: { accent: '#aa0000' } }, 'A');
    first.service.setActiveShow('A');

    const again = setup(store);
    expect(again.service.snapshot()).toMatchObject({ activeShowId: 'A', themeSource: 'show' });
    expect(accent(again.service.snapshot())).toBe('#aa0000');

    again.shows.delete('A');
    again.bus.emit('data.changed', { table: 'shows', revision: 1 });
    expect(again.pushed.at(-1)).toMatchObject({ activeShowId: null, themeSource: 'global' });
    expect(store.loadActiveShow()).toBeNull();
    // A restart with a stored active show that no longer exists starts with none.
    store.saveActiveShow('A');
    expect(setup(store, new Set()).service.snapshot().activeShowId).toBeNull();
  });
});
