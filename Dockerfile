# syntax=docker/dockerfile:1
# Cairn's image: one Node.js process (server.ts) serving Next.js, Socket.IO and the
# jobs. Multi-stage: dependencies and the build in one stage, production
# dependencies only in the image, run as the unprivileged `node` user.
# The same image runs the migrations as a release step (`npm run db:migrate`, see
# compose.yaml). No container daemon runs on Cairn's development and CI machines:
# this file is checked by reading and by running its commands as plain processes
# (docs/operations.md, decision 0027).

# Node.js 24 LTS, as .nvmrc and package.json "engines" say (decision 0013).
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Dependencies first, so a change of source reuses this layer. The postinstall
# (`prisma generate`) reads the schema and prisma.config.ts, which imports lib/db.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY lib/db ./lib/db
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npx next build \
 && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    UPLOADS_DIR=/data/uploads
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data/uploads && chown -R node:node /data
USER node
EXPOSE 3000
# Ready means the database answers (/api/health/ready); the orchestrator stops
# sending traffic while it does not. Node's own fetch: the slim image has no curl.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# What `npm start` runs (NODE_ENV=production is set above), without npm: on SIGTERM
# npm exits at once and the shell under it does not pass the signal on, so the
# server would be killed without draining (seen here). Node as PID 1 gets SIGTERM
# itself; server.ts drains in-flight requests and exits 0 (README, Production).
CMD ["node", "--import", "tsx", "server.ts"]
