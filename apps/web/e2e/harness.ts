// What every browser test uses: the running stack's URLs (started once by the global setup in
// tools/testing/web-e2e-setup.ts), Debian's Chromium through playwright-core, real ids from the API,
// and axe-core.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { PlateProblem, ProcedureSummary, StreetDetail, StreetServicePoints, StreetSummary } from '@pho-so/shared/contracts';
import { plateCodeFromSerial } from '@pho-so/shared/domain';

export const REPO_ROOT = resolve(__dirname, '../../..');
/** Screenshots and axe reports of a run (tmp/ is gitignored). */
export const ARTIFACTS_DIR = join(REPO_ROOT, 'tmp/artifacts');

/** Debian's Chromium: the tests never download a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
/**
 * Headless, as root, on a machine whose network is closed: without the background-networking flags
 * Chromium keeps trying (and failing) to reach Google's services. playwright-core gives every launch
 * a new empty user data dir.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The names under which the global setup passes the stack (or why it did not start) to the test workers. */
const ENV = { web: 'PHO_SO_E2E_WEB_URL', api: 'PHO_SO_E2E_API_URL', error: 'PHO_SO_E2E_SETUP_ERROR' } as const;

export function stackUrls(): { web: string; api: string } {
  const setupError = process.env[ENV.error];
  if (setupError) throw new Error(`the API and web app did not start in the global setup:\n${setupError}`);
  const web = process.env[ENV.web];
  const api = process.env[ENV.api];
  if (!web || !api) {
    throw new Error(
      `${ENV.web}/${ENV.api} are not set: run the browser tests through their Jest project ` +
        `(npx jest --selectProjects web-e2e), whose global setup starts the API and the web app.`,
    );
  }
  return { web, api };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}

export interface BrowserSession {
  /** Real codes, slugs and ids of the demo city. */
  readonly city: DemoCity;
  /** A fresh context of Chromium with these options. */
  readonly context: BrowserContext;
}

/**
 * A browser of the file's own, in which every page opens in a fresh context (its own cookies: one
 * person's browser each), closed after the file's tests.
 */
export function useFreshPages(): { page(options?: BrowserContextOptions): Promise<Page> } {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
  });
  return {
    async page(options: BrowserContextOptions = {}) {
      if (!browser) throw new Error('useFreshPages: the browser is launched in beforeAll');
      const context = await newContext(browser, options);
      contexts.push(context);
      return context.newPage();
    },
  };
}

/**
 * What a test file needs: the demo city's fixtures (read first, so a stack that did not start fails at
 * once with its reason), Chromium and one context, opened before the file's tests and closed after them.
 * The fields are set when the tests run, not when this is called.
 */
export function useBrowserSession(options: BrowserContextOptions = {}): BrowserSession {
  const session: { city?: DemoCity; browser?: Browser; context?: BrowserContext } = {};
  beforeAll(async () => {
    session.city = await demoCityFixtures();
    session.browser = await launchBrowser();
    session.context = await newContext(session.browser, options);
  });
  afterAll(async () => {
    await session.context?.close();
    await session.browser?.close();
  });
  return {
    get city() {
      if (!session.city) throw new Error('useBrowserSession: the fixtures are read in beforeAll');
      return session.city;
    },
    get context() {
      if (!session.context) throw new Error('useBrowserSession: the context is opened in beforeAll');
      return session.context;
    },
  };
}

/** A context whose relative URLs resolve against the web app. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: stackUrls().web, locale: 'vi-VN', ...options });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  return context;
}

/**
 * fetch, once more when the connection itself failed: the test process keeps sockets to the API alive
 * between files, and one the server closes as idle at the moment it is reused fails with "other side
 * closed" (seen once in CI). A second try opens a new connection; an HTTP error is never retried.
 */
async function fetchReusingSocketsSafely(url: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch {
    return fetch(url);
  }
}

/** GET a JSON resource of the API (for real ids and codes; the tests never invent data). */
export async function apiJson<T>(path: string): Promise<T> {
  const response = await fetchReusingSocketsSafely(`${stackUrls().api}${path}`);
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export interface DemoCity {
  street: StreetDetail;
  /** A plate of `street` (canonical code, e.g. TB-233AC). */
  plateCode: string;
  plateDescription: string;
  /** The street's service points, home-ward centre first. */
  servicePoints: StreetServicePoints['items'];
  procedure: ProcedureSummary;
  /** Well-formed, with a correct check character, but no plate has it. */
  unknownCode: string;
  /** Not shaped like a plate code at all. */
  malformedCode: string;
}

let demoCity: Promise<DemoCity> | undefined;

/** Real codes, slugs and ids from the API's demo city: a street with plates and service points. */
export function demoCityFixtures(): Promise<DemoCity> {
  demoCity ??= (async () => {
    const { items } = await apiJson<{ items: StreetSummary[] }>('/api/v1/streets?q=tran&limit=20');
    let street: StreetDetail | undefined;
    for (const summary of items) {
      const detail = await apiJson<StreetDetail>(`/api/v1/streets/${encodeURIComponent(summary.slug)}`);
      if (detail.plates.some((plate) => plate.status === 'active')) {
        street = detail;
        break;
      }
    }
    if (!street) throw new Error('no street matching "tran" has an active plate in the demo city');
    const plate = street.plates.find((p) => p.status === 'active')!;
    const { items: servicePoints } = await apiJson<StreetServicePoints>(
      `/api/v1/streets/${encodeURIComponent(street.slug)}/service-points?from=${encodeURIComponent(plate.code)}`,
    );
    const { items: procedures } = await apiJson<{ items: ProcedureSummary[] }>('/api/v1/procedures?limit=1');
    const procedure = procedures[0];
    if (!procedure) throw new Error('the demo city has no procedure');
    return {
      street,
      plateCode: plate.code,
      plateDescription: plate.positionDescription,
      servicePoints,
      procedure,
      unknownCode: await unknownPlateCode(),
      malformedCode: 'XX-HELLO-WORLD',
    };
  })();
  return demoCity;
}

/** A code with a valid check character that the API says is no plate (plate-not-found). */
async function unknownPlateCode(): Promise<string> {
  for (let serial = 31 ** 4 - 1; serial > 31 ** 4 - 50; serial--) {
    const code = plateCodeFromSerial('TB', serial);
    const response = await fetch(`${stackUrls().api}/api/v1/plates/${code}`);
    if (response.status === 404 && ((await response.json()) as PlateProblem).type.endsWith('/plate-not-found')) return code;
  }
  throw new Error('every probed code is a plate');
}

export interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (every rule axe enables by default) on the page as it is now and returns all its
 * violations. Injected through the DevTools protocol, so no Content-Security-Policy can block it.
 * The full list is also written to tmp/artifacts/axe/<name>.json when a name is given.
 */
export async function axe(page: Page, name?: string): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axeRun = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
    const results = await axeRun.run(document, { resultTypes: ['violations'] });
    return JSON.parse(JSON.stringify(results.violations)) as unknown[];
  });
  const list = (violations as AxeViolation[]).map(({ id, impact, help, helpUrl, nodes }) => ({
    id,
    impact,
    help,
    helpUrl,
    nodes: nodes.map(({ target, html, failureSummary }) => ({ target, html, failureSummary })),
  }));
  if (name) {
    mkdirSync(join(ARTIFACTS_DIR, 'axe'), { recursive: true });
    writeFileSync(join(ARTIFACTS_DIR, 'axe', `${name}.json`), `${JSON.stringify({ url: page.url(), violations: list }, null, 2)}\n`);
  }
  return list;
}

/** The violations the quality bar forbids: impact serious or critical. */
export const seriousOrCritical = (violations: AxeViolation[]): AxeViolation[] =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** One readable block per violation: rule, impact, what to fix, and each offending element. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) =>
      [
        `${v.id} (${v.impact}): ${v.help} ${v.helpUrl}`,
        ...v.nodes.slice(0, 5).map((n) => `  at ${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)}`),
        ...(v.nodes.length > 5 ? [`  … and ${v.nodes.length - 5} more`] : []),
      ].join('\n'),
    )
    .join('\n');
}

/** The page's visible text with runs of white space collapsed (innerText keeps layout line breaks). */
export async function visibleText(page: Page, selector = 'body'): Promise<string> {
  return (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim();
}

/** The language switch: the header link marked with the other language's hreflang. */
export const languageSwitch = (page: Page, to: 'vi' | 'en') => page.locator(`header a[hreflang="${to}"], header a[hreflang^="${to}-"]`).first();

/** The same path in the other language: Vietnamese at the root, English under /en (paths keep Vietnamese words). */
export function counterpartPath(path: string): string {
  if (path === '/en') return '/';
  if (path.startsWith('/en/') || path.startsWith('/en?')) return path.slice(3);
  return path === '/' ? '/en' : `/en${path}`;
}

export const SAFETY_LINE = 'Trang này không bao giờ yêu cầu thanh toán, mật khẩu hay thông tin cá nhân.';

/** An official the global setup created for the workspace tests (tools/testing/web-e2e-setup.ts). */
export interface E2eOfficial {
  email: string;
  password: string;
  role: 'admin' | 'ward_editor';
  wards?: string[];
}

/** The officials of this run: one ward editor per ward with a service point. */
export function e2eOfficials(): E2eOfficial[] {
  stackUrls();
  const json = process.env['PHO_SO_E2E_OFFICIALS'];
  if (!json) throw new Error('PHO_SO_E2E_OFFICIALS is not set: the global setup creates the officials (tools/testing/web-e2e-setup.ts)');
  return JSON.parse(json) as E2eOfficial[];
}

/** The ward editor of exactly this ward. */
export function editorOfWard(code: string): E2eOfficial {
  const official = e2eOfficials().find((o) => o.role === 'ward_editor' && o.wards?.length === 1 && o.wards[0] === code);
  if (!official) throw new Error(`no e2e ward editor for ward ${code}`);
  return official;
}

/** The administrator of this run. */
export function e2eAdmin(): E2eOfficial {
  const official = e2eOfficials().find((o) => o.role === 'admin');
  if (!official) throw new Error('no e2e admin');
  return official;
}

/** A ward editor of another ward than this one. */
export function editorOfAnotherWard(code: string): E2eOfficial {
  const official = e2eOfficials().find((o) => o.role === 'ward_editor' && !o.wards?.includes(code));
  if (!official) throw new Error(`no e2e ward editor outside ward ${code}`);
  return official;
}

/** Signs in through the workspace's login form (plain HTML form, POST then redirect) and waits for the list. */
export async function signInToWorkspace(page: Page, official: Pick<E2eOfficial, 'email' | 'password'>, prefix: '' | '/en' = ''): Promise<void> {
  await page.goto(`${prefix}/quan-tri/dang-nhap`);
  await page.locator('input[name="email"]').fill(official.email);
  await page.locator('input[name="password"]').fill(official.password);
  await Promise.all([page.waitForURL((url) => url.pathname === `${prefix}/quan-tri`), page.locator('form[action$="/dang-nhap/gui"] button[type="submit"]').click()]);
}
