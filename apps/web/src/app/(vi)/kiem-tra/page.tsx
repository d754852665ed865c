import { verifyRoute } from '../../../routes/detail-routes';

const route = verifyRoute('vi');

// Rendered per request (it reads ?ma=); the plate lookups behind it are cached by tag.
export const generateMetadata = route.generateMetadata;
export default route.Page;
