// Socket.IO on the app's HTTP server: the /game, /tournament and /chat namespaces, each behind
// the session middleware. Returns close() so tests can start and stop real servers.
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { LiveStore } from "../store";
import type { Logger } from "../server/log";
import { authenticateSocket, type SocketUser } from "./auth";

export interface RealtimeDeps {
  store: LiveStore;
  /** Relays broadcasts between processes (Redis); undefined for a single process. */
  adapter?: Parameters<Server["adapter"]>[0];
  log: Logger;
}

export interface Realtime {
  io: Server;
  close(): Promise<void>;
}

export const NAMESPACES = ["/game", "/tournament", "/chat"] as const;

/** Every socket of a user, in any namespace, joins this room: "all of the user's tabs". */
export const userRoom = (userId: number) => `user:${userId}`;

export function createRealtime(httpServer: HttpServer, deps: RealtimeDeps): Realtime {
  const io = new Server(httpServer, {
    adapter: deps.adapter,
    serveClient: false,
    // Protects the server from oversized messages before any parsing happens.
    maxHttpBufferSize: 16 * 1024,
  });
  // The default namespace carries nothing: clients use the named ones.
  io.use((_socket, next) => next(new Error("Use the /game, /tournament or /chat namespace")));

  for (const name of NAMESPACES) {
    const namespace = io.of(name);
    namespace.use(authenticateSocket);
    namespace.on("connection", (socket) => {
      const user = socket.data.user as SocketUser;
      void socket.join(userRoom(user.id));
      deps.log.debug(`${name}: ${user.name} connected (${socket.id})`);
    });
  }

  return {
    io,
    async close() {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
