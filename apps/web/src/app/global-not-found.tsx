// The 404 of addresses that match no route at all (there are two root layouts, one per language, so
// no single layout can render it). Vietnamese first, then the same in English: the address says
// nothing about the reader's language.
import type { Metadata } from 'next';
import { NotFoundView } from '../views/not-found-view';
import { messagesFor } from '../i18n/messages';
import '../styles/site.css';

export const metadata: Metadata = { title: 'Không tìm thấy trang · Page not found', robots: { index: false } };

export default function GlobalNotFound() {
  const en = messagesFor('en').notFound;
  return (
    <html lang="vi">
      <body>
        <NotFoundView locale="vi">
          <section lang="en" aria-label={en.title}>
            <h2>{en.title}</h2>
            <p>{en.text}</p>
            <p>{en.qrHint}</p>
            <p>
              <a href="/en">{en.home}</a>
            </p>
          </section>
        </NotFoundView>
      </body>
    </html>
  );
}
