import { describe, expect, it } from "vitest";
import type { GameData } from "../protocol/game";
import { isDiscontinuous, StateBuffer } from "./interpolation";

function gameState(overrides: { seq: number; ball?: Partial<GameData["ball"]>; p1?: number; p2?: number; score1?: number; score2?: number; serving?: boolean; status?: GameData["status"]; matchId?: number }): GameData {
  const player = (username: string, position: number, score: number) => ({ username, position, direction: 0 as const, score, registered: true, ready: true, connected: true });
  return {
    match_id: overrides.matchId ?? 7,
    tournament_id: null,
    status: overrides.status ?? "playing",
    seq: overrides.seq,
    tick: overrides.seq * 2,
    countdown: null,
    register_deadline_ms: null,
    paused: null,
    spectators: 0,
    serving: overrides.serving ?? false,
    player1: player("alice", overrides.p1 ?? 300, overrides.score1 ?? 0),
    player2: player("bob", overrides.p2 ?? 300, overrides.score2 ?? 0),
    ball: { x: 300, y: 400, vx: 0, vy: 0, ...overrides.ball },
    field: { width: 600, height: 800, paddle_width: 100, paddle_height: 12, paddle_margin: 24, ball_radius: 8 },
    points_to_win: 5,
    winner: null,
    forfeit_reason: null,
  };
}

describe("StateBuffer", () => {
  it("is empty at first", () => {
    const buffer = new StateBuffer();
    expect(buffer.sampleAt(0)).toBeNull();
    expect(buffer.latest()).toBeNull();
  });

  it("interpolates the ball and the paddles halfway between two states", () => {
    const buffer = new StateBuffer();
    buffer.push(gameState({ seq: 1, ball: { x: 100, y: 200 }, p1: 200, p2: 400 }), 1000);
    buffer.push(gameState({ seq: 2, ball: { x: 200, y: 300 }, p1: 300, p2: 300 }), 1100);
    const sample = buffer.sampleAt(1050)!;
    expect(sample.ball).toEqual({ x: 150, y: 250 });
    expect(sample.paddles).toEqual({ player1: 250, player2: 350 });
    expect(sample.extrapolated).toBe(false);
  });

  it("picks the right pair among many states", () => {
    const buffer = new StateBuffer();
    for (let seq = 1; seq <= 10; seq++) buffer.push(gameState({ seq, ball: { x: seq * 10 } }), seq * 100);
    expect(buffer.sampleAt(425)!.ball.x).toBeCloseTo(42.5);
    expect(buffer.sampleAt(150)!.ball.x).toBeCloseTo(15);
  });

  it("holds the oldest state before the buffer starts", () => {
    const buffer = new StateBuffer();
    buffer.push(gameState({ seq: 1, ball: { x: 100 } }), 1000);
    buffer.push(gameState({ seq: 2, ball: { x: 200 } }), 1100);
    expect(buffer.sampleAt(900)!.ball.x).toBe(100);
  });

  it("snaps the ball instead of sliding it when a point is scored", () => {
    const buffer = new StateBuffer();
    buffer.push(gameState({ seq: 1, ball: { x: 500, y: 790 } }), 1000);
    buffer.push(gameState({ seq: 2, ball: { x: 300, y: 400 }, score2: 1, serving: true }), 1033);
    const sample = buffer.sampleAt(1010)!;
    expect(sample.ball).toEqual({ x: 300, y: 400 });
  });

  it("snaps when the serve launches the ball", () => {
    const serving = gameState({ seq: 1, serving: true });
    const launched = gameState({ seq: 2, ball: { x: 310, y: 380 }, serving: false });
    expect(isDiscontinuous(serving, launched)).toBe(true);
    expect(isDiscontinuous(launched, gameState({ seq: 3, ball: { x: 320, y: 360 } }))).toBe(false);
  });

  it("extrapolates from the ball's velocity, but only for a short while", () => {
    const buffer = new StateBuffer({ maxExtrapolationMs: 100 });
    buffer.push(gameState({ seq: 1, ball: { x: 300, y: 400, vx: 100, vy: -200 } }), 1000);
    const soon = buffer.sampleAt(1050)!;
    expect(soon.extrapolated).toBe(true);
    expect(soon.ball.x).toBeCloseTo(305);
    expect(soon.ball.y).toBeCloseTo(390);
    // Starved for a whole second: the ball stops 100 ms after the last state.
    const late = buffer.sampleAt(2000)!;
    expect(late.ball.x).toBeCloseTo(310);
    expect(late.ball.y).toBeCloseTo(380);
  });

  it("keeps an extrapolated ball inside the field", () => {
    const buffer = new StateBuffer({ maxExtrapolationMs: 1000 });
    buffer.push(gameState({ seq: 1, ball: { x: 590, y: 400, vx: 1000, vy: 0 } }), 0);
    expect(buffer.sampleAt(500)!.ball.x).toBe(592);
  });

  it("does not extrapolate a ball waiting for its serve or a match not in play", () => {
    const buffer = new StateBuffer();
    buffer.push(gameState({ seq: 1, ball: { vx: 100, vy: 100 }, serving: true }), 0);
    expect(buffer.sampleAt(50)!.ball).toEqual({ x: 300, y: 400 });
    buffer.push(gameState({ seq: 2, ball: { vx: 100, vy: 100 }, status: "finished" }), 100);
    expect(buffer.sampleAt(150)!.extrapolated).toBe(false);
  });

  it("drops states whose seq is not newer than the newest one", () => {
    const buffer = new StateBuffer();
    expect(buffer.push(gameState({ seq: 5, ball: { x: 100 } }), 1000)).toBe(true);
    expect(buffer.push(gameState({ seq: 4, ball: { x: 999 } }), 1010)).toBe(false);
    expect(buffer.push(gameState({ seq: 5, ball: { x: 999 } }), 1020)).toBe(false);
    expect(buffer.size).toBe(1);
    expect(buffer.latest()!.ball.x).toBe(100);
  });

  it("never lets arrival times run backwards", () => {
    const buffer = new StateBuffer();
    buffer.push(gameState({ seq: 1, ball: { x: 100 } }), 1000);
    buffer.push(gameState({ seq: 2, ball: { x: 200 } }), 900);
    expect(buffer.sampleAt(1000)!.ball.x).toBe(200);
  });

  it("starts over for another match and after clear()", () => {
    const buffer = new StateBuffer();
    buffer.push(gameState({ seq: 50 }), 0);
    expect(buffer.push(gameState({ seq: 1, matchId: 8 }), 10)).toBe(true);
    expect(buffer.size).toBe(1);
    buffer.clear();
    expect(buffer.push(gameState({ seq: 1, matchId: 8 }), 20)).toBe(true);
  });

  it("keeps at most `capacity` states", () => {
    const buffer = new StateBuffer({ capacity: 4 });
    for (let seq = 1; seq <= 10; seq++) buffer.push(gameState({ seq }), seq);
    expect(buffer.size).toBe(4);
  });
});
