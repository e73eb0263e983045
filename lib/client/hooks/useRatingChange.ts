"use client";
// Both players' rating change once a match is over: live from the match room's match_rated (sent
// when the result is written, a moment after the last state), and once from the stored match
// (GET /game/matches/<id>/) for a page opened after that moment.
import { useEffect, useState } from "react";
import { getJson, isObject } from "@/lib/client/api";
import type { RatingChange } from "@/lib/client/match-text";
import type { GameSocket } from "@/lib/client/socket";
import type { MatchRated, PlayerSlot } from "@/lib/protocol/game";

export type RatingChanges = Record<PlayerSlot, RatingChange> | null;

interface StoredPlayer {
  rating_before: number | null;
  rating_after: number | null;
}
interface StoredMatch {
  player1: StoredPlayer;
  player2: StoredPlayer | null;
}

const change = (player: StoredPlayer | null): RatingChange | null =>
  player && player.rating_before !== null && player.rating_after !== null ? { before: player.rating_before, after: player.rating_after } : null;

/** Null while unknown, and for a match that moved no rating. */
export function useRatingChange(matchId: number, over: boolean, socket: GameSocket | null): RatingChanges {
  const [changes, setChanges] = useState<RatingChanges>(null);

  useEffect(() => {
    if (!socket) return;
    const rated = (message: MatchRated) => {
      if (message.match_id === matchId) setChanges({ player1: message.player1, player2: message.player2 });
    };
    socket.on("match_rated", rated);
    return () => {
      socket.off("match_rated", rated);
    };
  }, [socket, matchId]);

  useEffect(() => {
    if (!over) return;
    let cancelled = false;
    void getJson(`/game/matches/${matchId}/`, (data): data is StoredMatch => isObject(data) && "player1" in data).then((answer) => {
      if (cancelled || !answer.ok) return;
      const [player1, player2] = [change(answer.data.player1), change(answer.data.player2)];
      if (player1 && player2) setChanges({ player1, player2 });
    });
    return () => {
      cancelled = true;
    };
  }, [matchId, over]);

  return changes;
}
