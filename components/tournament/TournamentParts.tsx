// The tournament page's smaller pieces: live-connection indicator, facts, result banner, round
// pairings and the players list.
import Link from "next/link";
import { Avatar } from "@/components/Avatar";
import type { TournamentConnection } from "@/lib/client/hooks/useTournamentChannel";
import type { RoundStart, TournamentJson } from "@/lib/protocol/tournament";
import { sameName } from "@/lib/client/names";
import type { TournamentViewer } from "./viewer";

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

export function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-800 bg-slate-900/60 px-3 py-2">
      <dt className="text-xs uppercase tracking-wider text-slate-400">{label}</dt>
      <dd className="font-semibold text-white tabular-nums wrap-anywhere" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

export function ResultBanner({ tournament }: { tournament: TournamentJson }) {
  if (tournament.status === "finished" && tournament.winner) {
    return (
      <p data-testid="champion" className="rounded-xl border border-amber-400/50 bg-amber-400/10 px-5 py-4 text-center text-xl font-bold text-amber-200 sm:text-2xl">
        🏆 {tournament.winner} is the champion
      </p>
    );
  }
  if (tournament.status === "finished") {
    return (
      <p data-testid="no-champion" className="rounded-xl border border-slate-700 bg-slate-900 px-5 py-4 text-center text-slate-300">
        The tournament finished without a champion: nobody reached the end.
      </p>
    );
  }
  if (tournament.status === "cancelled") {
    return (
      <p data-testid="tournament-cancelled" className="rounded-xl border border-rose-500/40 bg-rose-500/10 px-5 py-4 text-center text-rose-200">
        This tournament was cancelled.
      </p>
    );
  }
  return null;
}

export function PairingsBox({ pairings }: { pairings: RoundStart }) {
  return (
    <section aria-labelledby="pairings-title" data-testid="round-pairings" className="rounded-lg border border-slate-800 bg-slate-900/60 p-4">
      <h2 id="pairings-title" className="mb-2 text-sm font-semibold uppercase tracking-wider text-slate-400">
        Round {pairings.round} pairings
      </h2>
      <ul className="space-y-1 font-mono text-sm text-slate-200">
        {pairings.pairings.map((line, index) => (
          <li key={`${index}-${line}`} className="wrap-anywhere">
            {line}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PlayersList({ tournament, viewer }: { tournament: TournamentJson; viewer: TournamentViewer | null }) {
  // Once seeded, the seed order is the bracket's order; before that, the join order.
  const players = [...tournament.players].sort((a, b) => (a.seed ?? Number.MAX_SAFE_INTEGER) - (b.seed ?? Number.MAX_SAFE_INTEGER));
  return (
    <section aria-labelledby="players-title" data-testid="tournament-players" className="rounded-xl border border-slate-800 bg-slate-900/60 p-4 sm:p-5">
      <h2 id="players-title" className="mb-3 text-sm font-semibold uppercase tracking-wider text-slate-400">
        Players{" "}
        <span className="font-normal normal-case tracking-normal text-slate-500">
          ({tournament.players.length}/{tournament.max_players})
        </span>
      </h2>
      {players.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-700 p-4 text-center text-sm text-slate-400">Nobody has joined yet.</p>
      ) : (
        <ul className="space-y-1">
          {players.map((player) => (
            <li
              key={player.username}
              data-testid="tournament-player"
              data-eliminated={player.eliminated ? "true" : undefined}
              className={`flex items-center gap-3 rounded-md px-2 py-1.5 ${player.eliminated ? "opacity-50" : ""}`}
            >
              {player.seed !== null && <span className="w-7 shrink-0 text-right font-mono text-xs text-slate-500">#{player.seed}</span>}
              <Avatar username={player.username} size="sm" />
              <Link
                href={`/users/${player.username}/`}
                className={`min-w-0 truncate font-medium hover:underline ${player.eliminated ? "text-slate-400 line-through" : "text-white"}`}
              >
                {player.username}
              </Link>
              <span className="ml-auto flex shrink-0 gap-1 text-xs">
                {sameName(player.username, viewer?.name) && <span className="rounded bg-emerald-500/15 px-1.5 py-0.5 text-emerald-300">you</span>}
                {sameName(player.username, tournament.creator) && <span className="rounded bg-slate-800 px-1.5 py-0.5 text-slate-300">creator</span>}
                {player.eliminated && <span className="text-slate-400">eliminated</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
