// The current round's pairings from the tournament's JSON: who meets whom, and the way into each
// live match. The bracket holds the same in columns; this reads at a glance, on a phone too.
import { sameName } from "@/lib/client/names";
import type { TournamentJson, TournamentMatchJson } from "@/lib/protocol/tournament";
import { MatchLink } from "./MatchLink";
import type { TournamentViewer } from "./viewer";

function Pairing({ match, viewer }: { match: TournamentMatchJson; viewer: TournamentViewer | null }) {
  const { player1, player2, status, winner } = match;
  const mine = sameName(player1, viewer?.name) || sameName(player2, viewer?.name);
  const live = (status === "ready" || status === "playing") && match.match_id !== null;
  const players =
    status === "bye" || status === "walkover" ? (
      <>
        {winner} <span className="text-slate-300">advances ({status})</span>
      </>
    ) : (
      <>
        {player1 ?? "—"} <span className="text-slate-300">vs</span> {player2 ?? "—"}
      </>
    );
  const outcome = status === "void" ? "Nobody came" : winner && (status === "finished" || status === "forfeited") ? `${winner} won` : null;

  return (
    <li data-testid="pairing" data-status={status} className="flex min-h-11 flex-wrap items-center justify-between gap-x-3 gap-y-1 py-1">
      <span className="min-w-0 font-medium text-white wrap-anywhere">{players}</span>
      {live ? (
        <MatchLink match={match} mine={mine} className="rounded-md text-sm" />
      ) : (
        outcome && <span className="text-sm text-slate-300">{outcome}</span>
      )}
    </li>
  );
}

export function RoundPairings({ tournament, viewer }: { tournament: TournamentJson; viewer: TournamentViewer | null }) {
  const round = tournament.status === "running" ? tournament.rounds.find((candidate) => candidate.round === tournament.current_round) : undefined;
  if (!round) return null;
  return (
    <section aria-labelledby="pairings-title" data-testid="round-pairings" className="rounded-lg border border-slate-800 bg-slate-900/60 p-4">
      <h2 id="pairings-title" className="mb-2 text-sm font-semibold uppercase tracking-wider text-slate-300">
        Round {round.round} pairings
      </h2>
      <ul className="divide-y divide-slate-800">
        {[...round.matches]
          .sort((a, b) => a.slot - b.slot)
          .map((match) => (
            <Pairing key={match.slot} match={match} viewer={viewer} />
          ))}
      </ul>
    </section>
  );
}
