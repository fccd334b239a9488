/** "Layanan publik Zona": the public landing page; surveys and complaints come in later issues. */
import { otherLanguage } from '../i18n/language.ts';
import { setPublicLanguage, usePublicI18n } from './i18n.ts';

export function PublicLanding() {
  const { lang, t } = usePublicI18n();
  return (
    <div className="pub">
      <header className="pub-header">
        <span className="pub-brand">{t('appName')}</span>
        <button
          type="button"
          className="pub-lang"
          data-testid="lang-switch"
          data-lang={lang}
          aria-label={t('switchLanguage')}
          title={t('switchLanguage')}
          onClick={() => setPublicLanguage(otherLanguage(lang))}
        >
          {t('switchLabel')}
        </button>
      </header>
      <main className="pub-main" id="main">
        <h1>{t('heroTitle')}</h1>
        <p className="pub-lead">{t('heroText')}</p>
        <div className="pub-cards">
          <section className="pub-card" aria-labelledby="pub-survey">
            <h2 id="pub-survey">{t('surveyTitle')}</h2>
            <p>{t('surveyText')}</p>
            <span className="pub-soon">{t('comingSoon')}</span>
          </section>
          <section className="pub-card" aria-labelledby="pub-complaint">
            <h2 id="pub-complaint">{t('complaintTitle')}</h2>
            <p>{t('complaintText')}</p>
            <span className="pub-soon">{t('comingSoon')}</span>
          </section>
        </div>
        <p className="pub-note">{t('privacy')}</p>
      </main>
      <footer className="pub-footer">
        <span>{t('footer')}</span>
        <a href="/login">{t('staffLogin')}</a>
      </footer>
    </div>
  );
}
