// Every page, in Vietnamese and in English: the right status and `lang`, the footer's safety line, a
// language switch to the same page in the other language, and no serious or critical axe-core
// violation. Each page's full axe report (all impacts) is kept in tmp/artifacts/axe/.
import { axe, counterpartPath, formatViolations, languageSwitch, SAFETY_LINE, seriousOrCritical, visibleText, type DemoCity, useBrowserSession } from './harness';

const session = useBrowserSession();

interface PageCase {
  name: string;
  path: (city: DemoCity) => string;
  status: number;
  /** Where else this page's language switch may lead, given as this page's own language's path. */
  alsoSwitchesTo?: (city: DemoCity) => string;
}

const VIETNAMESE_PAGES: PageCase[] = [
  { name: 'home', path: () => '/', status: 200 },
  { name: 'scan', path: (c) => `/q/${c.plateCode}`, status: 200, alsoSwitchesTo: (c) => `/duong/${c.street.slug}` },
  { name: 'street', path: (c) => `/duong/${c.street.slug}`, status: 200 },
  { name: 'search', path: () => '/tim-kiem', status: 200 },
  { name: 'search-results', path: () => '/tim-kiem?q=tran', status: 200 },
  { name: 'procedure', path: (c) => `/thu-tuc/${c.procedure.code}`, status: 200 },
  { name: 'service-point', path: (c) => `/diem-phuc-vu/${c.servicePoints[0]?.id}`, status: 200 },
  { name: 'verify', path: () => '/kiem-tra', status: 200 },
  // A 404 page does not know the code it was asked for (Next's not-found boundary gets no params), so its
  // switch may lead to the other language's verification page instead.
  { name: 'unknown-plate', path: (c) => `/q/${c.unknownCode}`, status: 404, alsoSwitchesTo: () => '/kiem-tra' },
];
const PAGES: Array<PageCase & { locale: 'vi' | 'en' }> = [
  ...VIETNAMESE_PAGES.map((p) => ({ ...p, locale: 'vi' as const })),
  ...VIETNAMESE_PAGES.map(({ path, alsoSwitchesTo, ...p }) => ({
    ...p,
    locale: 'en' as const,
    path: (c: DemoCity) => counterpartPath(path(c)),
    alsoSwitchesTo: alsoSwitchesTo && ((c: DemoCity) => counterpartPath(alsoSwitchesTo(c))),
  })),
];

describe.each(PAGES)('$locale $name', ({ name, locale, path: pathOf, status, alsoSwitchesTo }) => {
  it(`answers ${status} with lang, safety footer, language switch, JSON-LD, Open Graph and no serious axe violation`, async () => {
    const path = pathOf(session.city);
    const page = await session.context.newPage();
    const response = await page.goto(path);
    const problems: string[] = [];
    const check = (ok: boolean, problem: string) => ok || problems.push(problem);

    check(response?.status() === status, `status ${response?.status()}, expected ${status}`);
    const lang = (await page.locator('html').getAttribute('lang')) ?? '';
    check(new RegExp(`^${locale}\\b`).test(lang), `<html lang="${lang}">, expected ${locale}`);
    // Also in the HTML as the server sent it (a page drawn only by JavaScript is blank without it).
    const served = /<html[^>]*>/.exec((await response?.text()) ?? '')?.[0] ?? '(none)';
    check(served.includes(`lang="${locale}`), `served ${served}, expected lang="${locale}…"`);
    const footer = (await page.locator('footer').count()) > 0 ? await visibleText(page, 'footer') : '';
    check(footer.includes(SAFETY_LINE), 'the footer lacks the safety line');

    const other = locale === 'vi' ? 'en' : 'vi';
    const switchLink = languageSwitch(page, other);
    if ((await switchLink.count()) === 0) problems.push(`no language switch (a header link with hreflang="${other}")`);
    else {
      const href = new URL((await switchLink.getAttribute('href')) ?? '', page.url());
      const accepted = [path, ...(alsoSwitchesTo ? [alsoSwitchesTo(session.city)] : [])].map((p) => new URL(counterpartPath(p), page.url()).pathname);
      const target = decodeURIComponent(href.pathname).toLowerCase();
      check(
        accepted.some((p) => decodeURIComponent(p).toLowerCase() === target),
        `language switch goes to ${href.pathname}, expected ${accepted.join(' or ')}`,
      );
    }

    // Structured data and link previews: JSON-LD that parses, and Open Graph tags.
    const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
    const types = jsonLd.flatMap((text) => {
      try {
        const data = JSON.parse(text) as { '@type'?: string; '@graph'?: Array<{ '@type'?: string }> };
        return [data['@type'], ...(data['@graph'] ?? []).map((node) => node['@type'])].filter(Boolean);
      } catch {
        problems.push(`JSON-LD that does not parse: ${text.slice(0, 80)}`);
        return [];
      }
    });
    check(types.includes('WebSite'), `JSON-LD types ${JSON.stringify(types)}: no WebSite`);
    if (name === 'street' || name === 'scan' || name === 'service-point') check(types.includes('GovernmentOffice'), `JSON-LD types ${JSON.stringify(types)}: no GovernmentOffice`);
    if (name === 'procedure') check(types.includes('GovernmentService'), `JSON-LD types ${JSON.stringify(types)}: no GovernmentService`);
    if (status === 200) check((await page.locator('meta[property="og:title"]').count()) === 1, 'no og:title');

    const violations = seriousOrCritical(await axe(page, `${locale}-${name}`));
    check(violations.length === 0, `axe-core, serious or critical:\n${formatViolations(violations)}`);

    await page.close();
    expect({ path, problems }).toEqual({ path, problems: [] });
  });
});
