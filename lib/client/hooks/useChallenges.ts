"use client";
// Duel challenges in this tab: the challenge machine fed by the /game socket, its clock and the
// player's answers, with the side effects of each answer (acknowledged emits, create_match,
// relaying the match id, going to the match).
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useReducer, useRef } from "react";
import { hasField, isNumber, NETWORK_FAILURE, postJson } from "@/lib/client/api";
import { challengeReducer, initialChallengeState, matchHref, needsTicks, type Offer } from "@/lib/client/challenge-machine";
import { request } from "@/lib/client/socket";
import { useGameConnection, whenConnected, type GameListeners } from "./useGameConnection";

export type ChallengeResult = { ok: true; id: string } | { ok: false; message: string };
type CreateMatchResult = { ok: true; matchId: number } | { ok: false; message: string; canRetry: boolean };

async function createMatch(opponent: string): Promise<CreateMatchResult> {
  const result = await postJson("/game/matches/create_match/", { opponent }, hasField("match_id", isNumber));
  if (result.ok) return { ok: true, matchId: result.data.match_id };
  if (result.status === NETWORK_FAILURE) return { ok: false, message: "Could not reach the server to create the match. Check your connection.", canRetry: true };
  return { ok: false, message: result.error?.message ?? `The match could not be created (error ${result.status}).`, canRetry: result.status >= 500 };
}

/** Listeners of the same socket for what is not about challenges (quick pairing). */
export type OtherGameListeners = Pick<GameListeners, "seekStatus" | "seekPool" | "pairingFound">;

/** `challengeTimeoutMs`: the server's CHALLENGE_TIMEOUT_MS (the challenger's ack carries no deadline). */
export function useChallenges(me: string, challengeTimeoutMs: number, others: OtherGameListeners) {
  const router = useRouter();
  const [state, dispatch] = useReducer(challengeReducer, initialChallengeState);
  // Socket listeners read the latest state and router through refs.
  const stateRef = useRef(state);
  const routerRef = useRef(router);
  useEffect(() => {
    stateRef.current = state;
    routerRef.current = router;
  });

  const listeners: GameListeners = {
    challenge: (offer) => dispatch({ type: "offer", offer, now: Date.now() }),
    challengeClosed: (message) => dispatch({ type: "closed", message, me, now: Date.now() }),
    matchId: ({ challenge_id, match_id }) => {
      const ours = stateRef.current.outgoing?.id === challenge_id;
      dispatch({ type: "match_id", challengeId: challenge_id, matchId: match_id, now: Date.now() });
      if (ours) routerRef.current.push(matchHref(match_id));
    },
    error: (text) => dispatch({ type: "toast", text, tone: "error", now: Date.now() }),
    ...others,
  };
  const { socket, status, socketRef, deferClose, cancelClose } = useGameConnection(me, listeners);

  // Countdowns and toast expiry tick only while something is on screen.
  const active = needsTicks(state);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => dispatch({ type: "tick", now: Date.now() }), 250);
    return () => clearInterval(timer);
  }, [active]);

  const challenge = useCallback(
    async (username: string, rated = true): Promise<ChallengeResult> => {
      // Through the ref: a challenge sent just after page load waits for the first connection.
      const game = socketRef.current;
      if (!game || !(await whenConnected(game, 5_000))) return { ok: false, message: "Not connected to the game server yet. Try again in a moment." };
      const response = await request<{ challenge_id: string }>((ack) => game.emit("challenge", { type: "challenge", target: username, rated }, ack));
      if (!response.ok) return { ok: false, message: response.error.message };
      dispatch({ type: "sent", id: response.challenge_id, target: username, timeoutMs: challengeTimeoutMs, now: Date.now() });
      return { ok: true, id: response.challenge_id };
    },
    [challengeTimeoutMs, socketRef],
  );

  const cancel = useCallback(
    async (id: string) => {
      if (!socket) return;
      dispatch({ type: "cancel_started", id });
      const response = await request((ack) => socket.emit("challenge_cancel", { type: "challenge_cancel", challenge_id: id }, ack));
      if (!response.ok) dispatch({ type: "cancel_failed", id, message: response.error.message, now: Date.now() });
    },
    [socket],
  );

  const decline = useCallback(
    async (offer: Offer) => {
      if (!socket) return;
      dispatch({ type: "decline", id: offer.id });
      const response = await request((ack) => socket.emit("challenge_reply", { type: "challenge_reply", challenge_id: offer.id, reply: "decline" }, ack));
      if (!response.ok) dispatch({ type: "decline_failed", message: response.error.message, now: Date.now() });
    },
    [socket],
  );

  /** After the reply was accepted: create the match, tell the challenger its id, go there. */
  const startMatch = useCallback(
    async ({ id, from }: { id: string; from: string }) => {
      if (!socket) return;
      dispatch({ type: "creating", id, from });
      const created = await createMatch(from);
      if (!created.ok) {
        dispatch({ type: "create_failed", id, from, message: created.message, canRetry: created.canRetry });
        return;
      }
      const relayed = await request((ack) => socket.emit("match_id", { type: "match_id", challenge_id: id, match_id: created.matchId }, ack));
      dispatch({ type: "started", from, relayError: relayed.ok ? null : relayed.error.message, now: Date.now() });
      router.push(matchHref(created.matchId));
    },
    [socket, router],
  );

  const accept = useCallback(
    async (offer: Offer) => {
      if (!socket) return;
      dispatch({ type: "accept", id: offer.id, from: offer.from });
      const response = await request((ack) => socket.emit("challenge_reply", { type: "challenge_reply", challenge_id: offer.id, reply: "accept" }, ack));
      if (!response.ok) {
        dispatch({ type: "accept_failed", id: offer.id, from: offer.from, message: response.error.message });
        return;
      }
      await startMatch(offer);
    },
    [socket, startMatch],
  );

  const closeAccepting = useCallback(() => dispatch({ type: "accepting_closed" }), []);
  const dismissToast = useCallback((id: number) => dispatch({ type: "dismiss", id }), []);

  return { socket, status, deferClose, cancelClose, state, challenge, cancel, decline, accept, retry: startMatch, closeAccepting, dismissToast };
}
