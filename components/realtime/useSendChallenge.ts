"use client";
// One "send a challenge" control (a Duel button, /duel in the chat, Rematch): sends, and follows the
// challenge it sent through the app's challenge state, so its "sent" notice ends with the challenge.
import { useState } from "react";
import { sendStatus, type SendStatus } from "@/lib/client/challenge-machine";
import { useChallenge, useOutgoingChallenges } from "./context";

type Attempt = { kind: "idle" } | { kind: "sending"; target: string } | { kind: "sent"; id: string } | { kind: "failed"; message: string };

export type Notice = { tone: "info" | "error"; text: string };

export interface ChallengeSender {
  /** Resolves true once the server took the challenge; rated unless `rated` is false. */
  send: (username: string, rated?: boolean) => Promise<boolean>;
  /** The target while the server has not answered yet. */
  sending: string | null;
  /** Why the last attempt was refused, until the next one. */
  error: string | null;
  status: SendStatus;
  /** The refusal, or "Challenge sent to …" while the challenge is open; null once it closed (a toast says how). */
  notice: Notice | null;
  /** Forgets a refusal once something else happened in the same place (a chat message went out). */
  clearError: () => void;
}

export function useSendChallenge(): ChallengeSender {
  const challenge = useChallenge();
  const challenges = useOutgoingChallenges();
  const [attempt, setAttempt] = useState<Attempt>({ kind: "idle" });

  const send = async (username: string, rated?: boolean) => {
    setAttempt({ kind: "sending", target: username });
    const result = await challenge(username, rated);
    setAttempt(result.ok ? { kind: "sent", id: result.id } : { kind: "failed", message: result.message });
    return result.ok;
  };

  const error = attempt.kind === "failed" ? attempt.message : null;
  const status = sendStatus(attempt.kind === "sent" ? attempt.id : null, challenges);
  const notice: Notice | null = error ? { tone: "error", text: error } : status.kind === "waiting" ? { tone: "info", text: `Challenge sent to ${status.target}` } : null;
  const clearError = () => setAttempt((current) => (current.kind === "failed" ? { kind: "idle" } : current));
  return { send, sending: attempt.kind === "sending" ? attempt.target : null, error, status, notice, clearError };
}
