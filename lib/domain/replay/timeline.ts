// Re-simulates a recorded match with the game's own code, for the replay viewer: keyframes every
// few seconds make any moment a short re-simulation away, and the points scored become markers.
// A replay starts like its match (createSimulation with the match's seed: paddles centred); the
// inputs recorded at tick t are applied, in order, before the step from t to t + 1.
import { TICK_RATE, TICK_SECONDS } from "../game/constants";
import { createSimulation, step } from "../game/simulation";
import type { PlayerSlot, SimState } from "../game/types";
import type { Replay, ReplayInput } from "./format";

/** 3 s at 60 Hz: reaching any tick takes at most this many steps from a keyframe. */
export const KEYFRAME_EVERY_TICKS = 3 * TICK_RATE;

export interface PointMarker {
  /** The tick the point was scored at: the state at this tick shows the new score. */
  tick: number;
  scorer: PlayerSlot;
  score: Record<PlayerSlot, number>;
}

export interface Timeline {
  replay: Replay;
  keyframeEvery: number;
  /** keyframes[k]: the state at tick k × keyframeEvery before that tick's inputs... */
  keyframes: SimState[];
  /** ...and the index in replay.inputs of that tick's first input. */
  keyframeInputs: number[];
  points: PointMarker[];
  /** Ticks from the start to the end (the last tick a viewer can show). */
  totalTicks: number;
  /** The state at the end: totalTicks steps, every input applied. */
  final: SimState;
  /** Whether re-simulating reached the recorded end (tick and score); false means the replay drifted. */
  reachedRecordedEnd: boolean;
}

/** Plays the whole replay once (a 10-minute match takes tens of milliseconds). */
export function resimulate(replay: Replay, keyframeEvery = KEYFRAME_EVERY_TICKS): Timeline {
  const { inputs } = replay;
  const keyframes: SimState[] = [];
  const keyframeInputs: number[] = [];
  const points: PointMarker[] = [];
  let state = createSimulation({ pointsToWin: replay.pointsToWin, seed: replay.seed });
  let next = 0;
  for (;;) {
    if (state.tick % keyframeEvery === 0) {
      keyframes.push(state);
      keyframeInputs.push(next);
    }
    ({ state, next } = applyInputs(state, inputs, next));
    // A finished game takes no more steps (and its tick stops counting).
    if (state.tick >= replay.ticks || state.phase === "over") break;
    const result = step(state, TICK_SECONDS);
    state = result.state;
    for (const event of result.events) if (event.type === "point") points.push({ tick: state.tick, scorer: event.scorer, score: event.score });
  }
  const reachedRecordedEnd =
    state.tick === replay.ticks && state.paddles.player1.score === replay.finalScore.player1 && state.paddles.player2.score === replay.finalScore.player2;
  return { replay, keyframeEvery, keyframes, keyframeInputs, points, totalTicks: state.tick, final: state, reachedRecordedEnd };
}

/** The state at `tick` (clamped to the replay; NaN is 0): `tick` steps from the start, that tick's inputs applied. */
export function stateAt(timeline: Timeline, tick: number): SimState {
  const target = Math.min(Math.max(Math.round(tick) || 0, 0), timeline.totalTicks);
  const k = Math.floor(target / timeline.keyframeEvery);
  let state = timeline.keyframes[k]!;
  let next = timeline.keyframeInputs[k]!;
  for (;;) {
    ({ state, next } = applyInputs(state, timeline.replay.inputs, next));
    if (state.tick >= target || state.phase === "over") return state;
    state = step(state, TICK_SECONDS).state;
  }
}

/** The state at `seconds` of play (countdowns and pauses take no time in a replay). */
export function stateAtSeconds(timeline: Timeline, seconds: number): SimState {
  return stateAt(timeline, seconds * TICK_RATE);
}

/** One frame on from a state this timeline gave (stateAt, nextFrame): one step, the next tick's inputs. */
export function nextFrame(timeline: Timeline, state: SimState): SimState {
  if (state.tick >= timeline.totalTicks) return state;
  const stepped = step(state, TICK_SECONDS).state;
  return applyInputs(stepped, timeline.replay.inputs, firstInputAt(timeline.replay.inputs, stepped.tick)).state;
}

/** Applies the inputs of `state.tick` from index `next` on; returns the index after them. */
function applyInputs(state: SimState, inputs: readonly ReplayInput[], next: number): { state: SimState; next: number } {
  let applied = state;
  let at = next;
  while (at < inputs.length && inputs[at]!.tick <= state.tick) {
    const { slot, x } = inputs[at++]!;
    const paddle = applied.paddles[slot];
    // The recording keeps positions only; the direction shown is that of the move.
    const moved = { ...paddle, x, direction: Math.sign(x - paddle.x) as -1 | 0 | 1 };
    applied = { ...applied, paddles: { ...applied.paddles, [slot]: moved } };
  }
  return { state: applied, next: at };
}

/** Index of the first input at `tick` or later (binary search: inputs are in tick order). */
function firstInputAt(inputs: readonly ReplayInput[], tick: number): number {
  let [low, high] = [0, inputs.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (inputs[middle]!.tick < tick) low = middle + 1;
    else high = middle;
  }
  return low;
}
