import { describe, expect, it } from "vitest";
import { createLiveMatch, forfeit, playerLeft, ready, register, type LiveMatch } from "../domain/game/lifecycle";
import { PLAYER_SLOTS } from "../domain/lists";
import { toGameData } from "./game-data";

const both = { player1: true, player2: true };

function playing(): LiveMatch {
  let match = createLiveMatch(
    { matchId: 7, player1: { id: 1, username: "ann" }, player2: { id: 2, username: "ben" }, pointsToWin: 3, registerTimeoutMs: 30_000, reconnectGraceMs: 15_000, pauseBudgetMs: 60_000 },
    0,
  );
  for (const step of [register, ready] as const) {
    for (const slot of PLAYER_SLOTS) {
      const next = step(match, slot, 0);
      if (!next.ok) throw new Error(next.message);
      match = next.match;
    }
  }
  return match;
}

describe("toGameData", () => {
  it("names the player who is away, and how long they have left, while the match waits for them", () => {
    const away = playerLeft(playing(), "player2", 1_000);
    expect(toGameData(away, 5, { player1: true, player2: false }, 0, 6_000)).toMatchObject({ status: "paused", paused: { player: "ben", seconds_left: 10 } });
  });

  it("shows no pause once the match has ended, even if a player was away when it did", () => {
    const ended = forfeit(playerLeft(playing(), "player2", 1_000), "player2", "disconnect", 16_000);
    expect(toGameData(ended, 6, both, 0, 16_000)).toMatchObject({ status: "forfeited", forfeit_reason: "disconnect", winner: "ann", paused: null });
  });
});
