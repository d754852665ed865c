// Builds the Next.js app as a standalone server (what the container runs) and copies in the static
// assets, which Next leaves out of the standalone folder on purpose (a CDN may serve them instead).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const app = join(root, 'apps/web');
const standaloneApp = join(app, '.next/standalone/apps/web');

const result = spawnSync(join(root, 'node_modules/.bin/next'), ['build', app], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
if (result.status !== 0) process.exit(result.status ?? 1);

rmSync(join(standaloneApp, '.next/static'), { recursive: true, force: true });
cpSync(join(app, '.next/static'), join(standaloneApp, '.next/static'), { recursive: true });
if (existsSync(join(app, 'public'))) cpSync(join(app, 'public'), join(standaloneApp, 'public'), { recursive: true });
// Our server (Next behind the in-process page cache) replaces the generated server.js, which is kept
// as next-server.js for comparison; see apps/web/server/server.cjs.
renameSync(join(standaloneApp, 'server.js'), join(standaloneApp, 'next-server.js'));
cpSync(join(app, 'server', 'page-cache.cjs'), join(standaloneApp, 'page-cache.cjs'));
cpSync(join(app, 'server', 'server.cjs'), join(standaloneApp, 'server.js'));
console.log(`web: standalone server at ${standaloneApp.slice(root.length + 1)}/server.js`);
