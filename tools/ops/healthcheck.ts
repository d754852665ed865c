// The containers' healthcheck: `node dist/node/tools/ops/healthcheck.js [URL]` exits 0 when URL answers
// 2xx within 4 s, 1 otherwise (Docker's HEALTHCHECK and docker-compose's `healthcheck` run it).
// Without a URL it asks the API's readiness on API_PORT, the image's default command.
// Why a script and not curl: the runtime image is node:*-slim, which has no curl or wget, and adding
// one only for this would grow every image; Node's fetch is already there.
import { loadConfig } from '@pho-so/server/config';

const TIMEOUT_MS = 4000;

async function main(): Promise<number> {
  const url = process.argv[2] ?? `http://127.0.0.1:${loadConfig().API_PORT}/api/health/ready`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (response.ok) return 0;
    console.error(`${url} answered ${response.status}`);
  } catch (error) {
    console.error(`${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return 1;
}

void main().then((code) => process.exit(code));
