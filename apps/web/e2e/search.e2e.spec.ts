// Search is a plain GET form: it must work with JavaScript disabled, as on the cheapest phone or
// behind a proxy that strips scripts. Every test here runs in a context with JavaScript off.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { foldVietnamese } from '@pho-so/shared/domain';
import { demoCityFixtures, launchBrowser, newContext, SAFETY_LINE, visibleText, type DemoCity } from './harness';

let browser: Browser;
let context: BrowserContext;
let city: DemoCity;

beforeAll(async () => {
  city = await demoCityFixtures(); // first: it fails at once, with the reason, when the stack did not start
  browser = await launchBrowser();
  context = await newContext(browser, { javaScriptEnabled: false });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** Types into the page's search form like a person and submits it with its button. */
async function search(page: Page, query: string): Promise<void> {
  const form = page.locator('form[action$="/tim-kiem"]').filter({ has: page.locator('input[name="q"]') }).first();
  expect(((await form.getAttribute('method')) ?? 'get').toLowerCase()).toBe('get');
  await form.locator('input[name="q"]').fill(query);
  const submit = form.locator('button:not([type="button"]):not([type="reset"]), input[type="submit"]').first();
  await Promise.all([page.waitForURL((url) => url.pathname.endsWith('/tim-kiem') && url.searchParams.has('q')), submit.click()]);
}

describe('search without JavaScript', () => {
  it('finds a street typed without accents, from the search page', async () => {
    const page = await context.newPage();
    expect((await page.goto('/tim-kiem'))?.status()).toBe(200);
    await search(page, foldVietnamese(city.street.name));
    expect(new URL(page.url()).searchParams.get('q')).toBe(foldVietnamese(city.street.name));
    expect(await page.locator(`main a[href="/duong/${city.street.slug}"]`).count()).toBeGreaterThan(0);
    expect(await visibleText(page, 'footer')).toContain(SAFETY_LINE);
    await page.close();
  });

  it('works from the home page form too, and finds procedures', async () => {
    const page = await context.newPage();
    expect((await page.goto('/'))?.status()).toBe(200);
    await search(page, 'khai sinh');
    expect(await page.locator('main a[href^="/thu-tuc/"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('finds streets by the name of a ward before the 2025 reform', async () => {
    const oldWard = city.street.wards.flatMap((w) => w.before).find((b) => !city.street.wards.some((w) => w.name === b.name));
    if (!oldWard) throw new Error(`${city.street.slug} has no pre-reform ward under another name`);
    const page = await context.newPage();
    await page.goto('/tim-kiem');
    await search(page, oldWard.name);
    expect(await page.locator('main a[href^="/duong/"]').count()).toBeGreaterThan(0);
    expect(await visibleText(page, 'main')).toContain(oldWard.name.replace(/^(Phường|Xã|Thị trấn) /, ''));
    await page.close();
  });

  it('in English, results link to the English street pages', async () => {
    const page = await context.newPage();
    expect((await page.goto('/en/tim-kiem'))?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^en\b/);
    await search(page, foldVietnamese(city.street.name));
    expect(new URL(page.url()).pathname).toBe('/en/tim-kiem');
    expect(await page.locator(`main a[href="/en/duong/${city.street.slug}"]`).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('a street result opens the street page, still without JavaScript', async () => {
    const page = await context.newPage();
    await page.goto(`/tim-kiem?q=${encodeURIComponent(city.street.name)}`);
    await Promise.all([page.waitForURL(`**/duong/${city.street.slug}`), page.locator(`main a[href="/duong/${city.street.slug}"]`).first().click()]);
    expect(await page.locator('h1').first().innerText()).toContain(city.street.name);
    await page.close();
  });
});
