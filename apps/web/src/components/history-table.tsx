import type { AuditEntry } from '../data/workspace';
import type { Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { formatVietnamDateTime } from '../view-model/format';

const showValue = (value: unknown, empty: string): string => {
  if (value === null || value === undefined || value === '') return empty;
  return typeof value === 'string' ? value : JSON.stringify(value);
};

/** A record's audit trail, newest first: when, who, what was done, which field, old → new. */
export function HistoryTable({ locale, entries, empty }: { locale: Locale; entries: readonly AuditEntry[]; empty: string }) {
  const w = messagesFor(locale).workspace;
  if (entries.length === 0) return <p>{empty}</p>;
  return (
    <table className="workspace-table history">
      <thead>
        <tr>
          <th scope="col">{w.history.when}</th>
          <th scope="col">{w.history.who}</th>
          <th scope="col">{w.history.action}</th>
          <th scope="col">{w.history.field}</th>
          <th scope="col">{w.history.old}</th>
          <th scope="col">{w.history.new}</th>
        </tr>
      </thead>
      <tbody>
        {[...entries].reverse().map((entry, i) => (
          <tr key={i}>
            <td>{formatVietnamDateTime(entry.at, locale)}</td>
            <td>{entry.actorLabel}</td>
            <td>{w.history.actions[entry.action] ?? entry.action}</td>
            <td>{entry.field ? (w.fields[entry.field] ?? entry.field) : '—'}</td>
            <td lang="vi" className="pre">
              {showValue(entry.oldValue, w.empty)}
            </td>
            <td lang="vi" className="pre">
              {showValue(entry.newValue, w.empty)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
