import type { Text as LkeText } from '@zona/scoring';
import type { Language } from '../../i18n/language.ts';

/** LKE text in the chosen content language (Indonesian when the English summary is missing). */
export function lt(text: LkeText | undefined | null, lang: Language): string {
  if (!text) return '';
  return (lang === 'en' ? text.en : text.id) || text.id;
}

/** Weights and scores: up to 2 decimals, no trailing zeros ("0.5", "17.5", "4.8"). */
export function num(value: number, lang: Language): string {
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}

/** Always 2 decimals, like the reported scores. */
export function score2(value: number, lang: Language): string {
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}
