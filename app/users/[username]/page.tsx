import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { Avatar } from "@/components/Avatar";
import { aiDisplayName, AI_LEVEL_NAMES } from "@/components/practice/ai-names";
import { PracticeChooser } from "@/components/practice/PracticeChooser";
import { LazyRatingChart } from "@/components/profile/LazyRatingChart";
import { buttonClass } from "@/components/ui/Button";
import { appContext } from "@/lib/app/context";
import type { MatchSummary, RatingSummary } from "@/lib/app/repos/users";
import { forfeitText, ratingDeltaText } from "@/lib/client/match-text";
import { AI_LEVELS } from "@/lib/domain/lists";
import { currentStreak, formatRating, headToHead, peakRating } from "@/lib/domain/rating/stats";
import { currentUser } from "@/lib/transport/http/auth";
import { textParam } from "@/lib/transport/http/params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ username: string }> };

/** The player the address names (in any case), shared by the metadata and the page within one request. */
const findPlayer = cache(async (rawUsername: string) => {
  const username = textParam(rawUsername);
  return { username, profile: username === null ? null : await appContext().users.findByUsername(username) };
});

// The browser gets the metadata streamed beside the page: a 404 must name itself here too.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { profile } = await findPlayer((await params).username);
  return { title: profile?.username ?? "Page not found" };
}

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });

/** A match without opponent (a tournament bye or walkover), worded as on the match page. */
const withoutOpponent = (match: MatchSummary) => forfeitText(match.forfeitReason, null) ?? "No opponent";
/** How a forfeited match ended, worded as on the match page: the loser is the player who did not win. */
const howItEnded = (match: MatchSummary, player: string) =>
  match.status === "forfeited" && match.opponent ? forfeitText(match.forfeitReason, match.won ? match.opponent : player) : null;

export default async function ProfilePage({ params }: Props) {
  const { username, profile } = await findPlayer((await params).username);
  if (!profile) notFound();
  // One address per player: other spellings lead to the canonical one.
  if (profile.username !== username) redirect(`/users/${profile.username}/`);

  const { users, tournaments } = appContext();
  const [viewer, record, matches, titles, rating, ratedGames, bestRatings] = await Promise.all([
    currentUser(),
    users.record(profile.id),
    users.recentMatches(profile.id),
    tournaments.wonBy(profile.id),
    users.rating(profile.id),
    users.ratedGames(profile.id),
    users.bestRatingsAfter(profile.id),
  ]);
  if (!rating) notFound();
  const isOwnProfile = viewer?.id === profile.id;
  // The AI's profiles: its record against humans, and the practice chooser instead of a duel.
  const aiLevel = AI_LEVELS.find((level) => level === profile.aiLevel);
  // The viewer's record against this player: their wins first.
  const versus = viewer && !isOwnProfile ? headToHead(await users.winnersBetween(viewer.id, profile.id), viewer.id) : null;
  const streak = currentStreak(ratedGames.map((game) => game.won));
  // Oldest first: the rating before the first game shown, then after each one.
  const history = ratedGames.length === 0 ? [] : [ratedGames.at(-1)!.ratingBefore, ...ratedGames.map((game) => game.ratingAfter).reverse()];

  return (
    <div className="space-y-8">
      <section className="flex flex-col gap-6 rounded-xl border border-slate-800 bg-slate-900 p-6 sm:flex-row sm:items-center">
        <Avatar username={profile.username} size="lg" />
        <div className="flex-1">
          <h1 className="text-3xl font-bold text-white" data-testid="profile-username">
            {aiLevel ? aiDisplayName(aiLevel) : profile.username}
          </h1>
          <p className="text-sm text-slate-400">{aiLevel ? `The computer, ${AI_LEVEL_NAMES[aiLevel].toLowerCase()} (${profile.username}): practice games only, never rated` : `Joined ${dateFormat.format(profile.createdAt)}`}</p>
          <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-3">
            {!aiLevel && <RatingFacts rating={rating} peak={peakRating(bestRatings)} streak={streak} />}
            <div>
              <dt className="text-xs uppercase tracking-wider text-slate-400">{aiLevel ? "Wins against humans" : "Wins"}</dt>
              <dd className="text-2xl font-bold text-emerald-400" data-testid="profile-wins">
                {record.wins}
              </dd>
            </div>
            <div>
              <dt className="text-xs uppercase tracking-wider text-slate-400">{aiLevel ? "Losses against humans" : "Losses"}</dt>
              <dd className="text-2xl font-bold text-rose-400" data-testid="profile-losses">
                {record.losses}
              </dd>
            </div>
          </dl>
          {versus && (
            <p className="mt-3 text-sm text-slate-300" data-testid="head-to-head">
              You against {profile.username}: {versus.wins} {versus.wins === 1 ? "win" : "wins"}, {versus.losses} {versus.losses === 1 ? "loss" : "losses"}
            </p>
          )}
        </div>
        {aiLevel ? null : isOwnProfile ? (
          <span className="self-start rounded-full bg-slate-800 px-3 py-1 text-sm text-slate-300 sm:self-center">This is you</span>
        ) : (
          <Link
            href={`/duel/${profile.id}/`}
            className={buttonClass({ className: "self-start sm:self-center" })}
          >
            Duel
          </Link>
        )}
      </section>

      {aiLevel && viewer && (
        <section aria-labelledby="practice-title">
          <h2 id="practice-title" className="mb-1 text-xl font-semibold text-white">
            Practice
          </h2>
          <p className="mb-3 text-sm text-slate-300">Choose a level to play the computer now. Practice games are never rated.</p>
          <PracticeChooser current={aiLevel} />
        </section>
      )}

      {history.length > 0 && (
        <section aria-labelledby="rating-history">
          <h2 id="rating-history" className="mb-3 text-xl font-semibold text-white">
            Rating history
          </h2>
          <figure className="rounded-lg border border-slate-800 bg-slate-900 p-3">
            {/* The chart is for the eye; the caption says the same in words. */}
            <div aria-hidden>
              <LazyRatingChart ratings={history} />
            </div>
            <figcaption className="mt-2 text-sm text-slate-300" data-testid="rating-history-summary">
              From {Math.round(history[0]!)} to {Math.round(history.at(-1)!)} over the last {history.length - 1} rated {history.length === 2 ? "game" : "games"}; lowest {Math.round(Math.min(...history))}, highest {Math.round(Math.max(...history))}.
            </figcaption>
          </figure>
        </section>
      )}

      {titles.length > 0 && (
        <section>
          <h2 className="mb-3 text-xl font-semibold text-white">Tournaments won</h2>
          <ul className="flex flex-wrap gap-2" data-testid="tournaments-won">
            {titles.map((title) => (
              <li key={title.id}>
                <Link href={`/tournaments/${title.id}/`} className="inline-flex min-h-11 items-center gap-2 rounded-full border border-amber-400/40 bg-amber-400/10 px-3 py-1 text-sm text-amber-200 hover:bg-amber-400/20">
                  <span aria-hidden>🏆</span>
                  {title.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section>
        <h2 className="mb-3 text-xl font-semibold text-white">Recent matches</h2>
        {matches.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-700 p-6 text-center text-slate-400" data-testid="no-matches">
            No matches played yet.
          </p>
        ) : (
          <ul className="divide-y divide-slate-800 rounded-lg border border-slate-800 bg-slate-900" data-testid="match-history">
            {matches.map((match) => {
              const ended = howItEnded(match, profile.username);
              return (
                <li key={match.id} className="flex items-center justify-between gap-4 px-4 py-3">
                  <span className={`w-12 shrink-0 text-sm font-bold ${match.won ? "text-emerald-400" : "text-rose-400"}`}>{match.won ? "Won" : "Lost"}</span>
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-white">
                      {match.opponent ? <>vs {match.opponent}</> : withoutOpponent(match)}
                      {match.tournamentId !== null && <span className="ml-2 text-xs text-slate-400">tournament</span>}
                      {match.practice && (
                        <span className="ml-2 text-xs text-slate-400" data-testid="match-practice">
                          Practice
                        </span>
                      )}
                    </span>
                    {/* On every screen: it is what explains a "Won 0–0". */}
                    {ended && (
                      <span className="block text-xs text-slate-400" data-testid="match-ended">
                        {ended}
                      </span>
                    )}
                    {match.hasReplay && (
                      <Link href={`/match/${match.id}/replay/`} className="inline-flex min-h-11 items-center text-xs font-medium text-emerald-300 underline-offset-2 hover:underline" data-testid="match-replay">
                        Watch replay<span className="sr-only"> of the match {match.opponent ? `against ${match.opponent}` : match.id}</span>
                      </Link>
                    )}
                  </span>
                  <span className="shrink-0 text-right">
                    <span className="block font-mono text-slate-200">
                      {match.ownScore}–{match.opponentScore}
                    </span>
                    {match.rating && (
                      <span className={`block font-mono text-xs ${ratingDeltaText(match.rating).startsWith("+") ? "text-emerald-400" : "text-rose-400"}`} data-testid="match-rating-change" title={`Rating ${Math.round(match.rating.before)} → ${Math.round(match.rating.after)}`}>
                        {ratingDeltaText(match.rating)}
                      </span>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

/** A human's rating, peak and streak (the AI has none: it is never rated). */
function RatingFacts({ rating, peak, streak }: { rating: RatingSummary; peak: number; streak: ReturnType<typeof currentStreak> }) {
  return (
    <>
      <div>
        <dt className="text-xs uppercase tracking-wider text-slate-400">Rating</dt>
        <dd className="text-2xl font-bold text-white" data-testid="profile-rating" title={`Deviation ${Math.round(rating.deviation)}${rating.provisional ? ": provisional" : ""}`}>
          {formatRating(rating.value, rating.provisional)}
          <span className="ml-1 text-xs font-normal text-slate-400">±{Math.round(rating.deviation)}</span>
        </dd>
      </div>
      <div>
        <dt className="text-xs uppercase tracking-wider text-slate-400">Peak</dt>
        <dd className="text-2xl font-bold text-white" data-testid="profile-peak">
          {Math.round(peak)}
        </dd>
      </div>
      <div>
        <dt className="text-xs uppercase tracking-wider text-slate-400">Streak</dt>
        <dd className="text-2xl font-bold text-white" data-testid="profile-streak">
          {streak ? `${streak.length} ${streak.kind === "win" ? (streak.length === 1 ? "win" : "wins") : streak.length === 1 ? "loss" : "losses"}` : "None"}
        </dd>
      </div>
    </>
  );
}
