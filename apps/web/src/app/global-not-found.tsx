// The 404 of addresses that match no route at all (there are two root layouts, one per language, so
// no single layout can render it). Both languages, since the address says nothing about the reader.
import type { Metadata } from 'next';
import { NotFoundView } from '../views/not-found-view';
import '../styles/site.css';

export const metadata: Metadata = { title: 'Không tìm thấy trang · Page not found', robots: { index: false } };

export default function GlobalNotFound() {
  return (
    <html lang="vi">
      <body>
        <NotFoundView locale="vi" />
      </body>
    </html>
  );
}
