import { SearchForm } from '../components/forms';
import { PageShell } from '../components/page-shell';
import { localePath, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';

export function HomeView({ locale }: { locale: Locale }) {
  const t = messagesFor(locale);
  return (
    <PageShell locale={locale} path="/">
      <h1>{t.home.title}</h1>
      <p>{t.home.lead}</p>
      <ul>
        {t.home.points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
      <h2>{t.home.searchTitle}</h2>
      <SearchForm locale={locale} />
      <h2>{t.home.verifyTitle}</h2>
      <p>{t.home.verifyText}</p>
      <p>
        <a href={localePath(locale, '/kiem-tra')}>{t.home.verifyLink}</a>
      </p>
    </PageShell>
  );
}
