// The scanning flow: the URL a plate's QR code encodes opens that street's page directly, echoes the
// plate (anti-quishing) and counts the scan through the beacon image; a code that is no plate of ours
// answers 404 with a page that says so.
import type { Page, Response } from 'playwright-core';
import { messagesFor } from '../src/i18n/messages';
import { SAFETY_LINE, visibleText, useBrowserSession } from './harness';

const session = useBrowserSession();

/** Opens a path and waits for the scan beacon's answer (requested by the page's <img>). */
async function openScan(page: Page, path: string): Promise<{ response: Response; beacon: Response }> {
  const beaconPath = `/api/v1/plates/${session.city.plateCode}/scan.gif`.toUpperCase();
  const beacon = page.waitForResponse((r) => new URL(r.url()).pathname.toUpperCase() === beaconPath);
  beacon.catch(() => undefined); // awaited below only when the page itself answered
  const response = await page.goto(path);
  if (!response || response.status() !== 200) throw new Error(`GET ${path} answered ${response?.status()}, expected 200`);
  return { response, beacon: await beacon };
}

describe('scanning a plate', () => {
  const cases = [
    ['the QR URL as printed (/Q/CODE)', (code: string) => `/Q/${code}`],
    ['upper-case code', (code: string) => `/q/${code}`],
    ['lower-case code', (code: string) => `/q/${code.toLowerCase()}`],
  ] as const;

  it.each(cases)('%s opens the street page directly, with the plate banner and the counting beacon', async (_label, pathOf) => {
    const page = await session.context.newPage();
    const path = pathOf(session.city.plateCode);
    const { response, beacon } = await openScan(page, path);

    // No redirect hop: the page at the QR URL is the street page.
    expect(response.status()).toBe(200);
    expect(response.request().redirectedFrom()).toBeNull();
    expect(new URL(page.url()).pathname).toBe(path);
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^vi\b/);
    expect(await page.locator('h1').first().innerText()).toContain(session.city.street.name);

    // The banner echoes the plate so the citizen can compare it with the one in front of them.
    expect(await visibleText(page)).toContain(`Bạn vừa quét biển ${session.city.plateCode} · ${session.city.plateDescription}`);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(new URL(canonical ?? '', page.url()).pathname).toBe(`/duong/${session.city.street.slug}`);

    // The beacon: an <img> at the web origin (proxied to the API), answered with an uncached GIF.
    const img = page.locator(`img[src*="/api/v1/plates/"][src$="/scan.gif"]`);
    expect(await img.count()).toBe(1);
    const src = new URL((await img.getAttribute('src')) ?? '', page.url());
    expect(src.origin).toBe(new URL(page.url()).origin);
    expect(src.pathname.toUpperCase()).toBe(`/API/V1/PLATES/${session.city.plateCode}/SCAN.GIF`);
    expect(beacon.status()).toBe(200);
    expect(beacon.headers()['content-type']).toBe('image/gif');
    expect(beacon.headers()['cache-control']).toContain('no-store');

    expect(await visibleText(page, 'footer')).toContain(SAFETY_LINE);
    await page.close();
  });

  it('in English, the banner and the page are English and the data stays Vietnamese', async () => {
    const page = await session.context.newPage();
    const { response, beacon } = await openScan(page, `/en/q/${session.city.plateCode.toLowerCase()}`);
    expect(response.status()).toBe(200);
    expect(beacon.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^en\b/);
    expect(await page.locator('h1').first().innerText()).toContain(session.city.street.name);
    expect(await visibleText(page)).toContain(session.city.plateCode);
    expect(await visibleText(page, 'footer')).toContain(SAFETY_LINE);
    await page.close();
  });
});

describe('a code that is no plate of ours (JavaScript off: the page must come from the server)', () => {
  const t = messagesFor('vi');
  const noScript = useBrowserSession({ javaScriptEnabled: false });

  it.each([
    ['a well-formed code of no plate', () => session.city.unknownCode],
    ['a malformed code', () => session.city.malformedCode],
    ['a lower-case unknown code', () => session.city.unknownCode.toLowerCase()],
  ] as const)('%s answers 404 with the not-an-official-plate page', async (_label, codeOf) => {
    const page = await noScript.context.newPage();
    const response = await page.goto(`/q/${encodeURIComponent(codeOf())}`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^vi\b/);
    const text = await visibleText(page);
    expect(text).toContain(t.plate.notOfficialTitle);
    // It warns against entering personal data or paying, and offers to verify the printed code.
    expect(text).toContain(t.plate.notOfficialWarning);
    const verify = page.locator('main form[action$="/kiem-tra"], main a[href^="/kiem-tra"]');
    expect(await verify.count()).toBeGreaterThan(0);
    // Never a street page.
    expect(await page.locator('link[rel="canonical"][href*="/duong/"]').count()).toBe(0);
    expect(await visibleText(page, 'footer')).toContain(SAFETY_LINE);
    await page.close();
  });

  it('in English too (404, English page)', async () => {
    const page = await noScript.context.newPage();
    const response = await page.goto(`/en/q/${session.city.unknownCode}`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^en\b/);
    expect(await visibleText(page)).toContain(messagesFor('en').plate.notOfficialTitle);
    await page.close();
  });
});
