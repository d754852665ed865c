import { localePath, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';

/** The search box: a plain GET form, so it works with JavaScript off and results have a shareable URL. */
export function SearchForm({ locale, q = '', id = 'q' }: { locale: Locale; q?: string; id?: string }) {
  const t = messagesFor(locale).search;
  return (
    <form className="inline" action={localePath(locale, '/tim-kiem')} method="get" role="search">
      <div className="field">
        <label htmlFor={id}>{t.label}</label>
        <input id={id} name="q" type="search" defaultValue={q} maxLength={100} aria-describedby={`${id}-hint`} autoComplete="off" />
        <p id={`${id}-hint`} className="small muted">
          {t.hint}
        </p>
      </div>
      <button type="submit">{t.submit}</button>
    </form>
  );
}

/** Type a plate code to check it (GET /kiem-tra?ma=...). */
export function VerifyForm({ locale, code = '', id = 'ma' }: { locale: Locale; code?: string; id?: string }) {
  const t = messagesFor(locale).verify;
  return (
    <form className="inline" action={localePath(locale, '/kiem-tra')} method="get">
      <div className="field">
        <label htmlFor={id}>{t.label}</label>
        <input id={id} name="ma" type="text" defaultValue={code} maxLength={32} placeholder="TB-233AC" autoCapitalize="characters" autoComplete="off" spellCheck={false} />
      </div>
      <button type="submit">{t.submit}</button>
    </form>
  );
}
