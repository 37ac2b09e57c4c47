import type { OverlayTheme } from '../../contract';
import type { ThemeStore } from '../overlays/theme.store';

/**
 * A rehearsal's preview reads the real themes but keeps its own active show in memory, and never
 * writes: rehearsing a show must not change what OBS's pages look like.
 */
export class PreviewThemeStore implements ThemeStore {
  private active: string | null = null;
  constructor(private readonly themes: ThemeStore) {}
  load(): OverlayTheme {
    return this.themes.load();
  }
  save(): void {}
  loadShow(showId: string): OverlayTheme | null {
    return this.themes.loadShow(showId);
  }
  saveShow(): void {}
  removeShow(): void {}
  loadActiveShow(): string | null {
    return this.active;
  }
  saveActiveShow(showId: string | null): void {
    this.active = showId;
  }
}
