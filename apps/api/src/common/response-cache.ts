import { createHash } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';

interface CachedResponse {
  body: string | Buffer;
  contentType: string;
  cacheControl: string;
  etag: string;
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
 * millisecond of CPU in TypeORM and pg (see docs/benchmarks.md). An entry lives for the shorter of the
 * response's own max-age and `maxSeconds`, so the API is never staler than what it already tells
 * browsers and CDNs they may cache. `clear()` drops everything (for when data is edited).
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, CachedResponse>;

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
      void reply.header('content-type', hit.contentType).header('cache-control', hit.cacheControl).header('etag', hit.etag).header(CACHE_HEADER, 'hit');
      if (request.headers['if-none-match'] === hit.etag) return reply.code(304).send();
      return reply.code(200).send(hit.body);
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
        { body: payload, contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'), cacheControl, etag },
        { ttl: seconds * 1000 },
      );
      void reply.header(CACHE_HEADER, 'miss');
      return payload;
    });
  }
}

export function registerResponseCache(app: NestFastifyApplication, maxSeconds: number): ResponseCache {
  const cache = new ResponseCache(maxSeconds);
  cache.register(app.getHttpAdapter().getInstance());
  return cache;
}
