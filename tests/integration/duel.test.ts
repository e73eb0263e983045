// The duel flow over the wire, on both back-ends: challenges, a match to the end, forfeits,
// authorization and malformed input. One full duel runs on a server.ts process (its result on the
// API and the profile pages); the rest on the app booted in-process.
import { describe, expect, it } from "vitest";
import { INITIAL_RATING, rateGame } from "@/lib/domain/rating/glicko2";
import type { ChallengeClosed, GameData } from "@/lib/protocol/game";
import { backends } from "../helpers/backends";
import {
  agreeDuel,
  declareReady,
  emitAck,
  enterAsPlayer,
  joinMatch,
  nextEvent,
  nextState,
  suiteApp,
  suiteServer,
  trackBall,
  type OnlineUser,
} from "../helpers/protocol";
import { Encoder, PacketType } from "socket.io-parser";

// The timeouts stay at their defaults (30 s) where they are not what a test is about: entering a
// match takes several round-trips, which a loaded machine may spread over seconds.
const settings = { POINTS_TO_WIN: "2" };
/** For the tests of the timeouts themselves: short, but each one covers the steps before it. */
const timeouts = { POINTS_TO_WIN: "2", CHALLENGE_TIMEOUT_MS: "3000", REGISTER_TIMEOUT_MS: "6000", RECONNECT_GRACE_MS: "1500" };

describe.each(backends)("duel to the end, over HTTP, on $name", (backend) => {
  // A server.ts process: the result is read back from the API and the players' profile pages.
  const { url, user } = suiteServer(backend, settings);

  it("plays a full duel to a finished result, stored once and shown on both profiles", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const matchId = await agreeDuel(alice, bob);

    expect(await enterAsPlayer(alice, matchId)).toBe("player1");
    expect(await enterAsPlayer(bob, matchId)).toBe("player2");
    const countdown = nextState(alice.game, (state) => state.status === "countdown");
    const playing = nextState(bob.game, (state) => state.status === "playing");
    await declareReady(alice, "player1");
    await declareReady(bob, "player2");
    expect((await countdown).countdown).toBe(3);
    await playing;

    const stopTracking = trackBall(alice, "player1");
    const [finalForAlice, finalForBob] = await Promise.all([
      nextState(alice.game, (state) => state.status === "finished"),
      nextState(bob.game, (state) => state.status === "finished"),
    ]);
    stopTracking();
    expect(finalForAlice).toMatchObject({ match_id: matchId, winner: alice.username, forfeit_reason: null });
    expect(finalForAlice.player1.score).toBe(2);
    expect(finalForAlice.player2.score).toBe(0);
    expect(finalForBob.player1.score).toBe(2);

    // The stored result, read back over HTTP once the owner has written it.
    await expect
      .poll(async () => (await (await fetch(`${url()}/game/matches/${matchId}/`)).json()) as { status: string }, { timeout: 10_000 })
      .toMatchObject({ status: "finished" });
    // The public card of each player, without logging in: the rated win moved both ratings.
    const card = async (name: string) => (await fetch(`${url()}/api/users/${encodeURIComponent(name.toUpperCase())}/`)).json();
    const expected = rateGame(INITIAL_RATING, INITIAL_RATING, 1);
    expect(await card(alice.username)).toEqual({
      username: alice.username,
      joined_at: expect.any(String),
      ai_level: null,
      rating: { value: expected.a.rating, deviation: expected.a.deviation, volatility: expected.a.volatility, provisional: true, games: 1 },
      wins: 1,
      losses: 0,
      tournaments_won: 0,
    });
    expect(await card(bob.username)).toMatchObject({ rating: { value: expected.b.rating, games: 1 }, wins: 0, losses: 1 });
    expect((await fetch(`${url()}/api/users/%25/`)).status).toBe(404);
    const stored = (await (await fetch(`${url()}/game/matches/${matchId}/`)).json()) as Record<string, unknown>;
    expect(stored).toMatchObject({
      match_id: matchId,
      status: "finished",
      player1: { username: alice.username, score: 2, rating_before: 1500, rating_after: expected.a.rating },
      player2: { username: bob.username, score: 0, rating_before: 1500, rating_after: expected.b.rating },
      rated: true,
      winner: alice.username,
      forfeit_reason: null,
      started_at: expect.any(String),
      ended_at: expect.any(String),
    });
    // Exactly one result per match: one line in each player's history, and the record counts it once.
    for (const player of [alice, bob]) {
      const html = await (await fetch(`${url()}/users/${player.username}/`)).text();
      expect(html.match(/data-testid="match-history"/g)).toHaveLength(1);
      expect(html.match(new RegExp(`vs (<!-- -->)?${player === alice ? bob.username : alice.username}`, "g"))).toHaveLength(1);
      expect(html).toMatch(new RegExp(`data-testid="profile-wins"[^>]*>${player === alice ? 1 : 0}<`));
      expect(html).toMatch(new RegExp(`data-testid="profile-losses"[^>]*>${player === alice ? 0 : 1}<`));
    }
    // Both players are free again: a new challenge between them goes through.
    await expect.poll(async () => (await emitAck(bob.game, "challenge", { type: "challenge", target: alice.username })).ok, { timeout: 5_000 }).toBe(true);
  });
});

describe.each(backends)("duel on $name", (backend) => {
  const { server, user, closeAfterTest } = suiteApp(backend, settings);

  it("tells the challenger when the target declines, and creates no match", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const offered = nextEvent<{ challenge_id: string; from: string; timeout_ms: number }>(bob.game, "challenge");
    const sent = await emitAck<{ challenge_id: string }>(alice.game, "challenge", { type: "challenge", target: bob.username });
    expect(sent).toMatchObject({ ok: true, challenge_id: expect.any(String) });
    const offer = await offered;
    expect(offer).toMatchObject({ type: "challenge", from: alice.username, timeout_ms: 30_000 });

    const reply = nextEvent(alice.game, "challenge_reply");
    const closedForBob = nextEvent<ChallengeClosed>(bob.game, "challenge_closed");
    expect(await emitAck(bob.game, "challenge_reply", { type: "challenge_reply", challenge_id: offer.challenge_id, reply: "decline" })).toEqual({ ok: true });
    expect(await reply).toEqual({ type: "challenge_reply", challenge_id: offer.challenge_id, reply: "decline", from: bob.username });
    expect((await closedForBob).reason).toBe("declined");

    const created = await bob.api.createMatch(bob, alice.username);
    expect(created).toMatchObject({ status: 403, body: { error: { code: "no_accepted_challenge" } } });
  });

  it("lets the challenger cancel; the target's accept then creates nothing", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const offered = nextEvent<{ challenge_id: string }>(bob.game, "challenge");
    await emitAck(alice.game, "challenge", { type: "challenge", target: bob.username });
    const { challenge_id } = await offered;
    const closed = nextEvent<ChallengeClosed>(bob.game, "challenge_closed");
    expect(await emitAck(bob.game, "challenge_cancel", { type: "challenge_cancel", challenge_id })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await emitAck(alice.game, "challenge_cancel", { type: "challenge_cancel", challenge_id })).toEqual({ ok: true });
    expect((await closed).reason).toBe("cancelled");
    expect(await emitAck(bob.game, "challenge_reply", { type: "challenge_reply", challenge_id, reply: "accept" })).toMatchObject({ ok: false, error: { code: "bad_state" } });
    expect((await bob.api.createMatch(bob, alice.username)).status).toBe(403);
  });

  it("answers the first accept only, across two tabs of the target", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const bobSecondTab = { ...bob, game: (await onlineUserTab(bob)).game };
    closeAfterTest(bobSecondTab);
    const offers = [nextEvent<{ challenge_id: string }>(bob.game, "challenge"), nextEvent<{ challenge_id: string }>(bobSecondTab.game, "challenge")];
    await emitAck(alice.game, "challenge", { type: "challenge", target: bob.username });
    const [{ challenge_id }] = (await Promise.all(offers)) as [{ challenge_id: string }, { challenge_id: string }];
    const answers = await Promise.all(
      [bob, bobSecondTab].map((tab) => emitAck(tab.game, "challenge_reply", { type: "challenge_reply", challenge_id, reply: "accept" })),
    );
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    const first = await bob.api.createMatch(bob, alice.username);
    const second = await bob.api.createMatch(bob, alice.username);
    expect(first.status).toBe(201);
    // Bob is in the first match now: the second call is refused before it looks for a challenge.
    expect(second).toMatchObject({ status: 409, body: { error: { code: "in_match" } } });
    expect(await server().context.db.match.count({ where: { player1Id: alice.id } })).toBe(1);
  });

  it("refuses challenges to unknown, self, offline, busy and already-challenged players, and a second open challenge", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const carol = await user("carol");
    const offline = await server().newUser("offline");
    const challenge = (from: OnlineUser, target: string) => emitAck(from.game, "challenge", { type: "challenge", target });

    expect(await challenge(alice, "nobody_here_x")).toMatchObject({ ok: false, error: { code: "unknown_user" } });
    expect(await challenge(alice, alice.username)).toMatchObject({ ok: false, error: { code: "self" } });
    expect(await challenge(alice, offline.username)).toMatchObject({ ok: false, error: { code: "offline" } });

    expect(await challenge(alice, bob.username)).toMatchObject({ ok: true });
    expect(await challenge(alice, carol.username)).toMatchObject({ ok: false, error: { code: "pending" } });
    expect(await challenge(carol, bob.username)).toMatchObject({ ok: false, error: { code: "busy" } });

    // In a match: busy for others, in_match for themselves.
    const dave = await user("dave");
    const erin = await user("erin");
    await agreeDuel(dave, erin);
    expect(await challenge(carol, dave.username)).toMatchObject({ ok: false, error: { code: "busy" } });
    expect(await challenge(erin, carol.username)).toMatchObject({ ok: false, error: { code: "in_match" } });
  });

  it("refuses moving the other paddle, registering as the other player, and spectators' actions", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const matchId = await agreeDuel(alice, bob);
    await alice.api.joinAsPlayer(alice, matchId);
    await joinMatch(alice, matchId);
    expect(await emitAck(alice.game, "register", { type: "register", player: "player2", user: alice.username, match_id: matchId })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await emitAck(alice.game, "register", { type: "register", player: "player1", user: bob.username, match_id: matchId })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await emitAck(alice.game, "ready", { type: "ready", player: "player1" })).toMatchObject({ ok: false, error: { code: "bad_state" } });
    expect(await emitAck(alice.game, "register", { type: "register", player: "player1", user: alice.username, match_id: matchId })).toEqual({ ok: true });
    await enterAsPlayer(bob, matchId);

    const carol = await user("carol");
    expect((await carol.api.joinAsPlayer(carol, matchId)).status).toBe(403);
    const watching = await joinMatch(carol, matchId);
    expect(watching.role).toBe("spectator");
    expect(await emitAck(carol.game, "register", { type: "register", player: "player1", user: carol.username, match_id: matchId })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await emitAck(carol.game, "ready", { type: "ready", player: "player2" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await emitAck(carol.game, "player1_position", { type: "player1_position", position: 10, direction: -1 })).toMatchObject({ ok: false, error: { code: "forbidden" } });

    const playing = nextState(carol.game, (state) => state.status === "playing");
    await declareReady(alice, "player1");
    await declareReady(bob, "player2");
    const before = await playing;
    const moved = await emitAck(alice.game, "player2_position", { type: "player2_position", position: 50, direction: -1 });
    expect(moved).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const later = await nextState(carol.game, (state) => state.seq > before.seq + 3);
    expect(later.player2.position).toBe(before.player2.position);
  });

  it("refuses malformed and oversized messages without disturbing the match", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    await startedMatch(alice, bob);
    const malformed: [string, unknown][] = [
      ["register", "not an object"],
      ["register", { type: "register", player: "player3", user: alice.username, match_id: 1 }],
      ["ready", { type: "ready" }],
      ["player1_position", { type: "player1_position", position: "left", direction: 0 }],
      ["player1_position", { type: "player1_position", position: 1e9, direction: 0 }],
      ["player1_position", { type: "player1_position", position: 10, direction: 5 }],
      ["challenge", { type: "challenge", target: "x".repeat(10_000) }],
      ["join_match", { type: "join_match", match_id: -4 }],
      ["join_match", null],
    ];
    for (const [event, payload] of malformed) {
      expect(await emitAck(alice.game, event, payload)).toMatchObject({ ok: false, error: { code: "invalid_message" } });
    }
    // Without an acknowledgement the refusal comes back as an `error` event.
    const errorEvent = nextEvent<{ type: string; code: string }>(alice.game, "error");
    alice.game.emit("ready", { nonsense: true });
    expect(await errorEvent).toMatchObject({ type: "error", code: "invalid_message" });

    // Frames of exactly 16 KiB are read; one byte more closes the sender's connection (only theirs).
    const dave = await user("dave");
    const refusedUnread = nextEvent<{ code: string }>(dave.game, "error");
    dave.game.emit("challenge", challengeOfFrameBytes(MAX_FRAME_BYTES));
    expect(await refusedUnread).toMatchObject({ code: "invalid_message" });
    expect(dave.game.connected).toBe(true);

    const carol = await user("carol");
    const carolGone = new Promise<{ reason: string; code?: number }>((resolve) =>
      carol.game.once("disconnect", (reason, description) => resolve({ reason, code: (description as { context?: { code?: number } } | undefined)?.context?.code })),
    );
    carol.game.emit("challenge", challengeOfFrameBytes(MAX_FRAME_BYTES + 1));
    // The server's WebSocket closes with 1009 (message too big): the client sees the transport close.
    expect(await carolGone).toEqual({ reason: "transport close", code: 1009 });
    expect(dave.game.connected).toBe(true);

    // The match goes on: states keep coming and the score can still change.
    const current = await nextState(alice.game, () => true);
    const advanced = await nextState(alice.game, (state) => state.tick > current.tick + 30);
    expect(advanced.status).toBe("playing");
  });

  async function onlineUserTab(existing: OnlineUser): Promise<OnlineUser> {
    const { connectGame } = await import("../helpers/protocol");
    return connectGame(server(), existing);
  }
});

describe.each(backends)("duel timeouts on $name", (backend) => {
  const { server, user } = suiteApp(backend, timeouts);

  it("expires an unanswered challenge and tells both sides; a late answer is refused", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const offered = nextEvent<{ challenge_id: string }>(bob.game, "challenge");
    const expiredForAlice = nextEvent<ChallengeClosed>(alice.game, "challenge_closed");
    const expiredForBob = nextEvent<ChallengeClosed>(bob.game, "challenge_closed");
    await emitAck(alice.game, "challenge", { type: "challenge", target: bob.username });
    const { challenge_id } = await offered;
    expect(await expiredForAlice).toMatchObject({ challenge_id, reason: "expired" });
    expect(await expiredForBob).toMatchObject({ challenge_id, reason: "expired" });
    const late = await emitAck(bob.game, "challenge_reply", { type: "challenge_reply", challenge_id, reply: "accept" });
    expect(late).toMatchObject({ ok: false, error: { code: "bad_state" } });
  });

  it("forfeits the player who does not register in time", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const matchId = await agreeDuel(alice, bob);
    await enterAsPlayer(alice, matchId);
    await joinMatch(bob, matchId);
    const waiting = await nextState(alice.game, (state) => state.register_deadline_ms !== null);
    expect(waiting.register_deadline_ms).toBeLessThanOrEqual(Number(timeouts.REGISTER_TIMEOUT_MS));
    const over = await nextState(alice.game, (state) => state.status === "forfeited");
    expect(over).toMatchObject({ winner: alice.username, forfeit_reason: "register_timeout" });
    await expect
      .poll(async () => (await server().matchJson(matchId)) ?? {}, { timeout: 10_000 })
      .toMatchObject({ status: "forfeited", forfeit_reason: "register_timeout", winner: alice.username });
  });

  it("pauses for a player who disconnects mid-game, then forfeits them when the grace period ends", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const matchId = await startedMatch(alice, bob);
    const paused = nextState(alice.game, (state) => state.status === "paused");
    const over = nextState(alice.game, (state) => state.status === "forfeited");
    bob.game.close();
    expect((await paused).paused).toMatchObject({ player: bob.username, seconds_left: expect.any(Number) });
    expect(await over).toMatchObject({ winner: alice.username, forfeit_reason: "disconnect" });
    await expect
      .poll(async () => (await server().matchJson(matchId)) ?? {}, { timeout: 10_000 })
      .toMatchObject({ status: "forfeited", forfeit_reason: "disconnect", winner: alice.username });
  });

  it("voids a match neither player registers for: no winner, both free again", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const matchId = await agreeDuel(alice, bob);
    await expect
      .poll(async () => (await server().matchJson(matchId)) ?? {}, { timeout: 30_000 })
      .toMatchObject({ status: "forfeited", forfeit_reason: "no_show", winner: null });
    await expect.poll(async () => (await emitAck(alice.game, "challenge", { type: "challenge", target: bob.username })).ok, { timeout: 5_000 }).toBe(true);
  });
});

/** A match both players have registered for and readied, now playing. */
async function startedMatch(alice: OnlineUser, bob: OnlineUser): Promise<number> {
  const matchId = await agreeDuel(alice, bob);
  await enterAsPlayer(alice, matchId);
  await enterAsPlayer(bob, matchId);
  const playing = nextState(alice.game, (state: GameData) => state.status === "playing");
  await declareReady(alice, "player1");
  await declareReady(bob, "player2");
  await playing;
  return matchId;
}

const MAX_FRAME_BYTES = 16 * 1024;

/** A `challenge` payload whose WebSocket frame (engine.io "4" + the socket.io packet, no ack) is exactly `bytes` long. */
function challengeOfFrameBytes(bytes: number) {
  const frameOf = (target: string) => {
    const [encoded] = new Encoder().encode({ type: PacketType.EVENT, nsp: "/game", data: ["challenge", { type: "challenge", target }] }) as string[];
    return Buffer.byteLength(`4${encoded}`);
  };
  const target = "x".repeat(bytes - frameOf(""));
  if (frameOf(target) !== bytes) throw new Error("frame size arithmetic");
  return { type: "challenge", target };
}
