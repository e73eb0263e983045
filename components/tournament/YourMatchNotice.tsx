// The viewer's match of the current round, while it waits for its players: who against, the
// time left to enter it (the server's deadline, so a reload shows the same; read with this
// browser's clock, which only moves the number: the notice goes when the match leaves "ready")
// and the way in.
import Link from "next/link";
import { buttonClass } from "@/components/ui/Button";
import { sameName } from "@/lib/client/names";
import type { TournamentJson } from "@/lib/protocol/tournament";
import { JoinCountdown } from "./JoinCountdown";
import type { TournamentViewer } from "./viewer";

export function YourMatchNotice({ tournament, viewer }: { tournament: TournamentJson; viewer: TournamentViewer | null }) {
  if (!viewer || tournament.status !== "running") return null;
  const isMe = (name: string | null) => sameName(name, viewer.name);
  const match = tournament.rounds
    .find((round) => round.round === tournament.current_round)
    ?.matches.find((candidate) => candidate.status === "ready" && (isMe(candidate.player1) || isMe(candidate.player2)));
  if (!match?.match_id || !match.join_deadline) return null;
  const opponent = isMe(match.player1) ? match.player2 : match.player1;

  return (
    <div data-testid="your-match" className="flex flex-col gap-3 rounded-lg border border-emerald-500/50 bg-emerald-500/10 p-4 sm:flex-row sm:items-center">
      <p className="flex-1 text-slate-100 wrap-anywhere">
        Your match against <span className="font-semibold text-white">{opponent}</span> is ready. <JoinCountdown deadline={Date.parse(match.join_deadline)} />
      </p>
      <Link href={`/match/${match.match_id}/`} className={buttonClass()}>
        Play now
      </Link>
    </div>
  );
}
