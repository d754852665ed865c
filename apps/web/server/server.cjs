// @ts-check
// The web app's production server: Next.js (the standalone build) behind the in-process page cache
// (page-cache.cjs). tools/build/build-web.mjs copies this file over the standalone folder's server.js
// (Next's own is kept as next-server.js), so every way of starting the web app runs it. Environment:
// PORT (3000), HOSTNAME (0.0.0.0), KEEP_ALIVE_TIMEOUT (ms), PAGE_CACHE_TTL_MS (1000; 0 turns the page
// cache off), and what the app itself reads (API_INTERNAL_URL, PUBLIC_BASE_URL, REVALIDATE_SECRET).
'use strict';

const http = require('node:http');
const path = require('node:path');
const { PageCache } = require('./page-cache.cjs');

/** @type {Record<string, string | undefined>} */ (process.env).NODE_ENV = 'production';
process.chdir(__dirname);

const port = Number.parseInt(process.env.PORT ?? '', 10) || 3000;
const hostname = process.env.HOSTNAME || '0.0.0.0';
const keepAliveTimeout = Number.parseInt(process.env.KEEP_ALIVE_TIMEOUT ?? '', 10);
const ttlText = process.env.PAGE_CACHE_TTL_MS ?? '1000';
const ttlMs = Number(ttlText);
if (!/^\d+$/.test(ttlText) || ttlMs > 10_000) {
  console.error(`PAGE_CACHE_TTL_MS must be a whole number of milliseconds from 0 to 10000 (got "${ttlText}")`);
  process.exit(1);
}

// The configuration `next build` resolved, as Next's generated standalone server passes it.
const { config } = require(path.join(__dirname, '.next/required-server-files.json'));
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
// next's CommonJS export is the factory itself (its types describe the ES default export).
const next = /** @type {typeof import('next').default} */ (/** @type {unknown} */ (require('next')));

async function main() {
  // Next builds the proxy's request URL from this hostname but spells any loopback address "localhost",
  // then treats a rewrite whose origin differs from its own as external and fetches it over HTTP (to
  // "localhost", which may resolve to ::1 where nothing listens). Naming loopback "localhost" here keeps
  // the proxy's rewrites (src/proxy.ts) internal.
  const nextHostname = /^(127(\.\d{1,3}){3}|::1|\[::1\])$/.test(hostname) ? 'localhost' : hostname;
  const app = next({ dev: false, dir: __dirname, conf: config, hostname: nextHostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const cache = ttlMs > 0 ? new PageCache({ ttlMs }) : null;
  const server = http.createServer((req, res) => {
    const toNext = () => handle(req, res);
    if (cache) cache.handle(req, res, toNext);
    else toNext();
  });
  if (Number.isFinite(keepAliveTimeout) && keepAliveTimeout >= 0) server.keepAliveTimeout = keepAliveTimeout;
  server.listen(port, hostname, () => {
    console.log(`web: listening on http://${hostname}:${port} (page cache ${cache ? `${ttlMs} ms` : 'off'})`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
