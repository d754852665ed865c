import { saveStreetHandler } from '../../../../../../routes/workspace-editing-actions';

// A plain HTML form's target (works without JavaScript): forwards to the API, then redirects (303).
export const dynamic = 'force-dynamic';
export const POST = saveStreetHandler('en');
