import { downloadQrBatchHandler } from '../../../../../../routes/workspace-actions';

// The batch's ZIP, fetched from the API with the admin's session (the browser only talks to the web app).
export const dynamic = 'force-dynamic';
export const GET = downloadQrBatchHandler('en');
