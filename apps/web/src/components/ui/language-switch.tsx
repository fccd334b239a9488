import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../../i18n/index.ts';
import { otherLanguage } from '../../i18n/language.ts';

/** Toggles Indonesian ⇄ English; remembered in localStorage (`zona.lang`). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const next = otherLanguage(currentLanguage());
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      data-testid="lang-switch"
      data-lang={currentLanguage()}
      aria-label={t('header.switchLanguage')}
      title={t('header.switchLanguage')}
      onClick={() => setLanguage(next)}
    >
      {next.toUpperCase()}
    </Button>
  );
}
