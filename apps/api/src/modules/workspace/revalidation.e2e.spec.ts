// After an edit commits, the API's own job runner (no Redis) asks the web app to revalidate the
// changed pages, retrying while the web app fails. The "web app" is a real local HTTP server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import type { JobQueue, PhoSoJobs } from '@pho-so/server/queue';
import { JOB_QUEUE } from '../../jobs/jobs.module';
import { startTestApi, type TestApi } from '../../testing/test-api';
import { AuditRepository } from './audit.repository';
import { ServicePointEditRepository } from './service-point-edit.repository';
import { ServicePointEditService } from './service-point-edit.service';
import { WorkspaceRevalidator } from './workspace-revalidator';

const SECRET = 'revalidate-secret-for-tests';

describe('revalidation after an edit, through the API’s in-process queue (postgres)', () => {
  let api: TestApi;
  let web: Server;
  const received: { at: number; authorization: string | undefined; body: unknown; status: number }[] = [];
  beforeAll(async () => {
    web = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        const status = received.length === 0 ? 503 : 200; // the web app is down for the first attempt
        received.push({ at: Date.now(), authorization: request.headers.authorization, body: JSON.parse(body), status });
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
    api = await startTestApi('postgres', { env: { WEB_INTERNAL_URL: url, REVALIDATE_SECRET: SECRET } });
  }, 90_000);
  afterAll(async () => {
    await api?.close();
    await new Promise<void>((resolve) => web.close(() => resolve()));
  });

  it('an edit reaches the web app as a revalidation of its tags within 5 s, retried once the web app answered 503', async () => {
    const dataSource = api.app.get(DataSource);
    const queue = api.app.get<typeof JOB_QUEUE, JobQueue<PhoSoJobs>>(JOB_QUEUE);
    const [{ id: officialId }] = await dataSource.query(
      `INSERT INTO official (email, display_name, role, password_hash, password_changed_at) VALUES ('a@hungyen.gov.vn', 'a', 'admin', 'x', now()) RETURNING id`,
    );
    const service = new ServicePointEditService(dataSource, new ServicePointEditRepository(), new AuditRepository(), new WorkspaceRevalidator(queue));
    const actor = { id: officialId as string, email: 'a@hungyen.gov.vn', role: 'admin' as const, wardIds: [] };
    const [{ id }] = await dataSource.query(`SELECT id FROM service_point WHERE key = 'ttphcc-12452'`);
    const point = await service.get(actor, id);
    const committedAt = Date.now();
    await service.update(actor, id, { baseVersion: point.version, openingHours: 'Mo-Fr 07:00-11:00,13:30-17:00' });
    const deadline = committedAt + 5000;
    while (received.filter((r) => r.status === 200).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received.map((r) => r.status)).toEqual([503, 200]);
    for (const request of received) {
      expect(request.authorization).toBe(`Bearer ${SECRET}`);
      expect(request.body).toEqual({ tags: [`service-point:${id}`, 'service-points'] });
    }
    expect(received[1]!.at - committedAt).toBeLessThan(5000);
  }, 20_000);
});
