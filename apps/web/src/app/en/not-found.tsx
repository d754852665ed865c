import { notFoundRoute } from '../../routes/not-found-routes';

const route = notFoundRoute('en');
export const metadata = route.metadata;
export default route.Page;
