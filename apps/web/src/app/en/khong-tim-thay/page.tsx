import { notFoundRoute } from '../../../routes/not-found-routes';

// Where the proxy answers a missing street, procedure or service point (status 404, rendered on the server).
const route = notFoundRoute('en');
export const metadata = route.metadata;
export default route.Page;
