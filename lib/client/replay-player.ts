// The replay viewer's clock: where in a recorded match the viewer is (in ticks, fractional while
// playing), at what speed, playing or paused, and the frame to draw at any moment. Frames come
// from the timeline (lib/domain/replay): the state at a tick is a few steps from a keyframe, and
// playing on is one step a tick. Pure: no DOM, no clock; callers pass times (performance.now()).
import { TICK_RATE } from "../domain/game/constants";
import { FIELD } from "../domain/game/lifecycle";
import type { PlayerSlot, SimState } from "../domain/game/types";
import { nextFrame, stateAt, type Timeline } from "../domain/replay";
import type { GameData } from "../protocol/game";
import type { Sample } from "./interpolation";

export const REPLAY_SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];
/** ← and → move this far. */
export const SKIP_SECONDS = 5;
/** Playing on from the shown frame is cheaper than a seek up to this many steps ahead. */
const STEP_AHEAD_LIMIT = 180;

export interface ReplayMeta {
  matchId: number;
  names: Record<PlayerSlot, string>;
}

export class ReplayPlayer {
  private position = 0;
  private playingSince: { time: number; position: number } | null = null;
  private speedValue: ReplaySpeed = 1;
  /** The state at `shown.tick`, kept to step on from it. */
  private shown: SimState;

  constructor(
    readonly timeline: Timeline,
    private readonly meta: ReplayMeta,
  ) {
    this.shown = stateAt(timeline, 0);
  }

  get totalTicks(): number {
    return this.timeline.totalTicks;
  }

  get speed(): ReplaySpeed {
    return this.speedValue;
  }

  /** Whether the replay is playing at `time` (it stops by itself at the end). */
  isPlaying(time: number): boolean {
    this.positionAt(time);
    return this.playingSince !== null;
  }

  /** Where the viewer is at `time`, in ticks (fractional while playing). */
  positionAt(time: number): number {
    if (!this.playingSince) return this.position;
    const elapsed = Math.max(0, time - this.playingSince.time);
    const position = this.playingSince.position + (elapsed / 1000) * TICK_RATE * this.speedValue;
    if (position < this.totalTicks) return position;
    // The end: it stays there, paused.
    this.position = this.totalTicks;
    this.playingSince = null;
    return this.position;
  }

  play(time: number): void {
    if (this.playingSince) return;
    // Play at the end starts over, as video players do.
    if (this.position >= this.totalTicks) this.position = 0;
    this.playingSince = { time, position: this.position };
  }

  pause(time: number): void {
    this.position = this.positionAt(time);
    this.playingSince = null;
  }

  toggle(time: number): void {
    if (this.isPlaying(time)) this.pause(time);
    else this.play(time);
  }

  setSpeed(speed: ReplaySpeed, time: number): void {
    const playing = this.isPlaying(time);
    this.pause(time);
    this.speedValue = speed;
    if (playing) this.play(time);
  }

  /** Jumps to `tick` (clamped to the replay), keeping play or pause. */
  seek(tick: number, time: number): void {
    const playing = this.isPlaying(time);
    this.position = Math.min(Math.max(Number.isFinite(tick) ? tick : 0, 0), this.totalTicks);
    this.playingSince = playing && this.position < this.totalTicks ? { time, position: this.position } : null;
  }

  /** Moves by `frames` whole ticks from the current frame, and pauses there (`,` and `.`). */
  stepFrames(frames: number, time: number): void {
    const from = Math.floor(this.positionAt(time));
    this.pause(time);
    this.seek(from + frames, time);
  }

  /** The simulation state of the frame shown at `time` (whole ticks). */
  stateAt(time: number): SimState {
    const tick = Math.floor(this.positionAt(time));
    if (tick !== this.shown.tick) {
      const ahead = tick - this.shown.tick;
      if (ahead > 0 && ahead <= STEP_AHEAD_LIMIT) for (let n = 0; n < ahead && this.shown.tick < tick; n++) this.shown = nextFrame(this.timeline, this.shown);
      else this.shown = stateAt(this.timeline, tick);
    }
    return this.shown;
  }

  /** What the canvas draws at `time`: the frame, blended toward the next one while playing between ticks. */
  sample(time: number): Sample {
    const position = this.positionAt(time);
    const state = this.stateAt(time);
    const fraction = position - state.tick;
    const next = fraction > 0 && state.tick < this.totalTicks ? nextFrame(this.timeline, state) : null;
    // A point puts the ball back at the centre: no blending across it.
    const blend = next && next.phase === state.phase && next.paddles.player1.score === state.paddles.player1.score && next.paddles.player2.score === state.paddles.player2.score ? next : null;
    const lerp = (a: number, b: number) => (blend ? a + (b - a) * fraction : a);
    return {
      state: this.gameData(state),
      ball: { x: lerp(state.ball.x, blend?.ball.x ?? 0), y: lerp(state.ball.y, blend?.ball.y ?? 0) },
      paddles: { player1: lerp(state.paddles.player1.x, blend?.paddles.player1.x ?? 0), player2: lerp(state.paddles.player2.x, blend?.paddles.player2.x ?? 0) },
      extrapolated: false,
    };
  }

  /** A replayed state as the protocol's GameData, for what the match view's parts expect. */
  private gameData(state: SimState): GameData {
    const ended = state.tick >= this.totalTicks;
    const player = (slot: PlayerSlot) => ({
      username: this.meta.names[slot],
      position: state.paddles[slot].x,
      direction: state.paddles[slot].direction,
      score: state.paddles[slot].score,
      registered: true,
      ready: true,
      connected: true,
    });
    return {
      match_id: this.meta.matchId,
      tournament_id: null,
      status: ended && state.phase === "over" ? "finished" : "playing",
      seq: state.tick,
      tick: state.tick,
      countdown: null,
      register_deadline_ms: null,
      serving: state.phase === "serving",
      paused: null,
      spectators: 0,
      player1: player("player1"),
      player2: player("player2"),
      ball: { ...state.ball },
      field: FIELD,
      points_to_win: state.pointsToWin,
      winner: state.winner && this.meta.names[state.winner],
      forfeit_reason: null,
    };
  }
}

/** "m:ss" for a number of ticks of play. */
export function formatReplayTime(ticks: number): string {
  const seconds = Math.floor(Math.max(0, ticks) / TICK_RATE);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** The `?t=` of a shared link (seconds of play, decimals allowed) as a tick; null when absent or not a number. */
export function tickFromParam(value: string | null): number | null {
  if (value === null || value.trim() === "") return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * TICK_RATE) : null;
}
