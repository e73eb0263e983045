// The bracket: one column per round (future rounds as empty cards), each match with its players,
// scores, status and a Play or Watch link while it is live, a Replay link once it was played.
import { sameName } from "@/lib/client/names";
import type { BracketMatchStatus, TournamentJson, TournamentMatchJson } from "@/lib/protocol/tournament";
import { MatchLink } from "./MatchLink";
import type { TournamentViewer } from "./viewer";

/** Named by distance from the end: the last round is the Final whatever the field's size. */
function roundTitle(round: number, totalRounds: number): string {
  const fromEnd = totalRounds - round;
  if (fromEnd === 0) return "Final";
  if (fromEnd === 1) return "Semifinal";
  return `Round ${round}`;
}

const matchStatusLabel: Record<BracketMatchStatus, string> = {
  pending: "Waiting",
  ready: "Ready",
  playing: "Live",
  bye: "Bye",
  walkover: "Walkover",
  finished: "Finished",
  forfeited: "Forfeit",
  void: "Void",
};

const matchStatusStyle: Record<BracketMatchStatus, string> = {
  pending: "text-slate-300",
  ready: "text-sky-300",
  playing: "text-emerald-300",
  bye: "text-slate-400",
  walkover: "text-slate-400",
  finished: "text-slate-400",
  forfeited: "text-amber-300",
  void: "text-rose-300",
};

function emptySlotName(status: BracketMatchStatus): string {
  if (status === "bye") return "bye";
  if (status === "void" || status === "walkover" || status === "forfeited") return "—";
  return "TBD";
}

function MatchPlayerLine({ match, name, score }: { match: TournamentMatchJson; name: string | null; score: number | null }) {
  const decided = match.winner !== null;
  const won = decided && sameName(name, match.winner);
  const tone = name === null ? "italic text-slate-400" : won ? "font-semibold text-emerald-300" : decided ? "text-slate-400" : "text-slate-100";
  return (
    <div className={`flex items-center justify-between gap-2 px-3 py-1.5 ${won ? "bg-emerald-500/10" : ""}`}>
      <span className={`min-w-0 truncate ${tone}`}>
        {name ?? emptySlotName(match.status)}
        {won && <span className="sr-only"> (winner)</span>}
      </span>
      <span className={`shrink-0 font-mono tabular-nums ${won ? "text-emerald-300" : "text-slate-400"}`}>{score ?? ""}</span>
    </div>
  );
}

function MatchCard({ match, viewer }: { match: TournamentMatchJson; viewer: TournamentViewer | null }) {
  const mine = sameName(match.player1, viewer?.name) || sameName(match.player2, viewer?.name);
  const live = (match.status === "ready" || match.status === "playing") && match.match_id !== null;
  return (
    <li
      data-testid="bracket-match"
      data-round={match.round}
      data-slot={match.slot}
      data-status={match.status}
      className={`overflow-hidden rounded-lg border bg-slate-900 text-sm shadow ${mine ? "border-emerald-500/60" : "border-slate-700"}`}
    >
      <div className="divide-y divide-slate-800">
        <MatchPlayerLine match={match} name={match.player1} score={match.score1} />
        <MatchPlayerLine match={match} name={match.player2} score={match.score2} />
      </div>
      <div className="flex min-h-11 items-center justify-between gap-2 border-t border-slate-800 bg-slate-950/40 pl-3 text-xs">
        <span className={`flex items-center gap-1.5 ${matchStatusStyle[match.status]}`} data-testid="bracket-match-status">
          {match.status === "playing" && <span aria-hidden className="h-2 w-2 animate-pulse rounded-full bg-emerald-400" />}
          {matchStatusLabel[match.status]}
          {match.forfeit_reason && match.forfeit_reason !== match.status && <span className="text-slate-400">({match.forfeit_reason.replaceAll("_", " ")})</span>}
        </span>
        {live && <MatchLink match={match} mine={mine} className="focus-visible:-outline-offset-2" />}
        {!live && match.has_replay && <MatchLink match={match} mine={mine} replay className="focus-visible:-outline-offset-2" />}
      </div>
    </li>
  );
}

/** A future round the JSON does not hold yet: empty cards keep the bracket's shape. */
function PlaceholderCard() {
  return (
    <li data-testid="bracket-match-placeholder" className="rounded-lg border border-dashed border-slate-700 text-sm text-slate-400">
      <div className="px-3 py-1.5 italic">TBD</div>
      <div className="border-t border-dashed border-slate-800 px-3 py-1.5 italic">TBD</div>
    </li>
  );
}

export function Bracket({ tournament, viewer }: { tournament: TournamentJson; viewer: TournamentViewer | null }) {
  const rounds = [...tournament.rounds].sort((a, b) => a.round - b.round);
  if (rounds.length === 0) {
    return (
      <p data-testid="bracket-empty" className="rounded-lg border border-dashed border-slate-700 p-6 text-center text-slate-400">
        {tournament.status === "open" ? "The bracket is drawn when the creator starts the tournament." : "There is no bracket for this tournament."}
      </p>
    );
  }
  // The server may only hold the rounds played so far: the field's size says how many there will be.
  const seeded = tournament.players.filter((player) => player.seed !== null).length || tournament.players.length;
  const totalRounds = Math.max(rounds.at(-1)?.round ?? 0, Math.ceil(Math.log2(Math.max(2, seeded))));
  const columns: { round: number; matches: TournamentMatchJson[] | null }[] = [];
  for (let round = 1; round <= totalRounds; round++) {
    columns.push({ round, matches: rounds.find((r) => r.round === round)?.matches ?? null });
  }

  return (
    // Focusable so keyboard users can scroll it sideways on narrow screens.
    <div data-testid="bracket" role="region" aria-label="Bracket" tabIndex={0} className="-mx-4 overflow-x-auto px-4 pb-2 focus-visible:outline-2 focus-visible:outline-emerald-400 sm:mx-0 sm:px-0">
      <ol className="flex min-w-max gap-4">
        {columns.map(({ round, matches }) => (
          <li key={round} className="flex w-56 shrink-0 flex-col" data-testid="bracket-round" data-round={round}>
            <h3 className={`mb-3 text-sm font-semibold ${round === tournament.current_round && tournament.status === "running" ? "text-emerald-300" : "text-slate-300"}`}>
              {roundTitle(round, totalRounds)}
            </h3>
            {/* justify-around spaces later rounds between the matches that feed them. */}
            <ul className="flex flex-1 flex-col justify-around gap-3">
              {matches
                ? [...matches].sort((a, b) => a.slot - b.slot).map((match) => <MatchCard key={`${match.round}-${match.slot}`} match={match} viewer={viewer} />)
                : Array.from({ length: 2 ** (totalRounds - round) }, (_, index) => <PlaceholderCard key={index} />)}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}
