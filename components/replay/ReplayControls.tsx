"use client";
// A replay's controls: play/pause, the time, the speed, and a seek bar with a mark at every point
// scored; below it, the points as buttons that jump to each one. Shared by the replay page and a
// spectator's rewind of a live match.
import type { ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { formatReplayTime, REPLAY_SPEEDS, type ReplayPlayer, type ReplaySpeed } from "@/lib/client/replay-player";
import type { PlayerSlot } from "@/lib/protocol/game";
import type { ReplayClock, useReplayClock } from "./useReplayClock";

interface ReplayControlsProps {
  player: ReplayPlayer;
  clock: ReplayClock;
  act: ReturnType<typeof useReplayClock>["act"];
  names: Record<PlayerSlot, string>;
  /** More buttons on the controls' row (Live, Copy link). */
  children?: ReactNode;
}

export function ReplayControls({ player, clock, act, names, children }: ReplayControlsProps) {
  const total = player.totalTicks;
  const { points } = player.timeline;
  const percent = (tick: number) => (total > 0 ? (tick / total) * 100 : 0);
  return (
    <div className="flex w-full min-w-0 flex-col gap-2" data-testid="replay-controls">
      <div className="relative flex h-11 items-center">
        {/* The marks are a picture of the points; the buttons below are the way to reach them. */}
        <div aria-hidden className="pointer-events-none absolute inset-x-2 top-1/2 h-3 -translate-y-1/2">
          {points.map((point) => (
            <span
              key={point.tick}
              data-testid="point-mark"
              className={`absolute top-0 h-3 w-1 -translate-x-1/2 rounded-sm ${point.scorer === "player1" ? "bg-emerald-400" : "bg-sky-400"}`}
              style={{ left: `${percent(point.tick)}%` }}
            />
          ))}
        </div>
        <input
          type="range"
          aria-label="Seek"
          data-testid="replay-seek"
          min={0}
          max={total}
          step={1}
          value={Math.min(clock.tick, total)}
          aria-valuetext={`${formatReplayTime(clock.tick)} of ${formatReplayTime(total)}`}
          onChange={(event) => act((replay, now) => replay.seek(Number(event.target.value), now))}
          className="relative h-11 w-full cursor-pointer accent-emerald-400"
        />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={() => act((replay, now) => replay.toggle(now))} aria-label={clock.playing ? "Pause" : "Play"} data-testid="replay-play">
          <span aria-hidden>{clock.playing ? "❚❚" : "▶"}</span>
          <span className="ml-1.5">{clock.playing ? "Pause" : "Play"}</span>
        </Button>
        <span className="font-mono text-sm tabular-nums text-slate-300" data-testid="replay-time">
          {formatReplayTime(clock.tick)} / {formatReplayTime(total)}
        </span>
        <label className="flex items-center gap-1.5 text-sm text-slate-300">
          Speed
          <select
            value={player.speed}
            onChange={(event) => act((replay, now) => replay.setSpeed(Number(event.target.value) as ReplaySpeed, now))}
            className="min-h-11 rounded-md border border-slate-600 bg-slate-900 px-2 text-white"
          >
            {REPLAY_SPEEDS.map((speed) => (
              <option key={speed} value={speed}>
                {speed}×
              </option>
            ))}
          </select>
        </label>
        {children}
      </div>
      {points.length > 0 && (
        // relative: the buttons' screen-reader text (absolutely placed) stays inside the scroller, not past the page's edge.
        <nav aria-label="Points scored" className="relative -mx-1 overflow-x-auto px-1 pb-1">
          <ol className="flex gap-2">
            {points.map((point, index) => (
              <li key={point.tick} className="shrink-0">
                <button
                  type="button"
                  data-testid="replay-point"
                  onClick={() => act((replay, now) => replay.seek(point.tick, now))}
                  className="min-h-11 rounded-md border border-slate-700 px-3 text-left text-xs text-slate-200 hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-emerald-400"
                >
                  <span className="sr-only">Point {index + 1}: </span>
                  <span className="font-semibold">{names[point.scorer]}</span>{" "}
                  <span className="tabular-nums">
                    {point.score.player1}–{point.score.player2}
                  </span>{" "}
                  <span className="tabular-nums text-slate-400">{formatReplayTime(point.tick)}</span>
                </button>
              </li>
            ))}
          </ol>
        </nav>
      )}
    </div>
  );
}
