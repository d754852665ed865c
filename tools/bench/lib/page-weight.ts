// The weight of an HTML page against issue 4's budgets (HTML ≤ 30 KB compressed, CSS ≤ 15 KB, no
// render-blocking script), from the bytes the server sends. A plain scan of the tags, not a DOM: enough
// for the HTML Next writes (attributes quoted, <style> and <script> bodies without their closing tag).
import { gzipSync } from 'node:zlib';

export interface Sized {
  bytes: number;
  /** gzip -6, what the edge (nginx gzip_comp_level 6) and Next's compression send */
  gzipBytes: number;
}

export interface ScriptTag {
  /** the opening tag, shortened */
  tag: string;
  src?: string;
  type?: string;
  async: boolean;
  defer: boolean;
  /** nomodule: browsers that support modules neither fetch nor run it (Next's polyfills for old browsers) */
  nomodule: boolean;
  /** bytes between <script …> and </script> */
  inlineBytes: number;
}

export interface PageWeight {
  html: Sized;
  /** the content of every <style> element, together */
  inlineCss: Sized & { elements: number };
  /** <link rel="stylesheet"> hrefs; their size is filled in by the caller that can fetch them */
  stylesheetHrefs: string[];
  scripts: ScriptTag[];
  /**
   * scripts with a src, without async or defer, not type="module" (deferred) and not nomodule (skipped by
   * every browser that supports modules): they hold up rendering
   */
  blockingExternalScripts: ScriptTag[];
  /** scripts with a src and nomodule, without async or defer: blocking only in browsers without module support */
  nomoduleScripts: ScriptTag[];
  /** inline scripts other than JSON-LD: they run where they stand, nothing is fetched */
  inlineScripts: ScriptTag[];
  /** every <script> without async/defer that is not type="application/ld+json", inline or not (the strict reading) */
  withoutAsyncOrDefer: ScriptTag[];
}

export const sized = (body: Buffer | string): Sized => {
  const buffer = typeof body === 'string' ? Buffer.from(body) : body;
  return { bytes: buffer.length, gzipBytes: gzipSync(buffer, { level: 6 }).length };
};

/** Attributes of an opening tag (`<script async src="…">` → { async: '', src: '…' }), names lower-cased. */
export function attributes(openingTag: string): Record<string, string> {
  const inner = openingTag.replace(/^<[a-zA-Z]+/, '').replace(/\/?>$/, '');
  const found: Record<string, string> = {};
  for (const match of inner.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = (match[1] as string).toLowerCase();
    if (!(name in found)) found[name] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return found;
}

export function pageWeight(html: Buffer): PageWeight {
  const text = html.toString('utf8');
  const styles = [...text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1] as string);
  const stylesheetHrefs = [...text.matchAll(/<link\b[^>]*>/gi)]
    .map((m) => attributes(m[0]))
    .filter((a) => (a['rel'] ?? '').toLowerCase().split(/\s+/).includes('stylesheet') && a['href'])
    .map((a) => a['href'] as string);
  const scripts: ScriptTag[] = [...text.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)].map((m) => {
    const a = attributes(m[1] as string);
    return {
      tag: (m[1] as string).length > 120 ? `${(m[1] as string).slice(0, 117)}...` : (m[1] as string),
      ...(a['src'] !== undefined ? { src: a['src'] } : {}),
      ...(a['type'] !== undefined ? { type: a['type'].toLowerCase() } : {}),
      async: 'async' in a,
      defer: 'defer' in a,
      nomodule: 'nomodule' in a,
      inlineBytes: Buffer.byteLength(m[2] as string),
    };
  });
  const jsonLd = (s: ScriptTag) => s.type === 'application/ld+json';
  const withoutAsyncOrDefer = scripts.filter((s) => !s.async && !s.defer && !jsonLd(s));
  return {
    html: sized(html),
    inlineCss: { ...sized(styles.join('')), elements: styles.length },
    stylesheetHrefs,
    scripts,
    blockingExternalScripts: withoutAsyncOrDefer.filter((s) => s.src !== undefined && s.type !== 'module' && !s.nomodule),
    nomoduleScripts: withoutAsyncOrDefer.filter((s) => s.src !== undefined && s.nomodule),
    inlineScripts: scripts.filter((s) => s.src === undefined && !jsonLd(s)),
    withoutAsyncOrDefer,
  };
}
