"use client";
// A spectator's rewind of a live match: the recording so far (GET /game/matches/<id>/replay/,
// up to the latest snapshot, about a second old) loaded into a replay player that starts a few
// seconds back; `live()` returns to the match as it is.
import { useCallback, useState } from "react";
import { loadReplay } from "@/lib/client/replay-load";
import { ReplayPlayer } from "@/lib/client/replay-player";
import { TICK_RATE } from "@/lib/domain/game";
import type { PlayerSlot } from "@/lib/protocol/game";
import { useReplayClock, useReplayKeys } from "./useReplayClock";

/** Rewind starts this far back from the live end: about the last point or two. */
const REWIND_SECONDS = 10;

export function useRewind(matchId: number, names: Record<PlayerSlot, string>) {
  const [player, setPlayer] = useState<ReplayPlayer | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { clock, act } = useReplayClock(player);
  useReplayKeys(act, player !== null);

  const rewind = useCallback(async () => {
    setLoading(true);
    setError(null);
    const loaded = await loadReplay(matchId);
    setLoading(false);
    if (!loaded.ok) return setError(loaded.message);
    const replay = new ReplayPlayer(loaded.timeline, { matchId, names });
    const now = performance.now();
    replay.seek(replay.totalTicks - REWIND_SECONDS * TICK_RATE, now);
    replay.play(now);
    setPlayer(replay);
  }, [matchId, names]);

  const live = useCallback(() => setPlayer(null), []);
  return { player, clock, act, rewind, live, loading, error };
}
