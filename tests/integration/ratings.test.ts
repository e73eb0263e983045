// Glicko-2 ratings over the wire, on both back-ends: a rated duel moves both players' ratings
// exactly as Glicko-2 says, in the same write as the result, and the match room hears it; an unrated one moves nothing; a
// forfeit counts as a loss.
import { describe, expect, it } from "vitest";
import { INITIAL_RATING, rateGame } from "@/lib/domain/rating/glicko2";
import { backends } from "../helpers/backends";
import type { MatchRated } from "@/lib/protocol/game";
import { agreeDuel, emitAck, enterAsPlayer, nextEvent, nextState, playingDuel, suiteApp, trackBall, type OnlineUser } from "../helpers/protocol";

const settings = { POINTS_TO_WIN: "1" };

describe.each(backends)("ratings on $name", (backend) => {
  const { user, server: app } = suiteApp(backend, settings);

  const storedResult = async (matchId: number) => {
    await expect.poll(async () => (await app().context.matches.json(matchId))?.status, { timeout: 10_000 }).toMatch(/finished|forfeited/);
    return app().context.db.match.findUniqueOrThrow({ where: { id: matchId } });
  };
  const ratingOf = async (player: OnlineUser) => (await app().context.users.rating(player.id))!;

  it("two new players' first rated game moves both ratings exactly as Glicko-2 says, stored with the result", async () => {
    const [alice, bob, carol] = [await user("alice"), await user("bob"), await user("carol")];
    const matchId = await playingDuel(alice, bob);
    expect((await emitAck(carol.game, "join_match", { type: "join_match", match_id: matchId })).ok).toBe(true);
    // Both players' and the spectator's result screens hear the change live.
    const heard = [alice, bob, carol].map((viewer) => nextEvent<MatchRated>(viewer.game, "match_rated"));
    const stop = trackBall(alice, "player1");
    await nextState(alice.game, (state) => state.status === "finished");
    stop();

    const row = await storedResult(matchId);
    for (const message of await Promise.all(heard)) {
      expect(message).toEqual({
        type: "match_rated",
        match_id: matchId,
        player1: { before: 1500, after: row.player1RatingAfter },
        player2: { before: 1500, after: row.player2RatingAfter },
      });
    }
    const expected = rateGame(INITIAL_RATING, INITIAL_RATING, 1);
    expect(row).toMatchObject({ rated: true, player1RatingBefore: 1500, player2RatingBefore: 1500 });
    expect(row.player1RatingAfter).toBeCloseTo(expected.a.rating, 9);
    expect(row.player2RatingAfter).toBeCloseTo(expected.b.rating, 9);
    const [forAlice, forBob] = [await ratingOf(alice), await ratingOf(bob)];
    expect(forAlice).toMatchObject({ games: 1, provisional: true });
    expect(forAlice.value).toBeCloseTo(expected.a.rating, 9);
    expect(forAlice.deviation).toBeCloseTo(expected.a.deviation, 9);
    expect(forAlice.volatility).toBeCloseTo(expected.a.volatility, 9);
    expect(forBob.value).toBeCloseTo(expected.b.rating, 9);
  });

  it("a forfeit counts as a loss for the player who left", async () => {
    const [alice, bob] = [await user("alice"), await user("bob")];
    const matchId = await playingDuel(alice, bob);
    const left = await emitAck(bob.game, "leave_match", { type: "leave_match", match_id: matchId });
    expect(left.ok).toBe(true);

    expect(await storedResult(matchId)).toMatchObject({ status: "forfeited", forfeitReason: "quit" });
    const expected = rateGame(INITIAL_RATING, INITIAL_RATING, 1);
    expect((await ratingOf(alice)).value).toBeCloseTo(expected.a.rating, 9);
    expect((await ratingOf(bob)).value).toBeCloseTo(expected.b.rating, 9);
  });

  it("a duel challenged as unrated moves nothing", async () => {
    const [alice, bob] = [await user("alice"), await user("bob")];
    const matchId = await agreeDuel(alice, bob, { rated: false });
    await enterAsPlayer(alice, matchId);
    await enterAsPlayer(bob, matchId);
    expect((await emitAck(bob.game, "leave_match", { type: "leave_match", match_id: matchId })).ok).toBe(true);

    expect(await storedResult(matchId)).toMatchObject({ rated: false, status: "forfeited", player1RatingBefore: null, player1RatingAfter: null });
    for (const player of [alice, bob]) expect(await ratingOf(player)).toEqual({ value: 1500, deviation: 350, volatility: 0.06, provisional: true, games: 0 });
  });
});
