/** Client-side checks of a user form; the server checks again and its field errors win. */
import { NIP_MESSAGES, parseNip } from '@zona/shared';
import type { TFunction } from 'i18next';
import type { Language } from '../../i18n/language.ts';

export const MIN_PASSWORD = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const USERNAME = /^[a-z0-9._-]{3,60}$/i;

/**
 * The NIP structure message (NIP_MESSAGES of @zona/shared), or undefined when valid. An empty
 * NIP is allowed (the server accepts null: not every account belongs to a civil servant).
 */
export function nipError(nip: string, lang: Language): string | undefined {
  if (!nip.trim()) return undefined;
  const parsed = parseNip(nip);
  return parsed.ok ? undefined : NIP_MESSAGES[parsed.problem][lang];
}

export function emailError(email: string, t: TFunction): string | undefined {
  return email.trim() && !EMAIL.test(email.trim()) ? t('validation.email') : undefined;
}

export function usernameError(username: string, t: TFunction): string | undefined {
  if (!username.trim()) return t('validation.required');
  return USERNAME.test(username.trim()) ? undefined : t('users.usernameRule');
}

export function passwordError(password: string, t: TFunction, optional = true): string | undefined {
  if (!password) return optional ? undefined : t('validation.required');
  return password.length < MIN_PASSWORD ? t('validation.minLength', { count: MIN_PASSWORD }) : undefined;
}
