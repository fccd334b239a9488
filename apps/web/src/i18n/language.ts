/**
 * Language preference shared by the application and the light public pages. Indonesian is the
 * source language; the choice is remembered in localStorage under `zona.lang` and mirrored on
 * `<html lang>` so screen readers and the browser's spell checker follow it.
 * Deliberately free of i18next so the public bundle can stay small.
 */
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANG_STORAGE_KEY = 'zona.lang';

export function isLanguage(value: unknown): value is Language {
  return value === 'id' || value === 'en';
}

/** The remembered language, Indonesian when nothing (valid) is stored. */
export function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(LANG_STORAGE_KEY);
    return isLanguage(value) ? value : 'id';
  } catch {
    return 'id';
  }
}

/** Remembers the language and sets `<html lang>`. */
export function rememberLanguage(lang: Language): void {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Private mode or storage disabled: the switch still works for this page view.
  }
  document.documentElement.lang = lang;
}

/** The other language, for a two-way switch. */
export function otherLanguage(lang: Language): Language {
  return lang === 'id' ? 'en' : 'id';
}
