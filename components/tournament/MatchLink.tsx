// "Play" (the viewer's own match) or "Watch": the way into a live tournament match; "Replay": the
// way to a finished one's replay. Named with its players for screen readers, as the same words
// appear beside many matches.
import Link from "next/link";
import type { TournamentMatchJson } from "@/lib/protocol/tournament";

export function MatchLink({ match, mine, replay = false, className = "" }: { match: TournamentMatchJson; mine: boolean; replay?: boolean; className?: string }) {
  return (
    <Link
      href={replay ? `/match/${match.match_id}/replay/` : `/match/${match.match_id}/`}
      className={`inline-flex min-h-11 items-center px-3 font-semibold focus-visible:outline-2 focus-visible:outline-emerald-400 ${
        mine && !replay ? "bg-emerald-500 text-slate-950 hover:bg-emerald-400" : "text-emerald-300 hover:bg-slate-800"
      } ${className}`}
    >
      {replay ? "Replay" : mine ? "Play" : "Watch"}
      <span className="sr-only">
        {" "}
        {match.player1} vs {match.player2}
      </span>
    </Link>
  );
}
