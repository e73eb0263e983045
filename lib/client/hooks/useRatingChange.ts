"use client";
// Both players' rating change once a match is over, from the stored match (GET /game/matches/<id>/):
// the result is written, with the ratings, a moment after the last live state arrives.
import { useEffect, useState } from "react";
import { getJson, isObject } from "@/lib/client/api";
import type { RatingChange } from "@/lib/client/match-text";
import type { PlayerSlot } from "@/lib/protocol/game";

export type RatingChanges = Record<PlayerSlot, RatingChange> | null;

interface StoredPlayer {
  rating_before: number | null;
  rating_after: number | null;
}
interface StoredMatch {
  status: string;
  player1: StoredPlayer;
  player2: StoredPlayer | null;
}

/** How many times, and how far apart, to ask before the stored result shows up. */
const ATTEMPTS = 10;
const RETRY_MS = 500;

const change = (player: StoredPlayer | null): RatingChange | null =>
  player && player.rating_before !== null && player.rating_after !== null ? { before: player.rating_before, after: player.rating_after } : null;

/** Null while unknown, and for a match that moved no rating. */
export function useRatingChange(matchId: number, over: boolean): RatingChanges {
  const [changes, setChanges] = useState<RatingChanges>(null);
  useEffect(() => {
    if (!over) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async (attempt: number) => {
      const answer = await getJson(`/game/matches/${matchId}/`, (data): data is StoredMatch => isObject(data) && "status" in data && "player1" in data);
      if (cancelled) return;
      const stored = answer.ok ? answer.data : null;
      const written = stored !== null && (stored.status === "finished" || stored.status === "forfeited");
      if (written) {
        const [player1, player2] = [change(stored.player1), change(stored.player2)];
        if (player1 && player2) setChanges({ player1, player2 });
        return;
      }
      if (attempt < ATTEMPTS) timer = setTimeout(() => void ask(attempt + 1), RETRY_MS);
    };
    void ask(1);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [matchId, over]);
  return changes;
}
