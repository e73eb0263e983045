"use client";
// The app-wide /game socket's lifecycle: connect once per user, share the socket once connected,
// report the connection's status. The listeners are attached when the socket is made (so nothing
// sent right after the handshake is missed) and always call the latest `listeners` given. It also
// holds the socket's deferred close_match messages (see MatchCloses).
import { useCallback, useEffect, useRef, useState } from "react";
import { PendingCloses } from "@/lib/client/pending-closes";
import { connectGame, type ConnectionStatus, type GameSocket } from "@/lib/client/socket";
import type { ChallengeClosed, ChallengeOffer, MatchIdMessage, PairingFound, SeekPool, SeekStatus } from "@/lib/protocol/game";

/** How long a close waits for a session of the same match to start again on this socket. */
const CLOSE_DELAY_MS = 100;

/**
 * Leaving a match page sends close_match a moment later, unless a new session for the same match
 * starts on the same socket first (React's development mode mounts every effect twice; a player
 * may come back at once): a close landing after the new join_match would count the player away.
 */
export interface MatchCloses {
  deferClose: (matchId: number) => void;
  cancelClose: (matchId: number) => void;
}

export interface GameListeners {
  challenge: (offer: ChallengeOffer) => void;
  challengeClosed: (message: ChallengeClosed) => void;
  matchId: (message: MatchIdMessage) => void;
  seekStatus: (message: SeekStatus) => void;
  seekPool: (message: SeekPool) => void;
  pairingFound: (message: PairingFound) => void;
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
  const closesRef = useRef<PendingCloses | null>(null);
  const listenersRef = useRef(listeners);
  useEffect(() => {
    listenersRef.current = listeners;
  });

  useEffect(() => {
    const game = connectGame();
    const closes = new PendingCloses(CLOSE_DELAY_MS);
    socketRef.current = game;
    closesRef.current = closes;
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
    game.on("seek_status", (message) => listenersRef.current.seekStatus(message));
    game.on("seek_pool", (message) => listenersRef.current.seekPool(message));
    game.on("pairing_found", (message) => listenersRef.current.pairingFound(message));
    game.on("error", ({ message }) => listenersRef.current.error(message));
    return () => {
      closes.clear();
      game.removeAllListeners();
      game.disconnect();
      socketRef.current = null;
      closesRef.current = null;
    };
  }, [userKey]);

  const deferClose = useCallback((matchId: number) => {
    const game = socketRef.current;
    if (!game) return;
    closesRef.current?.defer(matchId, () => {
      // socket.io buffers emits while offline: a stale close sent on reconnect would mark the next join absent.
      if (game.connected) game.emit("close_match", { type: "close_match", match_id: matchId }, () => {});
    });
  }, []);
  const cancelClose = useCallback((matchId: number) => {
    closesRef.current?.cancel(matchId);
  }, []);

  return { socket, status, socketRef, deferClose, cancelClose };
}
