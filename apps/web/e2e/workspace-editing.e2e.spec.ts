// The workspace's editors (issue 6) in Chromium with JavaScript OFF: closures, the map picker (an
// <input type="image"> whose click the server turns into coordinates), plates, streets and procedure
// notes, each through a plain form, POST then redirect. Records are chosen apart from the ones
// workspace.e2e.spec.ts edits, since the files run side by side.
import type { Page } from 'playwright-core';
import { pickFrame, unprojectPoint } from '../src/view-model/pick-map';
import { editorOfWard, signInToWorkspace, useBrowserSession, useFreshPages, visibleText, type E2eOfficial } from './harness';

const session = useBrowserSession();
const fresh = useFreshPages();

const noScriptPage = (): Promise<Page> => fresh.page({ javaScriptEnabled: false });

/** A service point of the demo street other than the home-ward centre workspace.e2e.spec.ts edits. */
function otherPoint(): { pointId: string; editor: E2eOfficial } {
  const points = session.city.servicePoints.filter((p) => p.ward);
  const home = points.find((p) => p.relation === 'home_ward');
  const point = points.find((p) => p !== home) ?? home;
  if (!point?.ward) throw new Error('the demo street has no service point with a ward');
  return { pointId: point.id, editor: editorOfWard(point.ward.code) };
}

function homeEditor(): E2eOfficial {
  const point = session.city.servicePoints.find((p) => p.relation === 'home_ward' && p.ward);
  if (!point?.ward) throw new Error('no home-ward centre');
  return editorOfWard(point.ward.code);
}

async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.locator(selector).click()]);
  await page.waitForLoadState('load');
}

/** Reloads a public page until its main text matches (revalidation after an edit takes a few seconds). */
async function eventually(page: Page, path: string, expected: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  let text = '';
  while (Date.now() < deadline) {
    await page.goto(path);
    text = await visibleText(page, 'main');
    if (text.includes(expected)) break;
    await page.waitForTimeout(500);
  }
  return text;
}

describe('service point editor: closures, map pick, preview (JavaScript off)', () => {
  it('a closure with its end before its start is refused with the message inline, the typed dates kept', async () => {
    const { pointId, editor } = otherPoint();
    const page = await noScriptPage();
    await signInToWorkspace(page, editor);
    await page.goto(`/quan-tri/diem-phuc-vu/${pointId}`);
    await page.locator('input[name="newClosure.from"]').fill('2031-02-10');
    await page.locator('input[name="newClosure.to"]').fill('2031-02-01');
    await page.locator('input[name="newClosure.reason"]').fill('Kiểm kê');
    await submit(page, 'form[action$="/luu"] button[type="submit"]');
    expect(await visibleText(page, '#f-closures-error')).toContain('Ngày kết thúc tạm nghỉ phải cùng hoặc sau ngày bắt đầu');
    expect(await page.locator('input[name="newClosure.from"]').inputValue()).toBe('2031-02-10');
    expect(await page.locator('input[name="newClosure.to"]').inputValue()).toBe('2031-02-01');
    expect(await page.locator('input[name="newClosure.reason"]').inputValue()).toBe('Kiểm kê');
    // The 7-day preview is on the page after the failed save too.
    expect(await page.locator('#opening-preview tr[data-date]').count()).toBe(7);
  });

  it('a closure added in the workspace shows on the public service point page after saving, and can be removed', async () => {
    const { pointId, editor } = otherPoint();
    const page = await noScriptPage();
    await signInToWorkspace(page, editor);
    await page.goto(`/quan-tri/diem-phuc-vu/${pointId}`);
    expect(await page.locator('#opening-preview tr[data-date]').count()).toBe(7);
    await page.locator('input[name="newClosure.from"]').fill('2031-03-02');
    await page.locator('input[name="newClosure.to"]').fill('2031-03-04');
    await page.locator('input[name="newClosure.reason"]').fill('Sửa chữa trụ sở E2E');
    await submit(page, 'form[action$="/luu"] button[type="submit"]');
    expect(await visibleText(page, '[role="status"]')).toContain('Đã lưu');
    expect(await page.locator('li[data-closure="2031-03-02/2031-03-04"]').count()).toBe(1);

    const publicPage = await noScriptPage();
    expect(await eventually(publicPage, `/diem-phuc-vu/${pointId}`, 'Sửa chữa trụ sở E2E')).toContain('Sửa chữa trụ sở E2E');

    await page.locator('li[data-closure="2031-03-02/2031-03-04"] input[name="removeClosure"]').check();
    await submit(page, 'form[action$="/luu"] button[type="submit"]');
    expect(await visibleText(page, '[role="status"]')).toContain('Đã lưu');
    expect(await page.locator('li[data-closure="2031-03-02/2031-03-04"]').count()).toBe(0);
  }, 60_000);

  it('a click on the map sets the coordinates near the clicked point, and saving keeps them', async () => {
    const { pointId, editor } = otherPoint();
    const page = await noScriptPage();
    await signInToWorkspace(page, editor);
    await page.goto(`/quan-tri/diem-phuc-vu/${pointId}`);
    const centre = { lat: Number(await page.locator('input[name="map.lat"]').inputValue()), lng: Number(await page.locator('input[name="map.lng"]').inputValue()) };
    const frame = pickFrame(centre, Number(await page.locator('input[name="map.span"]').inputValue()));
    const click = { x: frame.width / 2 + 60, y: frame.height / 2 - 40 };
    await Promise.all([page.waitForLoadState('load'), page.locator('input[type="image"][name="pick"]').click({ position: click })]);
    await page.waitForLoadState('load');
    expect(await visibleText(page, '[role="status"]')).toContain('Đã lấy toạ độ từ bản đồ');
    const expected = unprojectPoint(frame, click.x, click.y);
    const lat = Number(await page.locator('input[name="lat"]').inputValue());
    const lng = Number(await page.locator('input[name="lng"]').inputValue());
    // Within a few pixels (~10 m) of the click.
    expect(Math.abs(lat - expected.lat)).toBeLessThan(0.0001);
    expect(Math.abs(lng - expected.lng)).toBeLessThan(0.0001);
    expect(lat).toBeGreaterThan(centre.lat);
    expect(lng).toBeGreaterThan(centre.lng);

    await submit(page, 'form[action$="/luu"] button[type="submit"]');
    expect(await visibleText(page, '[role="status"]')).toContain('Đã lưu');
    expect(Number(await page.locator('input[name="lat"]').inputValue())).toBeCloseTo(lat, 6);
    expect(Number(await page.locator('input[name="lng"]').inputValue())).toBeCloseTo(lng, 6);
  });
});

describe('plates, streets and procedure notes (JavaScript off)', () => {
  it('a plate marked damaged shows as damaged in the plates list', async () => {
    const page = await noScriptPage();
    await signInToWorkspace(page, homeEditor());
    await page.goto('/quan-tri/bien');
    const codes = await page.locator('tr[data-plate]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-plate') ?? ''));
    const code = codes.find((c) => c && c !== session.city.plateCode);
    if (!code) throw new Error('the ward has a single plate');
    await submit(page, `tr[data-plate="${code}"] a[href^="/quan-tri/bien/"]`);
    expect(new URL(page.url()).pathname).toMatch(/^\/quan-tri\/bien\/[0-9a-f-]{36}$/);
    await page.locator('select[name="status"]').selectOption('damaged');
    await page.locator('input[name="positionDescription"]').fill('Cột đèn trước số 12 (E2E)');
    await submit(page, 'form[action$="/luu"] button[type="submit"]');
    expect(await visibleText(page, '[role="status"]')).toContain('Đã lưu');
    expect(await visibleText(page, '#history-title + table')).toContain('damaged');
    await page.goto('/quan-tri/bien');
    expect(await visibleText(page, `tr[data-plate="${code}"]`)).toContain('hư hỏng');
  });

  it('a street’s namesake edited in the workspace shows on the public street page', async () => {
    const page = await noScriptPage();
    await signInToWorkspace(page, homeEditor());
    await page.goto('/quan-tri/duong');
    const slugs = await page.locator('li[data-street]').evaluateAll((items) => items.map((item) => item.getAttribute('data-street') ?? ''));
    const slug = slugs.find((s) => s && s !== session.city.street.slug) ?? slugs[0];
    if (!slug) throw new Error('the ward has no street with a plate');
    await submit(page, `li[data-street="${slug}"] a[href^="/quan-tri/duong/"]`);
    const text = `Danh nhân của phố, viết bởi cán bộ phường (E2E ${Date.now()}).`;
    await page.locator('textarea[name="namesakeText"]').fill(text);
    await page.locator('input[name="namesakeSource"]').fill('Sách Địa chí Hưng Yên, tr. 12');
    await submit(page, 'form[action$="/luu"] button[type="submit"]');
    expect(await visibleText(page, '[role="status"]')).toContain('Đã lưu');
    expect(await visibleText(page, '#history-title + table')).toContain('E2E');

    const publicPage = await noScriptPage();
    expect(await eventually(publicPage, `/duong/${slug}`, text)).toContain(text);
  }, 60_000);

  it('a ward’s note on a procedure saves and shows again', async () => {
    const page = await noScriptPage();
    await signInToWorkspace(page, homeEditor());
    await page.goto('/quan-tri/thu-tuc');
    await page.locator('input[name="ma"]').fill(session.city.procedure.code);
    await submit(page, 'form[method="get"] button[type="submit"]');
    const note = `Mang bản gốc vào sáng thứ Năm (E2E ${Date.now()}).`;
    await page.locator('textarea[name="note"]').fill(note);
    await submit(page, 'form[action$="/thu-tuc/luu"] button[type="submit"]');
    expect(await visibleText(page, '[role="status"]')).toContain('Đã lưu');
    expect(await page.locator('textarea[name="note"]').inputValue()).toBe(note);
    await page.reload();
    expect(await page.locator('textarea[name="note"]').inputValue()).toBe(note);
  });
});
