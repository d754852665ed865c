// Streets, plates and procedure notes in the workspace, against a real Postgres: scoping, versions,
// audit, revalidation tags, and generated bad input through the services.
import fc from 'fast-check';
import { EditConflictError, EditNotFoundError, EditValidationError } from './workspace.errors';
import { createWorkspaceFixture, WARD_A, WARD_B, type WorkspaceFixture } from './testing/workspace-fixture';

describe('street, plate and procedure-note edits on postgres', () => {
  let f: WorkspaceFixture;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    f = await createWorkspaceFixture();
    const one = async (sql: string, params: unknown[]) => ((await f.dataSource.query(sql, params)) as { id: string }[])[0]!.id;
    ids['streetA'] = await one(`SELECT id FROM street WHERE slug = $1`, ['le-loi']); // ward A only, has a namesake
    ids['streetB'] = await one(`SELECT id FROM street WHERE slug = $1`, ['doan-khue']); // ward B only
    ids['plateA'] = await one(`SELECT id FROM plate WHERE street_id = $1 ORDER BY code LIMIT 1`, [ids['streetA']]);
    ids['plateB'] = await one(`SELECT id FROM plate WHERE street_id = $1 ORDER BY code LIMIT 1`, [ids['streetB']]);
  }, 60_000);
  afterAll(() => f?.dispose());
  beforeEach(() => f.queue.takeTags());

  const audit = async (type: string, id: string) =>
    (await f.dataSource.query(`SELECT action, field, old_value, new_value, actor_label FROM audit_event WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`, [type, id])) as {
      field: string;
      old_value: unknown;
      new_value: unknown;
    }[];

  describe('streets', () => {
    it('edits ends and namesake with audit and revalidation of the street, its plates and street lists', async () => {
      const before = await f.streets.get(f.editorA, ids['streetA']!);
      expect(before.namesake).toEqual({ text: expect.any(String), source: expect.stringContaining('wikipedia') });
      const result = await f.streets.update(f.editorA, ids['streetA']!, {
        baseVersion: before.version,
        startDescription: 'Ngã tư Lê Lợi – Lê Trọng Thứ',
        endDescription: before.endDescription,
        namesake: { text: 'Lê Lợi (1385–1433), người lãnh đạo khởi nghĩa Lam Sơn.', source: 'https://thuvien.hungyen.gov.vn/le-loi' },
      });
      expect(result.record).toMatchObject({ version: before.version + 1, startDescription: 'Ngã tư Lê Lợi – Lê Trọng Thứ' });
      expect((await audit('street', ids['streetA']!)).map((r) => r.field)).toEqual(['startDescription', 'namesake']);
      const [{ namesake }] = await f.dataSource.query(`SELECT namesake FROM street WHERE id = $1`, [ids['streetA']]);
      expect(namesake).toMatchObject({
        name: 'Lê Thái Tổ', // kept: the official edits the text and its source
        description: 'Lê Lợi (1385–1433), người lãnh đạo khởi nghĩa Lam Sơn.',
        sourceUrl: 'https://thuvien.hungyen.gov.vn/le-loi',
        provenance: { source: 'https://thuvien.hungyen.gov.vn/le-loi', licence: 'official', demo: [] },
      });
      expect(namesake.provenance.attribution).toBeUndefined();
      const [tags] = f.queue.takeTags();
      expect(tags).toEqual(expect.arrayContaining(['street:le-loi', 'streets', `plate:${result.record.plateCodes[0]}`]));
      await expect(f.streets.update(f.editorA, ids['streetA']!, { baseVersion: before.version, endDescription: 'x' })).rejects.toBeInstanceOf(EditConflictError);
    });

    it("another ward's street is NotFound for an editor, editable by an admin", async () => {
      const base = (await f.streets.get(f.admin, ids['streetB']!)).version;
      await expect(f.streets.get(f.editorA, ids['streetB']!)).rejects.toBeInstanceOf(EditNotFoundError);
      await expect(f.streets.update(f.editorA, ids['streetB']!, { baseVersion: base, startDescription: 'x' })).rejects.toBeInstanceOf(EditNotFoundError);
      await expect(f.reads.history(f.editorA, 'street', ids['streetB']!)).rejects.toBeInstanceOf(EditNotFoundError);
      expect((await f.streets.update(f.admin, ids['streetB']!, { baseVersion: base, endDescription: null })).changed).toBe(true);
      expect(await f.reads.history(f.editorB, 'street', ids['streetB']!)).toEqual([expect.objectContaining({ field: 'endDescription', newValue: null, actorLabel: f.admin.email })]);
    });
  });

  describe('plates', () => {
    it('edits status and position, audited, revalidating the plate and its street', async () => {
      const before = await f.plates.get(f.editorA, ids['plateA']!);
      const result = await f.plates.update(f.editorA, ids['plateA']!, {
        baseVersion: before.version,
        status: 'damaged',
        location: { lat: 20.4415, lng: 106.3231 },
        positionDescription: before.positionDescription,
      });
      expect(result.record).toMatchObject({ status: 'damaged', location: { lat: 20.4415, lng: 106.3231 }, version: before.version + 1 });
      expect((await audit('plate', ids['plateA']!)).map((r) => [r.field, r.old_value, r.new_value])).toEqual([
        ['status', 'active', 'damaged'],
        ['location', before.location, { lat: 20.4415, lng: 106.3231 }],
      ]);
      expect(f.queue.takeTags()).toEqual([[`plate:${before.code}`, 'street:le-loi']]);
      const [row] = await f.dataSource.query(`SELECT status, lat, lng, version FROM plate WHERE id = $1`, [ids['plateA']]);
      expect(row).toEqual({ status: 'damaged', lat: 20.4415, lng: 106.3231, version: before.version + 1 });
    });

    it("another ward's plate is NotFound; a stale version conflicts", async () => {
      const b = await f.plates.get(f.editorB, ids['plateB']!);
      await expect(f.plates.get(f.editorA, ids['plateB']!)).rejects.toBeInstanceOf(EditNotFoundError);
      await expect(f.plates.update(f.editorA, ids['plateB']!, { baseVersion: b.version, status: 'missing' })).rejects.toBeInstanceOf(EditNotFoundError);
      await f.plates.update(f.editorB, ids['plateB']!, { baseVersion: b.version, status: 'missing' });
      const conflict = (await f.plates.update(f.editorB, ids['plateB']!, { baseVersion: b.version, status: 'removed' }).catch((e: unknown) => e)) as EditConflictError;
      expect(conflict).toBeInstanceOf(EditConflictError);
      expect(conflict.current).toMatchObject({ status: 'missing', version: b.version + 1 });
    });
  });

  describe('procedure notes', () => {
    it('creates from base version 0, edits, conflicts on a stale version, and stays in the ward', async () => {
      const wardA = f.wardId(WARD_A);
      const wardB = f.wardId(WARD_B);
      expect(await f.notes.get(f.editorA, '1.001193', wardA)).toMatchObject({ note: '', version: 0 });
      const created = await f.notes.upsert(f.editorA, '1.001193', wardA, { baseVersion: 0, note: 'Mang bản chính giấy chứng sinh.' });
      expect(created.record).toMatchObject({ version: 1, note: 'Mang bản chính giấy chứng sinh.', updatedBy: f.editorA.id });
      await expect(f.notes.upsert(f.editorA, '1.001193', wardA, { baseVersion: 0, note: 'Tạo lần hai' })).rejects.toBeInstanceOf(EditConflictError);
      const edited = await f.notes.upsert(f.editorA, '1.001193', wardA, { baseVersion: 1, note: 'Sáng thứ Năm có cán bộ hướng dẫn.' });
      expect(edited.record.version).toBe(2);
      expect(f.queue.takeTags()).toEqual([
        ['procedure:1.001193', 'procedures'],
        ['procedure:1.001193', 'procedures'],
      ]);
      const history = await f.reads.history(f.editorA, 'procedure_local_note', `1.001193@${wardA}`);
      expect(history.map((h) => [h.oldValue, h.newValue])).toEqual([
        ['', 'Mang bản chính giấy chứng sinh.'],
        ['Mang bản chính giấy chứng sinh.', 'Sáng thứ Năm có cán bộ hướng dẫn.'],
      ]);
      // Another ward, an unknown procedure, a malformed code: NotFound.
      await expect(f.notes.upsert(f.editorA, '1.001193', wardB, { baseVersion: 0, note: 'x' })).rejects.toBeInstanceOf(EditNotFoundError);
      await expect(f.notes.upsert(f.editorA, '9.999999', wardA, { baseVersion: 0, note: 'x' })).rejects.toBeInstanceOf(EditNotFoundError);
      await expect(f.notes.upsert(f.editorA, "1.001193' OR 1=1", wardA, { baseVersion: 0, note: 'x' })).rejects.toBeInstanceOf(EditNotFoundError);
      await expect(f.reads.history(f.editorB, 'procedure_local_note', `1.001193@${wardA}`)).rejects.toBeInstanceOf(EditNotFoundError);
      // An admin may write any ward's note.
      expect((await f.notes.upsert(f.admin, '1.001193', wardB, { baseVersion: 0, note: 'Ghi chú của tỉnh' })).changed).toBe(true);
    });
  });

  it('generated bad inputs through the services give validation errors (or conflicts), never anything else, and write nothing', async () => {
    const pointA = await f.pointId(`ttphcc-${WARD_A}`);
    const counts = async () =>
      (await f.dataSource.query(`SELECT (SELECT count(*) FROM audit_event)::int AS audit, (SELECT sum(version) FROM service_point)::int AS versions`)) as unknown[];
    const before = await counts();
    const value = fc.oneof(
      fc.anything(),
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.constantFrom('<script>alert(1)</script>', "'; DROP TABLE service_point; --", '\u0000', '9.999999', '2026-02-30', 'Mo-Fr 25:00-26:00'),
      fc.double(),
      fc.record({ lat: fc.double(), lng: fc.double() }),
      fc.array(fc.record({ from: fc.string(), to: fc.string(), reason: fc.string() }), { maxLength: 3 }),
    );
    const input = fc.record(
      { baseVersion: fc.oneof(fc.constant(0), fc.integer(), fc.string()), name: value, phone: value, location: value, closures: value, openingHours: value, proceduresNotAccepted: value },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(input, fc.constantFrom<'point' | 'street' | 'plate' | 'note'>('point', 'street', 'plate', 'note'), async (patch, kind) => {
        const call =
          kind === 'point'
            ? f.servicePoints.update(f.editorA, pointA, patch)
            : kind === 'street'
              ? f.streets.update(f.editorA, ids['streetA']!, patch)
              : kind === 'plate'
                ? f.plates.update(f.editorA, ids['plateA']!, patch)
                : f.notes.upsert(f.editorA, '1.001193', f.wardId(WARD_A), patch);
        const outcome = await call.then(
          (result) => (result.changed ? 'changed' : 'unchanged'),
          (error: unknown) => error,
        );
        // Only an empty patch at the right version can pass, and it changes nothing.
        if (outcome === 'unchanged') return;
        if (outcome === 'changed') throw new Error(`a generated bad input was written: ${JSON.stringify(patch)}`);
        if (!(outcome instanceof EditValidationError) && !(outcome instanceof EditConflictError)) throw outcome;
      }),
      { numRuns: 300 },
    );
    expect(await counts()).toEqual(before);
  }, 60_000);
});
