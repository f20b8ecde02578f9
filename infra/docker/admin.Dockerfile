# syntax=docker/dockerfile:1
# The admin app, built by Nx and served by nginx, which also forwards /api to the API
# (API_UPSTREAM, default http://api:3000; see nginx.conf).
# Build from the repository root: docker build -f infra/docker/admin.Dockerfile .
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS build
ENV CI=true \
    NX_DAEMON=false \
    NX_NO_CLOUD=true
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npx nx build admin

FROM nginx:1.27-alpine
# The image's entrypoint renders /etc/nginx/templates/*.template into conf.d with envsubst,
# substituting only variables that are set, so nginx's own $uri, $host... stay as they are.
ENV API_UPSTREAM=http://api:3000
COPY infra/docker/nginx.conf /etc/nginx/templates/default.conf.template
COPY infra/docker/nginx-security-headers.conf /etc/nginx/snippets/security-headers.conf
COPY --from=build /app/dist/apps/admin/browser /usr/share/nginx/html
EXPOSE 80
