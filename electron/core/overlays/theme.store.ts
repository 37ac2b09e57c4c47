import { eq } from 'drizzle-orm';
import { DEFAULT_THEME, mergeTheme, OverlayTheme, OverlayThemePatch } from '../../contract';
import type { Db } from '../../../db/open';
import { settings } from '../../../db/schema';

export const THEME_KEY = 'overlay.theme';

export interface ThemeStore {
  load(): OverlayTheme;
  save(theme: OverlayTheme): void;
}

/**
 * The current overlay theme in the `settings` table. A stored theme from an older version is
 * read as a patch over today's defaults, so new fields get their default instead of failing.
 */
export class SettingsThemeStore implements ThemeStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  load(): OverlayTheme {
    const row = this.db.select().from(settings).where(eq(settings.key, THEME_KEY)).get();
    if (!row) return DEFAULT_THEME;
    const patch = OverlayThemePatch.safeParse(row.value);
    if (!patch.success) return DEFAULT_THEME;
    const theme = OverlayTheme.safeParse(mergeTheme(DEFAULT_THEME, patch.data));
    return theme.success ? theme.data : DEFAULT_THEME;
  }

  save(theme: OverlayTheme): void {
    const updatedAt = this.now();
    this.db
      .insert(settings)
      .values({ key: THEME_KEY, value: theme, updatedAt })
      .onConflictDoUpdate({ target: settings.key, set: { value: theme, updatedAt } })
      .run();
  }
}

/** For tests and a core without a database. */
export class MemoryThemeStore implements ThemeStore {
  constructor(private theme: OverlayTheme = DEFAULT_THEME) {}
  load(): OverlayTheme {
    return this.theme;
  }
  save(theme: OverlayTheme): void {
    this.theme = theme;
  }
}
