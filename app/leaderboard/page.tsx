import type { Metadata } from "next";
import { LeaderboardTable } from "@/components/leaderboard/LeaderboardTable";
import { RefreshWhenSeen } from "@/components/leaderboard/RefreshWhenSeen";
import { appContext } from "@/lib/app/context";
import type { Standing } from "@/lib/app/repos/leaderboard";
import { PROVISIONAL_DEVIATION } from "@/lib/domain/rating/glicko2";
import { formatRating } from "@/lib/domain/rating/stats";
import { LEADERBOARD_MAX_LIMIT } from "@/lib/protocol/http";
import { currentUser } from "@/lib/transport/http/auth";

export const metadata: Metadata = { title: "Leaderboard" };
export const dynamic = "force-dynamic";

function AroundMe({ standing, viewer }: { standing: Standing; viewer: string }) {
  if (!standing.ranked) {
    const games = `${standing.games} rated game${standing.games === 1 ? "" : "s"}`;
    return (
      <p className="rounded-lg border border-slate-800 bg-slate-900 p-4 text-slate-300" data-testid="around-me-provisional">
        Your rating, {formatRating(standing.rating, true)}, is still provisional ({games} so far): it joins the leaderboard once it is sure enough, after a few
        more rated games.
      </p>
    );
  }
  return (
    <>
      <p className="mb-2 text-slate-300" data-testid="around-me-rank">
        You are number {standing.rank}.
      </p>
      <LeaderboardTable entries={standing.neighbours} caption="You and the players ranked next to you" viewer={viewer} testId="around-me" />
    </>
  );
}

export default async function LeaderboardPage() {
  const viewer = await currentUser();
  const { leaderboard } = appContext();
  const [top, standing] = await Promise.all([leaderboard.page({ limit: LEADERBOARD_MAX_LIMIT, offset: 0 }), viewer ? leaderboard.standing(viewer.id) : null]);
  return (
    <div className="space-y-8">
      <RefreshWhenSeen />
      <div>
        <h1 className="text-3xl font-bold text-white">Leaderboard</h1>
        <p className="mt-1 text-sm text-slate-400">
          Players with an established Glicko-2 rating (deviation {PROVISIONAL_DEVIATION} or less), best first. Hover a rating for its deviation.
        </p>
      </div>

      {viewer && standing && (
        <section aria-labelledby="around-me-heading">
          <h2 id="around-me-heading" className="mb-3 text-xl font-semibold text-white">
            Around me
          </h2>
          <AroundMe standing={standing} viewer={viewer.name} />
        </section>
      )}

      <section aria-labelledby="top-heading">
        <h2 id="top-heading" className="mb-3 text-xl font-semibold text-white">
          Top {LEADERBOARD_MAX_LIMIT}
          {top.total > 0 && <span className="ml-2 text-sm font-normal text-slate-400">of {top.total} ranked</span>}
        </h2>
        {top.players.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-700 p-6 text-center text-slate-400" data-testid="leaderboard-empty">
            No ranked players yet: a rating joins the leaderboard once it is no longer provisional, after a few rated games.
          </p>
        ) : (
          <LeaderboardTable entries={top.players} caption={`The top ${LEADERBOARD_MAX_LIMIT} players by rating`} viewer={viewer?.name ?? null} testId="leaderboard" />
        )}
      </section>
    </div>
  );
}
