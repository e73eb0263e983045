// The typed Socket.IO of each namespace: its event maps (lib/protocol) and what a socket carries.
import type { DefaultEventsMap, Namespace, Server, Socket } from "socket.io";
import type { ChatClientToServer, ChatServerToClient } from "../../protocol/chat";
import type { GameClientToServer, GameServerToClient, MatchRole } from "../../protocol/game";
import type { TournamentClientToServer, TournamentServerToClient } from "../../protocol/tournament";

export interface SocketUser {
  id: number;
  name: string;
}

/** The match room a /game socket is in, and as whom. */
export interface JoinedMatch {
  matchId: number;
  role: MatchRole;
}

/** Set by the middlewares before `connection`: every connected socket has a user and an address. */
export interface SocketData {
  user: SocketUser;
  address: string;
  match?: JoinedMatch;
}

type NoEvents = Record<string, never>;
export type GameNamespace = Namespace<GameClientToServer, GameServerToClient, NoEvents, SocketData>;
export type GameSocket = Socket<GameClientToServer, GameServerToClient, NoEvents, SocketData>;
export type ChatNamespace = Namespace<ChatClientToServer, ChatServerToClient, NoEvents, SocketData>;
export type ChatSocket = Socket<ChatClientToServer, ChatServerToClient, NoEvents, SocketData>;
export type TournamentNamespace = Namespace<TournamentClientToServer, TournamentServerToClient, NoEvents, SocketData>;
export type TournamentSocket = Socket<TournamentClientToServer, TournamentServerToClient, NoEvents, SocketData>;
/** Any namespace's socket, for what every namespace shares (middlewares, the message guard). */
export type AnySocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;

export type AppServer = Server<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;

export interface Namespaces {
  game: GameNamespace;
  chat: ChatNamespace;
  tournament: TournamentNamespace;
}

/**
 * The three namespaces with their own event maps. Socket.IO's `of()` types every namespace with
 * the server's maps; this is the one place that narrows them.
 */
export function namespaces(io: AppServer): Namespaces {
  return {
    game: io.of("/game") as unknown as GameNamespace,
    chat: io.of("/chat") as unknown as ChatNamespace,
    tournament: io.of("/tournament") as unknown as TournamentNamespace,
  };
}
