import { plateRoute } from '../../../../routes/street-routes';

const route = plateRoute('vi');

// The URL a QR code encodes. Cached like the street page; the scan counter is an image the cache never keeps.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = (): Array<{ code: string }> => [];
export const generateMetadata = route.generateMetadata;
export default route.Page;
