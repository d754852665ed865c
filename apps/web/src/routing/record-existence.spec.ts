import { RecordExistence } from './record-existence';

function fakeApi(statusOf: (path: string) => number | Error) {
  const calls: Array<{ url: string; method: string | undefined }> = [];
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    calls.push({ url, method: init?.method });
    const status = statusOf(new URL(url).pathname);
    if (status instanceof Error) throw status;
    return new Response(null, { status });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

describe('RecordExistence', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => (clock = 1_000_000));

  it('asks the API with HEAD and remembers "exists" for rememberMs, then asks again', async () => {
    const api = fakeApi(() => 200);
    const existence = new RecordExistence({ apiBaseUrl: () => 'http://api', rememberMs: 60_000, fetchImpl: api.fetchImpl, now });
    expect(await existence.check('/api/v1/streets/ly-bon')).toBe('exists');
    expect(await existence.check('/api/v1/streets/ly-bon')).toBe('exists');
    expect(api.calls).toEqual([{ url: 'http://api/api/v1/streets/ly-bon', method: 'HEAD' }]);
    clock += 60_001;
    expect(await existence.check('/api/v1/streets/ly-bon')).toBe('exists');
    expect(api.calls).toHaveLength(2);
  });

  it('404 and 400 are "missing" and are asked again every time (a new record shows at once)', async () => {
    const api = fakeApi((path) => (path.endsWith('gone') ? 404 : 400));
    const existence = new RecordExistence({ apiBaseUrl: () => 'http://api', rememberMs: 60_000, fetchImpl: api.fetchImpl, now });
    expect(await existence.check('/api/v1/streets/gone')).toBe('missing');
    expect(await existence.check('/api/v1/streets/gone')).toBe('missing');
    expect(await existence.check('/api/v1/plates/bad')).toBe('missing');
    expect(api.calls).toHaveLength(3);
  });

  it('an API that is down or failing is "unknown", never "missing"', async () => {
    const existence = new RecordExistence({ apiBaseUrl: () => 'http://api', rememberMs: 60_000, fetchImpl: fakeApi((p) => (p.endsWith('down') ? new Error('ECONNREFUSED') : 503)).fetchImpl, now });
    expect(await existence.check('/api/v1/streets/down')).toBe('unknown');
    expect(await existence.check('/api/v1/streets/busy')).toBe('unknown');
  });

  it('forgets the oldest records beyond maxRemembered', async () => {
    const api = fakeApi(() => 200);
    const existence = new RecordExistence({ apiBaseUrl: () => 'http://api', rememberMs: 60_000, maxRemembered: 2, fetchImpl: api.fetchImpl, now });
    for (const slug of ['a', 'b', 'c']) await existence.check(`/api/v1/streets/${slug}`);
    await existence.check('/api/v1/streets/c');
    await existence.check('/api/v1/streets/a');
    expect(api.calls.map((c) => c.url.split('/').pop())).toEqual(['a', 'b', 'c', 'a']);
  });
});
