# syntax=docker/dockerfile:1
# Multi-stage image: build with `medusa build`, run the compiled .medusa/server as a
# non-root user. The same image runs as server or worker (MEDUSA_WORKER_MODE); scripts/start.js
# (scripts/start.ts) runs CLUSTER_SIZE processes of that mode (default on two cores or more:
# front servers and one writer, one per core in all, plus one worker) and restarts one that dies.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx medusa build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=9000
WORKDIR /app
# The node user owns the app, node_modules included: `medusa db:migrate` (run as node)
# creates a migrations/ folder in each module package that has none (MikroORM's
# migrator); with root's node_modules it failed with EACCES (seen under podman).
RUN chown node:node /app
USER node
# .medusa/server holds the compiled backend, the built admin and a copy of package.json.
COPY --from=build --chown=node:node /app/.medusa/server ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# Product images stored on local disk (no S3_BUCKET) go to /app/static (a volume in
# docker-compose.yml); a named volume takes this directory's owner.
RUN mkdir -p static
EXPOSE 9000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD node -e "fetch('http://localhost:'+(process.env.PORT||9000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "scripts/start.js"]
