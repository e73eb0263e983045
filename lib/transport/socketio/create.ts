// Socket.IO on the app's HTTP server: the /game, /tournament and /chat namespaces, each behind
// the origin check, the session, and the connection and message limits. The default namespace
// refuses everyone. Handlers are registered once the services exist (registerNamespaces).
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { ChallengeService } from "../../app/challenges";
import type { Limits } from "../../app/limits";
import { liveMatchesList } from "../../app/live-matches";
import { presenceList } from "../../app/presence";
import type { PairingService } from "../../app/pairing";
import type { ProcessLedger } from "../../app/process-ledger";
import type { TournamentService } from "../../app/tournaments/service";
import type { MatchRunner } from "../../engine/match-runner";
import type { Env } from "../../env";
import type { Logger } from "../../infra/log";
import type { Metrics } from "../../infra/metrics";
import type { LiveState } from "../../infra/store";
import { keys } from "../../infra/store/keys";
import { clientAddress } from "../client-address";
import { configuredOrigins } from "../origin";
import { authenticateSocket } from "./auth";
import { registerChatNamespace } from "./namespaces/chat";
import { registerGameNamespace } from "./namespaces/game";
import { registerTournamentNamespace } from "./namespaces/tournament";
import { checkSocketOrigin } from "./origin";
import { preEncodingParser } from "./pre-encoded";
import { relayToLocalSockets } from "./relay";
import { limitConnections, limitMessages } from "./socket-guard";
import { namespaces, type AppServer, type Namespaces } from "./types";

export function createSocketServer(
  httpServer: HttpServer,
  { config, live, ledger, log, metrics }: { config: Env; live: LiveState; ledger: ProcessLedger; log: Logger; metrics: Metrics },
): { io: AppServer; namespaces: Namespaces } {
  const io: AppServer = new Server(httpServer, {
    adapter: live.adapter,
    serveClient: false,
    parser: preEncodingParser((event) => metrics.countOut(event)),
    // Protects the server from oversized messages before any parsing happens.
    maxHttpBufferSize: 16 * 1024,
  });
  // The default namespace carries nothing: clients use the named ones.
  io.use((_socket, next) => next(new Error("Use the /game, /tournament or /chat namespace")));
  const all = namespaces(io);
  const allowedOrigins = configuredOrigins(config);
  const messageBudget = { movesPerSecond: config.SOCKET_MAX_MOVES, eventsPerSecond: config.SOCKET_MAX_EVENTS, floodMs: config.SOCKET_FLOOD_MS };
  for (const namespace of [all.game, all.chat, all.tournament]) {
    namespace.use(checkSocketOrigin(allowedOrigins)).use(authenticateSocket);
    namespace.use((socket, next) => {
      socket.data.address = clientAddress(socket.request, config.TRUST_PROXY);
      next();
    });
    namespace.use(limitConnections(ledger, config.SOCKETS_PER_USER));
    namespace.on("connection", (socket) => limitMessages(socket, messageBudget, log, () => metrics.refusals.inc({ transport: "socket", code: "rate_limited" })));
  }
  return { io, namespaces: all };
}

export interface NamespaceDeps {
  live: LiveState;
  ledger: ProcessLedger;
  runner: MatchRunner;
  challenges: ChallengeService;
  pairing: PairingService;
  tournaments: TournamentService;
  limits: Limits;
  log: Logger;
  metrics: Metrics;
}

/** Registers every namespace's handlers, and the relays of the shared lists; returns how to stop the relays. */
export async function registerNamespaces({ game, chat, tournament }: Namespaces, deps: NamespaceDeps): Promise<() => Promise<void>> {
  const { live, ledger, runner, challenges, pairing, tournaments, limits, log, metrics } = deps;
  const { store } = live;
  registerGameNamespace(game, { challenges, pairing, runner, ledger, limits, log, metrics });
  registerChatNamespace(chat, { store, ledger, log, limits, metrics });
  registerTournamentNamespace(tournament, { tournaments, log, limits, metrics });
  const stopPresence = await relayToLocalSockets(store, keys.presenceChannel, () => presenceList(store, ledger), (list) => chat.local.emit("presence", list));
  const stopLiveMatches = await relayToLocalSockets(store, keys.liveChannel, () => liveMatchesList(store), (list) => chat.local.emit("live_matches", list));
  return async () => {
    await stopPresence();
    await stopLiveMatches();
  };
}
