import type { DataSource } from 'typeorm';
import { createMigratedDataSource } from '@pho-so/server/db/testing';
import { demoCitySeed } from '@pho-so/server/dataset/testing';
import type { EnqueueOptions, JobQueue, JobRequest, PhoSoJobs } from '@pho-so/server/queue';
import { DEMO_DATA_DIR } from '../../../testing/test-api';
import type { Actor } from '../actor';
import { AuditRepository } from '../audit.repository';
import { PlateEditRepository } from '../plate-edit.repository';
import { PlateEditService } from '../plate-edit.service';
import { ProcedureNoteRepository } from '../procedure-note.repository';
import { ProcedureNoteService } from '../procedure-note.service';
import { ServicePointEditRepository } from '../service-point-edit.repository';
import { ServicePointEditService } from '../service-point-edit.service';
import { StreetEditRepository } from '../street-edit.repository';
import { StreetEditService } from '../street-edit.service';
import { WorkspaceReadService } from '../workspace-read.service';
import { WorkspaceRevalidator } from '../workspace-revalidator';

/** A queue that only records what was enqueued. */
export class RecordingQueue implements JobQueue<PhoSoJobs> {
  readonly jobs: { name: string; payload: unknown; options?: EnqueueOptions }[] = [];
  async enqueue<N extends keyof PhoSoJobs & string>(name: N, payload: PhoSoJobs[N], options?: EnqueueOptions): Promise<void> {
    this.jobs.push({ name, payload, ...(options ? { options } : {}) });
  }
  async enqueueMany(jobs: ReadonlyArray<JobRequest<PhoSoJobs>>): Promise<void> {
    for (const job of jobs) await this.enqueue(job.name, job.payload, job.options);
  }
  async missingJobs(): Promise<string[]> {
    return [];
  }
  async close(): Promise<void> {}
  /** Tags of every web.revalidate job so far, and forget them. */
  takeTags(): string[][] {
    return this.jobs.splice(0).filter((job) => job.name === 'web.revalidate').map((job) => (job.payload as { tags: string[] }).tags);
  }
}

export const WARD_A = '12452'; // Phường Trần Hưng Đạo
export const WARD_B = '12454'; // Phường Trần Lãm

export interface WorkspaceFixture {
  dataSource: DataSource;
  queue: RecordingQueue;
  /** The services' clock; tests move it. */
  now: { value: Date };
  servicePoints: ServicePointEditService;
  streets: StreetEditService;
  plates: PlateEditService;
  notes: ProcedureNoteService;
  reads: WorkspaceReadService;
  wardId: (code: string) => number;
  admin: Actor;
  editorA: Actor;
  editorB: Actor;
  /** The id of the service point with this key (e.g. ttphcc-12452). */
  pointId: (key: string) => Promise<string>;
  dispose(): Promise<void>;
}

/** A fresh Postgres database with the demo city, three officials and the workspace services. */
export async function createWorkspaceFixture(): Promise<WorkspaceFixture> {
  const db = await createMigratedDataSource('postgres', { seed: demoCitySeed(DEMO_DATA_DIR) });
  const { dataSource } = db;
  const units: { id: number; code: string }[] = await dataSource.query(`SELECT id, code FROM administrative_unit WHERE valid_to IS NULL AND code = ANY($1)`, [[WARD_A, WARD_B]]);
  const wardIds = new Map(units.map((u) => [u.code, Number(u.id)]));
  const wardId = (code: string) => wardIds.get(code) ?? Number.NaN;
  const official = async (email: string, role: Actor['role'], wards: number[]): Promise<Actor> => {
    const [row]: { id: string }[] = await dataSource.query(
      `INSERT INTO official (email, display_name, role, password_hash, password_changed_at) VALUES ($1, $2, $3, 'x', now()) RETURNING id`,
      [email, email.split('@')[0], role],
    );
    for (const ward of wards) await dataSource.query(`INSERT INTO official_ward_scope (official_id, ward_id) VALUES ($1, $2)`, [row!.id, ward]);
    return { id: row!.id, email, role, wardIds: wards };
  };
  const admin = await official('admin@hungyen.gov.vn', 'admin', []);
  const editorA = await official('editor.a@hungyen.gov.vn', 'ward_editor', [wardId(WARD_A)]);
  const editorB = await official('editor.b@hungyen.gov.vn', 'ward_editor', [wardId(WARD_B)]);

  const queue = new RecordingQueue();
  const now = { value: new Date('2026-03-02T02:00:00Z') };
  const clock = () => new Date(now.value);
  const audit = new AuditRepository();
  const revalidator = new WorkspaceRevalidator(queue);
  const servicePoints = new ServicePointEditService(dataSource, new ServicePointEditRepository(), audit, revalidator, clock);
  const streetRepository = new StreetEditRepository();
  return {
    dataSource,
    queue,
    now,
    servicePoints,
    streets: new StreetEditService(dataSource, streetRepository, audit, revalidator, clock),
    plates: new PlateEditService(dataSource, new PlateEditRepository(), audit, revalidator, clock),
    notes: new ProcedureNoteService(dataSource, new ProcedureNoteRepository(), audit, revalidator, clock),
    reads: new WorkspaceReadService(dataSource, audit, servicePoints, streetRepository, new PlateEditRepository(), new ProcedureNoteRepository()),
    wardId,
    admin,
    editorA,
    editorB,
    pointId: async (key) => ((await dataSource.query(`SELECT id FROM service_point WHERE key = $1`, [key])) as { id: string }[])[0]!.id,
    dispose: () => db.dispose(),
  };
}
