import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LANG_KEY, LANGUAGES, normalizeLanguage, type Language } from '../lib/prefs';
import en, { type Messages } from './en';
import zhCN from './zh-CN';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

/**
 * The user's explicit choice (localStorage `cuecart.lang`) wins; otherwise the browser or
 * system language (any zh* → zh-CN, anything else → en). The detector never writes: only a
 * choice made in the UI is remembered, so a machine whose system language changes follows it.
 */
export function initI18n(): typeof i18n {
  void i18n
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
      supportedLngs: [...LANGUAGES],
      fallbackLng: 'en',
      initAsync: false,
      interpolation: { escapeValue: false }, // React escapes.
      returnEmptyString: false,
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANG_KEY,
        caches: [],
        convertDetectedLanguage: (lng: string) => normalizeLanguage(lng),
      },
    });
  const syncDocument = (lng: string) => {
    // `lang` makes Chromium pick Simplified Chinese glyphs from CJK fonts.
    document.documentElement.lang = normalizeLanguage(lng);
  };
  syncDocument(i18n.language);
  i18n.on('languageChanged', syncDocument);
  return i18n;
}

export function currentLanguage(): Language {
  return normalizeLanguage(i18n.resolvedLanguage ?? i18n.language);
}

/** Switch language and remember the choice. */
export function setLanguage(lng: Language): void {
  try {
    localStorage.setItem(LANG_KEY, lng);
  } catch {
    // Storage unavailable: the switch still applies to this session.
  }
  void i18n.changeLanguage(lng);
}
