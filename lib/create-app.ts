// The app on an HTTP server, wired once: repos and services on the opened back-ends, the match
// engine, and Socket.IO, each given what it needs through its ports. server.ts puts Next in front;
// tests boot it in-process on the memory store and an in-memory PGlite, without Next. The only
// module that knows every layer.
import { randomUUID } from "node:crypto";
import type { Server as HttpServer } from "node:http";
import { createChallengeService } from "./app/challenges";
import type { AppContext } from "./app/context";
import { Limits } from "./app/limits";
import { createMatchService } from "./app/matches";
import { createPairingService } from "./app/pairing";
import { createPracticeService } from "./app/practice";
import { dropStaleBusyMarks } from "./app/presence";
import { ProcessLedger } from "./app/process-ledger";
import { matchRepo } from "./app/repos/matches";
import { leaderboardRepo } from "./app/repos/leaderboard";
import { userRepo } from "./app/repos/users";
import { tournamentRepo } from "./app/tournaments/repo";
import { createTournamentService } from "./app/tournaments/service";
import { runnerMatchHost } from "./engine/match-host";
import { MatchRunner } from "./engine/match-runner";
import type { Env } from "./env";
import type { Database } from "./infra/db/client";
import type { Logger } from "./infra/log";
import type { LiveState } from "./infra/store";
import { keys } from "./infra/store/keys";
import { timedStore } from "./infra/store/timed";
import { createMetrics } from "./infra/metrics";
import type { GameStateMessage, MatchRole } from "./protocol/game";
import { createSocketServer, registerNamespaces } from "./transport/socketio/create";
import { socketChallengeNotifier, socketMatchNotifier, socketPairingNotifier, socketTournamentNotifier } from "./transport/socketio/notifier";
import { PreEncoded } from "./transport/socketio/pre-encoded";
import { matchRoom } from "./transport/socketio/rooms";

/** What the app runs on: the settings and the opened back-ends. */
export interface AppInfra {
  config: Env;
  log: Logger;
  database: Database;
  live: LiveState;
}

export interface App {
  context: AppContext;
  close(): Promise<void>;
}

const BUSY_SWEEP_MS = 5_000;

export async function createApp(httpServer: HttpServer, { config, log, database, live: opened }: AppInfra): Promise<App> {
  const metrics = createMetrics();
  const store = timedStore(opened.store, (operation, seconds) => metrics.storeCall.observe({ backend: opened.store.kind, operation }, seconds));
  const live: LiveState = { ...opened, store };
  database.onQuery((seconds) => metrics.dbQuery.observe({ backend: database.backend }, seconds));
  const processId = randomUUID();
  const limits = new Limits(store, config);

  // The ledger's clean-up after a dead process tells the runner; created first, started once the runner is.
  const ledger: ProcessLedger = new ProcessLedger({
    store,
    processId,
    log,
    timeoutMs: config.PROCESS_TIMEOUT_MS,
    onAudienceChanged: async (changes) => {
      const rolesByMatch = new Map<number, MatchRole[]>();
      for (const { matchId, role } of changes) rolesByMatch.set(matchId, [...(rolesByMatch.get(matchId) ?? []), role]);
      await Promise.all([...rolesByMatch].map(([matchId, roles]) => runner.audienceChanged(matchId, roles)));
    },
  });
  const { io, namespaces } = createSocketServer(httpServer, { config, live, ledger, log, metrics });
  const { game } = namespaces;

  const runner = new MatchRunner({
    store,
    log,
    processId,
    audience: (matchId) => ledger.matchAudience(matchId),
    // Through the adapter (Redis) only when another process has sockets in the room; locally, the
    // JSON made on the simulation thread goes out as is (the parser writes a PreEncoded verbatim).
    broadcast: (matchId, message, remote) =>
      remote
        ? game.to(matchRoom(matchId)).emit("game_state", JSON.parse(message) as GameStateMessage)
        : game.local.to(matchRoom(matchId)).emit("game_state", new PreEncoded(message) as unknown as GameStateMessage),
    observeRelayDelay: (seconds) => metrics.relayDelay.observe(seconds),
    onStarted: (match) => matches.started(match),
    // A tournament hears of its match's result through this hook: the services do not import each other.
    onFinished: async (match, replay) => {
      await matches.finished(match, replay);
      if (match.tournamentId !== null) await tournaments.matchFinished(match.matchId);
    },
  });

  const db = database.prisma;
  const users = userRepo(db);
  const matchRows = matchRepo(db);
  const host = runnerMatchHost(runner, store);
  const matches = createMatchService({ config, store, users, matchRows, host, notifier: socketMatchNotifier(namespaces) });
  const tournaments = createTournamentService({ config, store, tournaments: tournamentRepo(db, config.REGISTER_TIMEOUT_MS), users, host, notifier: socketTournamentNotifier(namespaces) });
  const pairing = createPairingService({
    config,
    store,
    users,
    matchRows,
    host,
    notifier: socketPairingNotifier(namespaces),
    processId,
    isOnline: (userId, username) => ledger.isOnline(userId, username),
    onlineUserIds: async () => new Set([...(await ledger.onlineUsers())].map((key) => Number(key.slice(0, key.indexOf(":"))))),
    log,
  });
  const challenges = createChallengeService({
    store,
    limits,
    users,
    isOnline: (userId, username) => ledger.isOnline(userId, username),
    leavePool: (userIds) => pairing.withdraw(userIds),
    notifier: socketChallengeNotifier(namespaces),
    timeoutMs: config.CHALLENGE_TIMEOUT_MS,
    log,
  });
  const practice = createPracticeService({ config, store, users, matchRows, host, leavePool: (userIds) => pairing.withdraw(userIds) });
  const context: AppContext = { databaseBackend: database.backend, db, store, limits, users, leaderboard: leaderboardRepo(db), matchRows, matches, practice, tournaments, host, metrics };
  metrics.connect({
    matchesRunning: () => runner.ownedMatches,
    drainTickLateness: () => runner.drainTickLateness(),
    socketsPerNamespace: () => Object.fromEntries(Object.values(namespaces).map((namespace) => [namespace.name, namespace.sockets.size])),
    pairingPoolSize: () => store.hashLength(keys.pairingPool),
  });

  await runner.start();
  await ledger.start();
  const stopRelays = await registerNamespaces(namespaces, { live, ledger, runner, challenges, pairing, tournaments, limits, log, metrics });
  // Busy marks left by a process that stopped between a result and its clean-up.
  const housekeeping = setInterval(() => void dropStaleBusyMarks(store).catch((error: Error) => log.warn(`busy marks: ${error.message}`)), BUSY_SWEEP_MS);
  pairing.start();

  return {
    context,
    async close() {
      clearInterval(housekeeping);
      challenges.close();
      await pairing.close();
      await stopRelays();
      await runner.close();
      io.disconnectSockets(true);
      await ledger.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
