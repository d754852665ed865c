import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { renderVerified, RenderError } from './render';
import { RenderPool, createRenderer } from './render-pool';

const ROOT = join(__dirname, '../../../..');
const input = { publicBaseUrl: 'https://phoso.example.vn', code: 'TB-233AC', streetName: 'Lê Lợi' };

describe('RenderPool (worker threads)', () => {
  let pool: RenderPool;
  beforeAll(() => {
    // The threads run the compiled JavaScript (dist/node), as the worker does in production.
    execFileSync(process.execPath, [join(ROOT, 'tools/build/compile-node.mjs')], { cwd: ROOT, stdio: 'ignore' });
    pool = new RenderPool(join(ROOT, 'dist/node/libs/server/qr-assets/src/render-thread.js'), 2);
  }, 60_000);
  afterAll(() => pool?.close());

  it('renders and verifies off the event loop, byte-identical to rendering inline', async () => {
    const formats = ['svg', 'png', 'pdf'] as const;
    const [threaded, inline] = await Promise.all([
      Promise.all(formats.map((f) => pool.render(input, f, {}))),
      Promise.all(formats.map((f) => renderVerified(input, f, {}))),
    ]);
    for (let i = 0; i < formats.length; i++) {
      expect(Buffer.isBuffer(threaded[i]!.bytes)).toBe(true);
      expect(threaded[i]!.meta.sha256).toBe(inline[i]!.meta.sha256);
      expect(threaded[i]!.verification).toEqual({ ok: true, decoded: 'HTTPS://PHOSO.EXAMPLE.VN/Q/TB-233AC' });
    }
  }, 30_000);

  it('passes a rendering error back with its name, and keeps serving', async () => {
    const error = await pool.render({ ...input, code: 'NOT-A-CODE' }, 'svg', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderError);
    expect((error as RenderError).originalName).toBe('QrPayloadError');
    expect((await pool.render(input, 'svg', {})).verification.ok).toBe(true);
  }, 30_000);

  it('falls back to inline rendering where no compiled thread script exists', () => {
    const renderer = createRenderer(2, join(__dirname, 'no-such-script.js'));
    expect(renderer.threads).toBe(0);
    expect(renderer.render).toBe(renderVerified);
  });
});
