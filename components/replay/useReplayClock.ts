"use client";
// Follows a replay player's clock for the controls: the shown tick (every few frames while
// playing, so the page does not re-render 60 times a second), play or pause, and the score.
// Also the viewer's keys: space, ← / → by 5 s, `,` / `.` one frame.
import { useCallback, useEffect, useState } from "react";
import { SKIP_SECONDS, type ReplayPlayer } from "@/lib/client/replay-player";
import { TICK_RATE } from "@/lib/domain/game";
import type { PlayerSlot } from "@/lib/protocol/game";

/** While playing, the controls follow every 6th tick: 10 times a second at 1×. */
const FOLLOW_EVERY_TICKS = 6;

export interface ReplayClock {
  tick: number;
  playing: boolean;
  score: Record<PlayerSlot, number>;
}

function readClock(player: ReplayPlayer, now: number): ReplayClock {
  const playing = player.isPlaying(now);
  const exact = Math.floor(player.positionAt(now));
  const tick = playing ? exact - (exact % FOLLOW_EVERY_TICKS) : exact;
  const { paddles } = player.stateAt(now);
  return { tick, playing, score: { player1: paddles.player1.score, player2: paddles.player2.score } };
}

const same = (a: ReplayClock, b: ReplayClock) => a.tick === b.tick && a.playing === b.playing && a.score.player1 === b.score.player1 && a.score.player2 === b.score.player2;

/** The clock as the controls show it (read it only with a player), and `act` to change the player (it refreshes the clock at once). */
export function useReplayClock(player: ReplayPlayer | null) {
  const [clock, setClock] = useState<ReplayClock | null>(null);
  const refresh = useCallback(() => {
    if (!player) return;
    const next = readClock(player, performance.now());
    setClock((current) => (current && same(current, next) ? current : next));
  }, [player]);

  useEffect(() => {
    // Nothing to follow (a spectator not rewinding): no frame loop.
    if (!player) return;
    let handle = 0;
    const follow = () => {
      refresh();
      handle = requestAnimationFrame(follow);
    };
    follow();
    return () => cancelAnimationFrame(handle);
  }, [player, refresh]);

  const act = useCallback(
    (change: (player: ReplayPlayer, now: number) => void) => {
      if (!player) return;
      change(player, performance.now());
      refresh();
    },
    [player, refresh],
  );
  return { clock, act };
}

/** The viewer's keys, page-wide; fields that take the keys themselves (text, select) keep them. */
export function useReplayKeys(act: ReturnType<typeof useReplayClock>["act"], enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("select, textarea, [contenteditable], input:not([type=range])")) return;
      // Space on a button is that button's click.
      if (event.key === " " && target?.closest("button, a")) return;
      const skip = SKIP_SECONDS * TICK_RATE;
      const actions: Record<string, Parameters<typeof act>[0]> = {
        " ": (player, now) => player.toggle(now),
        ArrowLeft: (player, now) => player.seek(player.positionAt(now) - skip, now),
        ArrowRight: (player, now) => player.seek(player.positionAt(now) + skip, now),
        ",": (player, now) => player.stepFrames(-1, now),
        ".": (player, now) => player.stepFrames(1, now),
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      act(action);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [act, enabled]);
}
