import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BALL_RADIUS,
  clampToField,
  createSimulation,
  FIELD_HEIGHT,
  FIELD_WIDTH,
  MAX_BALL_SPEED,
  MAX_BOUNCE_ANGLE,
  MAX_SERVE_ANGLE,
  movePaddle,
  PADDLE_FACE_Y,
  PADDLE_MAX_SPEED,
  PADDLE_POSITION_STEP,
  PADDLE_WIDTH,
  SERVE_DELAY_TICKS,
  SERVE_SPEED,
  SPEEDUP,
  step,
  TICK_SECONDS,
  type BallState,
  type PaddleState,
  type PlayerSlot,
  type SimEvent,
  type SimState,
} from "./index";

const CENTRE_X = FIELD_WIDTH / 2;
/** Ball centre y when touching each paddle's face. */
const CONTACT_Y = { player1: PADDLE_FACE_Y.player1 - BALL_RADIUS, player2: PADDLE_FACE_Y.player2 + BALL_RADIUS };

/** A game in play with the ball and paddle positions given. */
function playing(ball: BallState, paddleX: Partial<Record<PlayerSlot, number>> = {}, pointsToWin = 5): SimState {
  const state = createSimulation({ pointsToWin, seed: 1 });
  return {
    ...state,
    phase: "playing",
    serveTicksLeft: 0,
    ball,
    paddles: {
      player1: { ...state.paddles.player1, x: paddleX.player1 ?? CENTRE_X },
      player2: { ...state.paddles.player2, x: paddleX.player2 ?? CENTRE_X },
    },
  };
}

function speedOf(ball: BallState): number {
  return Math.hypot(ball.vx, ball.vy);
}

/** Angle from vertical in degrees, positive to the right, whichever way the ball goes along y. */
function angleDegrees(ball: BallState): number {
  return (Math.atan2(ball.vx, Math.abs(ball.vy)) * 180) / Math.PI;
}

/** Steps until `done` holds (or `maxTicks`), collecting every state and event on the way. */
function runUntil(state: SimState, done: (s: SimState) => boolean, maxTicks = 600, dt = TICK_SECONDS) {
  const states: SimState[] = [];
  const events: SimEvent[] = [];
  let current = state;
  for (let i = 0; i < maxTicks && !done(current); i += 1) {
    const result = step(current, dt);
    current = result.state;
    states.push(current);
    events.push(...result.events);
  }
  return { state: current, states, events };
}

/** Where each paddle wants to go this tick (the server would get this from player input). */
type Controller = (state: SimState, player: PlayerSlot) => number;

const standStill: Controller = (state, player) => state.paddles[player].x;

/**
 * Player 1's script: follows the ball (aiming at where it will touch the paddle) and places its
 * shot away from player 2, who stands still at the centre. A ball far from the centre is returned
 * straight and goes wide of player 2; a ball near the centre is hit 30° toward the nearer side
 * wall and comes off it far from player 2.
 */
const trackAndAim: Controller = (state) => {
  const { x, y, vx, vy } = state.ball;
  const untilContact = vy > 0 ? Math.min(Math.max((CONTACT_Y.player1 - y) / vy, 0), TICK_SECONDS) : 0;
  const contactX = x + vx * untilContact;
  const fromCentre = contactX - CENTRE_X;
  if (Math.abs(fromCentre) > 85) return contactX;
  const halfOffset = PADDLE_WIDTH / 4; // hitting halfway to the edge gives 30°
  return contactX + (fromCentre < 0 ? halfOffset : -halfOffset);
};

/** Plays a whole game like the server does: apply each player's move, then step at 60 Hz. */
function playGame(initial: SimState, controllers: Record<PlayerSlot, Controller>, maxTicks = 60 * 60 * 15) {
  let state = initial;
  const events: SimEvent[] = [];
  const states: SimState[] = [];
  for (let i = 0; i < maxTicks && state.phase !== "over"; i += 1) {
    const move = (player: PlayerSlot): PaddleState => {
      const paddle = state.paddles[player];
      const requested = controllers[player](state, player);
      return movePaddle(paddle, requested, Math.sign(requested - paddle.x) as -1 | 0 | 1, TICK_SECONDS);
    };
    const result = step({ ...state, paddles: { player1: move("player1"), player2: move("player2") } }, TICK_SECONDS);
    state = result.state;
    states.push(state);
    events.push(...result.events);
  }
  return { state, states, events };
}

const ofType = <T extends SimEvent["type"]>(events: SimEvent[], type: T) =>
  events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe("createSimulation", () => {
  it("starts with centred paddles, no score, the ball held at the centre", () => {
    const state = createSimulation({ pointsToWin: 5, seed: 7 });
    expect(state).toMatchObject({
      tick: 0,
      phase: "serving",
      serveTicksLeft: SERVE_DELAY_TICKS,
      pointsToWin: 5,
      winner: null,
      ball: { x: CENTRE_X, y: FIELD_HEIGHT / 2, vx: 0, vy: 0 },
      paddles: { player1: { x: CENTRE_X, score: 0 }, player2: { x: CENTRE_X, score: 0 } },
    });
  });

  it("picks the first receiver from the seed", () => {
    const receivers = Array.from({ length: 32 }, (_, seed) => createSimulation({ pointsToWin: 5, seed }).server);
    expect(new Set(receivers)).toEqual(new Set(["player1", "player2"]));
    expect(createSimulation({ pointsToWin: 5, seed: 3 }).server).toBe(receivers[3]);
  });

  it.each([0, -1, 2.5, Number.NaN])("refuses pointsToWin %s", (pointsToWin) => {
    expect(() => createSimulation({ pointsToWin, seed: 1 })).toThrow(RangeError);
  });
});

describe("side walls", () => {
  it("bounces off the left wall: vx flips and x stays in the field", () => {
    const { state, events } = step(playing({ x: 10, y: 400, vx: -600, vy: 300 }), TICK_SECONDS);
    expect(state.ball.vx).toBe(600);
    expect(state.ball.x).toBeCloseTo(2 * BALL_RADIUS - (10 - 10)); // overshoot to x=0 mirrored back to 16
    expect(state.ball.vy).toBe(300);
    expect(events).toEqual([{ type: "wall_bounce" }]);
  });

  it("bounces off the right wall: vx flips and x stays in the field", () => {
    const { state, events } = step(playing({ x: 590, y: 400, vx: 600, vy: -300 }), TICK_SECONDS);
    expect(state.ball.vx).toBe(-600);
    expect(state.ball.x).toBeCloseTo(FIELD_WIDTH - 2 * BALL_RADIUS); // overshoot to x=600 mirrored back to 584
    expect(events).toEqual([{ type: "wall_bounce" }]);
  });

  it("keeps the ball inside the side walls over a long rally", () => {
    const { states } = runUntil(playing({ x: 300, y: 400, vx: 900, vy: 50 }), (s) => s.phase !== "playing", 300);
    for (const s of states.filter((s) => s.phase === "playing")) {
      expect(s.ball.x).toBeGreaterThanOrEqual(BALL_RADIUS);
      expect(s.ball.x).toBeLessThanOrEqual(FIELD_WIDTH - BALL_RADIUS);
    }
  });
});

describe("paddle hits", () => {
  it("reverses vy off player 1's paddle and speeds the ball up by SPEEDUP", () => {
    const { state, events } = step(playing({ x: CENTRE_X, y: CONTACT_Y.player1 - 5, vx: 0, vy: 600 }), TICK_SECONDS);
    expect(state.ball.vy).toBeCloseTo(-600 * SPEEDUP);
    expect(speedOf(state.ball)).toBeCloseTo(600 * SPEEDUP);
    expect(events).toEqual([{ type: "paddle_hit", player: "player1", speed: expect.closeTo(600 * SPEEDUP) }]);
  });

  it("reverses vy off player 2's paddle", () => {
    const { state, events } = step(playing({ x: CENTRE_X, y: CONTACT_Y.player2 + 5, vx: 0, vy: -600 }), TICK_SECONDS);
    expect(state.ball.vy).toBeCloseTo(600 * SPEEDUP);
    expect(ofType(events, "paddle_hit")).toEqual([{ type: "paddle_hit", player: "player2", speed: expect.closeTo(636) }]);
  });

  it("caps the speed at MAX_BALL_SPEED", () => {
    const { state } = step(playing({ x: CENTRE_X, y: CONTACT_Y.player1 - 5, vx: 0, vy: 1390 }), TICK_SECONDS);
    expect(speedOf(state.ball)).toBeCloseTo(MAX_BALL_SPEED);
  });

  it("bounces from where the ball reaches the face, keeping the rest of the step's travel", () => {
    // 10 units per tick: 4 units down to the face, then 6 back up.
    const { state } = step(playing({ x: CENTRE_X, y: CONTACT_Y.player1 - 4, vx: 0, vy: 600 }), TICK_SECONDS);
    expect(state.ball.y).toBeCloseTo(CONTACT_Y.player1 - 6 * SPEEDUP);
  });

  // Ball falling straight onto player 1's paddle (centred at 300) at x = 300 + dx.
  const hitAt = (dx: number, player: PlayerSlot = "player1") => {
    const ball =
      player === "player1"
        ? { x: CENTRE_X + dx, y: CONTACT_Y.player1 - 5, vx: 0, vy: 600 }
        : { x: CENTRE_X + dx, y: CONTACT_Y.player2 + 5, vx: 0, vy: -600 };
    return step(playing(ball), TICK_SECONDS);
  };

  it("returns a centre hit straight", () => {
    expect(angleDegrees(hitAt(0).state.ball)).toBeCloseTo(0);
  });

  it.each([
    [PADDLE_WIDTH / 2, 60],
    [PADDLE_WIDTH / 4, 30],
    [-PADDLE_WIDTH / 4, -30],
    [-PADDLE_WIDTH / 2, -60],
  ])("sets the bounce angle from the hit position (offset %s → %s°)", (dx, degrees) => {
    expect(angleDegrees(hitAt(dx).state.ball)).toBeCloseTo(degrees);
    expect(angleDegrees(hitAt(dx, "player2").state.ball)).toBeCloseTo(degrees);
  });

  it("still hits with the ball's edge over the paddle corner, but never steeper than 60°", () => {
    const { state, events } = hitAt(PADDLE_WIDTH / 2 + BALL_RADIUS - 1);
    expect(ofType(events, "paddle_hit")).toHaveLength(1);
    expect(angleDegrees(state.ball)).toBeCloseTo((MAX_BOUNCE_ANGLE * 180) / Math.PI);
    expect(Math.abs(state.ball.vy)).toBeGreaterThanOrEqual(speedOf(state.ball) * Math.cos(MAX_BOUNCE_ANGLE) - 1e-9);
  });

  it("misses when the ball passes just beyond the paddle corner", () => {
    const { state, events } = hitAt(PADDLE_WIDTH / 2 + BALL_RADIUS + 1);
    expect(events).toEqual([]);
    expect(state.ball.vy).toBe(600);
  });

  it.each([TICK_SECONDS, 3 * TICK_SECONDS])("does not tunnel through a paddle at max speed (dt %s)", (dt) => {
    // Try every start position over one step's travel, so the face is crossed at every sub-step point.
    for (let start = 0; start < MAX_BALL_SPEED * dt; start += 1) {
      const ball = { x: CENTRE_X, y: CONTACT_Y.player1 - start - 1, vx: 0, vy: MAX_BALL_SPEED };
      const { states, events } = runUntil(playing(ball), (s) => s.ball.vy < 0 || s.phase !== "playing", 100, dt);
      expect(ofType(events, "paddle_hit")).toHaveLength(1);
      expect(ofType(events, "point")).toEqual([]);
      // The ball never ends a step inside the paddle either.
      for (const s of states) expect(s.ball.y).toBeLessThanOrEqual(CONTACT_Y.player1 + 1e-9);
    }
  });
});

describe("points", () => {
  it("scores for player 2 when player 1 misses, then holds the ball at the centre to serve again", () => {
    const start = playing({ x: 50, y: 700, vx: 0, vy: 600 }, { player1: 500 });
    const { state, events } = runUntil(start, (s) => s.phase !== "playing");
    expect(events).toEqual([{ type: "point", scorer: "player2", score: { player1: 0, player2: 1 } }]);
    expect(state.paddles.player2.score).toBe(1);
    expect(state.phase).toBe("serving");
    expect(state.serveTicksLeft).toBe(SERVE_DELAY_TICKS);
    expect(state.ball).toEqual({ x: CENTRE_X, y: FIELD_HEIGHT / 2, vx: 0, vy: 0 });
  });

  it("scores for player 1 when player 2 misses, only once the ball has left the field", () => {
    const start = playing({ x: 550, y: 100, vx: 0, vy: -600 }, { player2: 60 });
    const { states, events } = runUntil(start, (s) => s.phase !== "playing");
    expect(events).toEqual([{ type: "point", scorer: "player1", score: { player1: 1, player2: 0 } }]);
    const lastInPlay = states.at(-2)!;
    expect(lastInPlay.ball.y + BALL_RADIUS).toBeGreaterThanOrEqual(0);
  });
});

describe("serving", () => {
  it("waits SERVE_DELAY_TICKS steps, then serves toward `server` at SERVE_SPEED", () => {
    const initial = createSimulation({ pointsToWin: 5, seed: 11 });
    const { states, events } = runUntil(initial, (s) => s.phase === "playing");
    expect(states).toHaveLength(SERVE_DELAY_TICKS);
    expect(states.at(-2)!.ball).toEqual(initial.ball);
    const served = states.at(-1)!;
    expect(events).toEqual([{ type: "serve", toward: initial.server }]);
    expect(Math.sign(served.ball.vy)).toBe(initial.server === "player1" ? 1 : -1);
    expect(speedOf(served.ball)).toBeCloseTo(SERVE_SPEED);
    expect(served.server).not.toBe(initial.server); // the next serve goes to the other player
  });

  it("serves within ±30° of vertical, at varying angles", () => {
    const angles = Array.from({ length: 200 }, (_, seed) => {
      const { state } = runUntil(createSimulation({ pointsToWin: 5, seed }), (s) => s.phase === "playing");
      return angleDegrees(state.ball);
    });
    const maxDegrees = (MAX_SERVE_ANGLE * 180) / Math.PI;
    for (const angle of angles) expect(Math.abs(angle)).toBeLessThanOrEqual(maxDegrees + 1e-9);
    expect(Math.min(...angles)).toBeLessThan(-maxDegrees * 0.8);
    expect(Math.max(...angles)).toBeGreaterThan(maxDegrees * 0.8);
  });

  it("alternates serves between the players every point", () => {
    const initial = createSimulation({ pointsToWin: 15, seed: 5 });
    const { events } = playGame(initial, { player1: trackAndAim, player2: standStill });
    const receivers = ofType(events, "serve").map((e) => e.toward);
    expect(receivers.length).toBe(ofType(events, "point").length);
    expect(receivers.length).toBeGreaterThanOrEqual(15);
    receivers.forEach((receiver, i) => {
      expect(receiver).toBe(i % 2 === 0 ? initial.server : initial.server === "player1" ? "player2" : "player1");
    });
    const toPlayer1 = receivers.filter((r) => r === "player1").length;
    expect(Math.abs(2 * toPlayer1 - receivers.length)).toBeLessThanOrEqual(1);
  });
});

describe("winning", () => {
  it("ends the game exactly at pointsToWin, then ignores further steps", () => {
    const start = playing({ x: 550, y: 60, vx: 0, vy: -600 }, { player2: 60 }, 3);
    const nearlyWon = { ...start, paddles: { ...start.paddles, player1: { ...start.paddles.player1, score: 2 } } };
    const { state, events } = runUntil(nearlyWon, (s) => s.phase !== "playing");
    expect(events).toEqual([
      { type: "point", scorer: "player1", score: { player1: 3, player2: 0 } },
      { type: "game_over", winner: "player1" },
    ]);
    expect(state.phase).toBe("over");
    expect(state.winner).toBe("player1");
    const after = step(state, TICK_SECONDS);
    expect(after.state).toEqual(state);
    expect(after.events).toEqual([]);
  });

  it("does not end the game one point before pointsToWin", () => {
    const start = playing({ x: 550, y: 60, vx: 0, vy: -600 }, { player2: 60 }, 3);
    const { state, events } = runUntil(start, (s) => s.phase !== "playing");
    expect(ofType(events, "game_over")).toEqual([]);
    expect(state.phase).toBe("serving");
    expect(state.winner).toBeNull();
  });

  it.each([1, 2, 3])("a player who tracks the ball beats a player who never moves 5-0 (seed %s)", (seed) => {
    const { state, states, events } = playGame(createSimulation({ pointsToWin: 5, seed }), {
      player1: trackAndAim,
      player2: standStill,
    });
    expect(state.phase).toBe("over");
    expect(state.winner).toBe("player1");
    expect([state.paddles.player1.score, state.paddles.player2.score]).toEqual([5, 0]);
    expect(ofType(events, "game_over")).toEqual([{ type: "game_over", winner: "player1" }]);
    expect(ofType(events, "paddle_hit").length).toBeGreaterThan(0);
    // The ball always keeps moving toward one end at at least half its speed.
    for (const s of states.filter((s) => s.phase === "playing")) {
      expect(Math.abs(s.ball.vy)).toBeGreaterThanOrEqual(speedOf(s.ball) * Math.cos(MAX_BOUNCE_ANGLE) - 1e-9);
    }
  });
});

describe("determinism and purity", () => {
  const play = (seed: number) =>
    playGame(createSimulation({ pointsToWin: 5, seed }), { player1: trackAndAim, player2: standStill });

  it("replays identically from the same seed and moves", () => {
    const first = play(42);
    const second = play(42);
    expect(second.states).toEqual(first.states);
    expect(second.events).toEqual(first.events);
  });

  it("plays differently from another seed", () => {
    expect(play(43).states).not.toEqual(play(42).states);
  });

  it("never mutates the state it is given", () => {
    const states = [
      createSimulation({ pointsToWin: 1, seed: 9 }),
      { ...createSimulation({ pointsToWin: 1, seed: 9 }), serveTicksLeft: 1 },
      playing({ x: 10, y: CONTACT_Y.player1 - 5, vx: -600, vy: 600 }, { player1: 50 }),
      playing({ x: 300, y: FIELD_HEIGHT + 5, vx: 0, vy: 600 }, {}, 1),
      playing({ x: 300, y: FIELD_HEIGHT + 5, vx: 0, vy: 600 }, {}, 3),
    ];
    for (const state of states) {
      const before = structuredClone(state);
      deepFreeze(state); // any write would throw
      step(state, TICK_SECONDS);
      expect(state).toEqual(before);
    }
  });
});

describe("movePaddle", () => {
  const paddle: PaddleState = { x: CENTRE_X, direction: 0, score: 3 };

  it("moves at most PADDLE_MAX_SPEED × elapsed toward a far request", () => {
    expect(movePaddle(paddle, 550, 1, TICK_SECONDS).x).toBeCloseTo(CENTRE_X + PADDLE_MAX_SPEED * TICK_SECONDS);
    expect(movePaddle(paddle, 0, -1, 0.1).x).toBeCloseTo(CENTRE_X - PADDLE_MAX_SPEED * 0.1);
  });

  it("reaches a request within range exactly", () => {
    expect(movePaddle(paddle, 305, 1, TICK_SECONDS).x).toBe(305);
  });

  it("keeps the paddle inside the field", () => {
    expect(movePaddle(paddle, -1000, -1, 10).x).toBe(PADDLE_WIDTH / 2);
    expect(movePaddle(paddle, 5000, 1, 10).x).toBe(FIELD_WIDTH - PADDLE_WIDTH / 2);
  });

  it("stores the direction and keeps the score", () => {
    expect(movePaddle(paddle, 290, -1, TICK_SECONDS)).toEqual({ x: 290, direction: -1, score: 3 });
  });

  it.each([
    [Number.NaN, TICK_SECONDS],
    [Number.POSITIVE_INFINITY, TICK_SECONDS],
    [Number.NEGATIVE_INFINITY, TICK_SECONDS],
    [400, Number.NaN],
    [400, Number.POSITIVE_INFINITY],
    [400, -1],
  ])("leaves the paddle in place for requestedX %s, elapsed %s", (requestedX, elapsed) => {
    expect(movePaddle(paddle, requestedX, 0, elapsed).x).toBe(CENTRE_X);
  });

  it("lands on the position grid, within half a step of the reach", () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 700, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true }), (requestedX, elapsed) => {
        const { x } = movePaddle(paddle, requestedX, 0, elapsed);
        expect(Number.isInteger(x / PADDLE_POSITION_STEP)).toBe(true);
        expect(Math.abs(x - CENTRE_X)).toBeLessThanOrEqual(PADDLE_MAX_SPEED * elapsed + PADDLE_POSITION_STEP / 2);
        expect(x).toBeGreaterThanOrEqual(PADDLE_WIDTH / 2);
        expect(x).toBeLessThanOrEqual(FIELD_WIDTH - PADDLE_WIDTH / 2);
      }),
    );
  });

  it("does not mutate its input", () => {
    const frozen = Object.freeze({ ...paddle });
    movePaddle(frozen, 400, 1, 1);
    expect(frozen).toEqual(paddle);
  });
});

describe("clampToField", () => {
  it.each([
    [300, 300],
    [0, PADDLE_WIDTH / 2],
    [FIELD_WIDTH, FIELD_WIDTH - PADDLE_WIDTH / 2],
    [Number.NEGATIVE_INFINITY, PADDLE_WIDTH / 2],
    [Number.POSITIVE_INFINITY, FIELD_WIDTH - PADDLE_WIDTH / 2],
    [Number.NaN, CENTRE_X],
  ])("clamps %s to %s", (x, expected) => {
    expect(clampToField(x)).toBe(expected);
  });
});
