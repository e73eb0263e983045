import { describe, expect, it } from "vitest";
import { PADDLE_MAX_SPEED, TICK_SECONDS } from "./constants";
import { advance, COUNTDOWN_MS, createLiveMatch, forfeit, MAX_INPUT_GAP_MS, movePlayer, playerLeft, playerReturned, ready, register, type LiveMatch } from "./lifecycle";

const newMatch = (pointsToWin = 1) =>
  createLiveMatch({ matchId: 7, player1: { id: 1, username: "alice" }, player2: { id: 2, username: "bob" }, pointsToWin, registerTimeoutMs: 30_000, reconnectGraceMs: 15_000, pauseBudgetMs: 20_000 }, 0);

function expectOk(result: ReturnType<typeof register>): LiveMatch {
  if (!result.ok) throw new Error(result.message);
  return result.match;
}

describe("match lifecycle", () => {
  describe("a practice match", () => {
    const practice = () =>
      createLiveMatch({ matchId: 7, player1: { id: 1, username: "alice" }, player2: { id: 9, username: "ai_level_3" }, pointsToWin: 1, registerTimeoutMs: 30_000, reconnectGraceMs: 15_000, pauseBudgetMs: 20_000, aiLevel: 3 }, 0);

    it("has its AI as player 2, registered and ready from the start, with its state in the match", () => {
      const match = practice();
      expect(match.players.player2).toMatchObject({ registered: true, ready: true });
      expect(match.ai).toMatchObject({ level: 3, slot: "player2" });
      expect(newMatch().ai).toBeUndefined();
    });

    it("counts down once the human has registered and is ready", () => {
      const match = expectOk(ready(expectOk(register(practice(), "player1", 1_000)), "player1", 2_000));
      expect(match).toMatchObject({ status: "countdown", countdownEndsAt: 2_000 + COUNTDOWN_MS, registerDeadline: null });
    });

    it("never has its AI away: no pause, no forfeit for it", () => {
      const match = expectOk(ready(expectOk(register(practice(), "player1", 0)), "player1", 0));
      const playing = advance(playerLeft(match, "player2", 10), COUNTDOWN_MS, TICK_SECONDS);
      expect(playing.status).toBe("playing");
      expect(advance(playing, 3_600_000, TICK_SECONDS).status).toBe("playing");
    });

    it("is void, with no winner, when the human never registers", () => {
      expect(advance(practice(), 29_999, TICK_SECONDS).status).toBe("waiting");
      expect(advance(practice(), 30_000, TICK_SECONDS)).toMatchObject({ status: "forfeited", winner: null, forfeitReason: "no_show" });
    });
  });

  it("starts the other player's register clock at the first registration and forfeits them when it runs out", () => {
    let match = expectOk(register(newMatch(), "player1", 1_000));
    expect(match.registerDeadline).toBe(31_000);
    match = advance(match, 30_999, TICK_SECONDS);
    expect(match.status).toBe("waiting");
    match = advance(match, 31_000, TICK_SECONDS);
    expect(match).toMatchObject({ status: "forfeited", winner: "player1", forfeitReason: "register_timeout", endedAt: 31_000 });
  });

  it("voids the match with no winner when neither player registers in time", () => {
    const match = newMatch();
    expect(advance(match, 29_999, TICK_SECONDS).status).toBe("waiting");
    expect(advance(match, 30_000, TICK_SECONDS)).toMatchObject({ status: "forfeited", winner: null, forfeitReason: "no_show" });
  });

  it("clears the deadline when both have registered", () => {
    let match = expectOk(register(newMatch(), "player2", 0));
    match = expectOk(register(match, "player1", 10_000));
    expect(match.registerDeadline).toBeNull();
    expect(advance(match, 60_000, TICK_SECONDS).status).toBe("waiting");
  });

  it("refuses ready before register, counts down 3 s once both are ready, then plays", () => {
    let match = newMatch();
    expect(ready(match, "player1", 0)).toMatchObject({ ok: false, error: "bad_state" });
    match = expectOk(register(match, "player1", 0));
    match = expectOk(register(match, "player2", 0));
    match = expectOk(ready(match, "player1", 100));
    expect(match.status).toBe("waiting");
    match = expectOk(ready(match, "player2", 200));
    expect(match).toMatchObject({ status: "countdown", countdownEndsAt: 200 + COUNTDOWN_MS });
    expect(advance(match, 200 + COUNTDOWN_MS - 1, TICK_SECONDS).status).toBe("countdown");
    match = advance(match, 200 + COUNTDOWN_MS, TICK_SECONDS);
    expect(match).toMatchObject({ status: "playing", startedAt: 200 + COUNTDOWN_MS });
    expect(register(match, "player1", 0)).toMatchObject({ ok: false });
  });

  it("finishes when the simulation has a winner", () => {
    let match: LiveMatch = { ...newMatch(1), status: "playing" };
    for (let tick = 0; tick < 60 * 30 && match.status === "playing"; tick++) match = advance(match, tick, TICK_SECONDS);
    expect(match.status).toBe("finished");
    expect(match.winner).not.toBeNull();
    expect(match.sim.paddles[match.winner!].score).toBe(1);
  });

  it("forfeits once: the first forfeit stands", () => {
    const match = forfeit(newMatch(), "player2", "disconnect", 5);
    expect(match).toMatchObject({ status: "forfeited", winner: "player1", forfeitReason: "disconnect" });
    expect(forfeit(match, "player1", "quit", 6)).toBe(match);
  });

  it("clamps a paddle input to the maximum speed over at most the input gap", () => {
    const match = newMatch();
    const start = match.sim.paddles.player1.x;
    const first = movePlayer(match, "player1", 0, -1, 1_000);
    expect(start - first.sim.paddles.player1.x).toBeCloseTo((PADDLE_MAX_SPEED * MAX_INPUT_GAP_MS) / 1000);
    const second = movePlayer(first, "player1", 0, -1, 1_010);
    expect(first.sim.paddles.player1.x - second.sim.paddles.player1.x).toBeCloseTo(PADDLE_MAX_SPEED * 0.01);
    // A long silence banks no extra movement.
    const afterSilence = movePlayer(second, "player1", 0, -1, 60_000);
    expect(second.sim.paddles.player1.x - afterSilence.sim.paddles.player1.x).toBeLessThanOrEqual((PADDLE_MAX_SPEED * MAX_INPUT_GAP_MS) / 1000 + 1e-9);
    expect(afterSilence.sim.paddles.player2).toEqual(match.sim.paddles.player2);
  });

  it("pauses a game when a player leaves and resumes with a countdown and the same score when they return", () => {
    let match: LiveMatch = { ...newMatch(5), status: "playing", startedAt: 1 };
    match = { ...match, sim: { ...match.sim, paddles: { ...match.sim.paddles, player1: { ...match.sim.paddles.player1, score: 2 } } } };
    match = playerLeft(match, "player2", 1_000);
    expect(match.status).toBe("paused");
    const frozen = advance(match, 5_000, TICK_SECONDS);
    expect(frozen.sim).toBe(match.sim);
    match = playerReturned(frozen, "player2", 6_000);
    expect(match).toMatchObject({ status: "countdown", countdownEndsAt: 6_000 + COUNTDOWN_MS });
    expect(match.players.player2).toMatchObject({ absentSince: null, pauseBudgetMs: 15_000 });
    match = advance(match, 6_000 + COUNTDOWN_MS, TICK_SECONDS);
    expect(match).toMatchObject({ status: "playing", startedAt: 1 });
    expect(match.sim.paddles.player1.score).toBe(2);
  });

  it("forfeits an absent player when the grace period ends", () => {
    const match = playerLeft({ ...newMatch(), status: "playing" }, "player1", 0);
    expect(advance(match, 14_999, TICK_SECONDS).status).toBe("paused");
    expect(advance(match, 15_000, TICK_SECONDS)).toMatchObject({ status: "forfeited", winner: "player2", forfeitReason: "disconnect" });
  });

  it("cuts the grace short when the pause budget runs out, and forfeits at once when it is spent", () => {
    let match: LiveMatch = { ...newMatch(), status: "playing" };
    match = playerReturned(playerLeft(match, "player1", 0), "player1", 12_000);
    match = advance(match, 15_000, TICK_SECONDS);
    match = playerLeft(match, "player1", 20_000);
    // 8 s of budget left: the deadline is 8 s away, not 15.
    expect(advance(match, 27_999, TICK_SECONDS).status).toBe("paused");
    expect(advance(match, 28_000, TICK_SECONDS)).toMatchObject({ status: "forfeited", forfeitReason: "disconnect" });
    const spent = { ...match, players: { ...match.players, player1: { ...match.players.player1, absentSince: null, pauseBudgetMs: 0 } }, status: "playing" as const };
    expect(playerLeft(spent, "player1", 30_000)).toMatchObject({ status: "forfeited", winner: "player2" });
  });

  it("waits for an absent player before the start without pausing anything", () => {
    const match = playerLeft(expectOk(register(newMatch(), "player1", 0)), "player1", 100);
    expect(match.status).toBe("waiting");
    expect(playerReturned(match, "player1", 200).players.player1.absentSince).toBeNull();
  });
});
