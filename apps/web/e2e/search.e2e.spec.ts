// Search is a plain GET form: it must work with JavaScript disabled, as on the cheapest phone or
// behind a proxy that strips scripts. Every test here runs in a context with JavaScript off.
import type { Page } from 'playwright-core';
import { foldVietnamese } from '@pho-so/shared/domain';
import { SAFETY_LINE, visibleText, useBrowserSession } from './harness';

const session = useBrowserSession({ javaScriptEnabled: false });

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
    const page = await session.context.newPage();
    expect((await page.goto('/tim-kiem'))?.status()).toBe(200);
    await search(page, foldVietnamese(session.city.street.name));
    expect(new URL(page.url()).searchParams.get('q')).toBe(foldVietnamese(session.city.street.name));
    expect(await page.locator(`main a[href="/duong/${session.city.street.slug}"]`).count()).toBeGreaterThan(0);
    expect(await visibleText(page, 'footer')).toContain(SAFETY_LINE);
    await page.close();
  });

  it('works from the home page form too, and finds procedures', async () => {
    const page = await session.context.newPage();
    expect((await page.goto('/'))?.status()).toBe(200);
    await search(page, 'khai sinh');
    expect(await page.locator('main a[href^="/thu-tuc/"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('finds streets by the name of a ward before the 2025 reform', async () => {
    const oldWard = session.city.street.wards.flatMap((w) => w.before).find((b) => !session.city.street.wards.some((w) => w.name === b.name));
    if (!oldWard) throw new Error(`${session.city.street.slug} has no pre-reform ward under another name`);
    const page = await session.context.newPage();
    await page.goto('/tim-kiem');
    await search(page, oldWard.name);
    expect(await page.locator('main a[href^="/duong/"]').count()).toBeGreaterThan(0);
    expect(await visibleText(page, 'main')).toContain(oldWard.name.replace(/^(Phường|Xã|Thị trấn) /, ''));
    await page.close();
  });

  it('in English, results link to the English street pages', async () => {
    const page = await session.context.newPage();
    expect((await page.goto('/en/tim-kiem'))?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^en\b/);
    await search(page, foldVietnamese(session.city.street.name));
    expect(new URL(page.url()).pathname).toBe('/en/tim-kiem');
    expect(await page.locator(`main a[href="/en/duong/${session.city.street.slug}"]`).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('a street result opens the street page, still without JavaScript', async () => {
    const page = await session.context.newPage();
    await page.goto(`/tim-kiem?q=${encodeURIComponent(session.city.street.name)}`);
    await Promise.all([page.waitForURL(`**/duong/${session.city.street.slug}`), page.locator(`main a[href="/duong/${session.city.street.slug}"]`).first().click()]);
    expect(await page.locator('h1').first().innerText()).toContain(session.city.street.name);
    await page.close();
  });
});
