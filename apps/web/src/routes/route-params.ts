/** What Next passes to a dynamic route's page and generateMetadata. */
export interface RouteProps<P extends Record<string, string>> {
  params: Promise<P>;
}

export interface SearchRouteProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The first value of a query parameter, or undefined. */
export const firstParam = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
