"use client";
// Sends a duel challenge to one player; the provider's waiting panel takes over once it is sent.
import { useState } from "react";
import { useRealtimeStatus } from "@/components/realtime/context";
import { useSendChallenge } from "@/components/realtime/useSendChallenge";
import { Button } from "@/components/ui/Button";

export function DuelButton({ target }: { target: string }) {
  const duel = useSendChallenge();
  const status = useRealtimeStatus();
  const waiting = duel.status.kind === "waiting";
  const [rated, setRated] = useState(true);

  return (
    <div className="mt-6 space-y-3">
      {/* Unticked, the duel moves neither player's rating. */}
      <label className="flex min-h-11 cursor-pointer items-center gap-3 text-slate-200">
        <input type="checkbox" checked={rated} onChange={(event) => setRated(event.target.checked)} className="h-5 w-5 accent-emerald-500" />
        Rated
      </label>
      <Button
        onClick={() => void duel.send(target, rated)}
        // Waiting for the connection keeps an early click from failing for no visible reason.
        disabled={duel.sending !== null || waiting || status !== "connected"}
        className="w-full"
      >
        {duel.sending ? "Sending challenge…" : `Challenge ${target}`}
      </Button>
      <p role="status" data-testid="duel-status" className={`text-sm ${duel.error ? "text-rose-400" : "text-slate-300"}`}>
        {waiting
          ? `Challenge sent to ${target}. Waiting for an answer…`
          : duel.error
            ? duel.error
            : status === "connecting"
              ? "Connecting to the game server…"
              : status === "disconnected"
                ? "Not connected to the game server. Reconnecting…"
                : ""}
      </p>
    </div>
  );
}
