#!/usr/bin/env bash
# Web throughput benchmark: the street page from nginx static (baseline), the web origin (Next behind its page
# cache), the same origin with PAGE_CACHE_TTL_MS=0, and the edge cache of deploy/nginx in front of the origin, in
# one run, and the page's weight. Needs wrk and nginx (Debian: apt-get install -y wrk nginx-light).
# Builds the web app first when its sources changed (--rebuild-web: always; --skip-web-build: never); everything
# else runs on a throwaway PGlite database.
#   tools/bench/web-throughput.sh [--duration 10] [--connections 50] [--threads 2] [--runs 2] [--warmup 3]
#        [--path /duong/…] [--skip-web-build | --rebuild-web] [--origin-processes 1] [--beacon 200] [--beacon-load 3]
#        [--cpu-prof]
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk not found: apt-get update && apt-get install -y wrk" >&2; exit 1; }
[ -x "${NGINX_BIN:-/usr/sbin/nginx}" ] || { echo "nginx not found: apt-get update && apt-get install -y nginx-light (or set NGINX_BIN)" >&2; exit 1; }
node tools/build/compile-node.mjs
exec node dist/node/tools/bench/web-throughput.js "$@"
