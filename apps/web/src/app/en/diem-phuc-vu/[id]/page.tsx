import { servicePointRoute } from '../../../../routes/detail-routes';

const route = servicePointRoute('en');

export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = (): Array<{ id: string }> => [];
export const generateMetadata = route.generateMetadata;
export default route.Page;
