# syntax=docker/dockerfile:1
# One image for the API and the worker; the command chooses the entry point:
#   node dist/apps/api/main.js        (the default)
#   node dist/apps/worker/main.js
#   node dist/scripts/migrate.js      (migrations, as the owner role)
# The bundles come from `node scripts/build-server.mjs` (esbuild; npm packages stay external),
# so the runtime stage needs production dependencies only and compiles nothing at start.
# Build from the repository root: docker build -f infra/docker/server.Dockerfile .
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.server.json ./
COPY libs ./libs
COPY apps/api ./apps/api
COPY apps/worker ./apps/worker
COPY scripts ./scripts
RUN node scripts/build-server.mjs api worker migrate

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# HOST: the API listens on 127.0.0.1 unless told otherwise; in a container it must accept
# connections from the network (nginx, the Kubernetes Service, the kubelet's probes).
ENV NODE_ENV=production \
    HOST=0.0.0.0
WORKDIR /app
# Owned by root and read-only to the process: the running code cannot rewrite itself.
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist ./dist
# Where a start without TOKEN_SECRET outside production keeps the secret it generates
# (SECRETS_FILE in docker-compose.yml); a new named volume mounted here takes this owner.
RUN mkdir -p /var/lib/mentorship-map && chown node:node /var/lib/mentorship-map
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
