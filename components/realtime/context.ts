"use client";
// What the app-wide realtime provider shares: the /game socket, its status, `challenge()` and the
// socket's deferred match closes.
// Apart from the provider so that its consumers (TournamentToasts among them) import no cycle.
import { createContext, useContext } from "react";
import type { ChallengeState } from "@/lib/client/challenge-machine";
import type { ChallengeResult } from "@/lib/client/hooks/useChallenges";
import type { MatchCloses } from "@/lib/client/hooks/useGameConnection";
import type { SeekState } from "@/lib/client/seek-machine";
import type { ConnectionStatus, GameSocket } from "@/lib/client/socket";

export type { ChallengeResult };

export interface RealtimeContextValue extends MatchCloses {
  socket: GameSocket | null;
  status: ConnectionStatus;
  challenge: (username: string, rated?: boolean) => Promise<ChallengeResult>;
  /** Our open challenge and how the last one ended: what "challenge sent" notices follow. */
  challenges: OutgoingChallenges;
  /** Quick pairing: where this player stands, and how to start or stop waiting. */
  quickPairing: QuickPairing;
}

export interface QuickPairing {
  state: SeekState;
  seek: () => void;
  cancel: () => void;
}

export type OutgoingChallenges = Pick<ChallengeState, "outgoing" | "lastEnded">;

export const RealtimeContext = createContext<RealtimeContextValue | null>(null);

const noCloses: MatchCloses = { deferClose: () => {}, cancelClose: () => {} };
const notLoggedIn = async (): Promise<ChallengeResult> => ({ ok: false, message: "Log in to challenge other players." });

/** The app's /game socket: null until it first connects, or when logged out. */
export function useGameSocket(): GameSocket | null {
  return useContext(RealtimeContext)?.socket ?? null;
}

export function useRealtimeStatus(): ConnectionStatus {
  return useContext(RealtimeContext)?.status ?? "disconnected";
}

/** `challenge(username, rated?)` sends a duel challenge (rated unless `rated` is false); the provider then shows the waiting panel. */
export function useChallenge(): (username: string, rated?: boolean) => Promise<ChallengeResult> {
  return useContext(RealtimeContext)?.challenge ?? notLoggedIn;
}

const noChallenges: OutgoingChallenges = { outgoing: null, lastEnded: null };

export function useOutgoingChallenges(): OutgoingChallenges {
  return useContext(RealtimeContext)?.challenges ?? noChallenges;
}

/** Deferred close_match for the app's /game socket (see MatchCloses); nothing to close when logged out. */
export function useMatchCloses(): MatchCloses {
  const context = useContext(RealtimeContext);
  return context ?? noCloses;
}

/** Quick pairing for the "Play now" buttons; null when logged out. */
export function useQuickPlay(): QuickPairing | null {
  return useContext(RealtimeContext)?.quickPairing ?? null;
}
