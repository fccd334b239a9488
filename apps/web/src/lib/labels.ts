/** Labels that come with the data (roles from @zona/shared), in the current language. */
import { ROLE_LABELS, type Role } from '@zona/shared';
import { currentLanguage } from '../i18n/index.ts';

export function roleLabel(role: string, lang = currentLanguage()): string {
  const label = ROLE_LABELS[role as Role];
  return label ? label[lang] : role;
}

/** A `{id, en}` pair in the current language. */
export function localText(text: { id: string; en: string } | null | undefined, lang = currentLanguage()): string {
  if (!text) return '';
  return text[lang] || text.id;
}

/** A date-time in the UI language's conventions (Asia/Jakarta is the browser's business). */
export function formatDateTime(iso: string, lang = currentLanguage()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(date);
}

export function formatNumber(value: number, decimals = 2, lang = currentLanguage()): string {
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}
