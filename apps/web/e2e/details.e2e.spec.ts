// The detail pages a street page links to: a procedure (with the link to the national portal and a
// printable documents checklist) and a service point (hours, phone). Reached by following the street
// page's own links, as a citizen would.
import { visibleText, useBrowserSession } from './harness';

const session = useBrowserSession({ javaScriptEnabled: false });

describe('detail pages, without JavaScript', () => {
  it('a procedure: its name, the national portal link and a documents checklist', async () => {
    const page = await session.context.newPage();
    const response = await page.goto(`/thu-tuc/${encodeURIComponent(session.city.procedure.code)}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').first().innerText()).toContain(session.city.procedure.name);
    expect(await page.locator(`main a[href="${session.city.procedure.portalUrl}"]`).count()).toBeGreaterThan(0);
    expect(await page.locator('main input[type="checkbox"], main ul li').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('a service point, opened from the street page: its name, and its phone as a tel: link', async () => {
    const point = session.city.servicePoints[0];
    if (!point) throw new Error('the street has no service point');
    const page = await session.context.newPage();
    await page.goto(`/duong/${session.city.street.slug}`);
    await Promise.all([page.waitForURL(`**/diem-phuc-vu/${point.id}`), page.locator(`main a[href="/diem-phuc-vu/${point.id}"]`).first().click()]);
    expect(await page.locator('h1').first().innerText()).toContain(point.name);
    expect(await visibleText(page, 'main')).toContain(point.address);
    if (point.phone) expect(await page.locator('main a[href^="tel:"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('an unknown procedure or service point answers 404', async () => {
    const page = await session.context.newPage();
    expect((await page.goto('/thu-tuc/9.999999'))?.status()).toBe(404);
    expect((await page.goto('/diem-phuc-vu/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
    expect((await page.goto('/en/duong/khong-co-pho-nay'))?.status()).toBe(404);
    await page.close();
  });
});
