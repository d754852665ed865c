import { searchRoute } from '../../../routes/detail-routes';

const route = searchRoute('vi');

// Rendered per request (it reads the query string); the API reads behind it are cached by tag.
export const generateMetadata = route.generateMetadata;
export default route.Page;
