import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchEntity, PlateEntity, QrAssetEntity } from '@pho-so/server/db';
import { createMigratedDataSource, TEST_ENGINES } from '@pho-so/server/db/testing';
import { demoCitySeed } from '@pho-so/server/dataset/testing';
import { sha256 } from '@pho-so/server/qr';
import { InProcessJobQueue, type PhoSoJobs } from '@pho-so/server/queue';
import { batchReport, createBatch } from './batches';
import { enqueueBatch, qrJobHandlers } from './jobs';
import { QrAssetService } from './qr-asset.service';
import { LocalFolderStorage } from './storage';

const DEMO_DATA_DIR = join(__dirname, '../../../../data');
const settings = { PUBLIC_BASE_URL: 'https://phoso.example.vn' };

describe('LocalFolderStorage', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'assets-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('stores by rename, leaves no temporary file, and refuses keys with folders', async () => {
    const storage = new LocalFolderStorage(join(dir, 'a'));
    expect(await storage.exists('x.svg')).toBe(false);
    await storage.put('x.svg', Buffer.from('<svg/>'));
    await storage.put('x.svg', Buffer.from('<svg/>'));
    expect((await storage.get('x.svg')).toString()).toBe('<svg/>');
    expect(await storage.exists('x.svg')).toBe(true);
    expect(await readdir(join(dir, 'a'))).toEqual(['x.svg']);
    await expect(storage.put('../x.svg', Buffer.from(''))).rejects.toThrow(/invalid storage key/);
    await expect(storage.put('a/x.svg', Buffer.from(''))).rejects.toThrow(/invalid storage key/);
  });

  it('sweeps temporary files a killed writer left behind, and only those', async () => {
    const storage = new LocalFolderStorage(join(dir, 'b'));
    await storage.put('y.svg', Buffer.from('<svg/>'));
    await writeFile(join(dir, 'b', '.tmp-z.svg-1-abcd'), 'partial');
    expect(await storage.sweepTemporary(60_000)).toBe(0);
    expect(await storage.sweepTemporary(0)).toBe(1);
    expect(await readdir(join(dir, 'b'))).toEqual(['y.svg']);
  });
});

describe.each(TEST_ENGINES)('QR assets and batches on %s', (engine) => {
  let db: Awaited<ReturnType<typeof createMigratedDataSource>>;
  let dir: string;
  let storage: LocalFolderStorage;

  beforeAll(async () => {
    db = await createMigratedDataSource(engine, { seed: demoCitySeed(DEMO_DATA_DIR) });
    dir = await mkdtemp(join(tmpdir(), 'assets-'));
    storage = new LocalFolderStorage(dir);
  }, 60_000);
  afterAll(async () => {
    await db?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('renders, verifies, stores content-addressed and upserts one row; a re-run changes nothing', async () => {
    const plate = await db.dataSource.getRepository(PlateEntity).findOneOrFail({ where: {}, order: { code: 'ASC' } });
    const service = new QrAssetService(db.dataSource, storage, settings);
    const first = await service.renderAndStore(plate.id, 1, 'png');
    expect(first.changed).toBe(true);
    expect(first.asset).toMatchObject({ format: 'png', designVersion: 1, qrVersion: first.meta.qrVersion, errorCorrection: 'Q' });
    expect(first.asset.payload).toBe(`HTTPS://PHOSO.EXAMPLE.VN/Q/${plate.code}`);
    expect(first.asset.verifiedAt).toBeInstanceOf(Date);
    expect(first.asset.storageKey).toBe(`${first.asset.sha256}.png`);
    expect(sha256(await storage.get(first.asset.storageKey))).toBe(first.asset.sha256);

    const again = await service.renderAndStore(plate.id, 1, 'png');
    expect(again.changed).toBe(false);
    expect(again.asset).toEqual(first.asset);
    expect(await db.dataSource.getRepository(QrAssetEntity).count({ where: { plateId: plate.id } })).toBe(1);
  }, 30_000);

  it('runs a batch through the in-process queue: every item done once, even when its job runs twice', async () => {
    const handlers = qrJobHandlers({ dataSource: db.dataSource, storage, settings, attempts: 1 });
    const queue = new InProcessJobQueue<PhoSoJobs>(handlers, 1, 1);
    const { batch, items } = await createBatch(db.dataSource, {
      scope: { kind: 'streets', slugs: ['bo-xuyen'] },
      designVersion: 1,
      formats: ['svg', 'png', 'pdf'],
      requestedBy: 'test',
      publicBaseUrl: settings.PUBLIC_BASE_URL,
    });
    expect(items.length).toBeGreaterThan(0);
    expect(batch.total).toBe(items.length);
    await enqueueBatch(queue, 1, items);
    await queue.drain();
    // A redelivered job (at-least-once) finds its item no longer queued: counted once.
    const first = items[0]!;
    await handlers['qr.render']!({ plateId: first.plateId, designVersion: 1, format: first.format }, { jobId: 'x', attempt: 1 });
    const report = await batchReport(db.dataSource, batch.id);
    expect(report?.batch).toMatchObject({ total: items.length, done: items.length, failed: 0, status: 'done' });
    expect(report?.batch.finishedAt).toBeInstanceOf(Date);
    expect(report?.failures).toEqual([]);
    await queue.close();
  }, 60_000);

  it('records a plate that cannot be rendered as failed with its reason; the others are unaffected', async () => {
    const plates = await db.dataSource.getRepository(PlateEntity).find({ order: { code: 'ASC' }, take: 3 });
    const { batch, items } = await createBatch(db.dataSource, {
      scope: { kind: 'all' },
      designVersion: 2,
      formats: ['svg'],
      requestedBy: 'test',
      publicBaseUrl: settings.PUBLIC_BASE_URL,
    });
    // A corrupted code in the database: no longer a plate code, so no payload can be made from it.
    await db.dataSource.query(`UPDATE plate SET code = 'BROKEN' WHERE id = $1`, [plates[1]!.id]);
    const queue = new InProcessJobQueue<PhoSoJobs>(qrJobHandlers({ dataSource: db.dataSource, storage, settings, attempts: 1 }), 1, 1);
    await enqueueBatch(queue, 2, items);
    await queue.drain();
    const report = await batchReport(db.dataSource, batch.id);
    expect(report?.batch).toMatchObject({ total: items.length, done: items.length - 1, failed: 1, status: 'failed' });
    expect(report?.failures).toEqual([{ code: 'BROKEN', format: 'svg', reason: expect.stringMatching(/not a plate code/) }]);
    await db.dataSource.query(`UPDATE plate SET code = $2 WHERE id = $1`, [plates[1]!.id, plates[1]!.code]);
    await queue.close();
    expect(await db.dataSource.getRepository(BatchEntity).count()).toBe(2);
  }, 120_000);

  it('scope changed: only plates whose payload, design or label differ from their last verified asset, and why', async () => {
    const plan = (publicBaseUrl: string, designVersion = 2) =>
      createBatch(db.dataSource, { scope: { kind: 'changed' }, designVersion, formats: ['svg'], requestedBy: 'test', publicBaseUrl });
    // Only the plate whose render failed above has no verified SVG.
    const { items: missing } = await plan(settings.PUBLIC_BASE_URL);
    expect(missing.map((i) => i.why)).toEqual(['changed: no verified asset']);
    const { items: design } = await plan(settings.PUBLIC_BASE_URL, 3);
    expect(design[0]?.why).toBe('changed: design 2 → 3');
    const { items: moved } = await plan('https://pho.example.vn');
    expect(moved[0]?.why).toMatch(/^changed: payload changed \(was HTTPS:\/\/PHOSO.EXAMPLE.VN\/Q\/.*\); label changed/);
    const { items: png } = await createBatch(db.dataSource, {
      scope: { kind: 'changed' },
      designVersion: 2,
      formats: ['png'],
      requestedBy: 'test',
      publicBaseUrl: settings.PUBLIC_BASE_URL,
    });
    expect(png.filter((i) => i.why === 'changed: design 1 → 2').length).toBe(3); // the plates rendered at design 1 above
    expect(png.filter((i) => i.why === 'changed: no verified asset').length).toBe(png.length - 3);
  }, 60_000);
});
