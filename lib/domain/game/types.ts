// Shapes of the Pong simulation state. Plain JSON-friendly data (numbers, strings, records), so a
// state can be sent over the wire or snapshotted as is.

import type { PlayerSlot } from "../lists";

export type { PlayerSlot };

export interface PaddleState {
  /** Centre of the paddle along x, always within [PADDLE_WIDTH / 2, FIELD_WIDTH - PADDLE_WIDTH / 2]. */
  x: number;
  /** Last direction the player asked for; stored for clients (e.g. rendering), not used by `step`. */
  direction: -1 | 0 | 1;
  score: number;
}

/** Centre position (units) and velocity (units per second). y grows downward. */
export interface BallState {
  x: number;
  y: number;
  vx: number;
  vy: number;
}

export type SimPhase = "serving" | "playing" | "over";

export interface SimState {
  /** Simulation steps taken (steps in phase "over" are not counted). */
  tick: number;
  /** "serving": ball held at centre until `serveTicksLeft` runs out. */
  phase: SimPhase;
  serveTicksLeft: number;
  /** Who receives the next serve, i.e. the player the ball will be launched toward. */
  server: PlayerSlot;
  /** PRNG state (see rng.ts). */
  rng: number;
  pointsToWin: number;
  paddles: Record<PlayerSlot, PaddleState>;
  ball: BallState;
  winner: PlayerSlot | null;
}

export type SimEvent =
  | { type: "paddle_hit"; player: PlayerSlot; speed: number }
  | { type: "wall_bounce" }
  | { type: "point"; scorer: PlayerSlot; score: Record<PlayerSlot, number> }
  | { type: "serve"; toward: PlayerSlot }
  | { type: "game_over"; winner: PlayerSlot };

export interface CreateSimulationOptions {
  /** A positive integer: the first player to reach it wins. */
  pointsToWin: number;
  /** Any number; only its unsigned 32-bit integer part is used. */
  seed: number;
}

export interface StepResult {
  state: SimState;
  events: SimEvent[];
}
