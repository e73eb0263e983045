import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BALL_RADIUS, FIELD_WIDTH, MAX_BALL_SPEED, MAX_BOUNCE_ANGLE, SERVE_SPEED, TICK_SECONDS } from "../game/constants";
import { clampToField, createSimulation, step } from "../game/simulation";
import type { BallState, PlayerSlot, SimEvent, SimState } from "../game/types";
import { aimedPaddleX, bounce, crossing, foldIntoField, guessReturn, PADDLE_REACH } from "./predict";

function playing(ball: BallState, paddleX: Record<PlayerSlot, number>): SimState {
  const state = createSimulation({ pointsToWin: 5, seed: 1 });
  return {
    ...state,
    phase: "playing",
    serveTicksLeft: 0,
    ball,
    paddles: { player1: { ...state.paddles.player1, x: paddleX.player1 }, player2: { ...state.paddles.player2, x: paddleX.player2 } },
  };
}

/** A ball somewhere mid-field heading for `toward`'s paddle at any speed and angle the game allows. */
const ballToward = (toward: PlayerSlot) =>
  fc
    .record({
      x: fc.double({ min: BALL_RADIUS, max: FIELD_WIDTH - BALL_RADIUS, noNaN: true }),
      y: fc.double({ min: 150, max: 650, noNaN: true }),
      speed: fc.double({ min: SERVE_SPEED, max: MAX_BALL_SPEED, noNaN: true }),
      angle: fc.double({ min: -MAX_BOUNCE_ANGLE, max: MAX_BOUNCE_ANGLE, noNaN: true }),
    })
    .map(({ x, y, speed, angle }): BallState => ({ x, y, vx: speed * Math.sin(angle), vy: (toward === "player1" ? 1 : -1) * speed * Math.cos(angle) }));

describe("foldIntoField", () => {
  it("mirrors off the side walls like the ball does", () => {
    expect(foldIntoField(300)).toBe(300);
    expect(foldIntoField(-2)).toBe(18); // 10 past the left wall (x = 8)
    expect(foldIntoField(602)).toBe(582); // 10 past the right wall (x = 592)
    expect(foldIntoField(592 + 584 + 10)).toBe(18); // across the field and 10 past the left wall
  });
});

describe("crossing and bounce", () => {
  it("predict where the simulation's ball meets a paddle and how it leaves it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PlayerSlot>("player1", "player2").chain((slot) => fc.tuple(fc.constant(slot), ballToward(slot))),
        fc.double({ min: -45, max: 45, noNaN: true }),
        ([slot, ball], offset) => {
          const at = crossing(ball, slot)!;
          const paddleX = clampToField(at.x + offset);
          let state = playing(ball, { player1: FIELD_WIDTH / 2, player2: FIELD_WIDTH / 2, [slot]: paddleX });
          const events: SimEvent[] = [];
          let ticks = 0;
          while (!events.some((event) => event.type === "paddle_hit") && ticks < 240) {
            const result = step(state, TICK_SECONDS);
            events.push(...result.events);
            state = result.state;
            ticks += 1;
          }
          expect(events.some((event) => event.type === "paddle_hit")).toBe(true);
          expect(ticks).toBe(Math.floor(at.seconds / TICK_SECONDS) + 1);
          const left = bounce(at, paddleX, slot);
          // The rest of the tick may take it off a side wall, which flips vx.
          expect(Math.abs(state.ball.vx)).toBeCloseTo(Math.abs(left.vx), 6);
          expect(state.ball.vy).toBeCloseTo(left.vy, 6);
        },
      ),
    );
  });

  it("is null for a ball heading the other way", () => {
    expect(crossing({ x: 300, y: 400, vx: 0, vy: 500 }, "player2")).toBeNull();
    expect(crossing({ x: 300, y: 400, vx: 0, vy: 0 }, "player2")).toBeNull();
  });

  it("without walls, extends the ball's line and stops at the field's edge", () => {
    const ball = { x: 300, y: 400, vx: 1000, vy: -500 };
    expect(crossing(ball, "player2", false)!.x).toBe(FIELD_WIDTH - BALL_RADIUS);
    expect(crossing(ball, "player2")!.x).toBeLessThan(FIELD_WIDTH - BALL_RADIUS);
  });
});

describe("aimedPaddleX", () => {
  it("angles the return away from the opponent, within reach of the ball", () => {
    fc.assert(
      fc.property(ballToward("player2"), fc.double({ min: 50, max: 550, noNaN: true }), (ball, opponentX) => {
        const at = crossing(ball, "player2")!;
        const paddleX = aimedPaddleX(at, "player2", opponentX);
        expect(Math.abs(at.x - paddleX)).toBeLessThan(PADDLE_REACH);
        // No worse than a dead-centre return, counting how far the opponent can run.
        const landing = (x: number) => crossing(bounce(at, x, "player2"), "player1")!;
        const margin = (x: number) => Math.abs(landing(x).x - opponentX) - 900 * landing(x).seconds;
        expect(margin(paddleX)).toBeGreaterThanOrEqual(margin(clampToField(at.x)) - 1e-9);
      }),
    );
  });
});

describe("guessReturn", () => {
  it("is null when the opponent cannot reach the ball in time", () => {
    // Straight at the left edge, almost at player 1's paddle, which waits at the far right.
    expect(guessReturn({ x: 20, y: 740, vx: 0, vy: 900 }, "player2", 550)).toBeNull();
  });

  it("knows the return when the opponent has only one way to meet the ball", () => {
    // Nearly at player 1's paddle, which has no time to move: the ball leaves 36° to the left.
    const ball = { x: 300, y: 755, vx: 0, vy: 900 };
    const guess = guessReturn(ball, "player2", 330)!;
    const at = crossing(ball, "player1")!;
    const back = crossing(bounce(at, 330, "player1"), "player2")!;
    expect(guess.x).toBeCloseTo(back.x, -1);
    expect(guess.seconds).toBeCloseTo(at.seconds + back.seconds, 1);
  });
});
