/**
 * A tiny translator for the public pages: two bundled dictionaries, `{{name}}` interpolation,
 * and the language remembered like the main app (`zona.lang`, `<html lang>`). No i18next here,
 * to keep the public bundle small.
 */
import { useSyncExternalStore } from 'react';
import en from '../i18n/public/en.json';
import id from '../i18n/public/id.json';
import { type Language, rememberLanguage, storedLanguage } from '../i18n/language.ts';

export type PublicKey = keyof typeof id;
const english: typeof id = en;
const dictionaries: Record<Language, typeof id> = { id, en: english };

let language: Language = storedLanguage();
const listeners = new Set<() => void>();

export function setPublicLanguage(lang: Language): void {
  language = lang;
  rememberLanguage(lang);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current language and a `t` bound to it; re-renders on a switch. */
export function usePublicI18n(): { lang: Language; t: (key: PublicKey, vars?: Record<string, string | number>) => string } {
  const lang = useSyncExternalStore(subscribe, () => language);
  const t = (key: PublicKey, vars?: Record<string, string | number>) =>
    dictionaries[lang][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars?.[name] ?? ''));
  return { lang, t };
}
