// Verifying a plate by typing the code printed on it (/kiem-tra): the way to check a QR sticker
// that may have been pasted over. A form, so it works without JavaScript; any case and spacing.
import type { Page } from 'playwright-core';
import { messagesFor } from '../src/i18n/messages';
import { useBrowserSession, visibleText } from './harness';

const session = useBrowserSession({ javaScriptEnabled: false });
const t = messagesFor('vi');

/** Types a code into the verification form as a person would and submits it. */
async function verify(page: Page, typed: string, base = ''): Promise<void> {
  expect((await page.goto(`${base}/kiem-tra`))?.status()).toBe(200);
  const form = page.locator('main form').first();
  await form.locator('input:not([type="hidden"]):not([type="submit"])').first().fill(typed);
  const submit = form.locator('button:not([type="button"]):not([type="reset"]), input[type="submit"]').first();
  const navigated = page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame());
  await submit.click();
  await navigated;
  await page.waitForLoadState('load');
}

describe('verifying a code typed by hand, without JavaScript', () => {
  it('an official plate, typed in lower case with a space, is confirmed and links to its street', async () => {
    const page = await session.context.newPage();
    const typed = session.city.plateCode.toLowerCase().replace('-', ' ');
    await verify(page, typed);
    expect(await visibleText(page, 'main')).toContain(t.verify.official(session.city.plateCode));
    // The street page, not /q/{code}: a code checked by hand must not count as a scan.
    const streetLink = page.locator(`main a[href="/duong/${session.city.street.slug}"]`);
    expect(await streetLink.count()).toBeGreaterThan(0);
    await page.close();
  });

  it('a well-formed code of no plate is said to be no Phố Số plate', async () => {
    const page = await session.context.newPage();
    await verify(page, session.city.unknownCode);
    expect(await visibleText(page, 'main')).toContain(t.verify.unknown(session.city.unknownCode));
    expect(await page.locator('main a[href^="/duong/"], main a[href^="/q/"]').count()).toBe(0);
    await page.close();
  });

  it('a typo (wrong check character) asks to re-read the plate', async () => {
    const page = await session.context.newPage();
    const last = session.city.plateCode.slice(-1);
    const typo = session.city.plateCode.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    await verify(page, typo);
    expect(await visibleText(page, 'main')).toContain(t.verify.badCheck);
    await page.close();
  });

  it('works in English', async () => {
    const page = await session.context.newPage();
    await verify(page, session.city.plateCode, '/en');
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^en\b/);
    expect(await visibleText(page, 'main')).toContain(messagesFor('en').verify.official(session.city.plateCode));
    await page.close();
  });
});
