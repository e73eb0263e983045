// How the tournament ended: its champion, no champion, or cancelled; nothing while it runs.
import type { TournamentJson } from "@/lib/protocol/tournament";

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
