# syntax=docker/dockerfile:1
# Phố Số: one image for every service of docker-compose.yml. Its commands (docs/architecture.md,
# "Deployment"):
#   node dist/node/tools/db/migrate.js --demo-if-empty   migrations (the one-shot `migrate` service)
#   node dist/node/apps/api/src/main.js                  the API (default)
#   node dist/node/apps/worker/src/main.js               the queue worker
#   node web/apps/web/server.js                          the web app (Next.js standalone + page cache)
#   node dist/node/tools/user/main.js create …           officials' accounts (docker compose run --rm api …)
#   node dist/node/tools/ops/healthcheck.js [URL]        the healthcheck
# Build: docker build -t pho-so:$(git describe --tags --always) .
# tools/deploy/dockerfile.spec.ts reads this file: keep COPY lines of the runtime stage in the
# `COPY --from=<stage> /app/<path> ./<path>` form it understands.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
# No telemetry from the build: Next, Nx, and @scarf/scarf (an install script of swagger-ui-dist).
ENV NEXT_TELEMETRY_DISABLED=1 NX_DAEMON=false NX_NO_CLOUD=true SCARF_ANALYTICS=false DO_NOT_TRACK=1

# Every dependency, for building. Only the manifests are copied, so this layer is rebuilt only when they
# change, not on every source edit.
FROM base AS deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# Production dependencies only: what the runtime stage ships (no compilers, test tools or browsers' kits).
FROM base AS prod-deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

# Then the sources, then the build: the Node side compiled with SWC to dist/node (api, worker, tools)
# and the Next.js standalone server (apps/web/.next/standalone), both through Nx.
FROM deps AS build
COPY . .
RUN npx nx run-many -t build --output-style=stream

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 ASSET_DIR=/var/lib/pho-so/assets
# The QR asset folder exists in the image owned by the runtime user, so a new named volume mounted
# there starts with that owner (Docker copies it from the image).
RUN mkdir -p /var/lib/pho-so/assets && chown node:node /var/lib/pho-so/assets
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/dist/node ./dist/node
COPY --from=build /app/data ./data
# Next writes the pages it regenerates (ISR) into its own folder, so the web app's files belong to the
# runtime user; everything else stays root-owned and read-only to it.
COPY --from=build --chown=node:node /app/apps/web/.next/standalone ./web
USER node
EXPOSE 3000 3001 9464
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 \
  CMD ["node", "dist/node/tools/ops/healthcheck.js"]
CMD ["node", "dist/node/apps/api/src/main.js"]
