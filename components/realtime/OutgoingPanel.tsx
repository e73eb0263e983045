"use client";
// The challenger's side: who we are waiting for, the countdown, and Cancel.
import { Avatar } from "@/components/Avatar";
import { Button } from "@/components/ui/Button";
import type { Outgoing } from "@/lib/client/challenge-machine";

export function OutgoingPanel({ outgoing, seconds, onCancel }: { outgoing: Outgoing; seconds: number; onCancel: (id: string) => void }) {
  const accepted = outgoing.phase === "accepted";
  return (
    <section
      aria-label="Your challenge"
      data-testid="outgoing-challenge"
      className="pointer-events-auto flex items-center gap-3 rounded-lg border border-emerald-500/40 bg-slate-900 p-4 shadow-xl"
    >
      <Avatar username={outgoing.target} size="sm" />
      {/* Not a live region: the countdown would be read out every second. */}
      <p className="min-w-0 flex-1 text-sm text-slate-200">
        {accepted ? (
          <>
            <span className="font-semibold text-emerald-300">{outgoing.target} accepted!</span> Starting the match…
          </>
        ) : (
          <>
            Waiting for <span className="font-semibold text-white">{outgoing.target}</span>…{" "}
            <span className="font-mono text-amber-300 tabular-nums" data-testid="outgoing-countdown">
              {seconds}s
            </span>
          </>
        )}
      </p>
      {!accepted && (
        <Button variant="secondary" onClick={() => onCancel(outgoing.id)} disabled={outgoing.phase === "cancelling"} className="shrink-0">
          {outgoing.phase === "cancelling" ? "Cancelling…" : "Cancel"}
        </Button>
      )}
    </section>
  );
}
