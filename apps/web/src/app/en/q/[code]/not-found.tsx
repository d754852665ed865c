import type { Metadata } from 'next';
import { messagesFor } from '../../../../i18n/messages';
import { NotOfficialPlateView } from '../../../../views/not-found-view';

export const metadata: Metadata = { title: messagesFor('en').plate.notOfficialTitle, robots: { index: false } };

export default function PlateNotFound() {
  return <NotOfficialPlateView locale="en" />;
}
