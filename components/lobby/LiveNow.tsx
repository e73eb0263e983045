"use client";
// The lobby's "Live now" list: every running match, fed by the /chat socket's live_matches (sent
// on connect and on every change), with one click to watch.
import Link from "next/link";
import type { LiveMatchSummary } from "@/lib/protocol/chat";
import type { ConnectionStatus } from "@/lib/client/socket";
import { EyeIcon } from "@/components/icons";
import { buttonClass } from "@/components/ui/Button";

const BADGES: Record<LiveMatchSummary["status"], { text: string; style: string }> = {
  playing: { text: "live", style: "bg-rose-500/15 text-rose-300" },
  paused: { text: "paused", style: "bg-amber-500/15 text-amber-300" },
  countdown: { text: "starting", style: "bg-sky-500/15 text-sky-300" },
  waiting: { text: "starting", style: "bg-sky-500/15 text-sky-300" },
};

function StatusBadge({ status }: { status: LiveMatchSummary["status"] }) {
  const badge = BADGES[status];
  return (
    <span className={`flex shrink-0 items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold uppercase tracking-wide ${badge.style}`}>
      {status === "playing" && <span aria-hidden className="h-1.5 w-1.5 animate-pulse rounded-full bg-rose-400" />}
      {badge.text}
    </span>
  );
}

function LiveMatchRow({ match }: { match: LiveMatchSummary }) {
  const title = `${match.player1} vs ${match.player2}`;
  return (
    <li
      data-testid="live-match"
      data-match-id={match.match_id}
      className="flex items-center gap-3 rounded-lg border border-slate-800 bg-slate-900 p-3 hover:border-slate-700"
    >
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium text-white" title={title}>
          {match.player1} <span className="font-normal text-slate-400">vs</span> {match.player2}
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-400">
          <StatusBadge status={match.status} />
          {match.tournament_id !== null && (
            <span className="shrink-0 rounded-full border border-sky-500/40 px-2 py-0.5 font-medium text-sky-300">Tournament</span>
          )}
          <span className="flex shrink-0 items-center gap-1" title={`${match.spectators} watching`}>
            <EyeIcon />
            <span className="tabular-nums">{match.spectators}</span>
            <span className="sr-only">watching</span>
          </span>
        </div>
      </div>
      <p className="shrink-0 font-mono text-xl font-bold tabular-nums text-white sm:text-2xl">
        <span className="sr-only">Score: </span>
        {match.score1} – {match.score2}
      </p>
      <Link
        href={`/match/${match.match_id}/`}
        aria-label={`Watch ${title}`}
        className={buttonClass({ size: "sm", className: "shrink-0 sm:px-4" })}
      >
        Watch
      </Link>
    </li>
  );
}

export function LiveNow({ status, matches }: { status: ConnectionStatus; /** null until the first list arrived. */ matches: LiveMatchSummary[] | null }) {
  return (
    <div data-testid="live-now" className="flex flex-col gap-2">
      {matches === null ? (
        <p className="text-sm text-slate-400" role="status">
          {status === "disconnected" ? "Could not connect. Retrying…" : "Loading live matches…"}
        </p>
      ) : (
        <>
          {status === "disconnected" && <p className="text-xs text-amber-300">Disconnected: this list may be out of date.</p>}
          {matches.length === 0 ? (
            <p className="text-slate-400">No match is being played right now.</p>
          ) : (
            <ul aria-label="Live matches" className="space-y-2">
              {matches.map((match) => (
                <LiveMatchRow key={match.match_id} match={match} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
