import { notOfficialPlateRoute } from '../../../../routes/not-found-routes';

// Where the proxy answers an unknown or malformed plate code (status 404, rendered on the server).
const route = notOfficialPlateRoute('vi');
export const metadata = route.metadata;
export default route.Page;
