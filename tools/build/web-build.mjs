// Builds the web app only when its sources changed since the last build: a fingerprint (path, size,
// mtime) of everything the Next build reads is stamped beside the build. Checking takes milliseconds,
// rebuilding takes 15 s or more. Shared by `npm start`, the web browser tests' global setup and the
// Lighthouse runner, so whichever runs first builds and the others reuse the same build.
//
//   node tools/build/web-build.mjs            build if stale ("web app is up to date" otherwise)
//   import { ensureWebBuild } from '…/web-build.mjs'
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
export const webServerPath = join(root, 'apps/web/.next/standalone/apps/web/server.js');
const stampFile = join(root, 'apps/web/.next/pho-so-build-fingerprint');

// Not read by `next build`: the build output, generated types, and the tests (unit specs, browser tests
// and their configuration), so editing a test never triggers a rebuild.
const ignored = (name) =>
  name === '.next' ||
  name === 'node_modules' ||
  name === 'next-env.d.ts' ||
  name === 'e2e' ||
  name === 'jest.config.js' ||
  name === 'tsconfig.spec.json' ||
  /\.spec\.tsx?$/.test(name);

/** A fingerprint of everything the web build depends on. */
export function webSourcesFingerprint() {
  const hash = createHash('sha256');
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (!ignored(entry)) visit(join(path, entry));
      }
    } else {
      hash.update(`${relative(root, path)}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const path of ['apps/web', 'libs/shared', 'package-lock.json', 'tsconfig.base.json']) visit(join(root, path));
  return hash.digest('hex');
}

/**
 * Processes of a `next build` running in this checkout (Next names them `next-build (vX)`), which holds
 * the build lock: a second build would fail at once ("Another next build process is already running").
 * Linux only (/proc); elsewhere none are seen and Next's own refusal stands.
 */
function otherNextBuilds() {
  if (process.platform !== 'linux') return [];
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').startsWith('next-build')) continue;
      const cwd = realpathSync(`/proc/${entry}/cwd`);
      if (cwd === root || cwd.startsWith(`${root}/`)) pids.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

/** Waits (up to 10 minutes) until no other `next build` runs in this checkout: several people share it. */
function waitForOtherBuilds(log) {
  const deadline = Date.now() + 10 * 60_000;
  let said = false;
  for (let pids = otherNextBuilds(); pids.length > 0 && Date.now() < deadline; pids = otherNextBuilds()) {
    if (!said) log(`waiting for another next build in this checkout to finish (pid ${pids.join(', ')})`);
    said = true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  }
}

/**
 * Builds the standalone web server unless it is current. Returns true when it built. Throws when the
 * build fails (the build's own output says why).
 */
export function ensureWebBuild({ log = (message) => console.log(message) } = {}) {
  waitForOtherBuilds(log);
  const fingerprint = webSourcesFingerprint();
  if (existsSync(webServerPath) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === fingerprint) {
    log('web app is up to date');
    return false;
  }
  log('building the web app (first build, or its sources changed)');
  const result = spawnSync(process.execPath, [join(root, 'tools/build/build-web.mjs')], { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error(`web build failed (exit ${result.status ?? result.signal})`);
  // The fingerprint taken before building: a source edited during the build makes the next check rebuild.
  writeFileSync(stampFile, fingerprint);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  try {
    ensureWebBuild();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
