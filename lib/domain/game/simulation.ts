// The Pong rules as a pure reducer: no clock, no I/O, no Math.random. The server calls `step` at a
// fixed 60 Hz; clients can run the same code to predict between server updates.
import {
  BALL_RADIUS,
  FIELD_HEIGHT,
  FIELD_WIDTH,
  MAX_BALL_SPEED,
  MAX_BOUNCE_ANGLE,
  MAX_SERVE_ANGLE,
  MAX_STEP_SECONDS,
  PADDLE_FACE_Y,
  PADDLE_MAX_SPEED,
  PADDLE_POSITION_STEP,
  PADDLE_WIDTH,
  SERVE_DELAY_TICKS,
  SERVE_SPEED,
  SPEEDUP,
} from "./constants";
import { detCos, detHypot, detSin } from "./det-math";
import { nextRandom, seedRng } from "./rng";
import type {
  BallState,
  CreateSimulationOptions,
  PaddleState,
  PlayerSlot,
  SimEvent,
  SimState,
  StepResult,
} from "./types";

const OPPONENT: Readonly<Record<PlayerSlot, PlayerSlot>> = { player1: "player2", player2: "player1" };

/** Ball at rest in the middle of the field, between points. Shared, never mutated. */
const BALL_AT_CENTRE: BallState = Object.freeze({ x: FIELD_WIDTH / 2, y: FIELD_HEIGHT / 2, vx: 0, vy: 0 });

/** New game: paddles centred, scores 0, waiting to serve toward a player picked by the seed. */
export function createSimulation({ pointsToWin, seed }: CreateSimulationOptions): SimState {
  if (!Number.isInteger(pointsToWin) || pointsToWin < 1) {
    throw new RangeError(`pointsToWin must be a positive integer, got ${pointsToWin}`);
  }
  const coin = nextRandom(seedRng(seed));
  const paddle: PaddleState = { x: FIELD_WIDTH / 2, direction: 0, score: 0 };
  return {
    tick: 0,
    phase: "serving",
    serveTicksLeft: SERVE_DELAY_TICKS,
    server: coin.value < 0.5 ? "player1" : "player2",
    rng: coin.state,
    pointsToWin,
    paddles: { player1: paddle, player2: { ...paddle } },
    ball: BALL_AT_CENTRE,
    winner: null,
  };
}

/**
 * Advances the game by `dt` seconds (the server always passes TICK_SECONDS). Returns a new state and
 * what happened during the step; the input state is left untouched. Paddles are not moved here:
 * the server applies player input with `movePaddle` between steps.
 */
export function step(state: SimState, dt: number): StepResult {
  switch (state.phase) {
    case "over":
      return { state, events: [] };
    case "serving":
      return countDownToServe(state);
    case "playing":
      // A NaN or negative dt must not poison the state; a huge one is capped (see MAX_STEP_SECONDS).
      return play(state, Number.isFinite(dt) ? clamp(dt, 0, MAX_STEP_SECONDS) : 0);
  }
}

/**
 * The server's input check: moves the paddle toward `requestedX` by at most what PADDLE_MAX_SPEED
 * allows in `elapsedSeconds`, so a client cannot teleport its paddle. A non-finite `requestedX` or
 * `elapsedSeconds` (or a negative elapsed time) leaves the paddle where it is. The result lands on
 * the PADDLE_POSITION_STEP grid (which may exceed the reach by half a step, 1/32 unit): a replay
 * then records each applied position exactly, as a small integer.
 */
export function movePaddle(
  paddle: PaddleState,
  requestedX: number,
  direction: -1 | 0 | 1,
  elapsedSeconds: number,
): PaddleState {
  const target = Number.isFinite(requestedX) ? clampToField(requestedX) : paddle.x;
  const reach = Number.isFinite(elapsedSeconds) && elapsedSeconds > 0 ? PADDLE_MAX_SPEED * elapsedSeconds : 0;
  const x = snapToGrid(clampToField(paddle.x + clamp(target - paddle.x, -reach, reach)));
  return { ...paddle, x, direction };
}

/** Keeps a paddle centre inside the field (the whole paddle stays visible). NaN gives the centre. */
export function clampToField(x: number): number {
  if (Number.isNaN(x)) return FIELD_WIDTH / 2;
  return clamp(x, PADDLE_WIDTH / 2, FIELD_WIDTH - PADDLE_WIDTH / 2);
}

/** Nearest multiple of PADDLE_POSITION_STEP; exact, since the step is a power of two. */
function snapToGrid(x: number): number {
  return Math.round(x / PADDLE_POSITION_STEP) * PADDLE_POSITION_STEP;
}

function countDownToServe(state: SimState): StepResult {
  const tick = state.tick + 1;
  if (state.serveTicksLeft > 1) {
    return { state: { ...state, tick, serveTicksLeft: state.serveTicksLeft - 1 }, events: [] };
  }
  // Serves alternate between the players every point, so each receives the same number ± 1.
  const toward = state.server;
  const draw = nextRandom(state.rng);
  const angle = (draw.value * 2 - 1) * MAX_SERVE_ANGLE;
  return {
    state: {
      ...state,
      tick,
      phase: "playing",
      serveTicksLeft: 0,
      server: OPPONENT[toward],
      rng: draw.state,
      ball: launch(BALL_AT_CENTRE, SERVE_SPEED, angle, toward),
    },
    events: [{ type: "serve", toward }],
  };
}

function play(state: SimState, dt: number): StepResult {
  const events: SimEvent[] = [];
  const ball = moveBall(state.ball, state.paddles, dt, events);
  const next = { ...state, tick: state.tick + 1, ball };
  const scorer = scorerOf(ball);
  return scorer ? scorePoint(next, scorer, events) : { state: next, events };
}

/**
 * Moves the ball for `dt` seconds, bouncing off the side walls and the paddle it is heading toward.
 * At top speed the ball travels further per tick than a paddle is thick, so checking for overlap
 * after the move could let it pass straight through. Instead we compute when the ball's path
 * crosses the paddle's front face and check whether the paddle is there at that moment.
 */
function moveBall(
  ball: BallState,
  paddles: Record<PlayerSlot, PaddleState>,
  dt: number,
  events: SimEvent[],
): BallState {
  const defender: PlayerSlot = ball.vy > 0 ? "player1" : "player2";
  // Negative when the ball is already past the face (a miss on its way out); not finite if vy = 0.
  const timeToFace = (contactY(defender) - ball.y) / ball.vy;
  if (timeToFace >= 0 && timeToFace <= dt) {
    const atFace = slide(ball, timeToFace);
    const paddle = paddles[defender];
    if (paddleCovers(paddle, atFace.ball.x)) {
      pushWallBounces(events, atFace.wallBounces);
      const bounced = bounceOffPaddle(atFace.ball, paddle, defender);
      events.push({ type: "paddle_hit", player: defender, speed: detHypot(bounced.vx, bounced.vy) });
      // dt ≤ MAX_STEP_SECONDS is far too short to also reach the other paddle.
      const after = slide(bounced, dt - timeToFace);
      pushWallBounces(events, after.wallBounces);
      return after.ball;
    }
  }
  const moved = slide(ball, dt);
  pushWallBounces(events, moved.wallBounces);
  return moved.ball;
}

/** Moves the ball in a straight line for `seconds`, mirroring it off the side walls. */
function slide(ball: BallState, seconds: number): { ball: BallState; wallBounces: number } {
  const minX = BALL_RADIUS;
  const maxX = FIELD_WIDTH - BALL_RADIUS;
  let x = ball.x + ball.vx * seconds;
  let vx = ball.vx;
  let wallBounces = 0;
  // Reflect whatever went past a wall back into the field (a loop in case it crosses twice).
  while (x < minX || x > maxX) {
    if (x < minX) {
      x = 2 * minX - x;
      vx = Math.abs(vx);
    } else {
      x = 2 * maxX - x;
      vx = -Math.abs(vx);
    }
    wallBounces += 1;
  }
  return { ball: { x, y: ball.y + ball.vy * seconds, vx, vy: ball.vy }, wallBounces };
}

/** y of the ball's centre when its edge touches `player`'s paddle face. */
function contactY(player: PlayerSlot): number {
  return player === "player1" ? PADDLE_FACE_Y.player1 - BALL_RADIUS : PADDLE_FACE_Y.player2 + BALL_RADIUS;
}

/** A hit counts as long as any part of the ball is over the paddle (forgiving at the corners). */
function paddleCovers(paddle: PaddleState, ballX: number): boolean {
  return Math.abs(ballX - paddle.x) <= PADDLE_WIDTH / 2 + BALL_RADIUS;
}

/**
 * Sends the ball back faster, at an angle set by where it hit: the centre returns it straight,
 * the right edge sends it 60° to the right, the left edge 60° to the left. This gives players
 * control over their shots.
 */
function bounceOffPaddle(ball: BallState, paddle: PaddleState, player: PlayerSlot): BallState {
  const offset = (ball.x - paddle.x) / (PADDLE_WIDTH / 2);
  const speed = Math.min(detHypot(ball.vx, ball.vy) * SPEEDUP, MAX_BALL_SPEED);
  return launch(ball, speed, offset * MAX_BOUNCE_ANGLE, OPPONENT[player]);
}

/**
 * Ball at `from` moving at `speed` toward `toward`'s edge, `angle` radians from vertical (positive
 * goes right). Every velocity is built here, and the angle clamp (corner hits land beyond the
 * paddle edge) guarantees the ball is never more horizontal than MAX_BOUNCE_ANGLE.
 */
function launch(from: BallState, speed: number, angle: number, toward: PlayerSlot): BallState {
  const limited = clamp(angle, -MAX_BOUNCE_ANGLE, MAX_BOUNCE_ANGLE);
  const down = toward === "player1" ? 1 : -1; // player 1 is at the bottom and y grows downward
  return { x: from.x, y: from.y, vx: speed * detSin(limited), vy: down * speed * detCos(limited) };
}

/** A point is scored once the ball has completely left the field past a player's edge. */
function scorerOf(ball: BallState): PlayerSlot | null {
  if (ball.y - BALL_RADIUS > FIELD_HEIGHT) return "player2";
  if (ball.y + BALL_RADIUS < 0) return "player1";
  return null;
}

function scorePoint(state: SimState, scorer: PlayerSlot, events: SimEvent[]): StepResult {
  const scored = { ...state.paddles[scorer], score: state.paddles[scorer].score + 1 };
  const paddles = { ...state.paddles, [scorer]: scored };
  events.push({ type: "point", scorer, score: { player1: paddles.player1.score, player2: paddles.player2.score } });
  if (scored.score >= state.pointsToWin) {
    events.push({ type: "game_over", winner: scorer });
    return { state: { ...state, paddles, ball: BALL_AT_CENTRE, phase: "over", winner: scorer }, events };
  }
  return {
    state: { ...state, paddles, ball: BALL_AT_CENTRE, phase: "serving", serveTicksLeft: SERVE_DELAY_TICKS },
    events,
  };
}

function pushWallBounces(events: SimEvent[], count: number): void {
  for (let i = 0; i < count; i += 1) events.push({ type: "wall_bounce" });
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
