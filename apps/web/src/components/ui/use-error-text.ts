import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api/errors.ts';

/** "Nama pengguna salah." and "nama pengguna salah" say the same: show it once. */
function sameSentence(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[\s.!。]+$/u, '').trim();
  return norm(a) === norm(b);
}

/**
 * Turns any error into a translated sentence: known error codes have their own text; otherwise
 * the server's message, then a generic one.
 */
export function useErrorText(): (error: unknown) => { title: string; detail: string | null; requestId: string | null } {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (isApiError(error)) {
      const key = `errors.${error.code}`;
      const known = i18n.exists(key);
      const title = known ? t(key as 'errors.INTERNAL') : error.message || t('errors.unknown');
      let detail = known && error.message && error.status !== 500 && error.code !== 'NETWORK' ? error.message : null;
      if (error.code === 'RATE_LIMITED' && error.retryAfter != null) {
        detail = t('errors.retryAfter', { seconds: error.retryAfter });
      }
      return { title, detail: detail && sameSentence(detail, title) ? null : detail, requestId: error.requestId };
    }
    return { title: t('errors.unknown'), detail: error instanceof Error ? error.message : null, requestId: null };
  };
}
