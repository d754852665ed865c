import { streetRoute } from '../../../../routes/street-routes';

const route = streetRoute('en');

// Generated on first visit, then served from the cache; regenerated at most every 60 s (the "open now"
// badges) or at once when a change revalidates its tags.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = (): Array<{ slug: string }> => [];
export const generateMetadata = route.generateMetadata;
export default route.Page;
