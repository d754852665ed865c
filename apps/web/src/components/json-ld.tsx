import { serializeJsonLd } from '../view-model/json-ld';

/** schema.org data as a JSON-LD script; not executable, so it is no render-blocking script. */
export function JsonLd({ data }: { data: Record<string, unknown> | Record<string, unknown>[] }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
