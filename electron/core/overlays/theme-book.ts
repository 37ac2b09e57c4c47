import { AppError, badInput, mergeTheme, OverlayTheme, type OverlayThemePatch } from '../../contract';
import type { ThemeStore } from './theme.store';

/** What a theme change did: the theme saved, and whether the theme on air changed with it. */
export interface ThemeChange {
  theme: OverlayTheme;
  onAir: boolean;
}

/**
 * The overlay themes: one global theme, optionally an own theme per show, and the active show.
 * The theme on air is the active show's own theme, else the global one. A show's own theme is
 * a whole theme (first copied from the global one), so later global edits do not leak into it.
 */
export class ThemeBook {
  private global: OverlayTheme;
  private active: { showId: string; own: OverlayTheme | null } | null = null;

  constructor(
    private readonly store: ThemeStore,
    private readonly showExists: (id: string) => boolean,
  ) {
    this.global = store.load();
    const id = store.loadActiveShow();
    if (id && showExists(id)) this.active = { showId: id, own: store.loadShow(id) };
  }

  /** The theme the overlay pages use now. */
  get onAir(): OverlayTheme {
    return this.active?.own ?? this.global;
  }

  get source(): 'global' | 'show' {
    return this.active?.own ? 'show' : 'global';
  }

  get activeShowId(): string | null {
    return this.active?.showId ?? null;
  }

  /** The global theme, or with a show the theme that show uses (its own, else the global one). */
  get(showId?: string): OverlayTheme {
    if (showId === undefined) return this.global;
    this.assertShow(showId);
    return this.ownOf(showId) ?? this.global;
  }

  set(patch: OverlayThemePatch, showId?: string): ThemeChange {
    if (showId !== undefined) this.assertShow(showId);
    const base = showId === undefined ? this.global : (this.ownOf(showId) ?? this.global);
    const parsed = OverlayTheme.safeParse(mergeTheme(base, patch));
    if (!parsed.success) throw badInput(parsed.error, 'theme');
    const theme = parsed.data;
    if (showId === undefined) {
      this.store.save(theme);
      this.global = theme;
      return { theme, onAir: this.source === 'global' };
    }
    this.store.saveShow(showId, theme);
    const isActive = this.active?.showId === showId;
    if (isActive) this.active!.own = theme;
    return { theme, onAir: isActive };
  }

  /** Forget a show's own theme (idempotent, also for a show deleted since). */
  reset(showId: string): ThemeChange {
    const isActive = this.active?.showId === showId;
    const had = isActive ? this.active!.own !== null : this.store.loadShow(showId) !== null;
    this.store.removeShow(showId);
    if (isActive) this.active!.own = null;
    return { theme: this.global, onAir: isActive && had };
  }

  /** Returns whether anything changed. `deferSave` runs the save later instead of now. */
  setActive(showId: string | null, deferSave?: (save: () => void) => void): boolean {
    if (showId === this.activeShowId) return false;
    if (showId !== null) this.assertShow(showId);
    this.active = showId === null ? null : { showId, own: this.store.loadShow(showId) };
    const save = () => this.store.saveActiveShow(showId);
    if (deferSave) deferSave(save);
    else save();
    return true;
  }

  /** After shows changed: a deleted active show stops being active. Returns whether it did. */
  pruneActive(): boolean {
    if (!this.active || this.showExists(this.active.showId)) return false;
    this.active = null;
    this.store.saveActiveShow(null);
    return true;
  }

  private ownOf(showId: string): OverlayTheme | null {
    return this.active?.showId === showId ? this.active.own : this.store.loadShow(showId);
  }

  private assertShow(showId: string): void {
    if (!this.showExists(showId)) throw new AppError('NOT_FOUND', `No show with id ${showId}`, { id: showId });
  }
}
