// Integration tests of the service-point editor against a real Postgres (concurrent transactions need
// real sessions: PGlite has one). The clock is injected; nothing reads the real time.
import { EditConflictError, EditNotFoundError, EditValidationError } from './workspace.errors';
import { createWorkspaceFixture, WARD_A, WARD_B, type WorkspaceFixture } from './testing/workspace-fixture';

const DAY = 24 * 60 * 60 * 1000;

describe('ServicePointEditService on postgres', () => {
  let f: WorkspaceFixture;
  let pointA: string; // Trần Hưng Đạo's centre (ward A)
  let pointB: string; // Trần Lãm's centre (ward B)
  let provincial: string; // no ward
  beforeAll(async () => {
    f = await createWorkspaceFixture();
    pointA = await f.pointId(`ttphcc-${WARD_A}`);
    pointB = await f.pointId(`ttphcc-${WARD_B}`);
    provincial = await f.pointId('ttphcc-tinh-hung-yen');
  }, 60_000);
  afterAll(() => f?.dispose());
  beforeEach(() => f.queue.takeTags());

  const row = async (id: string) =>
    ((await f.dataSource.query(`SELECT name, phone, version, accessibility_notes, opening_hours FROM service_point WHERE id = $1`, [id])) as {
      name: string;
      phone: string | null;
      version: number;
      accessibility_notes: string;
      opening_hours: string;
    }[])[0]!;
  const auditRows = async (id: string) =>
    (await f.dataSource.query(
      `SELECT actor_id, actor_label, action, field, old_value, new_value, request_id FROM audit_event WHERE entity_type = 'service_point' AND entity_id = $1 ORDER BY id`,
      [id],
    )) as { actor_id: string; actor_label: string; action: string; field: string; old_value: unknown; new_value: unknown; request_id: string | null }[];
  const closures = async (id: string) =>
    (await f.dataSource.query(`SELECT starts_on::text AS "from", ends_on::text AS "to", reason FROM service_point_closure WHERE service_point_id = $1 ORDER BY starts_on`, [id])) as unknown[];
  const version = async (id: string) => (await row(id)).version;

  describe('scoping', () => {
    it("an editor of ward A cannot read, update, confirm or see the history of ward B's point: NotFound, like a missing id", async () => {
      const before = await row(pointB);
      const base = before.version;
      const attempts = [
        () => f.servicePoints.get(f.editorA, pointB),
        () => f.servicePoints.update(f.editorA, pointB, { baseVersion: base, name: 'Chiếm quyền' }),
        () => f.servicePoints.confirmStillCorrect(f.editorA, pointB, base),
        () => f.reads.history(f.editorA, 'service_point', pointB),
        () => f.servicePoints.get(f.editorA, provincial),
        () => f.servicePoints.update(f.editorA, provincial, { baseVersion: 1, name: 'x' }),
      ];
      const missing = await f.servicePoints.get(f.editorA, '00000000-0000-4000-8000-000000000000').catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(EditNotFoundError);
      for (const attempt of attempts) {
        const error = await attempt().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(EditNotFoundError);
        expect((error as EditNotFoundError).getResponse()).toEqual((missing as EditNotFoundError).getResponse());
      }
      await expect(f.servicePoints.get(f.editorA, 'not-a-uuid')).rejects.toBeInstanceOf(EditNotFoundError);
      expect(await row(pointB)).toEqual(before);
      expect(await auditRows(pointB)).toEqual([]);
      expect(f.queue.takeTags()).toEqual([]);
    });

    it('lists only the actor’s own points; an admin sees and edits every ward and the provincial centre', async () => {
      expect((await f.reads.listMyServicePoints(f.editorA)).map((p) => p.id)).toEqual([pointA]);
      expect((await f.reads.listMyServicePoints(f.editorB)).map((p) => p.id)).toEqual([pointB]);
      const all = await f.reads.listMyServicePoints(f.admin);
      expect(all).toHaveLength(6);
      expect(all.map((p) => p.id)).toEqual(expect.arrayContaining([pointA, pointB, provincial]));
      const ownB = await f.servicePoints.get(f.editorB, pointB);
      const byAdmin = await f.servicePoints.update(f.admin, pointB, { baseVersion: ownB.version, phone: '0227 3831 234' });
      expect(byAdmin.changed).toBe(true);
      const provincialNow = await f.servicePoints.get(f.admin, provincial);
      expect((await f.servicePoints.update(f.admin, provincial, { baseVersion: provincialNow.version, phone: '1900 1234' })).changed).toBe(true);
      const ownEdit = await f.servicePoints.update(f.editorA, pointA, { baseVersion: await version(pointA), email: 'TTPVHCC.THD@hungyen.gov.vn' });
      expect(ownEdit.record.email).toBe('ttpvhcc.thd@hungyen.gov.vn');
    });

    it('an editor with no wards sees nothing', async () => {
      const nobody = { ...f.editorA, wardIds: [] };
      expect(await f.reads.listMyServicePoints(nobody)).toEqual([]);
      await expect(f.servicePoints.get(nobody, pointA)).rejects.toBeInstanceOf(EditNotFoundError);
    });
  });

  describe('versions and audit', () => {
    it('writes the change with one audit row per changed field (old → new, actor, request id), bumps the version and asks for revalidation', async () => {
      const before = await f.servicePoints.get(f.editorA, pointA);
      const result = await f.servicePoints.update(
        f.editorA,
        pointA,
        {
          baseVersion: before.version,
          name: before.name, // unchanged: no audit row
          openingHours: 'Mo-Fr 07:00-11:30,13:30-17:00',
          closures: [{ from: '2026-04-20', to: '2026-04-21', reason: 'Sửa chữa trụ sở' }],
          proceduresNotAccepted: ['1.001193'],
        },
        { requestId: 'req-42' },
      );
      expect(result.changed).toBe(true);
      expect(result.record.version).toBe(before.version + 1);
      expect(await version(pointA)).toBe(before.version + 1);
      expect(await closures(pointA)).toEqual([{ from: '2026-04-20', to: '2026-04-21', reason: 'Sửa chữa trụ sở' }]);
      const audit = (await auditRows(pointA)).filter((r) => r.request_id === 'req-42');
      expect(audit).toEqual([
        { actor_id: f.editorA.id, actor_label: f.editorA.email, action: 'update', field: 'openingHours', old_value: before.openingHours, new_value: 'Mo-Fr 07:00-11:30,13:30-17:00', request_id: 'req-42' },
        { actor_id: f.editorA.id, actor_label: f.editorA.email, action: 'update', field: 'closures', old_value: [], new_value: [{ from: '2026-04-20', to: '2026-04-21', reason: 'Sửa chữa trụ sở' }], request_id: 'req-42' },
        { actor_id: f.editorA.id, actor_label: f.editorA.email, action: 'update', field: 'proceduresNotAccepted', old_value: [], new_value: ['1.001193'], request_id: 'req-42' },
      ]);
      const [tags] = f.queue.takeTags();
      expect(tags).toEqual(expect.arrayContaining([`service-point:${pointA}`, 'service-points', 'procedures', 'procedure:1.001193']));
      // The edited fields are no longer labelled as sample data.
      const [{ provenance }] = await f.dataSource.query(`SELECT provenance FROM service_point WHERE id = $1`, [pointA]);
      expect(provenance.demo).not.toContain('openingHours');
      expect(provenance.demo).toContain('address');
      // History shows the same rows.
      const history = await f.reads.history(f.editorA, 'service_point', pointA);
      expect(history.filter((h) => h.requestId === 'req-42').map((h) => [h.field, h.actorLabel])).toEqual([
        ['openingHours', f.editorA.email],
        ['closures', f.editorA.email],
        ['proceduresNotAccepted', f.editorA.email],
      ]);
    });

    it('a no-op patch changes nothing: same version, no audit row, no revalidation', async () => {
      const before = await f.servicePoints.get(f.editorA, pointA);
      const auditBefore = (await auditRows(pointA)).length;
      const result = await f.servicePoints.update(f.editorA, pointA, {
        baseVersion: before.version,
        name: `  ${before.name}  `,
        location: before.location,
        closures: before.closures,
        proceduresNotAccepted: [...before.proceduresNotAccepted].reverse(),
      });
      expect(result).toEqual({ changed: false, changes: [], record: before });
      expect(await version(pointA)).toBe(before.version);
      expect(await auditRows(pointA)).toHaveLength(auditBefore);
      expect(f.queue.takeTags()).toEqual([]);
    });

    it('a stale baseVersion is a Conflict carrying the current values, and writes nothing', async () => {
      const base = await f.servicePoints.get(f.editorA, pointA);
      await f.servicePoints.update(f.editorA, pointA, { baseVersion: base.version, name: 'Tên mới của trung tâm' });
      const auditBefore = (await auditRows(pointA)).length;
      f.queue.takeTags();
      const error = await f.servicePoints.update(f.editorA, pointA, { baseVersion: base.version, phone: '0912 345 678' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EditConflictError);
      const conflict = error as EditConflictError;
      expect(conflict.getStatus()).toBe(409);
      expect(conflict.current).toMatchObject({ id: pointA, name: 'Tên mới của trung tâm', version: base.version + 1, phone: base.phone });
      expect((conflict.getResponse() as { current: unknown }).current).toEqual(conflict.current);
      expect((await row(pointA)).phone).toBe(base.phone);
      expect(await auditRows(pointA)).toHaveLength(auditBefore);
      expect(f.queue.takeTags()).toEqual([]);
      await expect(f.servicePoints.confirmStillCorrect(f.editorA, pointA, base.version)).rejects.toBeInstanceOf(EditConflictError);
    });

    it('50 concurrent updates from the same base version: exactly one succeeds, 49 conflict, the row and the audit are the winner’s (no lost update)', async () => {
      const base = await f.servicePoints.get(f.editorB, pointB);
      const auditBefore = (await auditRows(pointB)).length;
      const patches = Array.from({ length: 50 }, (_, i) => ({
        baseVersion: base.version,
        name: `Trung tâm phiên bản ${i}`,
        accessibilityNotes: `Lối vào cho xe lăn số ${i}`,
      }));
      const outcomes = await Promise.allSettled(patches.map((patch) => f.servicePoints.update(f.editorB, pointB, patch)));
      const winners = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
      const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(49);
      for (const loser of losers) expect(loser.reason).toBeInstanceOf(EditConflictError);
      const winner = patches[winners[0]!]!;
      const final = await row(pointB);
      expect(final).toMatchObject({ name: winner.name, accessibility_notes: winner.accessibilityNotes, version: base.version + 1 });
      // Every conflict carried the values of a committed state: the winner's (or the base, if it lost before the winner committed).
      for (const loser of losers) expect([winner.name, base.name]).toContain((loser.reason as EditConflictError<{ name: string }>).current.name);
      const audit = (await auditRows(pointB)).slice(auditBefore);
      expect(audit.map((r) => [r.field, r.old_value, r.new_value])).toEqual([
        ['name', base.name, winner.name],
        ['accessibilityNotes', base.accessibilityNotes, winner.accessibilityNotes],
      ]);
      expect(f.queue.takeTags()).toHaveLength(1);
    }, 30_000);

    it('the audit rows are in the same transaction: a failure after the update leaves neither the row, the closures nor the audit changed', async () => {
      await f.dataSource.query(`CREATE FUNCTION test_fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`);
      await f.dataSource.query(
        `CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_event FOR EACH ROW WHEN (NEW.new_value = '"FAIL HERE"'::jsonb) EXECUTE FUNCTION test_fail_audit()`,
      );
      try {
        const before = await row(pointA);
        const closuresBefore = await closures(pointA);
        const auditBefore = await auditRows(pointA);
        await expect(
          f.servicePoints.update(f.editorA, pointA, {
            baseVersion: before.version,
            name: 'Không được lưu',
            closures: [{ from: '2026-05-01', to: '2026-05-03', reason: 'Không được lưu' }],
            accessibilityNotes: 'FAIL HERE',
          }),
        ).rejects.toThrow(/injected failure/);
        expect(await row(pointA)).toEqual(before);
        expect(await closures(pointA)).toEqual(closuresBefore);
        expect(await auditRows(pointA)).toEqual(auditBefore);
        expect(f.queue.takeTags()).toEqual([]);
      } finally {
        await f.dataSource.query(`DROP TRIGGER test_fail_audit ON audit_event`);
        await f.dataSource.query(`DROP FUNCTION test_fail_audit()`);
      }
    });
  });

  describe('confirmation and freshness', () => {
    it('confirmStillCorrect records who and when, bumps the version, audits and revalidates the page', async () => {
      f.now.value = new Date('2026-03-10T03:00:00Z');
      const before = await f.servicePoints.get(f.editorA, pointA);
      const result = await f.servicePoints.confirmStillCorrect(f.editorA, pointA, before.version, { requestId: 'req-confirm' });
      expect(result.record).toMatchObject({ version: before.version + 1, lastConfirmedAt: '2026-03-10T03:00:00.000Z', lastConfirmedBy: f.editorA.id });
      const [stored] = await f.dataSource.query(`SELECT last_confirmed_at, last_confirmed_by, version FROM service_point WHERE id = $1`, [pointA]);
      expect(stored).toEqual({ last_confirmed_at: new Date('2026-03-10T03:00:00Z'), last_confirmed_by: f.editorA.id, version: before.version + 1 });
      const audit = (await auditRows(pointA)).filter((r) => r.request_id === 'req-confirm');
      expect(audit.map((r) => [r.action, r.field, r.old_value, r.new_value])).toEqual([
        ['confirm', 'lastConfirmedAt', before.lastConfirmedAt, '2026-03-10T03:00:00.000Z'],
        ['confirm', 'lastConfirmedBy', before.lastConfirmedBy, f.editorA.id],
      ]);
      expect(f.queue.takeTags()).toEqual([[`service-point:${pointA}`]]);
      const listed = (await f.reads.listMyServicePoints(f.editorA))[0]!;
      expect(listed).toMatchObject({ lastConfirmedAt: '2026-03-10T03:00:00.000Z', lastConfirmedBy: 'editor.a', stale: false });
    });

    it('flags a point not confirmed for 90 days (or never) as stale', async () => {
      const confirmedAt = new Date('2026-03-10T03:00:00Z').getTime(); // by the previous test
      const staleOf = async (at: number) => {
        f.now.value = new Date(at);
        return (await f.reads.listMyServicePoints(f.admin)).map((p) => [p.id, p.stale] as const);
      };
      const at89 = new Map(await staleOf(confirmedAt + 90 * DAY - 1));
      expect(at89.get(pointA)).toBe(false);
      expect(at89.get(pointB)).toBe(true); // never confirmed
      const at90 = new Map(await staleOf(confirmedAt + 90 * DAY));
      expect(at90.get(pointA)).toBe(true);
    });
  });

  describe('validation', () => {
    it('refuses unknown procedure codes with a message in both languages, and writes nothing', async () => {
      const base = await f.servicePoints.get(f.editorA, pointA);
      const error = (await f.servicePoints.update(f.editorA, pointA, { baseVersion: base.version, proceduresNotAccepted: ['1.001193', '9.999999'] }).catch((e: unknown) => e)) as EditValidationError;
      expect(error).toBeInstanceOf(EditValidationError);
      expect(error.issues).toEqual([
        {
          path: 'proceduresNotAccepted.1',
          code: 'procedureCode.unknown',
          message: { vi: expect.stringContaining('9.999999'), en: expect.stringContaining('9.999999') },
        },
      ]);
      expect(await version(pointA)).toBe(base.version);
    });
  });
});
