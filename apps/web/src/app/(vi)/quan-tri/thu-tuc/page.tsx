import { procedureNoteRoute } from '../../../../routes/workspace-editing-routes';

const route = procedureNoteRoute('vi');

// The officials' workspace: rendered per request with the official's session, never cached or indexed.
export const dynamic = 'force-dynamic';
export const metadata = route.metadata;
export default route.Page;
