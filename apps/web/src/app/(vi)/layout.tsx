import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { RootDocument } from '../../components/root-document';
import { messagesFor } from '../../i18n/messages';

const t = messagesFor('vi');

export const metadata: Metadata = { title: { default: t.siteName, template: `%s · ${t.siteName}` }, description: t.siteDescription };
export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b5394' };

export default function VietnameseRootLayout({ children }: { children: ReactNode }) {
  return <RootDocument locale="vi">{children}</RootDocument>;
}
