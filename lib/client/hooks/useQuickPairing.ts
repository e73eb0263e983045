"use client";
// Quick pairing in this tab: the seek machine fed by the /game socket's seek_status, seek_pool and
// pairing_found (listeners handed to the app's connection), `seek()` and `cancel()`, and the move
// to the match page on pairing_found (every tab of the player hears it).
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useReducer, useRef } from "react";
import { matchHref } from "@/lib/client/challenge-machine";
import { initialSeekState, seekReducer } from "@/lib/client/seek-machine";
import { request, type GameSocket } from "@/lib/client/socket";
import type { OtherGameListeners } from "./useChallenges";

export function useQuickPairing() {
  const router = useRouter();
  const [state, dispatch] = useReducer(seekReducer, initialSeekState);
  const routerRef = useRef(router);
  useEffect(() => {
    routerRef.current = router;
  });

  const listeners: OtherGameListeners = {
    seekStatus: (message) => dispatch({ type: "status", message, now: Date.now() }),
    seekPool: (message) => dispatch({ type: "pool", message }),
    pairingFound: ({ match_id }) => {
      dispatch({ type: "found" });
      routerRef.current.push(matchHref(match_id));
    },
  };

  const seek = useCallback(async (socket: GameSocket | null) => {
    if (!socket?.connected) return dispatch({ type: "failed", message: "Not connected to the game server yet. Try again in a moment." });
    dispatch({ type: "start" });
    const response = await request<{ pool_size: number }>((ack) => socket.emit("seek", { type: "seek" }, ack));
    if (response.ok) dispatch({ type: "started", poolSize: response.pool_size, now: Date.now() });
    else dispatch({ type: "failed", message: response.error.message });
  }, []);

  const cancel = useCallback(async (socket: GameSocket | null) => {
    if (!socket) return;
    dispatch({ type: "cancel" });
    // The server's seek_status (seeking: false) ends the wait on every tab; the answer ends it here
    // even if that message was lost.
    const response = await request((ack) => socket.emit("seek_cancel", { type: "seek_cancel" }, ack));
    dispatch(response.ok ? { type: "cancelled", ok: true } : { type: "cancelled", ok: false, message: response.error.message });
  }, []);

  return { state, listeners, seek, cancel };
}
