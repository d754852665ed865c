// The street page as a citizen's phone shows it: the two sections the issue names, links to the
// service points and procedures, and a 360×740 screenshot kept in tmp/artifacts/ for a person to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS_DIR, visibleText, useBrowserSession } from './harness';

  // A mid-range Android phone: 360×740 CSS pixels.
const session = useBrowserSession({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

describe('street page', () => {
  it('shows where to go and what can be done, and fits a 360 px wide phone', async () => {
    const page = await session.context.newPage();
    const response = await page.goto(`/duong/${session.city.street.slug}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').first().innerText()).toContain(session.city.street.name);

    const headings = (await page.locator('h2').allInnerTexts()).map((h) => h.replace(/\s+/g, ' ').trim());
    expect(headings).toEqual(expect.arrayContaining([expect.stringContaining('Làm thủ tục ở đâu'), expect.stringContaining('Thủ tục có thể làm')]));

    // The home-ward centre first, each service point linked to its own page; procedures linked too.
    const firstPoint = session.city.servicePoints[0];
    if (!firstPoint) throw new Error('the street has no service point');
    expect(await page.locator(`main a[href="/diem-phuc-vu/${firstPoint.id}"]`).count()).toBeGreaterThan(0);
    expect(await visibleText(page, 'main')).toContain(firstPoint.name);
    expect(await page.locator('main a[href^="/thu-tuc/"]').count()).toBeGreaterThan(0);
    if (firstPoint.phone) expect(await page.locator('main a[href^="tel:"]').count()).toBeGreaterThan(0);
    expect(await page.locator('main a[href*="openstreetmap.org"]').count()).toBeGreaterThan(0);

    // Nothing wider than the phone: no horizontal scrolling.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const file = join(ARTIFACTS_DIR, 'street-page-360x740.png');
    // In CSS pixels, so the picture is 360×740 whatever the device pixel ratio; the whole page beside it.
    await page.screenshot({ path: file, scale: 'css' });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'street-page-360-full.png'), scale: 'css', fullPage: true });
    await page.close();
  });
});
