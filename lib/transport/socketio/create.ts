// The app on an HTTP server: the services, the match engine and Socket.IO (/game, /tournament
// and /chat, each behind the origin check, the session, and the connection and message limits),
// wired once. server.ts puts Next in front; tests boot it in-process on the memory store and an
// in-memory PGlite, without Next.
import { randomUUID } from "node:crypto";
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { AppContext } from "../../app/context";
import { Limits } from "../../app/limits";
import { liveMatchesList } from "../../app/live-matches";
import { createMatchService } from "../../app/matches";
import { dropStaleBusyMarks, presenceList } from "../../app/presence";
import { ProcessLedger } from "../../app/process-ledger";
import { matchRepo } from "../../app/repos/matches";
import { userRepo } from "../../app/repos/users";
import { tournamentRepo } from "../../app/tournaments/repo";
import { createTournamentService } from "../../app/tournaments/service";
import { runnerMatchHost } from "../../engine/match-host";
import { MatchRunner } from "../../engine/match-runner";
import type { Env } from "../../env";
import type { Database } from "../../infra/db/client";
import type { Logger } from "../../infra/log";
import type { LiveState } from "../../infra/store";
import { keys } from "../../infra/store/keys";
import type { GameStateMessage, MatchRole } from "../../protocol/game";
import { clientAddress } from "../client-address";
import { configuredOrigins } from "../origin";
import { authenticateSocket } from "./auth";
import { registerChatNamespace } from "./namespaces/chat";
import { registerGameNamespace } from "./namespaces/game";
import { registerTournamentNamespace } from "./namespaces/tournament";
import { socketNotifier } from "./notifier";
import { checkSocketOrigin } from "./origin";
import { PreEncoded, preEncodingParser } from "./pre-encoded";
import { relayToLocalSockets } from "./relay";
import { matchRoom } from "./rooms";
import { limitConnections, limitMessages } from "./socket-guard";
import { namespaces, type AppServer } from "./types";

/** What the app runs on: the settings and the opened back-ends. */
export interface AppInfra {
  config: Env;
  log: Logger;
  database: Database;
  live: LiveState;
}

export interface App {
  context: AppContext;
  io: AppServer;
  close(): Promise<void>;
}

const BUSY_SWEEP_MS = 5_000;

export async function createApp(httpServer: HttpServer, { config, log, database, live }: AppInfra): Promise<App> {
  const { store } = live;
  const io: AppServer = new Server(httpServer, {
    adapter: live.adapter,
    serveClient: false,
    parser: preEncodingParser,
    // Protects the server from oversized messages before any parsing happens.
    maxHttpBufferSize: 16 * 1024,
  });
  // The default namespace carries nothing: clients use the named ones.
  io.use((_socket, next) => next(new Error("Use the /game, /tournament or /chat namespace")));
  const { game, chat, tournament } = namespaces(io);
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
  const allowedOrigins = configuredOrigins(config);
  const messageBudget = { movesPerSecond: config.SOCKET_MAX_MOVES, eventsPerSecond: config.SOCKET_MAX_EVENTS, floodMs: config.SOCKET_FLOOD_MS };
  for (const namespace of [game, chat, tournament]) {
    namespace.use(checkSocketOrigin(allowedOrigins)).use(authenticateSocket);
    namespace.use((socket, next) => {
      socket.data.address = clientAddress(socket.request, config.TRUST_PROXY);
      next();
    });
    namespace.use(limitConnections(ledger, config.SOCKETS_PER_USER));
    namespace.on("connection", (socket) => limitMessages(socket, messageBudget, log));
  }

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
    onStarted: (match) => matches.started(match),
    // A tournament hears of its match's result through this hook: the services do not import each other.
    onFinished: async (match) => {
      await matches.finished(match);
      if (match.tournamentId !== null) await tournaments.matchFinished(match.matchId);
    },
  });

  const db = database.prisma;
  const users = userRepo(db);
  const matchRows = matchRepo(db);
  const host = runnerMatchHost(runner, store);
  const matches = createMatchService({ config, store, users, matchRows, host });
  const tournaments = createTournamentService({ config, store, tournaments: tournamentRepo(db), users, host, notifier: socketNotifier({ game, chat, tournament }) });
  const context: AppContext = { config, log, db, databaseBackend: database.backend, store, limits, users, matchRows, matches, tournaments, host };

  await runner.start();
  await ledger.start();
  const gameNamespace = registerGameNamespace(game, { store, runner, ledger, users, limits, log, challengeTimeoutMs: config.CHALLENGE_TIMEOUT_MS });
  registerChatNamespace(chat, { store, ledger, log, limits });
  registerTournamentNamespace(tournament, { tournaments, log, limits });
  const stopPresence = await relayToLocalSockets(store, keys.presenceChannel, () => presenceList(store, ledger), (list) => chat.local.emit("presence", list));
  const stopLiveMatches = await relayToLocalSockets(store, keys.liveChannel, () => liveMatchesList(store), (list) => chat.local.emit("live_matches", list));
  // Busy marks left by a process that stopped between a result and its clean-up.
  const housekeeping = setInterval(() => void dropStaleBusyMarks(store).catch((error: Error) => log.warn(`busy marks: ${error.message}`)), BUSY_SWEEP_MS);

  return {
    context,
    io,
    async close() {
      clearInterval(housekeeping);
      gameNamespace.close();
      await stopPresence();
      await stopLiveMatches();
      await runner.close();
      io.disconnectSockets(true);
      await ledger.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
