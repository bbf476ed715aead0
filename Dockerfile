# syntax=docker/dockerfile:1
# Greenlight's production image: the compiled server (no tsx), the built client, production
# dependencies only, a non-root user and a readiness HEALTHCHECK. See docs/deploy.md.
ARG NODE_IMAGE=node:20.20-bookworm-slim

# ---- build: every dependency, then `pnpm build` (client bundle + compiled server) ----
FROM ${NODE_IMAGE} AS build
ENV CI=true
RUN corepack enable
WORKDIR /src
# Manifests first, so the install layer is cached until a dependency changes.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY common/package.json common/
COPY embedded-mongo/package.json embedded-mongo/
COPY server/package.json server/
COPY client/package.json client/
COPY schema/package.json schema/
COPY tests/package.json tests/
COPY bench/package.json bench/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm build

# ---- deps: production dependencies of the server and what it loads (store, common) ----
FROM ${NODE_IMAGE} AS deps
ENV CI=true
RUN corepack enable
WORKDIR /app
COPY --from=build /src/package.json /src/pnpm-lock.yaml /src/pnpm-workspace.yaml ./
COPY --from=build /src/common/package.json common/
COPY --from=build /src/embedded-mongo/package.json embedded-mongo/
COPY --from=build /src/server/package.json server/
COPY --from=build /src/client/package.json client/
COPY --from=build /src/schema/package.json schema/
COPY --from=build /src/tests/package.json tests/
COPY --from=build /src/bench/package.json bench/
RUN pnpm install --frozen-lockfile --prod --filter "@greenlight/server..."

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    DATA_DIR=/data \
    SEED_DEMO=false \
    LOG_FORMAT=json
WORKDIR /app
# The workspace's layout is kept: pnpm's node_modules are relative symlinks into node_modules/.pnpm.
COPY --from=deps /app/node_modules node_modules
COPY --from=deps /app/server/node_modules server/node_modules
COPY --from=deps /app/embedded-mongo/node_modules embedded-mongo/node_modules
COPY --from=build /src/package.json ./
COPY --from=build /src/server/package.json server/
COPY --from=build /src/embedded-mongo/package.json embedded-mongo/
COPY --from=build /src/server/dist server/dist
COPY --from=build /src/embedded-mongo/dist embedded-mongo/dist
COPY --from=build /src/client/dist client/dist
COPY --from=build /src/schema/examples schema/examples
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 4000
# Ready = the database answers and the change feed is open (docs/operations.md).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "--conditions=greenlight-compiled", "--enable-source-maps", "server/dist/main.js"]
