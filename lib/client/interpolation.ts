// Snapshot interpolation for the match view. The server publishes game_state at 30 Hz while
// playing; drawing only the newest state would make the ball stutter at 30 Hz on a 60–144 Hz
// display. Instead the renderer looks slightly into the past (INTERPOLATION_DELAY_MS) where it
// almost always has a state on each side of the time it draws, and blends between them.
// Pure: no DOM, no clock. Callers pass arrival times (e.g. performance.now()).
import type { GameData, PlayerSlot } from "../protocol/game";

/** Two broadcast intervals at 30 Hz: one late packet still leaves a state to blend toward. */
export const INTERPOLATION_DELAY_MS = 66;
/** When states stop coming, the ball keeps moving this long at most, then freezes. */
export const MAX_EXTRAPOLATION_MS = 100;
const DEFAULT_CAPACITY = 32;

export interface BufferedState {
  state: GameData;
  /** Local arrival time in ms. */
  receivedAt: number;
}

export interface Sample {
  /** The state nearest the sampled time, for everything that is not blended (status, field size, scores). */
  state: GameData;
  ball: { x: number; y: number };
  /** Paddle centres along x, server coordinates. */
  paddles: Record<PlayerSlot, number>;
  /** True when the time was past the newest state and the ball was projected forward. */
  extrapolated: boolean;
}

export interface StateBufferOptions {
  capacity?: number;
  maxExtrapolationMs?: number;
}

export class StateBuffer {
  private states: BufferedState[] = [];
  private readonly capacity: number;
  private readonly maxExtrapolationMs: number;

  constructor({ capacity = DEFAULT_CAPACITY, maxExtrapolationMs = MAX_EXTRAPOLATION_MS }: StateBufferOptions = {}) {
    this.capacity = Math.max(2, capacity);
    this.maxExtrapolationMs = Math.max(0, maxExtrapolationMs);
  }

  /**
   * Adds a state; false when it was dropped because it is not newer than the newest one (a late
   * broadcast, or the join acknowledgement racing the first broadcast). A state of another match
   * starts the buffer over.
   */
  push(state: GameData, receivedAt: number): boolean {
    const last = this.states.at(-1);
    if (last && last.state.match_id !== state.match_id) this.states = [];
    else if (last && state.seq <= last.state.seq) return false;
    // Arrival times must not run backwards, or the search below breaks.
    const previous = this.states.at(-1);
    const time = previous ? Math.max(receivedAt, previous.receivedAt) : receivedAt;
    this.states.push({ state, receivedAt: time });
    if (this.states.length > this.capacity) this.states.splice(0, this.states.length - this.capacity);
    return true;
  }

  latest(): GameData | null {
    return this.states.at(-1)?.state ?? null;
  }

  get size(): number {
    return this.states.length;
  }

  /** Forgets everything, e.g. after re-joining, when the server's seq may have started over. */
  clear(): void {
    this.states = [];
  }

  /** What the match looked like at `time` (same clock as the arrival times), or null when empty. */
  sampleAt(time: number): Sample | null {
    const first = this.states[0];
    const last = this.states.at(-1);
    if (!first || !last) return null;
    if (time >= last.receivedAt) return this.extrapolate(last, time - last.receivedAt);
    if (time <= first.receivedAt) return exact(first.state);

    // Newest first: the render time is almost always near the end of the buffer.
    let index = this.states.length - 2;
    while (index > 0 && this.states[index]!.receivedAt > time) index--;
    const from = this.states[index]!;
    const to = this.states[index + 1]!;
    const span = to.receivedAt - from.receivedAt;
    const t = span > 0 ? (time - from.receivedAt) / span : 1;
    // After a point the ball is put back at the centre: blending would slide it across the field.
    const ball = isDiscontinuous(from.state, to.state)
      ? { x: to.state.ball.x, y: to.state.ball.y }
      : { x: lerp(from.state.ball.x, to.state.ball.x, t), y: lerp(from.state.ball.y, to.state.ball.y, t) };
    return {
      state: t < 0.5 ? from.state : to.state,
      ball,
      paddles: {
        player1: lerp(from.state.player1.position, to.state.player1.position, t),
        player2: lerp(from.state.player2.position, to.state.player2.position, t),
      },
      extrapolated: false,
    };
  }

  private extrapolate(last: BufferedState, elapsedMs: number): Sample {
    const { state } = last;
    const sample = exact(state);
    if (state.status !== "playing" || state.serving || elapsedMs <= 0) return sample;
    const seconds = Math.min(elapsedMs, this.maxExtrapolationMs) / 1000;
    const { width, height, ball_radius: radius } = state.field;
    sample.ball = {
      x: clamp(state.ball.x + state.ball.vx * seconds, radius, width - radius),
      y: clamp(state.ball.y + state.ball.vy * seconds, 0, height),
    };
    sample.extrapolated = true;
    return sample;
  }
}

/** A point was scored, a serve was reset or the match changed phase between the two states. */
export function isDiscontinuous(a: GameData, b: GameData): boolean {
  return a.serving !== b.serving || a.status !== b.status || a.player1.score !== b.player1.score || a.player2.score !== b.player2.score;
}

function exact(state: GameData): Sample {
  return {
    state,
    ball: { x: state.ball.x, y: state.ball.y },
    paddles: { player1: state.player1.position, player2: state.player2.position },
    extrapolated: false,
  };
}

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
