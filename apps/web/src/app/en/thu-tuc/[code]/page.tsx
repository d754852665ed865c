import { procedureRoute } from '../../../../routes/detail-routes';

const route = procedureRoute('en');

export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = (): Array<{ code: string }> => [];
export const generateMetadata = route.generateMetadata;
export default route.Page;
