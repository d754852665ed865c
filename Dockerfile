# One image, several commands (api, worker, migrate, web): the apps share most dependencies and code,
# so one build serves every service of docker-compose.yml. First version; the deployment issue
# hardens it (production-only dependencies, healthchecks per command).
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 NX_DAEMON=false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/data ./data
COPY --from=build /app/apps/web/.next/standalone ./web
USER node
EXPOSE 3000 3001
CMD ["node", "dist/node/apps/api/src/main.js"]
