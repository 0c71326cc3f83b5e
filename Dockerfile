# Quorate: one image for the app (`next start`), the worker (`npm run worker`) and the migration step
# (`npm run db:migrate`). Multi-stage: dependencies, build, runtime. Not built on the development machine
# (it cannot pull base images); see README, "Deploying on several machines".

FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# Dev dependencies stay: `npm run worker`, `db:migrate` and `db:seed` run TypeScript through tsx.
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# The build touches no database and needs no secrets (lib/env is read lazily; isBuildPhase guards db/client).
RUN npm run build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    DATA_DIR=/app/.data
# Sources stay beside the build: the worker and migration scripts run them with tsx, and the
# migrations are read from db/migrations at run time.
COPY --from=build --chown=node:node /app ./
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# No curl in the slim image: Node's fetch asks the health endpoint (200 only when the database answers).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node_modules/.bin/next", "start"]
