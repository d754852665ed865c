// Officials' text is stored and served as text: a script or HTML payload typed into the workspace is
// stored verbatim and comes back verbatim (JSON-escaped, never HTML-escaped, stripped or executed) from
// the public API; the web pages escape it when they render it (React).
import type { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from '../../testing/test-api';
import type { Actor } from './actor';
import { AuditRepository } from './audit.repository';
import { ServicePointEditRepository } from './service-point-edit.repository';
import { ServicePointEditService } from './service-point-edit.service';
import { StreetEditRepository } from './street-edit.repository';
import { StreetEditService } from './street-edit.service';
import { WorkspaceRevalidator } from './workspace-revalidator';
import { RecordingQueue } from './testing/workspace-fixture';

const SCRIPT = `<script>alert("xss")</script>`;
const HTML = `<img src=x onerror="alert('xss')"> & <b>đậm</b> &lt;đã mã hóa&gt;`;
const NOTES = `${SCRIPT}\n<a href="javascript:alert(1)">bấm vào đây</a>`;

describe('HTML and script payloads in officials’ text (postgres)', () => {
  let api: TestApi;
  let pointId = '';
  beforeAll(async () => {
    api = await startTestApi('postgres', {
      env: { RESPONSE_CACHE_SECONDS: '0' },
      beforeStart: async (dataSource: DataSource) => {
        const [official]: { id: string }[] = await dataSource.query(
          `INSERT INTO official (email, display_name, role, password_hash, password_changed_at) VALUES ('admin@hungyen.gov.vn', 'admin', 'admin', 'x', now()) RETURNING id`,
        );
        const actor: Actor = { id: official!.id, email: 'admin@hungyen.gov.vn', role: 'admin', wardIds: [] };
        const revalidator = new WorkspaceRevalidator(new RecordingQueue());
        const points = new ServicePointEditService(dataSource, new ServicePointEditRepository(), new AuditRepository(), revalidator);
        const streets = new StreetEditService(dataSource, new StreetEditRepository(), new AuditRepository(), revalidator);
        [{ id: pointId }] = await dataSource.query(`SELECT id FROM service_point WHERE key = 'ttphcc-12452'`);
        const point = await points.get(actor, pointId);
        await points.update(actor, pointId, {
          baseVersion: point.version,
          name: SCRIPT,
          address: HTML,
          accessibilityNotes: NOTES,
          closures: [{ from: '2099-01-01', to: '2099-01-02', reason: SCRIPT }],
        });
        const [{ id: streetId }] = await dataSource.query(`SELECT id FROM street WHERE slug = 'le-loi'`);
        const street = await streets.get(actor, streetId);
        await streets.update(actor, streetId, { baseVersion: street.version, startDescription: HTML, namesake: { text: NOTES, source: SCRIPT } });
      },
    });
  }, 90_000);
  afterAll(() => api?.close());

  it('a service point returns the payloads verbatim as JSON strings', async () => {
    const response = await api.get(`/api/v1/service-points/${pointId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const raw = await response.text();
    expect(raw).not.toContain('&lt;script');
    const body = JSON.parse(raw);
    expect(body.name).toBe(SCRIPT);
    expect(body.address).toBe(HTML);
    expect(body.accessibilityNotes).toBe(NOTES);
    expect(body.closures).toEqual([expect.objectContaining({ from: '2099-01-01', to: '2099-01-02', reason: SCRIPT })]);
  });

  it('a street returns its ends and namesake text verbatim', async () => {
    const response = await api.get('/api/v1/streets/le-loi');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { start: { description: string }; namesake: { description: string } };
    expect(body.start.description).toBe(HTML);
    expect(body.namesake.description).toBe(NOTES);
  });
});
