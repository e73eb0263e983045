// Rules and geometry of the game, in abstract units (the renderer scales them to the screen).
//
// Coordinates: portrait field, origin at the top-left corner, x grows to the right and y grows
// downward (screen convention). Player 1 defends the bottom edge, player 2 the top edge; paddles
// only move along x.
import type { PlayerSlot } from "./types";

export const FIELD_WIDTH = 600;
export const FIELD_HEIGHT = 800;

export const PADDLE_WIDTH = 100;
export const PADDLE_HEIGHT = 12;
/** Gap between a paddle's back and the edge it defends. */
export const PADDLE_MARGIN = 24;
export const BALL_RADIUS = 8;

/**
 * y of each paddle's front face, the side facing the centre of the field, which is where the ball
 * bounces. Player 1's paddle spans y ∈ [764, 776], player 2's spans y ∈ [24, 36].
 */
export const PADDLE_FACE_Y: Readonly<Record<PlayerSlot, number>> = Object.freeze({
  player1: FIELD_HEIGHT - PADDLE_MARGIN - PADDLE_HEIGHT,
  player2: PADDLE_MARGIN + PADDLE_HEIGHT,
});

/** Units per second; the server refuses faster paddle moves (see movePaddle). */
export const PADDLE_MAX_SPEED = 900;
/**
 * Applied paddle positions are multiples of this (see movePaddle): a power of two, so positions
 * are exact in binary, and far finer than a pixel. The field edges a paddle centre stops at
 * (PADDLE_WIDTH / 2 from each side) are on the grid.
 */
export const PADDLE_POSITION_STEP = 1 / 16;

/** Units per second. */
export const SERVE_SPEED = 420;
/** Speed multiplier on each paddle hit, so rallies get harder. */
export const SPEEDUP = 1.06;
export const MAX_BALL_SPEED = 1400;

/**
 * Angle from vertical of a ball hit by a paddle's very edge. Never exceeded, which keeps the
 * vertical speed at least speed × cos(60°) = half the speed, so every rally keeps progressing.
 */
export const MAX_BOUNCE_ANGLE = Math.PI / 3;
/** Serves leave at a random angle within ±30° from vertical. */
export const MAX_SERVE_ANGLE = Math.PI / 6;

export const TICK_RATE = 60;
export const TICK_SECONDS = 1 / TICK_RATE;
export const TICK_MS = 1000 / TICK_RATE;
/** Half a second at 60 Hz: the pause before each serve. */
export const SERVE_DELAY_TICKS = Math.round(0.5 * TICK_RATE);

/**
 * Longest time a single `step` simulates. Much shorter than the ball needs to cross the field, so
 * one step meets at most one paddle; it also keeps a bogus huge dt from teleporting the ball.
 */
export const MAX_STEP_SECONDS = 0.1;
