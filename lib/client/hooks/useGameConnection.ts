"use client";
// The app-wide /game socket's lifecycle: connect once per user, share the socket once connected,
// report the connection's status. The listeners are attached when the socket is made (so nothing
// sent right after the handshake is missed) and always call the latest `listeners` given.
import { useEffect, useRef, useState } from "react";
import { connectGame, type ConnectionStatus, type GameSocket } from "@/lib/client/socket";
import type { ChallengeClosed, ChallengeOffer, MatchIdMessage } from "@/lib/protocol/game";


export interface GameListeners {
  challenge: (offer: ChallengeOffer) => void;
  challengeClosed: (message: ChallengeClosed) => void;
  matchId: (message: MatchIdMessage) => void;
  /** A refused message that had no acknowledgement, or a refused connection worth saying. */
  error: (message: string) => void;
}

/** Resolves true once the socket is connected, false after `timeoutMs`. */
export function whenConnected(socket: GameSocket, timeoutMs: number): Promise<boolean> {
  if (socket.connected) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onConnect = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      socket.off("connect", onConnect);
      resolve(false);
    }, timeoutMs);
    socket.once("connect", onConnect);
  });
}

/** `userKey`: a new user gets a new socket. `socketRef` holds the socket before it first connects. */
export function useGameConnection(userKey: string, listeners: GameListeners) {
  const [socket, setSocket] = useState<GameSocket | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const socketRef = useRef<GameSocket | null>(null);
  const listenersRef = useRef(listeners);
  useEffect(() => {
    listenersRef.current = listeners;
  });

  useEffect(() => {
    const game = connectGame();
    socketRef.current = game;
    game.on("connect", () => {
      // Shared only once connected: consumers can emit right away.
      setSocket(game);
      setStatus("connected");
    });
    game.on("disconnect", () => setStatus("disconnected"));
    game.on("connect_error", (error) => {
      setStatus("disconnected");
      // A refusal the player can act on (too many tabs open) is said, not just shown as "offline".
      const data = (error as Error & { data?: { code?: string; message?: string } }).data;
      if (data?.code === "too_many_connections" && data.message) listenersRef.current.error(data.message);
    });
    game.on("challenge", (offer) => listenersRef.current.challenge(offer));
    game.on("challenge_closed", (message) => listenersRef.current.challengeClosed(message));
    game.on("match_id", (message) => listenersRef.current.matchId(message));
    game.on("error", ({ message }) => listenersRef.current.error(message));
    return () => {
      game.removeAllListeners();
      game.disconnect();
      socketRef.current = null;
    };
  }, [userKey]);

  return { socket, status, socketRef };
}
