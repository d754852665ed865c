// The officials' workspace (/quan-tri) in Chromium with JavaScript OFF (plain forms, POST then
// redirect): a ward editor signs in, changes a service point's hours and the public street page shows
// them; an editor of another ward gets a 404 and cannot change it; a stale edit shows the conflict;
// logging out ends the session. The officials are created by the global setup (one per ward).
import type { Page } from 'playwright-core';
import {
  axe,
  e2eAdmin,
  editorOfAnotherWard,
  editorOfWard,
  formatViolations,
  seriousOrCritical,
  signInToWorkspace,
  useBrowserSession,
  useFreshPages,
  visibleText,
  type E2eOfficial,
} from './harness';

// Axe needs scripts; the workflows run without them.
const session = useBrowserSession();
const fresh = useFreshPages();

/** A fresh context without JavaScript (its own cookies: one official's browser). */
const noScriptPage = (): Promise<Page> => fresh.page({ javaScriptEnabled: false });

/** The demo street's home-ward centre, and the editors of its ward and of another. */
function cast(): { pointId: string; slug: string; editor: E2eOfficial; outsider: E2eOfficial } {
  const point = session.city.servicePoints.find((p) => p.relation === 'home_ward' && p.ward);
  if (!point?.ward) throw new Error(`the demo street ${session.city.street.slug} has no home-ward centre with a ward`);
  return { pointId: point.id, slug: session.city.street.slug, editor: editorOfWard(point.ward.code), outsider: editorOfAnotherWard(point.ward.code) };
}

async function expectNoSeriousAxe(page: Page, name: string): Promise<void> {
  const serious = seriousOrCritical(await axe(page, name));
  expect(formatViolations(serious)).toBe('');
}

async function saveForm(page: Page): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.locator('form[action$="/luu"] button[type="submit"]').click()]);
  await page.waitForLoadState('load');
}

describe('workspace login', () => {
  it.each([
    ['vi', '', 'Email hoặc mật khẩu không đúng'],
    ['en', '/en', 'The email address or the password is wrong'],
  ] as const)('%s: a wrong password is refused in the page language, and the page has no serious axe violation', async (_locale, prefix, message) => {
    const page = await session.context.newPage();
    const response = await page.goto(`${prefix}/quan-tri/dang-nhap`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control'] ?? '').toContain('no-store');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
    await expectNoSeriousAxe(page, `workspace-login-${_locale}`);

    await page.locator('input[name="email"]').fill('nobody@e2e.example.org');
    await page.locator('input[name="password"]').fill('not the password at all');
    await Promise.all([page.waitForURL((url) => url.pathname === `${prefix}/quan-tri/dang-nhap`), page.locator('button[type="submit"]').last().click()]);
    await page.waitForLoadState('load');
    expect(await visibleText(page, '#login-error')).toContain(message);
    expect(await page.locator('input[name="email"]').inputValue()).toBe('nobody@e2e.example.org');
    // The error is shown once: a reload shows the form afresh.
    await page.reload();
    expect(await page.locator('#login-error').count()).toBe(0);
    await page.close();
  });

  it('the workspace sends a visitor without a session to the login page', async () => {
    const page = await noScriptPage();
    await page.goto('/quan-tri');
    expect(new URL(page.url()).pathname).toBe('/quan-tri/dang-nhap');
    await page.goto('/en/quan-tri/bien');
    expect(new URL(page.url()).pathname).toBe('/en/quan-tri/dang-nhap');
  });
});

describe('workspace editing (JavaScript off)', () => {
  it('an editor signs in, sees freshness flags, changes the hours, and the public street page shows them', async () => {
    const { pointId, slug, editor } = cast();
    // The street page as the public sees it, cached before the edit.
    const publicPage = await noScriptPage();
    await publicPage.goto(`/duong/${slug}`);
    const card = publicPage.locator(`li.card:has(a[href="/diem-phuc-vu/${pointId}"])`);
    expect(await card.count()).toBe(1);

    const page = await noScriptPage();
    await signInToWorkspace(page, editor);
    expect(await page.locator(`tr[data-service-point="${pointId}"]`).count()).toBe(1);
    // Never confirmed: flagged.
    expect(await visibleText(page, `tr[data-service-point="${pointId}"]`)).toContain('chưa xác nhận 90 ngày');

    await page.locator(`tr[data-service-point="${pointId}"] a[href="/quan-tri/diem-phuc-vu/${pointId}"]`).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe(`/quan-tri/diem-phuc-vu/${pointId}`);
    expect(await page.locator('input[name="_csrf"]').first().inputValue()).not.toBe('');

    // Invalid hours: the server's message inline, the typed value kept, nothing saved.
    await page.locator('input[name="openingHours"]').fill('Mo-Fr 25:00-26:00');
    await saveForm(page);
    expect(await page.locator('#f-openingHours-error').count()).toBe(1);
    expect(await page.locator('input[name="openingHours"]').inputValue()).toBe('Mo-Fr 25:00-26:00');
    expect(await page.locator('input[name="openingHours"]').getAttribute('aria-invalid')).toBe('true');

    await page.locator('input[name="openingHours"]').fill('Mo-Su 05:07-22:53');
    await saveForm(page);
    expect(await visibleText(page, '[role="status"]')).toContain('Đã lưu');
    expect(await page.locator('input[name="openingHours"]').inputValue()).toBe('Mo-Su 05:07-22:53');

    // The history lists the change.
    await page.goto(`/quan-tri/diem-phuc-vu/${pointId}/lich-su`);
    expect(await visibleText(page, 'main')).toContain('Mo-Su 05:07-22:53');

    // Revalidated through the API's queue: the public pages show the new hours within a few seconds.
    const deadline = Date.now() + 20_000;
    let text = '';
    while (Date.now() < deadline) {
      await publicPage.goto(`/duong/${slug}`);
      text = await visibleText(publicPage, `li.card:has(a[href="/diem-phuc-vu/${pointId}"])`);
      if (text.includes('05:07') || text.includes('Nghỉ lễ')) break;
      await publicPage.waitForTimeout(500);
    }
    expect(text).toMatch(/05:07|Nghỉ lễ/);
    await publicPage.goto(`/diem-phuc-vu/${pointId}`);
    expect(await visibleText(publicPage, 'main')).toContain('05:07–22:53');
  }, 60_000);

  it('the list page has no serious axe violation', async () => {
    const { editor } = cast();
    const page = await fresh.page();
    await signInToWorkspace(page, editor);
    await expectNoSeriousAxe(page, 'workspace-list-vi');
    await page.goto('/en/quan-tri');
    await expectNoSeriousAxe(page, 'workspace-list-en');
  });

  it('an editor of another ward gets a 404 page and cannot change the service point', async () => {
    const { pointId, editor, outsider } = cast();
    const page = await noScriptPage();
    await signInToWorkspace(page, outsider);
    expect(await page.locator(`tr[data-service-point="${pointId}"]`).count()).toBe(0);
    for (const path of [`/quan-tri/diem-phuc-vu/${pointId}`, `/quan-tri/diem-phuc-vu/${pointId}/lich-su`, `/en/quan-tri/diem-phuc-vu/${pointId}`]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      expect(await visibleText(page, 'h1')).toMatch(/Không tìm thấy bản ghi|Record not found/);
    }
    // A forged form post with the outsider's own session and token: refused (the page it lands on is the 404).
    await page.goto('/quan-tri');
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const response = await page.request.post(`/quan-tri/diem-phuc-vu/${pointId}/luu`, {
      form: { _csrf: csrf, baseVersion: '0', name: 'Hijacked', address: 'x', phone: '', email: '', openingHours: '24/7', accessibilityNotes: '' },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(response.status()).toBe(404);

    const owner = await noScriptPage();
    await signInToWorkspace(owner, editor);
    await owner.goto(`/quan-tri/diem-phuc-vu/${pointId}`);
    expect(await owner.locator('input[name="name"]').inputValue()).not.toBe('Hijacked');
    expect(await owner.locator('input[name="openingHours"]').inputValue()).not.toBe('24/7');
  });

  it('a stale edit shows the conflict with the current values, and re-applying saves it', async () => {
    const { pointId, editor } = cast();
    const first = await noScriptPage();
    await signInToWorkspace(first, editor);
    const second = await first.context().newPage();
    await first.goto(`/quan-tri/diem-phuc-vu/${pointId}`);
    await second.goto(`/quan-tri/diem-phuc-vu/${pointId}`);

    await first.locator('textarea[name="accessibilityNotes"]').fill('Lối vào có dốc cho xe lăn.');
    await saveForm(first);
    expect(await visibleText(first, '[role="status"]')).toContain('Đã lưu');

    await second.locator('input[name="phone"]').fill('0227 3831 234');
    await saveForm(second);
    const conflict = second.locator('section.conflict');
    expect(await conflict.count()).toBe(1);
    expect(await visibleText(second, 'section.conflict')).toContain('Lối vào có dốc cho xe lăn.');
    // The form keeps what this official typed, now based on the current version.
    expect(await second.locator('input[name="phone"]').inputValue()).toBe('0227 3831 234');
    await saveForm(second);
    expect(await visibleText(second, '[role="status"]')).toContain('Đã lưu');
    expect(await second.locator('section.conflict').count()).toBe(0);
    expect(await second.locator('input[name="phone"]').inputValue()).toBe('0227 3831 234');
    expect(await second.locator('textarea[name="accessibilityNotes"]').inputValue()).toBe('Lối vào có dốc cho xe lăn.');
  });

  it('"still correct" records the confirmation and clears the flag', async () => {
    const { pointId, editor } = cast();
    const page = await noScriptPage();
    await signInToWorkspace(page, editor);
    await page.goto(`/quan-tri/diem-phuc-vu/${pointId}`);
    await Promise.all([page.waitForLoadState('load'), page.locator('form[action$="/xac-nhan"] button').click()]);
    await page.waitForLoadState('load');
    expect(await visibleText(page, '[role="status"]')).toContain('vẫn đúng');
    await page.goto('/quan-tri');
    expect(await visibleText(page, `tr[data-service-point="${pointId}"]`)).not.toContain('chưa xác nhận 90 ngày');
  });

  it('logging out ends the session: the workspace sends the browser to the login page', async () => {
    const { editor } = cast();
    const page = await noScriptPage();
    await signInToWorkspace(page, editor);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'pho_so_session');
    expect(cookie?.httpOnly).toBe(true);
    await Promise.all([page.waitForURL((url) => url.pathname === '/quan-tri/dang-nhap'), page.locator('form[action$="/dang-xuat"] button').click()]);
    expect(await visibleText(page, '[role="status"]')).toContain('Bạn đã đăng xuất');
    await page.goto('/quan-tri');
    expect(new URL(page.url()).pathname).toBe('/quan-tri/dang-nhap');
    // The old cookie, replayed, opens nothing either (the server ended the session).
    await page.context().addCookies([{ ...cookie!, expires: -1 }]);
    await page.goto('/quan-tri');
    expect(new URL(page.url()).pathname).toBe('/quan-tri/dang-nhap');
  });
});

describe('workspace plates and QR batches (JavaScript off)', () => {
  it('the plates page lists the ward’s plates with status and 30-day scans', async () => {
    const { editor } = cast();
    const page = await noScriptPage();
    await signInToWorkspace(page, editor);
    await page.goto('/quan-tri/bien');
    const row = page.locator(`tr[data-plate="${session.city.plateCode}"]`);
    expect(await row.count()).toBe(1);
    expect(await visibleText(page, `tr[data-plate="${session.city.plateCode}"]`)).toContain('đang dùng');
    // No QR batch link for a ward editor, and the launcher says why.
    expect(await page.locator('a[href="/quan-tri/lo-qr"]').count()).toBe(0);
    await page.goto('/quan-tri/lo-qr');
    expect(await visibleText(page, 'main')).toContain('Chỉ quản trị viên');
  });

  it('the queue dashboard (API, admins only) is linked for admins; a visitor is sent to log in and comes back to it', async () => {
    const dashboard = '/api/v1/admin/queues';
    const page = await noScriptPage();
    await page.goto(dashboard);
    const login = new URL(page.url());
    expect(login.pathname).toBe('/quan-tri/dang-nhap');
    expect(login.searchParams.get('next')).toBe(dashboard);
    const admin = e2eAdmin();
    await page.locator('input[name="email"]').fill(admin.email);
    await page.locator('input[name="password"]').fill(admin.password);
    const [answer] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === dashboard),
      page.locator('form[action$="/dang-nhap/gui"] button[type="submit"]').click(),
    ]);
    // This stack runs without Redis: the API answers the signed-in admin that the dashboard needs it.
    expect(answer.status()).toBe(503);
    expect(await visibleText(page, 'body')).toContain('cần Redis');
    for (const [prefix, label] of [['', 'Hàng đợi'], ['/en', 'Queues']] as const) {
      await page.goto(`${prefix}/quan-tri`);
      expect(await visibleText(page, `nav a[href="${dashboard}"]`)).toBe(label);
    }

    const editorPage = await noScriptPage();
    await signInToWorkspace(editorPage, cast().editor);
    expect(await editorPage.locator(`a[href="${dashboard}"]`).count()).toBe(0);
  });

  it('an admin starts a QR batch; the status page refreshes itself until the ZIP can be downloaded', async () => {
    const page = await noScriptPage();
    await signInToWorkspace(page, e2eAdmin());
    await page.goto('/quan-tri/lo-qr');
    await page.locator('input[name="scope"][value="streets"]').check();
    await page.locator('input[name="slugs"]').fill(session.city.street.slug);
    await page.locator('input[name="formats"][value="png"]').uncheck();
    await page.locator('input[name="formats"][value="pdf"]').uncheck();
    await Promise.all([page.waitForURL(/\/quan-tri\/lo-qr\/[0-9a-f-]{36}$/), page.locator('form[action$="/lo-qr/tao"] button[type="submit"]').click()]);
    // The meta refresh reloads the page (no script involved) until the batch is finished.
    const download = page.locator('a.download');
    await download.waitFor({ state: 'attached', timeout: 40_000 });
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
    const href = await download.getAttribute('href');
    const zip = await page.request.get(href!);
    expect(zip.status()).toBe(200);
    expect((await zip.body()).subarray(0, 2).toString('latin1')).toBe('PK');
  }, 60_000);
});
