// Practice matches against the AI, on both back-ends: one played to its end (the AI of level 5
// against a player who never moves), stored as practice and unrated; the human busy meanwhile, a
// spectator watching; the endpoint's refusals; and a practice no-show, void.
import { describe, expect, it } from "vitest";
import { keys } from "@/lib/infra/store/keys";
import type { GameData, SeekStatus } from "@/lib/protocol/game";
import { backends } from "../helpers/backends";
import { declareReady, emitAck, enterAsPlayer, joinMatch, nextEvent, nextState, suiteApp, suiteServer, type OnlineUser } from "../helpers/protocol";

const settings = { POINTS_TO_WIN: "2", REGISTER_TIMEOUT_MS: "4000" };

describe.each(backends)("practice matches on $name", (backend) => {
  const { user, server: app } = suiteApp(backend, settings);
  const practice = async (player: OnlineUser, level: number) => {
    const answer = await app().practice(player, { level });
    if (answer.status !== 201) throw new Error(`practice: ${answer.status} ${JSON.stringify(answer.body)}`);
    return (answer.body as { match_id: number }).match_id;
  };
  const busy = async (player: OnlineUser) => (await app().context.store.hashGet(keys.busy, String(player.id))) !== null;

  it("the AI of level 5 beats a player who never moves; the result is practice, unrated; the human is busy meanwhile and a spectator watches", async () => {
    const [alice, carol] = [await user("alice"), await user("carol")];
    const matchId = await practice(alice, 5);
    expect(await app().matchJson(matchId)).toMatchObject({ player1: { username: alice.username }, player2: { username: "ai_level_5" }, rated: false, status: "created" });
    expect(await busy(alice)).toBe(true);
    expect(await emitAck(carol.game, "challenge", { type: "challenge", target: alice.username })).toMatchObject({ ok: false, error: { code: "busy" } });

    const watched = await joinMatch(carol, matchId);
    expect(watched.role).toBe("spectator");
    // The AI is registered, ready and shown present from the start.
    expect(watched.game_state.player2).toMatchObject({ username: "ai_level_5", registered: true, ready: true, connected: true });

    expect(await enterAsPlayer(alice, matchId)).toBe("player1");
    const playing = nextState(carol.game, (state) => state.status === "playing");
    await declareReady(alice, "player1");
    await playing;
    const over: GameData = await nextState(carol.game, (state) => state.status === "finished");
    expect(over).toMatchObject({ winner: "ai_level_5", player2: { score: 2 } });

    const { db, users } = app().context;
    await expect.poll(async () => (await db.match.findUniqueOrThrow({ where: { id: matchId } })).status, { timeout: 10_000 }).toBe("finished");
    expect(await db.match.findUniqueOrThrow({ where: { id: matchId } })).toMatchObject({ practice: true, rated: false, player1RatingAfter: null, player2RatingAfter: null });
    expect(await db.user.findUniqueOrThrow({ where: { id: alice.id } })).toMatchObject({ rating: 1500, ratedGames: 0 });
    // Not in the human's wins and losses; the AI's record is its games against humans.
    expect(await users.record(alice.id)).toEqual({ wins: 0, losses: 0 });
    const ai = await users.findAi(5);
    expect((await users.record(ai!.id)).wins).toBeGreaterThanOrEqual(1);
    expect(await users.recentMatches(alice.id)).toMatchObject([{ id: matchId, opponent: "ai_level_5", practice: true, won: false }]);
    await expect.poll(() => busy(alice), { timeout: 10_000 }).toBe(false);
  });

  it("refuses bad levels (invalid_input), a player in a match (in_match) or with an open challenge (pending); takes a seeker out of the pool; the AI takes no challenge and is never busy", async () => {
    const [alice, bob, carol, dave] = [await user("alice"), await user("bob"), await user("carol"), await user("dave")];
    for (const body of [{ level: 0 }, { level: 6 }, { level: "3" }, { level: 2.5 }, {}, { level: 3, extra: true }, null]) {
      expect(await app().practice(alice, body)).toMatchObject({ status: 400, body: { error: { code: "invalid_input" } } });
    }

    // Two at once (a double click, two tabs): one match, the other refused.
    const both = await Promise.all([app().practice(alice, { level: 1 }), app().practice(alice, { level: 1 })]);
    expect(both.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(await app().practice(alice, { level: 2 })).toMatchObject({ status: 409, body: { error: { code: "in_match" } } });
    // The AI plays any number of matches at once: it is never busy.
    await practice(bob, 1);
    expect(await app().context.store.hashGet(keys.busy, String((await app().context.users.findAi(1))!.id))).toBeNull();

    expect(await emitAck(carol.game, "challenge", { type: "challenge", target: dave.username })).toMatchObject({ ok: true });
    expect(await app().practice(carol, { level: 3 })).toMatchObject({ status: 409, body: { error: { code: "pending" } } });
    expect(await app().practice(dave, { level: 3 })).toMatchObject({ status: 409, body: { error: { code: "pending" } } });

    // Reserved: nobody signs up or logs in as the AI.
    expect(await app().context.users.create("AI_Level_3", "password123")).toEqual({ ok: false, reason: "taken" });
    expect(await app().context.users.verifyCredentials("ai_level_3", "!")).toBeNull();
    const eve = await user("eve");
    expect(await emitAck(eve.game, "challenge", { type: "challenge", target: "ai_level_3" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await emitAck(eve.game, "seek", { type: "seek" })).toMatchObject({ ok: true });
    const left = nextEvent<SeekStatus>(eve.game, "seek_status", (message) => !message.seeking);
    await practice(eve, 3);
    await left;
    expect(await app().context.store.hashLength(keys.pairingPool)).toBe(0);
  });

  it("a practice match whose player never registers is void: no winner", async () => {
    const alice = await user("alice");
    const matchId = await practice(alice, 2);
    const { db } = app().context;
    await expect.poll(async () => (await db.match.findUniqueOrThrow({ where: { id: matchId } })).status, { timeout: 15_000 }).toBe("forfeited");
    expect(await db.match.findUniqueOrThrow({ where: { id: matchId } })).toMatchObject({ forfeitReason: "no_show", winnerId: null, practice: true });
    await expect.poll(() => app().context.store.hashGet(keys.busy, String(alice.id)), { timeout: 10_000 }).toBeNull();
  });
});

describe.each(backends)("POST /game/matches/practice/ over HTTP on $name", (backend) => {
  const { url, user } = suiteServer(backend, {});

  it("needs a login (401), refuses a bad body (400 invalid_input) and answers 201 { match_id } with the caller as player 1", async () => {
    const anonymous = await fetch(`${url()}/game/matches/practice/`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ level: 1 }) });
    expect(anonymous.status).toBe(401);
    const alice = await user("alice");
    expect(await alice.api.practice(alice, { level: 9 })).toMatchObject({ status: 400, body: { error: { code: "invalid_input" } } });
    const created = await alice.api.practice(alice, { level: 4 });
    expect(created.status).toBe(201);
    const { match_id } = created.body as { match_id: number };
    expect(await alice.api.matchJson(match_id)).toMatchObject({ player1: { username: alice.username }, player2: { username: "ai_level_4" }, rated: false, practice: true });
    expect(await alice.api.joinAsPlayer(alice, match_id)).toMatchObject({ status: 200, body: { player: "player1" } });
    expect(await (await fetch(`${url()}/api/users/AI_LEVEL_4/`)).json()).toMatchObject({ username: "ai_level_4", ai_level: 4 });
  });
});
