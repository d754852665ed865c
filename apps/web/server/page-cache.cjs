// @ts-check
// The web server's in-process page cache: the last answer Next gave for a shareable page, reused for one
// second. Next already serves ISR pages from its own cache without rendering them, but it still spends
// about 0.85 ms of CPU per request on routing, the ETag of the whole page and streaming it (profiled in
// docs/benchmarks.md, section 4); a street page shared by a crowd at one plate is the same bytes for
// everyone, so within a second they are sent as they are. Plain CommonJS with no dependency: build-web.mjs
// copies it into the standalone folder, which has no node_modules of ours.
//
// What may be stored mirrors the edge (deploy/nginx): a GET without credentials or Next router headers,
// outside /api/, /internal/, the workspace (/quan-tri, /en/quan-tri) and /_next/, answered 200 with a shareable Cache-Control
// (s-maxage, no private/no-store/no-cache) and no Set-Cookie. A successful POST /internal/revalidate
// empties it, so an edit waits for no expiry here.
'use strict';

const BYPASS_PREFIXES = ['/api/', '/internal/', '/quan-tri', '/en/quan-tri', '/_next/'];
/** Requests of Next's client router (RSC payloads, prefetches) are not pages. */
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url'];
/** Headers Node sets per response, which must not be replayed from a stored one. */
const PER_RESPONSE_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * @typedef {{ status: number, headers: Record<string, string | string[]>, body: Buffer, etag: string | undefined, storedAt: number, maxAgeMs: number }} Entry
 * @typedef {{ ttlMs?: number, maxStaleMs?: number, maxBytes?: number, now?: () => number }} PageCacheOptions
 * @typedef {import('node:http').IncomingMessage} Request
 * @typedef {import('node:http').ServerResponse} Response
 */

/** @param {Request} req */
function isCacheableRequest(req) {
  if (req.method !== 'GET') return false;
  const url = req.url ?? '';
  if (!url.startsWith('/') || BYPASS_PREFIXES.some((prefix) => url.startsWith(prefix))) return false;
  if (url.includes('_rsc=')) return false;
  const headers = req.headers;
  if (headers.cookie || headers.authorization) return false;
  return !ROUTER_HEADERS.some((name) => headers[name] !== undefined);
}

/** The cache key: the URL, and whether the answer may be gzip-compressed (Next compresses when asked). */
/** @param {Request} req */
function cacheKey(req) {
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) ? 'gzip' : 'identity';
  return `${gzip} ${req.url}`;
}

/**
 * How long a stored answer may be reused: our TTL, never more than Next's s-maxage; null when the answer
 * must not be shared.
 * @param {number} status @param {Record<string, string | string[] | number | undefined>} headers @param {number} ttlMs
 */
function shareableFor(status, headers, ttlMs) {
  if (status !== 200 || headers['set-cookie'] !== undefined) return null;
  const cacheControl = String(headers['cache-control'] ?? '');
  if (/private|no-store|no-cache/i.test(cacheControl)) return null;
  const sMaxAge = /s-maxage=(\d+)/i.exec(cacheControl);
  if (!sMaxAge || Number(sMaxAge[1]) <= 0) return null;
  return Math.min(ttlMs, Number(sMaxAge[1]) * 1000);
}

class PageCache {
  /** @param {PageCacheOptions} [options] */
  constructor({ ttlMs = 1000, maxStaleMs = 4000, maxBytes = 32 * 1024 * 1024, now = Date.now } = {}) {
    this.ttlMs = ttlMs;
    this.maxStaleMs = maxStaleMs;
    this.maxBytes = maxBytes;
    this.now = now;
    /** @type {Map<string, Entry>} insertion order = age, for eviction */
    this.entries = new Map();
    /** @type {Set<string>} keys a request is refreshing from Next right now */
    this.refreshing = new Set();
    this.bytes = 0;
    this.stats = { hits: 0, stale: 0, misses: 0, bypass: 0 };
  }

  clear() {
    this.entries.clear();
    this.bytes = 0;
  }

  /**
   * Answers from the cache, or lets `next` answer and keeps a copy. Fresh entries are served as they are;
   * an expired one is served stale to everyone but the one request that refreshes it, for at most
   * maxStaleMs (never an old page after a quiet spell).
   * @param {Request} req @param {Response} res @param {() => unknown} next
   */
  handle(req, res, next) {
    if (req.method === 'POST' && (req.url ?? '').split('?')[0] === '/internal/revalidate') {
      // Emptied as Next accepts the revalidation, before its answer leaves: whoever asked must not be
      // able to fetch the old page afterwards. (Node sends every response's head through writeHead.)
      const writeHead = res.writeHead;
      const clear = () => this.clear();
      res.writeHead = /** @type {any} */ (function accepted(/** @type {any[]} */ ...args) {
        if (Number(args[0]) >= 200 && Number(args[0]) < 300) clear();
        return writeHead.apply(res, /** @type {any} */ (args));
      });
      this.stats.bypass += 1;
      return next();
    }
    if (!isCacheableRequest(req)) {
      this.stats.bypass += 1;
      return next();
    }
    const key = cacheKey(req);
    const entry = this.entries.get(key);
    const age = entry ? this.now() - entry.storedAt : Infinity;
    if (entry && age < entry.maxAgeMs) {
      this.stats.hits += 1;
      return this.send(req, res, entry, 'HIT');
    }
    if (entry && age < entry.maxAgeMs + this.maxStaleMs && this.refreshing.has(key)) {
      this.stats.stale += 1;
      return this.send(req, res, entry, 'STALE');
    }
    this.stats.misses += 1;
    this.refreshing.add(key);
    this.capture(res, key);
    return next();
  }

  /** @param {Request} req @param {Response} res @param {Entry} entry @param {string} state */
  send(req, res, entry, state) {
    if (entry.etag && req.headers['if-none-match'] === entry.etag) {
      res.writeHead(304, { etag: entry.etag, 'cache-control': String(entry.headers['cache-control'] ?? ''), 'x-page-cache': state });
      res.end();
      return;
    }
    res.writeHead(entry.status, { ...entry.headers, 'x-page-cache': state });
    res.end(entry.body);
  }

  /** Records what Next writes to `res` and stores it when the response turns out shareable. */
  /** @param {Response} res @param {string} key */
  capture(res, key) {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let tooBig = false;
    /** @type {Record<string, string | string[] | number | undefined>} */
    let headArgs = {};
    const original = { writeHead: res.writeHead, write: res.write, end: res.end };
    const keep = (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function' || tooBig) return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(/** @type {string} */ (chunk), typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8');
      size += buffer.length;
      if (size > this.maxBytes / 8) tooBig = true;
      else chunks.push(buffer);
    };
    // Headers given to writeHead are not all visible through getHeaders(); keep them too.
    res.writeHead = /** @type {any} */ (function writeHead(/** @type {any[]} */ ...args) {
      const headers = args.find((arg, index) => index > 0 && arg && typeof arg === 'object' && !Array.isArray(arg));
      if (headers) headArgs = headers;
      return original.writeHead.apply(res, /** @type {any} */ (args));
    });
    res.write = /** @type {any} */ (function write(/** @type {any[]} */ ...args) {
      keep(args[0], args[1]);
      return original.write.apply(res, /** @type {any} */ (args));
    });
    res.end = /** @type {any} */ (function end(/** @type {any[]} */ ...args) {
      keep(args[0], args[1]);
      return original.end.apply(res, /** @type {any} */ (args));
    });
    const done = () => {
      this.refreshing.delete(key);
      res.writeHead = original.writeHead;
      res.write = original.write;
      res.end = original.end;
    };
    res.once('close', done);
    res.once('finish', () => {
      done();
      if (tooBig || !res.writableFinished) return;
      /** @type {Record<string, string | string[]>} */
      const headers = {};
      for (const [name, value] of Object.entries({ ...res.getHeaders(), ...lowerCaseKeys(headArgs) })) {
        if (value === undefined || PER_RESPONSE_HEADERS.has(name)) continue;
        headers[name] = Array.isArray(value) ? value.map(String) : String(value);
      }
      const maxAgeMs = shareableFor(res.statusCode, headers, this.ttlMs);
      if (maxAgeMs === null) {
        this.delete(key);
        return;
      }
      const body = Buffer.concat(chunks);
      headers['content-length'] = String(body.length);
      const etag = typeof headers.etag === 'string' ? headers.etag : undefined;
      this.store(key, { status: res.statusCode, headers, body, etag, storedAt: this.now(), maxAgeMs });
    });
  }

  /** @param {string} key @param {Entry} entry */
  store(key, entry) {
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldKey] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldKey);
    }
  }

  /** @param {string} key */
  delete(key) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.body.length;
    this.entries.delete(key);
  }
}

/** @param {Record<string, string | string[] | number | undefined>} headers */
function lowerCaseKeys(headers) {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

module.exports = { PageCache, isCacheableRequest, shareableFor };
