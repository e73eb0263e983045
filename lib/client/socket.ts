"use client";
// Typed socket.io-client connections to the server's namespaces. The browser sends the session
// cookie with the handshake; websocket first, long-polling as the fallback.
import { io, type Socket } from "socket.io-client";
import type { ChatClientToServer, ChatServerToClient } from "../protocol/chat";
import type { Ack } from "../protocol/common";
import type { GameClientToServer, GameServerToClient } from "../protocol/game";
import type { TournamentClientToServer, TournamentServerToClient } from "../protocol/tournament";

/** Where a page's socket is: shown as a dot, and "reconnecting…" states. */
export type ConnectionStatus = "connecting" | "connected" | "disconnected";

export type GameSocket = Socket<GameServerToClient, GameClientToServer>;
export type ChatSocket = Socket<ChatServerToClient, ChatClientToServer>;
export type TournamentSocket = Socket<TournamentServerToClient, TournamentClientToServer>;

export function connectGame(): GameSocket {
  return io("/game", { transports: ["websocket", "polling"], withCredentials: true });
}

export function connectTournament(): TournamentSocket {
  return io("/tournament", { transports: ["websocket", "polling"], withCredentials: true });
}

export function connectChat(): ChatSocket {
  return io("/chat", { transports: ["websocket", "polling"], withCredentials: true });
}

/** Emits with an acknowledgement; a timeout or a lost connection answers as a refusal. */
export function request<T extends object>(emit: (ack: (response: Ack<T>) => void) => void, timeoutMs = 8_000): Promise<Ack<T>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, error: { code: "internal", message: "The server did not answer. Check your connection." } }), timeoutMs);
    emit((response) => {
      clearTimeout(timer);
      resolve(response);
    });
  });
}
