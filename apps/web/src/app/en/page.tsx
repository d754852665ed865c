import type { Metadata } from 'next';
import { messagesFor } from '../../i18n/messages';
import { pageMetadata } from '../../routes/metadata';
import { HomeView } from '../../views/home-view';

export const revalidate = 3600;

export function generateMetadata(): Metadata {
  const t = messagesFor('en');
  return pageMetadata({ locale: 'en', title: t.home.title, description: t.siteDescription, path: '/' });
}

export default function HomePage() {
  return <HomeView locale="en" />;
}
