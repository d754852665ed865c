import { notOfficialPlateRoute } from '../../../../routes/not-found-routes';

const route = notOfficialPlateRoute('en');
export const metadata = route.metadata;
export default route.Page;
