/**
 * i18next for the signed-in application. Resources are bundled (no HTTP backend, nothing to
 * fetch at start). `en.json` must carry every key of `id.json`: the assignment below makes a
 * missing English key a type error.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import id from './id.json';
import { isLanguage, rememberLanguage, storedLanguage, type Language } from './language.ts';

const english: typeof id = en;

export const resources = { id: { translation: id }, en: { translation: english } } as const;

/** Initialises i18next once, in the remembered language. */
export function initI18n(): typeof i18next {
  const lng = storedLanguage();
  void i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'id',
    supportedLngs: ['id', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

/** Switches the language everywhere and remembers it. */
export function setLanguage(lang: Language): void {
  rememberLanguage(lang);
  void i18next.changeLanguage(lang);
}

/** The current UI language, narrowed to the two we ship. */
export function currentLanguage(): Language {
  const lng = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(lng) ? lng : 'id';
}
