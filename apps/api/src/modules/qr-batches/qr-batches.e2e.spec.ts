import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { problemSchema, qrBatchSchema, type QrBatch } from '@pho-so/shared/contracts';
import { TEST_ENGINES } from '@pho-so/server/db/testing';
import { createBatch } from '@pho-so/server/qr-assets';
import { startTestApi, type TestApi } from '../../testing/test-api';

const TOKEN = 'test-admin-token-0123456789abcdef0123';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

async function waitFinished(api: TestApi, id: string): Promise<QrBatch> {
  let batch: QrBatch | undefined;
  for (let i = 0; i < 600; i++) {
    batch = qrBatchSchema.parse(await (await api.get(`/api/v1/admin/qr-batches/${id}`, { headers: auth })).json());
    if (batch.status === 'done' || batch.status === 'failed') return batch;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`batch ${id} did not finish: ${JSON.stringify(batch)}`);
}

describe.each(TEST_ENGINES)('/api/v1/admin/qr-batches on %s (in-process jobs)', (engine) => {
  let api: TestApi;
  let assetDir: string;
  beforeAll(async () => {
    assetDir = await mkdtemp(join(tmpdir(), 'qr-batch-assets-'));
    api = await startTestApi(engine, { env: { ADMIN_TOKEN: TOKEN, ASSET_DIR: assetDir, PUBLIC_BASE_URL: 'https://phoso.example.vn' } });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await rm(assetDir, { recursive: true, force: true });
  });

  const post = (body: unknown, headers: Record<string, string> = auth) =>
    api.get('/api/v1/admin/qr-batches', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('answers 401 problem+json without the token or with a wrong one', async () => {
    for (const headers of [{ 'content-type': 'application/json' }, { ...auth, authorization: 'Bearer wrong' }, { ...auth, authorization: TOKEN }]) {
      const response = await post({ scope: { kind: 'all' }, designVersion: 1, formats: ['svg'] }, headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(problemSchema.parse(await response.json()).detail).toMatch(/Bearer|admin token/);
    }
    expect((await api.get('/api/v1/admin/qr-batches/00000000-0000-4000-8000-000000000000')).status).toBe(401);
  });

  it('answers 400 problem+json for bad bodies, naming the field, never 500', async () => {
    for (const [body, field] of [
      [{ scope: { kind: 'everything' }, designVersion: 1, formats: ['svg'] }, 'scope'],
      [{ scope: { kind: 'all' }, designVersion: 0, formats: ['svg'] }, 'designVersion'],
      [{ scope: { kind: 'all' }, designVersion: 1.5, formats: ['svg'] }, 'designVersion'],
      [{ scope: { kind: 'all' }, designVersion: 1, formats: ['gif'] }, 'formats'],
      [{ scope: { kind: 'all' }, designVersion: 1, formats: [] }, 'formats'],
      [{ scope: { kind: 'all' }, designVersion: 1, formats: ['svg', 'svg'] }, 'formats'],
      [{ scope: { kind: 'ward', wardCode: 'x' }, designVersion: 1, formats: ['svg'] }, 'scope'],
      [{ scope: { kind: 'ward', wardCode: '99999' }, designVersion: 1, formats: ['svg'] }, 'scope'],
      [{ scope: { kind: 'streets', slugs: ['no-such-street'] }, designVersion: 1, formats: ['svg'] }, 'scope'],
      [{ scope: { kind: 'streets', slugs: [] }, designVersion: 1, formats: ['svg'] }, 'scope'],
      [[], '(request)'],
      ['{"scope":', null],
    ] as const) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = problemSchema.parse(await response.json());
      if (field) expect(problem.detail).toContain(field === '(request)' ? 'body' : field);
    }
  });

  it('answers 404 for an unknown batch and 400 for an id that is not one', async () => {
    expect((await api.get('/api/v1/admin/qr-batches/00000000-0000-4000-8000-000000000000', { headers: auth })).status).toBe(404);
    expect((await api.get('/api/v1/admin/qr-batches/42', { headers: auth })).status).toBe(400);
  });

  it('creates a batch for two streets, renders every file in-process, and reports progress to done', async () => {
    const response = await post({ scope: { kind: 'streets', slugs: ['bo-xuyen', 'chu-van-an'] }, designVersion: 1, formats: ['svg', 'png', 'pdf'] });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const created = qrBatchSchema.parse(await response.json());
    expect(created).toMatchObject({ total: 12, designVersion: 1, formats: ['svg', 'png', 'pdf'] });
    const finished = await waitFinished(api, created.id);
    expect(finished).toMatchObject({ status: 'done', total: 12, done: 12, failed: 0, failures: [] });
    const files = (await readdir(assetDir)).sort();
    expect(files).toHaveLength(12);
    expect(files.every((f) => /^[0-9a-f]{64}\.(svg|png|pdf)$/.test(f))).toBe(true);

    // The same batch again: same files, nothing new stored.
    const again = qrBatchSchema.parse(await (await post({ scope: { kind: 'streets', slugs: ['bo-xuyen', 'chu-van-an'] }, designVersion: 1, formats: ['svg', 'png', 'pdf'] })).json());
    expect(await waitFinished(api, again.id)).toMatchObject({ status: 'done', done: 12 });
    expect((await readdir(assetDir)).sort()).toEqual(files);

    // changed: nothing for those streets' files at design 1; everything at design 2.
    const changed = qrBatchSchema.parse(await (await post({ scope: { kind: 'changed' }, designVersion: 1, formats: ['svg'] })).json());
    expect(changed.total).toBe(168 - 4);
  }, 120_000);

  it('a batch of the whole demo city in SVG finishes with every plate done, and its ZIP bundle is deterministic', async () => {
    const response = await post({ scope: { kind: 'all' }, designVersion: 1, formats: ['svg'] });
    const created = qrBatchSchema.parse(await response.json());
    expect(created.total).toBe(168);
    const finished = await waitFinished(api, created.id);
    expect(finished).toMatchObject({ status: 'done', done: 168, failed: 0, bundleUrl: `/api/v1/admin/qr-batches/${created.id}/bundle.zip` });

    const response2 = await api.get(finished.bundleUrl!, { headers: auth });
    expect(response2.status).toBe(200);
    expect(response2.headers.get('content-type')).toBe('application/zip');
    const zip = Buffer.from(await response2.arrayBuffer());
    const entries = unzipSync(zip);
    const names = Object.keys(entries);
    expect(names.slice(0, 2)).toEqual(['manifest.csv', 'proof-sheets.pdf']);
    expect(names.filter((n) => /^assets\/[A-Z]+-[0-9A-Z]+\.svg$/.test(n))).toHaveLength(168);
    expect(Buffer.from(entries['proof-sheets.pdf']!).subarray(0, 5).toString()).toBe('%PDF-');
    const manifest = Buffer.from(entries['manifest.csv']!).toString('utf8').trim().split('\r\n');
    expect(manifest[0]).toBe('code,street,ward,format,payload,qr_version,sha256,file,why');
    expect(manifest).toHaveLength(169);
    expect(manifest[1]).toMatch(/^[A-Z]+-[0-9A-Z]+,[^,]+,[^,]*,svg,HTTPS:\/\/PHOSO\.EXAMPLE\.VN\/Q\/[A-Z]+-[0-9A-Z]+,\d+,[0-9a-f]{64},assets\/.*\.svg,scope: all plates$/);
    // Deterministic: the same bundle twice is the same bytes.
    expect(Buffer.from(await (await api.get(finished.bundleUrl!, { headers: auth })).arrayBuffer()).equals(zip)).toBe(true);
    expect((await api.get(`/api/v1/admin/qr-batches/00000000-0000-4000-8000-000000000000/bundle.zip`, { headers: auth })).status).toBe(404);
  }, 120_000);
});

describe.each(TEST_ENGINES)('in-process jobs lost with the API on %s', (engine) => {
  it('a batch whose jobs died with the previous API process is finished by the next one (the sweeper at start)', async () => {
    const assetDir = await mkdtemp(join(tmpdir(), 'qr-batch-restart-'));
    let batchId = '';
    // What a crashed API leaves: the batch and its queued items committed, its in-memory jobs gone.
    const api = await startTestApi(engine, {
      env: { ADMIN_TOKEN: TOKEN, ASSET_DIR: assetDir, PUBLIC_BASE_URL: 'https://phoso.example.vn', QUEUE_SWEEP_INTERVAL_MS: '200' },
      beforeStart: async (dataSource) => {
        const { batch, items } = await createBatch(dataSource, {
          scope: { kind: 'streets', slugs: ['bo-xuyen', 'chu-van-an'] },
          designVersion: 1,
          formats: ['svg', 'png'],
          requestedBy: 'test',
          publicBaseUrl: 'https://phoso.example.vn',
        });
        expect(items).toHaveLength(8);
        await dataSource.query(`UPDATE batch SET created_at = now() - interval '1 hour' WHERE id = $1`, [batch.id]);
        batchId = batch.id;
      },
    });
    try {
      const finished = await waitFinished(api, batchId);
      expect(finished).toMatchObject({ status: 'done', failed: 0 });
      expect(finished.done).toBe(finished.total);
      expect((await readdir(assetDir)).filter((name) => /^[0-9a-f]{64}\.(svg|png)$/.test(name))).toHaveLength(finished.total);
    } finally {
      await api.close();
      await rm(assetDir, { recursive: true, force: true });
    }
  }, 120_000);
});
