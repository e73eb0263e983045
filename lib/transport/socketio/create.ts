// Socket.IO on the app's HTTP server: the /game, /tournament and /chat namespaces, each behind
// the origin check and the session middleware, and the match runner. Returns close() so tests can
// start and stop real servers.
import { randomUUID } from "node:crypto";
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { matchFinished, matchStarted } from "../../app/matches";
import type { Logger } from "../../infra/log";
import type { LiveStore } from "../../infra/store";
import { authenticateSocket } from "./auth";
import { registerChatNamespace } from "./namespaces/chat";
import { registerGameNamespace, matchRoom, userRoom } from "./namespaces/game";
import { MatchRunner } from "../../engine/match-runner";
import { checkSocketOrigin } from "./origin";
import { PreEncoded, preEncodingParser } from "./pre-encoded";
import { keys } from "../../infra/store/keys";
import { liveMatchesList } from "../../app/live-matches";
import { dropStaleBusyMarks, presenceList } from "../../app/presence";
import { ProcessLedger } from "../../app/process-ledger";
import { clientAddress } from "../client-address";
import type { MatchRole } from "../../protocol/game";
import { limitConnections, limitMessages, type MessageBudget } from "./socket-guard";
import { relayToLocalSockets } from "./relay";
import { registerTournamentNamespace } from "./namespaces/tournament";

export { matchRoom, userRoom };

export interface RealtimeDeps {
  store: LiveStore;
  /** Relays broadcasts between processes (Redis); undefined for a single process. */
  adapter?: Parameters<Server["adapter"]>[0];
  log: Logger;
  challengeTimeoutMs: number;
  /** A process whose heartbeat is this old is taken for dead: the others clean up after it. */
  processTimeoutMs: number;
  socketsPerUser: number;
  messageBudget: MessageBudget;
  /** Proxy hops in front of the server (TRUST_PROXY): how the client address is read. */
  trustProxy: number;
}

export interface Realtime {
  io: Server;
  runner: MatchRunner;
  close(): Promise<void>;
}

export const NAMESPACES = ["/game", "/tournament", "/chat"] as const;

const BUSY_SWEEP_MS = 5_000;

const holder = globalThis as typeof globalThis & { __pongRealtime?: Realtime };

export async function createRealtime(httpServer: HttpServer, deps: RealtimeDeps): Promise<Realtime> {
  const { store, log } = deps;
  const io = new Server(httpServer, {
    adapter: deps.adapter,
    serveClient: false,
    parser: preEncodingParser,
    // Protects the server from oversized messages before any parsing happens.
    maxHttpBufferSize: 16 * 1024,
  });
  // The default namespace carries nothing: clients use the named ones.
  io.use((_socket, next) => next(new Error("Use the /game, /tournament or /chat namespace")));
  const processId = randomUUID();
  // The ledger's clean-up after a dead process tells the runner; created first, started once the runner is.
  const ledger: ProcessLedger = new ProcessLedger({
    store,
    processId,
    log,
    timeoutMs: deps.processTimeoutMs,
    onAudienceChanged: async (changes) => {
      const rolesByMatch = new Map<number, MatchRole[]>();
      for (const { matchId, role } of changes) rolesByMatch.set(matchId, [...(rolesByMatch.get(matchId) ?? []), role]);
      await Promise.all([...rolesByMatch].map(([matchId, roles]) => runner.audienceChanged(matchId, roles)));
    },
  });
  for (const name of NAMESPACES) {
    io.of(name).use(checkSocketOrigin).use(authenticateSocket);
    io.of(name).use((socket, next) => {
      socket.data.address = clientAddress(socket.request, deps.trustProxy);
      next();
    });
    io.of(name).use(limitConnections(ledger, deps.socketsPerUser));
    io.of(name).on("connection", (socket) => limitMessages(socket, deps.messageBudget, log));
  }

  const game = io.of("/game");
  const runner = new MatchRunner({
    store,
    log,
    processId,
    audience: (matchId) => ledger.matchAudience(matchId),
    // Through the adapter (Redis) only when another process has sockets in the room; locally, the
    // JSON made on the simulation thread goes out as is.
    broadcast: (matchId, message, remote) =>
      remote ? game.to(matchRoom(matchId)).emit("game_state", JSON.parse(message)) : game.local.to(matchRoom(matchId)).emit("game_state", new PreEncoded(message)),
    onStarted: matchStarted,
    onFinished: (match) => matchFinished(store, match),
  });
  await runner.start();
  await ledger.start();
  const gameNamespace = registerGameNamespace(game, { store, runner, ledger, log, challengeTimeoutMs: deps.challengeTimeoutMs });
  registerChatNamespace(io.of("/chat"), { store, ledger, log });
  registerTournamentNamespace(io.of("/tournament"), { log });
  const stopPresence = await relayToLocalSockets(store, keys.presenceChannel, io.of("/chat"), "presence", () => presenceList(store, ledger));
  const stopLiveMatches = await relayToLocalSockets(store, keys.liveChannel, io.of("/chat"), "live_matches", () => liveMatchesList(store));
  // Busy marks left by a process that stopped between a result and its clean-up.
  const housekeeping = setInterval(() => void dropStaleBusyMarks(store).catch((error: Error) => log.warn(`busy marks: ${error.message}`)), BUSY_SWEEP_MS);

  const instance: Realtime = {
    io,
    runner,
    async close() {
      clearInterval(housekeeping);
      gameNamespace.close();
      await stopPresence();
      await stopLiveMatches();
      await runner.close();
      io.disconnectSockets(true);
      await ledger.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      if (holder.__pongRealtime === instance) holder.__pongRealtime = undefined;
    },
  };
  holder.__pongRealtime = instance;
  return instance;
}
