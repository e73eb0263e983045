// What the AI knows of the rules: where a ball on a straight line meets a paddle line, how the side
// walls mirror it, and how a paddle sends it back. Pure geometry from the game's constants; the AI
// runs it on what it remembers of the ball, never on the live state.
import {
  BALL_RADIUS,
  FIELD_WIDTH,
  MAX_BALL_SPEED,
  MAX_BOUNCE_ANGLE,
  PADDLE_FACE_Y,
  PADDLE_MAX_SPEED,
  PADDLE_WIDTH,
  SPEEDUP,
} from "../game/constants";
import { clampToField } from "../game/simulation";
import type { BallState, PlayerSlot } from "../game/types";
import { otherSlot } from "../lists";

const MIN_X = BALL_RADIUS;
const MAX_X = FIELD_WIDTH - BALL_RADIUS;
/** How far from a paddle's centre the ball's centre may be and still be hit (the simulation's rule). */
export const PADDLE_REACH = PADDLE_WIDTH / 2 + BALL_RADIUS;

/** y of the ball's centre when it touches each paddle's face. */
export const CONTACT_Y: Readonly<Record<PlayerSlot, number>> = {
  player1: PADDLE_FACE_Y.player1 - BALL_RADIUS,
  player2: PADDLE_FACE_Y.player2 + BALL_RADIUS,
};
/** Where a ball that would have reached `x` in an open field really is: mirrored off the side walls. */
export function foldIntoField(x: number): number {
  const span = MAX_X - MIN_X;
  const along = (((x - MIN_X) % (2 * span)) + 2 * span) % (2 * span);
  return MIN_X + (along <= span ? along : 2 * span - along);
}

export interface Crossing {
  /** Seconds from the ball's position until it reaches the line. */
  seconds: number;
  x: number;
  /** The ball's speed there (it does not change between paddles). */
  speed: number;
}

/**
 * When and where the ball's centre reaches `slot`'s contact line, or null if it is not heading
 * there. `walls` false: the naive guess of a player who extends the ball's line and ignores the
 * bounces (kept inside the field).
 */
export function crossing(ball: BallState, slot: PlayerSlot, walls = true): Crossing | null {
  const seconds = (CONTACT_Y[slot] - ball.y) / ball.vy;
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  const open = ball.x + ball.vx * seconds;
  return { seconds, x: walls ? foldIntoField(open) : Math.min(Math.max(open, MIN_X), MAX_X), speed: Math.hypot(ball.vx, ball.vy) };
}

/** The ball leaving `slot`'s paddle centred at `paddleX` after meeting it at `at` (the simulation's bounce). */
export function bounce(at: Crossing, paddleX: number, slot: PlayerSlot): BallState {
  const offset = (at.x - paddleX) / (PADDLE_WIDTH / 2);
  const angle = Math.min(Math.max(offset * MAX_BOUNCE_ANGLE, -MAX_BOUNCE_ANGLE), MAX_BOUNCE_ANGLE);
  const speed = Math.min(at.speed * SPEEDUP, MAX_BALL_SPEED);
  const away = slot === "player1" ? -1 : 1; // player 1 sends the ball up the field
  return { x: at.x, y: CONTACT_Y[slot], vx: speed * Math.sin(angle), vy: away * speed * Math.cos(angle) };
}

/** Offsets from the paddle's centre tried when aiming; short of the edge, so an aim error rarely misses. */
const AIM_OFFSETS = [-0.75, -0.55, -0.35, -0.15, 0, 0.15, 0.35, 0.55, 0.75];

/**
 * Where `slot` should put its paddle to meet the ball at `at` and send it away from an opponent at
 * `opponentX`: the shot whose landing the opponent misses by the most, counting how far they can
 * move while it travels (a wide angle goes further but also slower along y).
 */
export function aimedPaddleX(at: Crossing, slot: PlayerSlot, opponentX: number): number {
  let best = at.x;
  let bestMargin = -Infinity;
  for (const offset of AIM_OFFSETS) {
    const paddleX = clampToField(at.x - offset * (PADDLE_WIDTH / 2));
    const landing = crossing(bounce(at, paddleX, slot), otherSlot(slot));
    if (!landing) continue;
    const margin = Math.abs(landing.x - opponentX) - PADDLE_REACH - PADDLE_MAX_SPEED * landing.seconds;
    if (margin > bestMargin) {
      bestMargin = margin;
      best = paddleX;
    }
  }
  return best;
}

/** Opponent paddle positions tried when guessing their return. */
const RETURN_SAMPLES = 9;

export interface ReturnGuess {
  /** Where to wait: the middle of the landings of every return the opponent can make. */
  x: number;
  /** Seconds from `ball` until the earliest of those returns reaches `slot`'s line. */
  seconds: number;
}

/**
 * The opponent is about to hit `ball` (heading their way); `slot` guesses where it comes back.
 * The opponent's paddle, seen at `opponentX`, can be anywhere it can reach in time that still
 * meets the ball; each such position gives a return, and waiting halfway between the two furthest
 * landings leaves the least to run. Null if the opponent cannot reach the ball (a point is coming).
 */
export function guessReturn(ball: BallState, slot: PlayerSlot, opponentX: number): ReturnGuess | null {
  const opponent = otherSlot(slot);
  const atOpponent = crossing(ball, opponent);
  if (!atOpponent) return null;
  const run = PADDLE_MAX_SPEED * atOpponent.seconds;
  const low = Math.max(clampToField(opponentX - run), atOpponent.x - PADDLE_REACH);
  const high = Math.min(clampToField(opponentX + run), atOpponent.x + PADDLE_REACH);
  if (low > high) return null;
  let min = Infinity;
  let max = -Infinity;
  let seconds = Infinity;
  for (let k = 0; k < RETURN_SAMPLES; k += 1) {
    const paddleX = low + ((high - low) * k) / (RETURN_SAMPLES - 1);
    const back = crossing(bounce(atOpponent, paddleX, opponent), slot);
    if (!back) continue;
    min = Math.min(min, back.x);
    max = Math.max(max, back.x);
    seconds = Math.min(seconds, back.seconds);
  }
  return { x: (min + max) / 2, seconds: atOpponent.seconds + seconds };
}
