import Link from "next/link";
import type { LeaderboardEntry } from "@/lib/app/repos/leaderboard";
import { formatRating } from "@/lib/domain/rating/stats";

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Ranked players in a table that fits a 390 px phone: compact cells, the name truncated first. */
export function LeaderboardTable({ entries, caption, viewer, testId }: { entries: LeaderboardEntry[]; caption: string; viewer: string | null; testId: string }) {
  return (
    <div className="overflow-hidden rounded-lg border border-slate-800 bg-slate-900">
      <table className="w-full table-fixed text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-800 text-left text-xs uppercase tracking-wider text-slate-400">
          <tr>
            <th scope="col" className="w-12 px-2 py-2 text-right sm:w-16 sm:px-3">
              Rank
            </th>
            <th scope="col" className="px-2 py-2 sm:px-3">
              Player
            </th>
            <th scope="col" className="w-16 px-2 py-2 text-right sm:w-20 sm:px-3">
              Rating
            </th>
            <th scope="col" className="w-14 px-2 py-2 text-right sm:w-20 sm:px-3">
              Games
            </th>
            <th scope="col" className="w-14 px-2 py-2 text-right sm:w-20 sm:px-3">
              <abbr title="Win rate" className="no-underline sm:hidden">
                Win
              </abbr>
              <span className="hidden sm:inline">Win rate</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-800">
          {entries.map((entry) => {
            const isViewer = entry.username === viewer;
            return (
              <tr key={entry.username} className={isViewer ? "bg-emerald-500/10" : undefined} aria-current={isViewer ? "true" : undefined}>
                <td className="px-2 py-1 text-right font-mono text-slate-300 sm:px-3">{entry.rank}</td>
                <td className="truncate px-2 py-1 sm:px-3">
                  <Link href={`/users/${entry.username}/`} className="inline-flex min-h-11 max-w-full items-center truncate font-medium text-white hover:text-emerald-300 focus-visible:outline-2 focus-visible:outline-emerald-400">
                    <span className="truncate">{entry.username}</span>
                  </Link>
                  {/* The row's tint marks the viewer to the eye; this, to a screen reader. */}
                  {isViewer && <span className="sr-only"> (you)</span>}
                </td>
                <td className="px-2 py-1 text-right font-mono text-white sm:px-3" title={`Deviation ${Math.round(entry.deviation)}`}>
                  {formatRating(entry.rating, false)}
                </td>
                <td className="px-2 py-1 text-right font-mono text-slate-300 sm:px-3">{entry.games}</td>
                <td className="px-2 py-1 text-right font-mono text-slate-300 sm:px-3">{percent(entry.winRate)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
