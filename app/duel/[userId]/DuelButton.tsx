"use client";
// Sends a duel challenge to one player; the provider's waiting panel takes over once it is sent.
import { useState } from "react";
import { useChallenge, useRealtimeStatus } from "@/components/realtime/context";

type SendState = { kind: "idle" } | { kind: "sending" } | { kind: "sent" } | { kind: "error"; message: string };

export function DuelButton({ target }: { target: string }) {
  const challenge = useChallenge();
  const status = useRealtimeStatus();
  const [state, setState] = useState<SendState>({ kind: "idle" });

  async function send() {
    setState({ kind: "sending" });
    const result = await challenge(target);
    setState(result.ok ? { kind: "sent" } : { kind: "error", message: result.message });
  }

  return (
    <div className="mt-6 space-y-3">
      <button
        type="button"
        onClick={() => void send()}
        // Waiting for the connection keeps an early click from failing for no visible reason.
        disabled={state.kind === "sending" || status !== "connected"}
        className="min-h-11 w-full rounded-md bg-emerald-500 px-5 py-2.5 font-semibold text-slate-950 hover:bg-emerald-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white disabled:cursor-wait disabled:opacity-60"
      >
        {state.kind === "sending" ? "Sending challenge…" : `Challenge ${target}`}
      </button>
      <p role="status" data-testid="duel-status" className={`text-sm ${state.kind === "error" ? "text-rose-400" : "text-slate-300"}`}>
        {state.kind === "sent"
          ? `Challenge sent to ${target}. Waiting for an answer…`
          : state.kind === "error"
            ? state.message
            : status === "connecting"
              ? "Connecting to the game server…"
              : status === "disconnected"
                ? "Not connected to the game server. Reconnecting…"
                : ""}
      </p>
    </div>
  );
}
