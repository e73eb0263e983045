// Whether the tournament page is live: its /tournament room connection as a dot and a label.
import type { TournamentConnection } from "@/lib/client/hooks/useTournamentChannel";

const connectionStyles: Record<TournamentConnection, { dot: string; label: string }> = {
  connecting: { dot: "bg-slate-400 animate-pulse", label: "Connecting…" },
  live: { dot: "bg-emerald-400", label: "Live" },
  reconnecting: { dot: "bg-amber-400 animate-pulse", label: "Reconnecting…" },
  unavailable: { dot: "bg-rose-500", label: "Live updates unavailable" },
};

export function ConnectionIndicator({ connection, error }: { connection: TournamentConnection; error: string | null }) {
  const { dot, label } = connectionStyles[connection];
  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <p role="status" data-testid="tournament-connection" data-state={connection} className="flex items-center gap-2 text-sm text-slate-300">
        <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${dot}`} />
        {label}
      </p>
      {error && connection === "unavailable" && <p className="max-w-xs text-xs text-rose-300 sm:text-right">{error}</p>}
    </div>
  );
}
