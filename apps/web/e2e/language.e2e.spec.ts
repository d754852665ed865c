// The language switch: a plain link in the header to the same page in the other language (English
// under /en, paths keep their Vietnamese words), so it works without JavaScript too.
import { languageSwitch, useBrowserSession } from './harness';

const session = useBrowserSession({ javaScriptEnabled: false });

const htmlLang = async (page: import('playwright-core').Page) => (await page.locator('html').getAttribute('lang')) ?? '';

describe('language switch', () => {
  it('goes from the Vietnamese home page to the English one and back', async () => {
    const page = await session.context.newPage();
    await page.goto('/');
    expect(await htmlLang(page)).toMatch(/^vi\b/);
    await Promise.all([page.waitForURL((url) => url.pathname === '/en'), languageSwitch(page, 'en').click()]);
    expect(await htmlLang(page)).toMatch(/^en\b/);
    await Promise.all([page.waitForURL((url) => url.pathname === '/'), languageSwitch(page, 'vi').click()]);
    expect(await htmlLang(page)).toMatch(/^vi\b/);
    await page.close();
  });

  it('keeps the street when switching on a street page, and the data stays Vietnamese', async () => {
    const page = await session.context.newPage();
    await page.goto(`/duong/${session.city.street.slug}`);
    const viHeading = await page.locator('h1').first().innerText();
    await Promise.all([page.waitForURL(`**/en/duong/${session.city.street.slug}`), languageSwitch(page, 'en').click()]);
    expect(await htmlLang(page)).toMatch(/^en\b/);
    expect(await page.locator('h1').first().innerText()).toContain(session.city.street.name);
    expect(viHeading).toContain(session.city.street.name);
    await Promise.all([page.waitForURL((url) => url.pathname === `/duong/${session.city.street.slug}`), languageSwitch(page, 'vi').click()]);
    expect(await htmlLang(page)).toMatch(/^vi\b/);
    await page.close();
  });

  it('the switch link itself is marked with its own language', async () => {
    const page = await session.context.newPage();
    await page.goto('/kiem-tra');
    const link = languageSwitch(page, 'en');
    expect(await link.getAttribute('lang')).toMatch(/^en\b/);
    await page.goto('/en/kiem-tra');
    expect(await languageSwitch(page, 'vi').getAttribute('lang')).toMatch(/^vi\b/);
    await page.close();
  });
});
