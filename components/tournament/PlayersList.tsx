// The tournament's players in seed order, with the viewer, the creator and who is out marked.
import Link from "next/link";
import { Avatar } from "@/components/Avatar";
import { sameName } from "@/lib/client/names";
import type { TournamentJson } from "@/lib/protocol/tournament";
import type { TournamentViewer } from "./viewer";

export function PlayersList({ tournament, viewer }: { tournament: TournamentJson; viewer: TournamentViewer | null }) {
  // Once seeded, the seed order is the bracket's order; before that, the join order.
  const players = [...tournament.players].sort((a, b) => (a.seed ?? Number.MAX_SAFE_INTEGER) - (b.seed ?? Number.MAX_SAFE_INTEGER));
  return (
    <section aria-labelledby="players-title" data-testid="tournament-players" className="rounded-xl border border-slate-800 bg-slate-900/60 p-4 sm:p-5">
      <h2 id="players-title" className="mb-3 text-sm font-semibold uppercase tracking-wider text-slate-300">
        Players{" "}
        <span className="font-normal normal-case tracking-normal text-slate-300">
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
              className="flex items-center gap-3 rounded-md px-2"
            >
              {player.seed !== null && <span className="w-7 shrink-0 text-right font-mono text-xs text-slate-300">#{player.seed}</span>}
              <Avatar username={player.username} size="sm" />
              {/* The name wraps and the badges go to the next line: a name is never cut. */}
              <div className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2">
                <Link
                  href={`/users/${player.username}/`}
                  className={`inline-flex min-h-11 min-w-0 items-center font-medium wrap-anywhere hover:underline ${player.eliminated ? "text-slate-300 line-through" : "text-white"}`}
                >
                  {player.username}
                </Link>
                <span className="flex flex-wrap gap-1 pb-1 text-xs empty:hidden">
                  {sameName(player.username, viewer?.name) && <span className="rounded bg-emerald-500/15 px-1.5 py-0.5 text-emerald-300">you</span>}
                  {sameName(player.username, tournament.creator) && <span className="rounded bg-slate-800 px-1.5 py-0.5 text-slate-200">creator</span>}
                  {player.eliminated && <span className="rounded bg-slate-800 px-1.5 py-0.5 text-slate-300">eliminated</span>}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
