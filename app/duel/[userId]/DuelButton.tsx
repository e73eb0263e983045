"use client";
// Sends a duel challenge to one player; the provider's waiting panel takes over once it is sent.
import { useState } from "react";
import { useChallenge, useRealtimeStatus } from "@/components/realtime/context";
import { Button } from "@/components/ui/Button";

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
      <Button
        onClick={() => void send()}
        // Waiting for the connection keeps an early click from failing for no visible reason.
        disabled={state.kind === "sending" || status !== "connected"}
        className="w-full"
      >
        {state.kind === "sending" ? "Sending challenge…" : `Challenge ${target}`}
      </Button>
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
