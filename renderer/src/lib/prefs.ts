import { useSyncExternalStore } from 'react';

/** Settings remembered per browser/window (not per workspace): language and theme. */
export const LANG_KEY = 'cuecart.lang';
export const THEME_KEY = 'cuecart.theme';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Any language tag to one we ship: every Chinese variant → zh-CN, anything else → en. */
export function normalizeLanguage(tag: string | null | undefined): Language {
  return tag && tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export type ThemeMode = 'dark' | 'light';

function readTheme(): ThemeMode {
  try {
    return localStorage.getItem(THEME_KEY) === 'light' ? 'light' : 'dark';
  } catch {
    return 'dark';
  }
}

let theme: ThemeMode = readTheme();
const themeListeners = new Set<() => void>();

export function setThemeMode(mode: ThemeMode): void {
  theme = mode;
  try {
    localStorage.setItem(THEME_KEY, mode);
  } catch {
    // Private mode or storage full: the choice lasts for this session only.
  }
  for (const l of themeListeners) l();
}

/** The current theme; components re-render when it changes. Dark unless the user chose light. */
export function useThemeMode(): ThemeMode {
  return useSyncExternalStore(
    (l) => {
      themeListeners.add(l);
      return () => themeListeners.delete(l);
    },
    () => theme,
  );
}
