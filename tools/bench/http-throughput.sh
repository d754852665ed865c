#!/usr/bin/env bash
# HTTP throughput benchmark: the API against a plain node:http server serving the same bytes.
# Needs wrk (apt-get update && apt-get install -y wrk) and Postgres at TEST_DATABASE_URL
# (default postgres://postgres@127.0.0.1:5432/test, used only to CREATE/DROP a throwaway database).
#   tools/bench/http-throughput.sh [--duration 10] [--connections 50] [--threads 2] [--runs 2] [--warmup 3] [--redis] [--cpu-prof] [--path /api/v1/…]
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk not found: apt-get update && apt-get install -y wrk" >&2; exit 1; }
node tools/build/compile-node.mjs
exec node dist/node/tools/bench/http-throughput.js "$@"
