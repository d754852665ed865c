import { createHash } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';

interface CachedResponse {
  /** Encoded once: a hit then writes bytes, with no JSON serialisation or UTF-8 encoding. */
  body: Buffer;
  contentType: string;
  cacheControl: string;
  etag: string;
  /** When the entry stops being fresh (ms since epoch). */
  freshUntil: number;
  /** When the entry may no longer be served even while a refresh is under way. */
  staleUntil: number;
}

const MAX_ENTRIES = 10_000;
const MAX_BODY_BYTES = 256 * 1024;
const CACHE_HEADER = 'x-cache';

/** max-age of a public, cacheable Cache-Control value, or 0 when the response must not be reused. */
export function reusableSeconds(cacheControl: string | undefined): number {
  if (!cacheControl || !/\bpublic\b/.test(cacheControl) || /\b(no-store|no-cache|private)\b/.test(cacheControl)) return 0;
  const maxAge = /\bmax-age=(\d+)/.exec(cacheControl);
  return maxAge ? Number(maxAge[1]) : 0;
}

/**
 * A small in-process cache of successful GET responses, keyed by URL, in front of Nest. Every scan of
 * a plate asks the same few URLs; without it each one costs several SQL statements and most of a
 * millisecond of CPU in TypeORM and pg (see docs/benchmarks.md). An entry is fresh for the shorter of
 * the response's own max-age and `maxSeconds`; after that, one request refreshes it while others are
 * served the stale copy for at most as long again (the stale-while-revalidate the responses already
 * allow). `clear()` drops everything (for when data is edited).
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, CachedResponse>;
  /** Keys whose refresh is under way: one request recomputes, the others get the stale copy. */
  private readonly refreshing = new Set<string>();
  private readonly refreshers = new WeakSet<FastifyRequest>();

  constructor(private readonly maxSeconds: number) {
    this.entries = new LRUCache({ max: MAX_ENTRIES, ttlAutopurge: false });
  }

  get enabled(): boolean {
    return this.maxSeconds > 0;
  }

  clear(): void {
    this.entries.clear();
  }

  register(fastify: FastifyInstance): void {
    if (!this.enabled) return;
    // preHandler, not onRequest: the rate limiter's hooks are route-level onRequest hooks, which run
    // after global onRequest hooks; a cached answer must still count against the client's limit.
    fastify.addHook('preHandler', async (request, reply) => {
      if (request.method !== 'GET' || request.headers.authorization || request.headers.cookie) return;
      const hit = this.entries.get(request.url);
      if (!hit) return;
      const now = Date.now();
      let state = 'hit';
      if (now >= hit.freshUntil) {
        // Stale: the first request refreshes it (falls through to the handler); while it does, the
        // others are answered from the stale copy, so an expiry never sends a herd to the database.
        if (now >= hit.staleUntil || !this.refreshing.has(request.url)) {
          this.refreshing.add(request.url);
          this.refreshers.add(request);
          return;
        }
        state = 'stale';
      }
      void reply.header('content-type', hit.contentType).header('cache-control', hit.cacheControl).header('etag', hit.etag).header(CACHE_HEADER, state);
      if (request.headers['if-none-match'] === hit.etag) return reply.code(304).send();
      return reply.code(200).send(hit.body);
    });
    fastify.addHook('onResponse', async (request: FastifyRequest) => {
      if (this.refreshers.has(request)) this.refreshing.delete(request.url);
    });
    fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (request.method !== 'GET' || reply.statusCode !== 200 || reply.getHeader(CACHE_HEADER)) return payload;
      if (request.headers.authorization || request.headers.cookie) return payload;
      const cacheControl = String(reply.getHeader('cache-control') ?? '');
      const seconds = Math.min(reusableSeconds(cacheControl), this.maxSeconds);
      if (seconds <= 0 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
      if (Buffer.byteLength(payload) > MAX_BODY_BYTES) return payload;
      const etag = String(reply.getHeader('etag') ?? `"${createHash('sha1').update(payload).digest('base64')}"`);
      this.entries.set(
        request.url,
        {
          body: Buffer.isBuffer(payload) ? payload : Buffer.from(payload),
          contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
          cacheControl,
          etag,
          freshUntil: Date.now() + seconds * 1000,
          staleUntil: Date.now() + 2 * seconds * 1000,
        },
        { ttl: 2 * seconds * 1000 },
      );
      void reply.header(CACHE_HEADER, 'miss');
      return payload;
    });
  }
}

const cachesByServer = new WeakMap<object, ResponseCache>();

export function registerResponseCache(app: NestFastifyApplication, maxSeconds: number): ResponseCache {
  const cache = new ResponseCache(maxSeconds);
  const fastify = app.getHttpAdapter().getInstance();
  cache.register(fastify);
  cachesByServer.set(fastify, cache);
  return cache;
}

/** The response cache of an application's Fastify instance (for edits, which must clear it), if any. */
export function responseCacheOf(fastify: object): ResponseCache | undefined {
  return cachesByServer.get(fastify);
}
