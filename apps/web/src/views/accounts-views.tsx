// Account management for administrators (/quan-tri/tai-khoan): plain HTML forms (POST, then a
// redirect back), so everything works with JavaScript off. Officials' text is rendered by React, escaped.
import { CsrfField, WorkspaceShell } from '../components/workspace-shell';
import type { Account, AccountForm, AccountsFlash } from '../data/accounts';
import type { Session } from '../data/workspace';
import { localePath, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { formatVietnamDateTime } from '../view-model/format';

type Msg = { vi: string; en: string };
const say = (locale: Locale, message: Msg) => message[locale] || message.vi || message.en;
const LIST_PATH = '/quan-tri/tai-khoan';

function Errors({ locale, flash, form }: { locale: Locale; flash: AccountsFlash | null; form: AccountForm }) {
  if (flash?.kind !== 'account-invalid' || flash.form !== form) return null;
  return (
    <div className="result-bad" role="alert" id={`account-${form}-errors`}>
      <p>
        <strong>{messagesFor(locale).accounts.errorsTitle}</strong>
      </p>
      <ul>
        {flash.errors.map((error, i) => (
          <li key={i}>
            {error.field && error.field !== '(body)' ? `${error.field}: ` : null}
            {say(locale, error.message)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Status({ text }: { text: string }) {
  return (
    <p className="result-ok" role="status">
      {text}
    </p>
  );
}

function RoleChoice({ locale, idPrefix, value }: { locale: Locale; idPrefix: string; value: string }) {
  const t = messagesFor(locale);
  return (
    <fieldset>
      <legend>{t.accounts.role}</legend>
      {(['ward_editor', 'admin'] as const).map((role) => (
        <label key={role} className="choice" htmlFor={`${idPrefix}-role-${role}`}>
          <input id={`${idPrefix}-role-${role}`} type="radio" name="role" value={role} defaultChecked={value === role} /> {t.workspace.roles[role] ?? role}
        </label>
      ))}
    </fieldset>
  );
}

export function AccountsAdminOnlyView({ locale, session }: { locale: Locale; session: Session }) {
  const a = messagesFor(locale).accounts;
  return (
    <WorkspaceShell locale={locale} path={LIST_PATH} session={session}>
      <h1>{a.title}</h1>
      <p className="result-bad">{a.adminOnly}</p>
    </WorkspaceShell>
  );
}

export function AccountListView({ locale, session, accounts, flash }: { locale: Locale; session: Session; accounts: Account[]; flash: AccountsFlash | null }) {
  const t = messagesFor(locale);
  const a = t.accounts;
  const values = flash?.kind === 'account-invalid' && flash.form === 'create' ? flash.values : {};
  return (
    <WorkspaceShell locale={locale} path={LIST_PATH} session={session}>
      <h1>{a.title}</h1>
      <p>{a.lead}</p>
      {flash?.kind === 'account-created' ? <Status text={a.created(flash.email)} /> : null}
      <h2>{a.listTitle}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{a.email}</th>
              <th scope="col">{a.displayName}</th>
              <th scope="col">{a.role}</th>
              <th scope="col">{a.wards}</th>
              <th scope="col">{a.status}</th>
              <th scope="col">{a.lastLogin}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id} data-account-email={account.email}>
                <td>
                  <a href={localePath(locale, `${LIST_PATH}/${account.id}`)} aria-label={a.edit(account.email)}>
                    {account.email}
                  </a>
                </td>
                <td lang="vi">{account.displayName}</td>
                <td>{t.workspace.roles[account.role] ?? account.role}</td>
                <td lang="vi">{account.role === 'admin' ? a.allWards : account.wards.map((w) => `${w.name} (${w.code})`).join(', ')}</td>
                <td>{account.disabled ? a.disabled : a.active}</td>
                <td>{account.lastLoginAt ? formatVietnamDateTime(account.lastLoginAt, locale) : a.never}</td>
              </tr>
            ))}
          </tbody>
        </table>

      <h2 id="create-account">{a.createTitle}</h2>
      <Errors locale={locale} flash={flash} form="create" />
      <form method="post" action={localePath(locale, `${LIST_PATH}/tao`)} className="stacked" aria-labelledby="create-account">
        <CsrfField token={session.csrfToken} />
        <div className="field">
          <label htmlFor="c-email">{a.email}</label>
          <input id="c-email" name="email" type="email" autoComplete="off" required maxLength={254} defaultValue={values['email'] ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="c-name">{a.displayName}</label>
          <input id="c-name" name="displayName" type="text" autoComplete="off" maxLength={120} defaultValue={values['displayName'] ?? ''} />
        </div>
        <RoleChoice locale={locale} idPrefix="c" value={values['role'] ?? 'ward_editor'} />
        <div className="field">
          <label htmlFor="c-wards">{a.wards}</label>
          <input id="c-wards" name="wards" type="text" inputMode="numeric" autoComplete="off" maxLength={400} defaultValue={values['wards'] ?? ''} aria-describedby="c-wards-hint" />
          <p id="c-wards-hint" className="small muted">
            {a.wardsHint}
          </p>
        </div>
        <div className="field">
          <label htmlFor="c-password">{a.password}</label>
          <input id="c-password" name="password" type="password" autoComplete="new-password" required minLength={12} maxLength={256} aria-describedby="c-password-hint" />
          <p id="c-password-hint" className="small muted">
            {a.passwordHint}
          </p>
        </div>
        <button type="submit">{a.create}</button>
      </form>
    </WorkspaceShell>
  );
}

export function AccountEditView({ locale, session, account, flash }: { locale: Locale; session: Session; account: Account; flash: AccountsFlash | null }) {
  const a = messagesFor(locale).accounts;
  const path = `${LIST_PATH}/${account.id}`;
  const values = flash?.kind === 'account-invalid' && flash.form === 'edit' ? flash.values : null;
  const wards = values?.['wards'] ?? account.wards.map((w) => w.code).join(', ');
  return (
    <WorkspaceShell locale={locale} path={path} session={session}>
      <p>
        <a href={localePath(locale, LIST_PATH)}>{a.back}</a>
      </p>
      <h1>{a.editTitle(account.email)}</h1>
      {flash?.kind === 'account-saved' ? <Status text={a.saved} /> : null}
      {flash?.kind === 'account-password-set' ? <Status text={a.passwordSet} /> : null}
      <p>
        {a.status}: {account.disabled ? a.disabled : a.active} · {a.lastLogin}: {account.lastLoginAt ? formatVietnamDateTime(account.lastLoginAt, locale) : a.never}
      </p>
      <Errors locale={locale} flash={flash} form="edit" />
      <form method="post" action={localePath(locale, `${path}/luu`)} className="stacked" aria-label={a.edit(account.email)}>
        <CsrfField token={session.csrfToken} />
        <div className="field">
          <label htmlFor="e-name">{a.displayName}</label>
          <input id="e-name" name="displayName" type="text" autoComplete="off" required maxLength={120} defaultValue={values?.['displayName'] ?? account.displayName} />
        </div>
        <RoleChoice locale={locale} idPrefix="e" value={values?.['role'] ?? account.role} />
        <div className="field">
          <label htmlFor="e-wards">{a.wards}</label>
          <input id="e-wards" name="wards" type="text" inputMode="numeric" autoComplete="off" maxLength={400} defaultValue={wards} aria-describedby="e-wards-hint" />
          <p id="e-wards-hint" className="small muted">
            {a.wardsHint}
          </p>
        </div>
        <label className="choice" htmlFor="e-disabled">
          <input id="e-disabled" type="checkbox" name="disabled" value="true" defaultChecked={values ? values['disabled'] === 'true' : account.disabled} /> {a.disable}
        </label>
        <button type="submit">{a.save}</button>
      </form>

      <h2 id="set-password">{a.passwordTitle}</h2>
      <Errors locale={locale} flash={flash} form="password" />
      <form method="post" action={localePath(locale, `${path}/mat-khau`)} className="stacked" aria-labelledby="set-password">
        <CsrfField token={session.csrfToken} />
        <div className="field">
          <label htmlFor="p-password">{a.newPassword}</label>
          <input id="p-password" name="password" type="password" autoComplete="new-password" required minLength={12} maxLength={256} aria-describedby="p-password-hint" />
          <p id="p-password-hint" className="small muted">
            {a.passwordHint}
          </p>
        </div>
        <button type="submit">{a.setPassword}</button>
      </form>
    </WorkspaceShell>
  );
}
