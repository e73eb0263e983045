import { describe, expect, it } from "vitest";
import type { GameData } from "@/lib/protocol/game";
import { detectEvents } from "./game-events";

function state(seq: number, overrides: { vx?: number; vy?: number; score1?: number; score2?: number; serving?: boolean; status?: GameData["status"]; matchId?: number } = {}): GameData {
  const player = (username: string, score: number) => ({ username, position: 300, direction: 0 as const, score, registered: true, ready: true, connected: true });
  return {
    match_id: overrides.matchId ?? 3,
    tournament_id: null,
    status: overrides.status ?? "playing",
    seq,
    tick: seq * 2,
    countdown: null,
    register_deadline_ms: null,
    paused: null,
    spectators: 0,
    serving: overrides.serving ?? false,
    player1: player("alice", overrides.score1 ?? 0),
    player2: player("bob", overrides.score2 ?? 0),
    ball: { x: 300, y: 400, vx: overrides.vx ?? 200, vy: overrides.vy ?? 300 },
    field: { width: 600, height: 800, paddle_width: 100, paddle_height: 12, paddle_margin: 24, ball_radius: 8 },
    points_to_win: 5,
    winner: null,
    forfeit_reason: null,
  };
}

describe("detectEvents", () => {
  it("sees nothing while the ball flies on", () => {
    expect(detectEvents(state(1), state(2))).toEqual([]);
  });

  it("sees player1's paddle hit when the ball going down (toward the bottom) comes back up", () => {
    expect(detectEvents(state(1, { vy: 300 }), state(2, { vy: -318 }))).toEqual([{ type: "paddle", slot: "player1" }]);
    expect(detectEvents(state(1, { vy: -300 }), state(2, { vy: 318 }))).toEqual([{ type: "paddle", slot: "player2" }]);
  });

  it("counts an edge hit that also turns the ball sideways as the paddle hit alone", () => {
    expect(detectEvents(state(1, { vx: 200, vy: 300 }), state(2, { vx: -250, vy: -280 }))).toEqual([{ type: "paddle", slot: "player1" }]);
  });

  it("sees a wall bounce when only the sideways direction turns", () => {
    expect(detectEvents(state(1, { vx: 200 }), state(2, { vx: -200 }))).toEqual([{ type: "wall" }]);
    expect(detectEvents(state(1, { vx: -200 }), state(2, { vx: 200 }))).toEqual([{ type: "wall" }]);
  });

  it("sees a point with the scorer and the new score, not the ball's reset", () => {
    expect(detectEvents(state(1, { vy: 300 }), state(2, { vy: 0, vx: 0, score2: 1, serving: true }))).toEqual([
      { type: "point", scorer: "player2", scores: { player1: 0, player2: 1 } },
    ]);
  });

  it("sees the winning point when the state that carries it is already finished", () => {
    expect(detectEvents(state(1, { score1: 1 }), state(2, { score1: 2, status: "finished" }))).toEqual([
      { type: "point", scorer: "player1", scores: { player1: 2, player2: 0 } },
    ]);
  });

  it("sees no hit when the ball is served, paused, counted down or stopped", () => {
    expect(detectEvents(state(1, { serving: true, vx: 0, vy: 0 }), state(2, { vx: -200, vy: -300 }))).toEqual([]);
    expect(detectEvents(state(1, { vy: 300 }), state(2, { vy: -300, status: "paused" }))).toEqual([]);
    expect(detectEvents(state(1, { vy: 300, status: "countdown" }), state(2, { vy: -300 }))).toEqual([]);
    expect(detectEvents(state(1, { vy: 300 }), state(2, { vy: 0 }))).toEqual([]);
  });

  it("ignores an older state and another match's state", () => {
    expect(detectEvents(state(5, { vy: 300 }), state(4, { vy: -300, score1: 1 }))).toEqual([]);
    expect(detectEvents(state(1, { vy: 300 }), state(2, { vy: -300, matchId: 9 }))).toEqual([]);
  });
});
