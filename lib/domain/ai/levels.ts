// The five AI levels. Every level obeys the same limits as a human (the paddle speed clamp) and
// ft_transcendence's rule that the AI refreshes its view of the game at most once per second;
// levels differ in how late they act on what they saw, how far ahead they can think, and how
// precisely their paddle meets the ball.
import { TICK_RATE } from "../game/constants";
import type { AiLevel } from "../lists";

export type { AiLevel };

/**
 * How far ahead a level predicts the ball:
 * - "line": extends the ball's line to its paddle, blind to the side walls;
 * - "walls": also mirrors it off the side walls;
 * - "rally": also guesses the opponent's return, so it is waiting when the ball comes back
 *   unseen (a fast rally goes to the other end and back within one look).
 */
export type Foresight = "line" | "walls" | "rally";

export interface AiLevelSpec {
  /** Ticks between two looks at the game: never fewer than a second's worth. */
  viewEveryTicks: number;
  /** Ticks between a look and acting on it. */
  reactionTicks: number;
  /** The paddle meets the ball up to this many units from where the AI meant (triangular spread). */
  aimError: number;
  foresight: Foresight;
  /** Picks where on the paddle to meet the ball to send it away from the opponent; else meets it dead centre. */
  aims: boolean;
  /** Fraction of the paddle's top speed the AI moves at: slow hands for a beginner. */
  speed: number;
}

const SECOND = TICK_RATE;

export const AI_LEVEL_SPECS: Readonly<Record<AiLevel, AiLevelSpec>> = Object.freeze({
  // A beginner: acts late, slowly, on a naive straight-line guess, and meets the ball carelessly.
  1: { viewEveryTicks: SECOND, reactionTicks: Math.round(0.5 * SECOND), aimError: 50, foresight: "line", aims: false, speed: 0.6 },
  // Knows the walls, but still slow to act and imprecise.
  2: { viewEveryTicks: SECOND, reactionTicks: Math.round(0.35 * SECOND), aimError: 35, foresight: "walls", aims: false, speed: 0.8 },
  // Aims its returns, and is quicker and steadier.
  3: { viewEveryTicks: SECOND, reactionTicks: Math.round(0.25 * SECOND), aimError: 20, foresight: "walls", aims: true, speed: 1 },
  // Reads the rally: waits where the opponent's return will land.
  4: { viewEveryTicks: SECOND, reactionTicks: Math.round(0.15 * SECOND), aimError: 12, foresight: "rally", aims: true, speed: 1 },
  // ft_transcendence's AI: one look a second, full bounce prediction, quick and precise.
  5: { viewEveryTicks: SECOND, reactionTicks: Math.round(0.1 * SECOND), aimError: 4, foresight: "rally", aims: true, speed: 1 },
});
