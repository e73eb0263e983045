// Boot only: settings → database (migrations) → live store → the app (services, engine,
// Socket.IO) → Next in front → listen.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { EnvError, env } from "./lib/env";
import { setAppContext } from "./lib/app/context";
import { createApp } from "./lib/create-app";
import { guardHttpRequest } from "./lib/transport/http/guard";
import { serveMetrics } from "./lib/transport/http/metrics";
import type { Registry } from "prom-client";
import { openDatabase } from "./lib/infra/db/open";
import { createLogger, withRequestId } from "./lib/infra/log";
import { logCompletion, requestId } from "./lib/transport/http/request-log";
import { resolveSessionSecret } from "./lib/infra/session-secret";
import { openLiveState } from "./lib/infra/store";

async function main() {
  let config;
  try {
    config = env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const log = createLogger(config.LOG_LEVEL, { pretty: config.NODE_ENV === "development" });

  process.env.NEXTAUTH_SECRET = await resolveSessionSecret(config.NEXTAUTH_SECRET, config.DATA_DIR, log);
  // Without a configured public URL, next-auth builds its URLs from the request's Host header.
  if (!config.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";

  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, log: log.info });
  const live = await openLiveState(config.REDIS_URL, config.REDIS_KEY_PREFIX);
  log.info(`database: ${config.DATABASE_URL ? "postgresql" : "pglite in " + config.DATA_DIR}; live store: ${live.store.kind}`);

  const nextApp = next({ dev: config.NODE_ENV === "development", dir: import.meta.dirname, hostname: config.HOST, port: config.PORT });
  await nextApp.prepare();
  const handle = nextApp.getRequestHandler();

  // Known once the app is built (requests may come in before it is).
  const scrape: { registry?: Registry } = {};
  const server = createServer((request, response) => {
    // Prometheus scrapes /metrics (an exact path, as it expects): no page, no Next.
    if (request.url === "/metrics" && scrape.registry) {
      void serveMetrics(request, response, { registry: scrape.registry, token: config.METRICS_TOKEN }).catch((error: Error) => {
        log.error(`metrics: ${error.message}`);
        if (!response.headersSent) response.writeHead(500).end();
      });
      return;
    }
    // Health checks ask for /healthz without the slash every other route has.
    if (request.url === "/healthz") request.url = "/healthz/";
    const reqId = requestId(request, response);
    withRequestId(reqId, () => {
      logCompletion(request, response, log, reqId);
      if (guardHttpRequest(request, response, config)) void handle(request, response);
    });
  });
  const app = await createApp(server, { config, log, database, live });
  scrape.registry = app.context.metrics.registry;
  setAppContext(app.context);

  // In memory, live state does not outlive the process: duels under way are called off, and
  // tournament matches whose live state was lost start again.
  if (live.store.kind === "memory") {
    const calledOff = await app.context.matchRows.callOffOpenDuels();
    if (calledOff > 0) log.warn(`${calledOff} duel(s) under way when the server last stopped were called off (interrupted)`);
  }
  await app.context.tournaments.resume();

  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const { port } = server.address() as AddressInfo;
  // Printed whatever LOG_LEVEL says: scripts and tests wait for this line.
  log.announce(`listening on http://localhost:${port}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    // A back-end that stopped answering (Redis gone) must not keep the process alive.
    setTimeout(() => {
      log.error("shutdown took longer than 10 s: exiting anyway");
      process.exit(1);
    }, 10_000).unref();
    await app.close();
    await live.close();
    await database.close();
    process.exit(0);
  };
  // A promise some library forgot to catch is logged, not allowed to take every match down.
  process.on("unhandledRejection", (reason) => log.error(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
