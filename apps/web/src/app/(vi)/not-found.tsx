import type { Metadata } from 'next';
import { messagesFor } from '../../i18n/messages';
import { NotFoundView } from '../../views/not-found-view';

export const metadata: Metadata = { title: messagesFor('vi').notFound.title, robots: { index: false } };

export default function NotFound() {
  return <NotFoundView locale="vi" />;
}
