import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { RootDocument } from '../../components/root-document';
import { messagesFor } from '../../i18n/messages';

const t = messagesFor('en');

export const metadata: Metadata = { title: { default: t.siteName, template: `%s · ${t.siteName}` }, description: t.siteDescription };
export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b5394' };

export default function EnglishRootLayout({ children }: { children: ReactNode }) {
  return <RootDocument locale="en">{children}</RootDocument>;
}
