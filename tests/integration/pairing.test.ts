// Quick pairing over the wire, on both back-ends: seek, seek_cancel, the pool's refusals, leaving
// when the last tab closes, and a pairing both players hear of and can play. Tests run one after
// another on one app, and each leaves the pool empty (its sockets close), so pool sizes are exact.
import { describe, expect, it } from "vitest";
import { keys } from "@/lib/infra/store/keys";
import type { PairingFound, SeekStatus } from "@/lib/protocol/game";
import { backends } from "../helpers/backends";
import { connectGame, declareReady, emitAck, enterAsPlayer, nextEvent, nextState, playingDuel, suiteApp, trackBall, type OnlineUser } from "../helpers/protocol";

const settings = { POINTS_TO_WIN: "1" };

const seek = (player: OnlineUser) => emitAck<{ pool_size: number }>(player.game, "seek", { type: "seek" });
const found = (player: OnlineUser) => nextEvent<PairingFound>(player.game, "pairing_found");

describe.each(backends)("quick pairing on $name", (backend) => {
  const { user, server: app, closeAfterTest } = suiteApp(backend, settings);
  const poolSize = () => app().context.store.hashLength(keys.pairingPool);
  /** The player's /game sockets, as the process ledgers count them. */
  const openPages = async (player: OnlineUser) => {
    const { store } = app().context;
    const counts = await Promise.all(Object.keys(await store.hashGetAll(keys.processes)).map((id) => store.hashGet(keys.processPresence(id), `${player.id}:${player.username}`)));
    return counts.reduce((sum, count) => sum + Number(count ?? 0), 0);
  };

  it("pairs two seekers: every tab of both hears pairing_found with the same rated match, the lower-rated player 1, and they play it", async () => {
    const [alice, bob] = [await user("alice"), await user("bob")];
    // Bob is rated higher, so he is player 2 whoever sought first.
    await app().context.db.user.update({ where: { id: bob.id }, data: { rating: 1550, ratingDeviation: 80, ratedAt: new Date() } });
    const bobSecondTab = await connectGame(bob.api, bob);
    closeAfterTest(bobSecondTab);
    const heard = [found(alice), found(bob), found(bobSecondTab)];

    const bobWaits = nextEvent<SeekStatus>(bobSecondTab.game, "seek_status");
    expect(await seek(bob)).toEqual({ ok: true, pool_size: 1 });
    expect(await bobWaits).toEqual({ type: "seek_status", seeking: true, pool_size: 1, waited_ms: 0 });
    expect(await seek(alice)).toMatchObject({ ok: true });

    const [forAlice, forBob, forBobsTab] = await Promise.all(heard);
    expect(forAlice).toEqual({ type: "pairing_found", match_id: forBob!.match_id, opponent: bob.username, rated: true });
    expect(forBob).toEqual({ type: "pairing_found", match_id: forAlice!.match_id, opponent: alice.username, rated: true });
    expect(forBobsTab).toEqual(forBob);
    expect(await poolSize()).toBe(0);

    const matchId = forAlice!.match_id;
    expect(await enterAsPlayer(alice, matchId)).toBe("player1");
    expect(await enterAsPlayer(bob, matchId)).toBe("player2");
    const playing = nextState(alice.game, (state) => state.status === "playing");
    await declareReady(alice, "player1");
    await declareReady(bob, "player2");
    await playing;
    const stop = trackBall(alice, "player1");
    expect(await nextState(alice.game, (state) => state.status === "finished")).toMatchObject({ winner: alice.username });
    stop();
    // Rated: the result moves both ratings.
    const stored = () => app().context.db.match.findUniqueOrThrow({ where: { id: matchId } });
    await expect.poll(async () => (await stored()).player1RatingAfter, { timeout: 10_000 }).not.toBeNull();
    expect(await stored()).toMatchObject({ rated: true, player1Id: alice.id, player1RatingBefore: 1500, player2Id: bob.id });
  });

  it("seek_cancel leaves the pool: the next seeker waits alone, and every tab hears it", async () => {
    const [alice, bob] = [await user("alice"), await user("bob")];
    expect(await seek(alice)).toEqual({ ok: true, pool_size: 1 });
    const left = nextEvent<SeekStatus>(alice.game, "seek_status", (message) => !message.seeking);
    expect(await emitAck(alice.game, "seek_cancel", { type: "seek_cancel" })).toEqual({ ok: true });
    expect(await left).toEqual({ type: "seek_status", seeking: false });
    expect(await seek(bob)).toEqual({ ok: true, pool_size: 1 });
    // Alice may seek again.
    const paired = [found(alice), found(bob)];
    expect(await seek(alice)).toMatchObject({ ok: true });
    const [forAlice, forBob] = await Promise.all(paired);
    expect(forAlice!.match_id).toBe(forBob!.match_id);
  });

  it("closing the last tab leaves the pool; closing one of two does not", async () => {
    const alice = await user("alice");
    const secondTab = await connectGame(alice.api, alice);
    expect(await seek(alice)).toEqual({ ok: true, pool_size: 1 });
    secondTab.game.close();
    // The other tab still counts: she waits on.
    await expect.poll(() => openPages(alice), { timeout: 10_000 }).toBe(1);
    expect(await poolSize()).toBe(1);
    const bob = await user("bob");
    expect(await emitAck(bob.game, "seek_cancel", { type: "seek_cancel" })).toEqual({ ok: true });
    alice.game.close();
    await expect.poll(poolSize, { timeout: 10_000 }).toBe(0);
    expect(await seek(bob)).toEqual({ ok: true, pool_size: 1 });
  });

  it("refuses a player already seeking (already_seeking), one in a match (in_match) and one with an open challenge (pending)", async () => {
    const [alice, bob, carol, dave] = [await user("alice"), await user("bob"), await user("carol"), await user("dave")];
    expect(await seek(alice)).toMatchObject({ ok: true });
    expect(await seek(alice)).toMatchObject({ ok: false, error: { code: "already_seeking" } });
    expect(await emitAck(alice.game, "seek_cancel", { type: "seek_cancel" })).toEqual({ ok: true });

    await playingDuel(alice, bob);
    expect(await seek(alice)).toMatchObject({ ok: false, error: { code: "in_match" } });

    expect(await emitAck(carol.game, "challenge", { type: "challenge", target: dave.username })).toMatchObject({ ok: true });
    expect(await seek(carol)).toMatchObject({ ok: false, error: { code: "pending" } });
    expect(await seek(dave)).toMatchObject({ ok: false, error: { code: "pending" } });
    expect(await poolSize()).toBe(0);
  });

  it("a challenge takes a waiting player out of the pool", async () => {
    const [alice, bob] = [await user("alice"), await user("bob")];
    expect(await seek(alice)).toMatchObject({ ok: true });
    const left = nextEvent<SeekStatus>(alice.game, "seek_status", (message) => !message.seeking);
    expect(await emitAck(bob.game, "challenge", { type: "challenge", target: alice.username })).toMatchObject({ ok: true });
    await left;
    expect(await poolSize()).toBe(0);
  });

  it("a challenger paired between the accept and create_match: the duel is refused (busy), one match each", async () => {
    const [alice, bob, carol] = [await user("alice"), await user("bob"), await user("carol")];
    const offered = nextEvent<{ challenge_id: string }>(bob.game, "challenge");
    expect(await emitAck(alice.game, "challenge", { type: "challenge", target: bob.username })).toMatchObject({ ok: true });
    const { challenge_id } = await offered;
    expect(await emitAck(bob.game, "challenge_reply", { type: "challenge_reply", challenge_id, reply: "accept" })).toEqual({ ok: true });

    // Before Bob's page creates the duel, Alice presses Play now and is paired with Carol.
    const paired = found(alice);
    expect(await seek(alice)).toMatchObject({ ok: true });
    expect(await seek(carol)).toMatchObject({ ok: true });
    const { match_id } = await paired;

    expect(await bob.api.createMatch(bob, alice.username)).toMatchObject({ status: 409, body: { error: { code: "busy" } } });
    const alicesMatches = await app().context.db.match.findMany({ where: { OR: [{ player1Id: alice.id }, { player2Id: alice.id }] }, select: { id: true } });
    expect(alicesMatches).toEqual([{ id: match_id }]);
  });
});
