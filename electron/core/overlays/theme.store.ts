import { z } from 'zod';
import { DEFAULT_THEME, Id, mergeTheme, OverlayTheme, OverlayThemePatch } from '../../contract';
import type { SettingsStore } from '../settings.store';

export const THEME_KEY = 'overlay.theme';
/** A show's own theme: `overlay.theme.show.<showId>`. */
export const showThemeKey = (showId: string) => `${THEME_KEY}.show.${showId}`;
export const ACTIVE_SHOW_KEY = 'overlay.activeShow';

export interface ThemeStore {
  /** The global theme. */
  load(): OverlayTheme;
  save(theme: OverlayTheme): void;
  /** A show's own theme, or null when it uses the global one. */
  loadShow(showId: string): OverlayTheme | null;
  saveShow(showId: string, theme: OverlayTheme): void;
  removeShow(showId: string): void;
  /** The show being produced, kept across restarts so a restarted app keeps its look on air. */
  loadActiveShow(): string | null;
  saveActiveShow(showId: string | null): void;
}

/** A stored theme from an older version reads as a patch over today's defaults, so new fields get their default. */
function themeFrom(value: unknown): OverlayTheme | null {
  const patch = OverlayThemePatch.safeParse(value);
  if (!patch.success) return null;
  const theme = OverlayTheme.safeParse(mergeTheme(DEFAULT_THEME, patch.data));
  return theme.success ? theme.data : null;
}

const ActiveShow = z.object({ showId: Id.nullable() });

/** Overlay themes (global and per show) and the active show in the `settings` table. */
export class SettingsThemeStore implements ThemeStore {
  constructor(private readonly settings: SettingsStore) {}

  load(): OverlayTheme {
    return themeFrom(this.read(THEME_KEY)) ?? DEFAULT_THEME;
  }

  save(theme: OverlayTheme): void {
    this.write(THEME_KEY, theme);
  }

  loadShow(showId: string): OverlayTheme | null {
    const value = this.read(showThemeKey(showId));
    return value === undefined ? null : themeFrom(value);
  }

  saveShow(showId: string, theme: OverlayTheme): void {
    this.write(showThemeKey(showId), theme);
  }

  removeShow(showId: string): void {
    this.settings.remove(showThemeKey(showId));
  }

  loadActiveShow(): string | null {
    const parsed = ActiveShow.safeParse(this.read(ACTIVE_SHOW_KEY));
    return parsed.success ? parsed.data.showId : null;
  }

  saveActiveShow(showId: string | null): void {
    this.write(ACTIVE_SHOW_KEY, { showId });
  }

  private read(key: string): unknown {
    return this.settings.read(key);
  }

  private write(key: string, value: unknown): void {
    this.settings.set(key, value);
  }
}

/** For tests and a core without a database. */
export class MemoryThemeStore implements ThemeStore {
  private readonly shows = new Map<string, OverlayTheme>();
  private activeShow: string | null = null;

  constructor(private theme: OverlayTheme = DEFAULT_THEME) {}
  load(): OverlayTheme {
    return this.theme;
  }
  save(theme: OverlayTheme): void {
    this.theme = theme;
  }
  loadShow(showId: string): OverlayTheme | null {
    return this.shows.get(showId) ?? null;
  }
  saveShow(showId: string, theme: OverlayTheme): void {
    this.shows.set(showId, theme);
  }
  removeShow(showId: string): void {
    this.shows.delete(showId);
  }
  loadActiveShow(): string | null {
    return this.activeShow;
  }
  saveActiveShow(showId: string | null): void {
    this.activeShow = showId;
  }
}
