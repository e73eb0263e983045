"use client";
// The end of a match over the field: who won, the score, how it ended, Rematch and the way back.
// Tighter in play mode, so that with both rating changes it still fits a phone held sideways.
import Link from "next/link";
import { useSendChallenge } from "@/components/realtime/useSendChallenge";
import { Button, buttonClass } from "@/components/ui/Button";
import type { SendStatus } from "@/lib/client/challenge-machine";
import type { RatingChanges } from "@/lib/client/hooks/useRatingChange";
import { forfeitText, ratingChangeText, type Names, type StoredResult } from "@/lib/client/match-text";
import { sameName } from "@/lib/client/names";
import { otherSlot, PLAYER_SLOTS, type AiLevel } from "@/lib/domain/lists";
import { usePracticeStart } from "@/components/practice/usePracticeStart";
import type { PlayerSlot } from "@/lib/protocol/game";

/** One rematch offer at a time; a declined or accepted one is final, an unanswered one may be sent again. */
function rematchView(status: SendStatus): { canSend: boolean; text: string | null } {
  if (status.kind === "none") return { canSend: true, text: null };
  if (status.kind === "waiting") return { canSend: false, text: `Rematch offered to ${status.target}…` };
  const { target, reason } = status.end;
  if (reason === "declined") return { canSend: false, text: `${target} declined the rematch.` };
  if (reason === "accepted") return { canSend: false, text: null };
  // Cancelled by us, or accepted but never started (a toast says so): it may be offered again.
  if (reason === "cancelled" || reason === "not_started") return { canSend: true, text: null };
  return { canSend: true, text: `${target} did not answer the rematch.` };
}

export function ResultPanel({
  outcome,
  names,
  viewerName,
  slot,
  hasOpponent,
  ratings,
  practiceLevel,
  replayHref,
}: {
  outcome: StoredResult;
  names: Names;
  viewerName: string;
  slot: PlayerSlot | null;
  hasOpponent: boolean;
  /** Each player's rating change, once the stored result has it (null: not yet, or not rated). */
  ratings: RatingChanges;
  /** A practice match: the AI's level, for "Play again" (the AI takes no rematch challenge). */
  practiceLevel: AiLevel | null;
  /** Where the match's replay is; null when it was never played. */
  replayHref: string | null;
}) {
  const practice = usePracticeStart();
  const rematch = useSendChallenge();
  const rematchState = rematchView(rematch.status);
  const winnerSlot = PLAYER_SLOTS.find((of) => sameName(outcome.winner, names[of])) ?? null;
  // No winner (neither player showed up): nobody lost either.
  const headline = !outcome.winner ? (outcome.status === "forfeited" ? "No winner" : "Match over") : slot ? (sameName(outcome.winner, viewerName) ? "You won" : "You lost") : `${outcome.winner} won`;
  const tone = slot && outcome.winner ? (headline === "You won" ? "text-emerald-300" : "text-rose-300") : "text-white";
  const reason = outcome.status === "forfeited" ? forfeitText(outcome.forfeitReason, winnerSlot ? names[otherSlot(winnerSlot)] : null) : null;
  const opponent = slot ? names[otherSlot(slot)] : null;

  return (
    <div className="absolute inset-0 flex items-center justify-center overflow-y-auto rounded-lg bg-slate-950/85 p-3 backdrop-blur-sm">
      <section data-testid="match-result" aria-labelledby="match-result-title" className="w-full max-w-sm rounded-xl border border-slate-700 bg-slate-900 p-5 text-center shadow-2xl play-mode:p-3">
        <h2 id="match-result-title" className={`text-2xl font-extrabold sm:text-3xl ${tone}`}>
          {headline}
        </h2>
        <dl className="mt-4 grid grid-cols-2 gap-2 play-mode:mt-2">
          {PLAYER_SLOTS.map((of) => (
            <div key={of} className={`min-w-0 rounded-lg px-2 py-2 ${of === winnerSlot ? "bg-emerald-500/10" : "bg-slate-800/60"}`}>
              <dt className="truncate text-xs text-slate-400">{names[of]}</dt>
              <dd className="font-mono text-3xl font-bold tabular-nums text-white play-mode:text-2xl">{outcome.scores[of]}</dd>
              {ratings && (
                <dd data-testid={`rating-change-${of}`} className="mt-1 text-xs tabular-nums text-slate-300">
                  <span className="sr-only">Rating </span>
                  {ratingChangeText(ratings[of])}
                </dd>
              )}
            </div>
          ))}
        </dl>
        {reason && <p className="mt-3 text-sm text-amber-300">{reason}</p>}
        <div className="mt-5 flex flex-col gap-2 play-mode:mt-3">
          {slot && practiceLevel !== null && (
            <Button onClick={() => void practice.start(practiceLevel)} disabled={practice.starting !== null}>
              {practice.starting ? "Starting…" : "Play again"}
            </Button>
          )}
          {slot && hasOpponent && practiceLevel === null && (
            <Button onClick={() => void (opponent && rematch.send(opponent))} disabled={rematch.sending !== null || !rematchState.canSend}>
              {rematch.sending ? "Sending…" : "Rematch"}
            </Button>
          )}
          {/* Side by side: the panel must still fit a phone held sideways. */}
          <div className={replayHref ? "grid grid-cols-2 gap-2" : "flex flex-col"}>
            {replayHref && (
              <Link href={replayHref} className={buttonClass({ variant: "secondary", className: "px-2" })} data-testid="watch-replay">
                Watch replay
              </Link>
            )}
            <Link href="/" className={buttonClass({ variant: "secondary", className: replayHref ? "px-2" : "" })}>
              Back to lobby
            </Link>
          </div>
        </div>
        <p role="status" data-testid="rematch-status" className="mt-3 min-h-5 text-sm text-slate-200 play-mode:mt-1">
          {rematchState.text}
        </p>
        {practice.error && (
          <p role="alert" className="mt-3 text-sm text-rose-300">
            {practice.error}
          </p>
        )}
        {rematch.error && (
          <p role="alert" className="mt-3 text-sm text-rose-300">
            {rematch.error}
          </p>
        )}
      </section>
    </div>
  );
}
