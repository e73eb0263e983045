// What the main thread (link.ts) and the simulation thread (thread.ts) send each other.
import type { CommandResult, HandoverSnapshot, LoopEvent, LoopMatchState, MatchCommand } from "./match-loop";
import type { GameData } from "../../protocol/game";

/** Main thread → simulation thread; `id` asks for a reply. */
export type ToLoop =
  | { op: "add"; match: LoopMatchState }
  | { op: "remove"; matchId: number }
  /** `at`: when the command reached the main thread (epoch ms): the time it takes effect. */
  | { op: "command"; matchId: number; command: MatchCommand; at: number; id?: number }
  | { op: "state"; matchId: number; id: number }
  | { op: "stats"; id: number }
  /** The tick lateness samples (ms) since the previous drain, for the metrics' histogram. */
  | { op: "drainLateness"; id: number }
  /** The snapshots of the matches still in play (to write them again after the store lost them). */
  | { op: "snapshots"; id: number }
  /** Stop ticking and answer with the snapshots of the matches still in play. */
  | { op: "handover"; id: number };

export interface LoopStats {
  ticks: number;
  skippedTicks: number;
  /** Loop ticks per minute since the loop last started (60 Hz: 3,600). */
  ticksPerMinute: number;
  /** How late ticks ran behind their schedule, in ms, over the last minute of ticks. */
  lateness: { p50: number; p99: number; max: number; samples: number };
}

export type LoopReply = CommandResult | GameData | null | LoopStats | HandoverSnapshot[] | number[];

/** Simulation thread → main thread: one message per tick, and one per batch that changed something. */
export interface FromLoop {
  events: LoopEvent[];
  replies: { id: number; value: LoopReply }[];
  /** When the message left, on the clock shared by both threads (performance.timeOrigin + now). */
  sentAt: number;
}

/** What link.ts passes as workerData. */
export interface LoopThreadData {
  /** Bumped (and notified) by the main thread after every message it posts. */
  wake: Int32Array;
}
