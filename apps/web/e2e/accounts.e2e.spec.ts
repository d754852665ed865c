// Account management for administrators (/quan-tri/tai-khoan) in Chromium with JavaScript OFF: an admin
// creates a ward editor who can then sign in. The public pages: an official's text with script and
// HTML payloads shows as literal text (no dialog, no element), and "last confirmed on …" (Vietnam time).
import type { Page } from 'playwright-core';
import { e2eAdmin, signInToWorkspace, stackUrls, useBrowserSession, useFreshPages, visibleText } from './harness';

const session = useBrowserSession();
const fresh = useFreshPages();

const freshPage = (javaScriptEnabled: boolean): Promise<Page> => fresh.page({ javaScriptEnabled });

/** The admin's API session (cookie and CSRF token), logged in straight at the API as a script would. */
async function adminApiSession(): Promise<{ cookie: string; csrfToken: string }> {
  const admin = e2eAdmin();
  const response = await fetch(`${stackUrls().api}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  if (response.status !== 200) throw new Error(`admin login: ${response.status} ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]!, csrfToken };
}

describe('accounts page (admins)', () => {
  it('an admin creates a ward editor through the form (JavaScript off), who can then sign in', async () => {
    const ward = session.city.servicePoints.find((p) => p.ward)!.ward!;
    const email = `can.bo.moi.${Date.now()}@e2e.example.org`;
    const password = 'con phố mới sáng nay có nắng';
    const page = await freshPage(false);
    await signInToWorkspace(page, e2eAdmin());
    // The workspace navigation links the accounts page for an admin.
    const nav = page.locator('nav a[href="/quan-tri/tai-khoan"]');
    expect(await nav.count()).toBe(1);
    await Promise.all([page.waitForURL((url) => url.pathname === '/quan-tri/tai-khoan'), nav.click()]);
    expect(await visibleText(page, 'h1')).toContain('Tài khoản cán bộ');

    // A weak password: the API's message in the page, the typed email kept.
    await page.locator('#c-email').fill(email);
    await page.locator('#c-name').fill('Cán bộ mới');
    await page.locator('#c-role-ward_editor').check();
    await page.locator('#c-wards').fill(ward.code);
    await page.locator('#c-password').fill('qwerty123456');
    await Promise.all([page.waitForURL((url) => url.pathname === '/quan-tri/tai-khoan'), page.locator('form[action$="/tai-khoan/tao"] button[type="submit"]').click()]);
    await page.waitForLoadState('load');
    expect(await visibleText(page, '#account-create-errors')).toContain('phổ biến');
    expect(await page.locator('#c-email').inputValue()).toBe(email);

    await page.locator('#c-password').fill(password);
    await Promise.all([page.waitForLoadState('load'), page.locator('form[action$="/tai-khoan/tao"] button[type="submit"]').click()]);
    await page.waitForLoadState('load');
    expect(await visibleText(page, '[role="status"]')).toContain(email);
    const row = page.locator(`tr[data-account-email="${email}"]`);
    expect(await visibleText(page, `tr[data-account-email="${email}"]`)).toContain(ward.code);
    expect(await row.count()).toBe(1);

    // The new editor signs in (another browser) and sees the workspace, without the accounts link.
    const editorPage = await freshPage(false);
    await signInToWorkspace(editorPage, { email, password });
    expect(await editorPage.locator('nav a[href="/quan-tri/tai-khoan"]').count()).toBe(0);
    await editorPage.goto('/quan-tri/tai-khoan');
    expect(await visibleText(editorPage, 'main')).toContain('Chỉ quản trị viên');

    // The admin disables the account: the editor's session ends at its next page.
    await Promise.all([page.waitForURL(/\/quan-tri\/tai-khoan\/[0-9a-f-]{36}$/), row.locator('a').first().click()]);
    await page.locator('#e-disabled').check();
    await Promise.all([page.waitForLoadState('load'), page.locator('form[action$="/luu"] button[type="submit"]').click()]);
    await page.waitForLoadState('load');
    expect(await visibleText(page, '[role="status"]')).toContain('Đã lưu');
    await editorPage.goto('/quan-tri');
    expect(new URL(editorPage.url()).pathname).toBe('/quan-tri/dang-nhap');

    // English page too.
    await page.goto('/en/quan-tri/tai-khoan');
    expect(await visibleText(page, 'h1')).toContain("Officials' accounts");
  }, 60_000);
});

describe('public pages show officials’ text escaped, and when it was last confirmed', () => {
  it('script and HTML typed into accessibility notes are literal text on the public page; "Xác nhận lần cuối ngày …" on the page and the street card', async () => {
    const point = [...session.city.servicePoints].reverse().find((p) => p.relation !== 'home_ward') ?? session.city.servicePoints[0]!;
    const api = stackUrls().api;
    const admin = await adminApiSession();
    const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' };
    const recordUrl = `${api}/api/v1/workspace/service-points/${point.id}`;
    const { version } = (await (await fetch(recordUrl, { headers: { cookie: admin.cookie } })).json()) as { version: number };
    const notes = 'Lối vào <script>alert(1)</script> và <b>x</b>';
    const patched = await fetch(recordUrl, { method: 'PATCH', headers, body: JSON.stringify({ baseVersion: version, accessibilityNotes: notes }) });
    expect(patched.status).toBe(200);
    const { version: next } = (await patched.json()) as { version: number };
    const confirmed = await fetch(`${recordUrl}/confirm`, { method: 'POST', headers, body: JSON.stringify({ baseVersion: next }) });
    expect(confirmed.status).toBe(200);
    const { lastConfirmedAt } = (await confirmed.json()) as { lastConfirmedAt: string };
    // The day in Vietnam time (UTC+7), as the Vietnamese page writes it.
    const day = new Date(new Date(lastConfirmedAt).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    const [y, m, d] = day.split('-');
    const expectedVi = `Xác nhận lần cuối ngày ${d}/${m}/${y}`;

    const page = await freshPage(true);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // Revalidated through the API's queue: the public page shows the edit within a few seconds.
    const deadline = Date.now() + 20_000;
    let text = '';
    while (Date.now() < deadline) {
      await page.goto(`/diem-phuc-vu/${point.id}`);
      text = await visibleText(page, 'main');
      if (text.includes('<script>alert(1)</script>') && text.includes(expectedVi)) break;
      await page.waitForTimeout(500);
    }
    expect(text).toContain('Lối vào <script>alert(1)</script> và <b>x</b>');
    expect(text).toContain(expectedVi);
    expect(await page.locator('main b').filter({ hasText: /^x$/ }).count()).toBe(0);
    expect(await page.locator('main script:not([type="application/ld+json"])').evaluateAll((nodes) => nodes.filter((n) => (n.textContent ?? '').includes('alert(1)')).length)).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);

    await page.goto(`/en/diem-phuc-vu/${point.id}`);
    expect(await visibleText(page, 'main')).toContain('Last confirmed on');

    // The street page's card of that service point.
    let card = '';
    const until = Date.now() + 20_000;
    while (Date.now() < until) {
      await page.goto(`/duong/${session.city.street.slug}`);
      card = await visibleText(page, `li.card:has(a[href="/diem-phuc-vu/${point.id}"])`);
      if (card.includes(expectedVi)) break;
      await page.waitForTimeout(500);
    }
    expect(card).toContain(expectedVi);
    expect(dialogs).toEqual([]);
  }, 60_000);
});
