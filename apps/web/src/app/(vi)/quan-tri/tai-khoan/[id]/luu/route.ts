import { saveAccountHandler } from '../../../../../../routes/accounts-actions';

// A plain HTML form's target (works without JavaScript): forwards to the API, then redirects (303).
export const dynamic = 'force-dynamic';
export const POST = saveAccountHandler('vi');
