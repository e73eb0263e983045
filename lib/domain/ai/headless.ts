// Games with no server: the simulation stepped at 60 Hz, each side's input applied with the same
// clamp a human's gets at 60 inputs per second. For the AI's tests and its ladder benchmark.
import { TICK_SECONDS } from "../game/constants";
import { movePaddle, step } from "../game/simulation";
import type { PlayerSlot, SimState } from "../game/types";
import { PLAYER_SLOTS } from "../lists";
import { type AiLevel } from "./levels";
import { aiTick, createAi } from "./player";

/** Picks the paddle position `slot` asks for this tick, or null for no input. */
export type Mover = (state: SimState, slot: PlayerSlot) => number | null;

/** The benchmark's yardstick: sees the ball every tick and always asks for its x. */
export const trackBall: Mover = (state) => state.ball.x;

/** An AI of `level` playing `slot`; it keeps its state between calls. */
export function aiMover(level: AiLevel, slot: PlayerSlot, seed: number): Mover {
  let ai = createAi({ level, slot, seed });
  return (state) => {
    const decision = aiTick(ai, state.tick, () => state);
    ai = decision.ai;
    return decision.target;
  };
}

export interface HeadlessResult {
  state: SimState;
  /** Ticks played (serve pauses included). */
  ticks: number;
  hits: Record<PlayerSlot, number>;
}

/** Plays until the game is over or `maxTicks` have passed. */
export function playHeadless(initial: SimState, movers: Record<PlayerSlot, Mover>, maxTicks = 60 * 60 * 30): HeadlessResult {
  let state = initial;
  let ticks = 0;
  const hits = { player1: 0, player2: 0 };
  for (; ticks < maxTicks && state.phase !== "over"; ticks += 1) {
    let paddles = state.paddles;
    for (const slot of PLAYER_SLOTS) {
      const target = movers[slot](state, slot);
      if (target === null) continue;
      const paddle = paddles[slot];
      paddles = { ...paddles, [slot]: movePaddle(paddle, target, Math.sign(target - paddle.x) as -1 | 0 | 1, TICK_SECONDS) };
    }
    const result = step({ ...state, paddles }, TICK_SECONDS);
    state = result.state;
    for (const event of result.events) if (event.type === "paddle_hit") hits[event.player] += 1;
  }
  return { state, ticks, hits };
}
