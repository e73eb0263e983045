// Reconnection instead of instant forfeit, spectators and the lobby's live list, on both back-ends,
// on the app booted in-process.
import { describe, expect, it } from "vitest";
import type { LiveMatchesMessage } from "@/lib/protocol/chat";
import type { GameData, GameStateMessage } from "@/lib/protocol/game";
import { backends } from "../helpers/backends";
import { connectGame, emitAck, joinMatch, nextEvent, nextState, playingDuel, suiteApp } from "../helpers/protocol";
import { connectSocket, connected } from "../helpers/users";

const settings = { POINTS_TO_WIN: "3", RECONNECT_GRACE_MS: "4000", PAUSE_BUDGET_MS: "5000", REGISTER_TIMEOUT_MS: "5000" };

describe.each(backends)("reconnection on $name", (backend) => {
  const { server, user, closeAfterTest } = suiteApp(backend, settings);

  it("pauses for everyone when a player drops and resumes with the same score when they come back in another tab", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const carol = await user("carol");
    const matchId = await playingDuel(alice, bob);
    expect((await joinMatch(carol, matchId)).role).toBe("spectator");
    const before = await nextState(alice.game, (state) => state.spectators === 1);

    const pausedForAlice = nextState(alice.game, (state) => state.status === "paused");
    const pausedForCarol = nextState(carol.game, (state) => state.status === "paused");
    bob.game.close();
    const paused = await pausedForAlice;
    expect(paused.paused).toEqual({ player: bob.username, seconds_left: expect.any(Number) });
    expect(paused.paused!.seconds_left).toBeLessThanOrEqual(4);
    expect((await pausedForCarol).paused?.player).toBe(bob.username);
    // Frozen: nothing moves while paused.
    const later = await nextState(carol.game, (state) => state.seq > paused.seq + 1);
    expect(later.ball).toEqual(paused.ball);
    expect(later.tick).toBe(paused.tick);

    const countdown = nextState(alice.game, (state) => state.status === "countdown");
    const resumed = nextState(alice.game, (state) => state.status === "playing");
    const bobAgain = await connectGame(server(), bob);
    closeAfterTest(bobAgain);
    expect((await joinMatch(bobAgain, matchId)).role).toBe("player2");
    expect((await countdown).countdown).toBe(3);
    const back = await resumed;
    expect([back.player1.score, back.player2.score]).toEqual([paused.player1.score, paused.player2.score]);
    expect(back.paused).toBeNull();
    expect(back.tick).toBeGreaterThanOrEqual(before.tick);
    // The returning tab can play at once.
    expect(await emitAck(bobAgain.game, "player2_position", { type: "player2_position", position: 100, direction: -1 })).toEqual({ ok: true });
  });

  it("forfeits a player who stays away past the grace period, with a single result", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const matchId = await playingDuel(alice, bob);
    const over = nextState(alice.game, (state) => state.status === "forfeited");
    bob.game.close();
    expect(await over).toMatchObject({ winner: alice.username, forfeit_reason: "disconnect" });
    await expect
      .poll(async () => (await server().matchJson(matchId)) ?? {}, { timeout: 10_000 })
      .toMatchObject({ status: "forfeited", forfeit_reason: "disconnect", winner: alice.username });
    const history = await server().context.users.recentMatches(alice.id);
    expect(history.filter((match) => match.id === matchId)).toHaveLength(1);
  });

  it("close_match takes the socket out of the room without forfeiting: the player is away, the match pauses, and comes back on join_match", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const matchId = await playingDuel(alice, bob);
    const pausedForAlice = nextState(alice.game, (state) => state.status === "paused");
    const bobSaw: GameData[] = [];
    expect(await emitAck(bob.game, "close_match", { type: "close_match", match_id: matchId })).toEqual({ ok: true });
    bob.game.on("game_state", ({ game_state }: GameStateMessage) => bobSaw.push(game_state));
    const paused = await pausedForAlice;
    expect(paused.paused?.player).toBe(bob.username);
    expect(paused.player2.connected).toBe(false);
    // Still connected, but out of the room: none of the states sent since the pause reach Bob's socket.
    await nextState(alice.game, (state) => state.seq > paused.seq + 2);
    expect(bob.game.connected).toBe(true);
    expect(bobSaw.filter((state) => state.seq >= paused.seq)).toEqual([]);
    expect(await server().matchJson(matchId)).toMatchObject({ status: "playing", forfeit_reason: null });

    // Not a forfeit: joining again from the same socket resumes the match.
    const resumed = nextState(alice.game, (state) => state.status === "playing");
    expect((await joinMatch(bob, matchId)).role).toBe("player2");
    expect([(await resumed).player1.score, (await resumed).player2.score]).toEqual([paused.player1.score, paused.player2.score]);
  });

  it("counts spectators down when one leaves the match and when one disconnects", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const carol = await user("carol");
    const dave = await user("dave");
    const matchId = await playingDuel(alice, bob);
    const two = nextState(alice.game, (state) => state.spectators === 2);
    for (const watcher of [carol, dave]) expect((await joinMatch(watcher, matchId)).role).toBe("spectator");
    await two;
    const one = nextState(alice.game, (state) => state.spectators === 1);
    expect(await emitAck(carol.game, "leave_match", { type: "leave_match", match_id: matchId })).toEqual({ ok: true });
    await one;
    const none = nextState(alice.game, (state) => state.spectators === 0);
    dave.game.close();
    expect((await none).status).toBe("playing");
  });

  it("forfeits at once on an explicit leave, with reason quit", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const matchId = await playingDuel(alice, bob);
    const over = nextState(alice.game, (state) => state.status === "forfeited");
    expect(await emitAck(bob.game, "leave_match", { type: "leave_match", match_id: matchId })).toEqual({ ok: true });
    expect(await over).toMatchObject({ winner: alice.username, forfeit_reason: "quit" });
  });

  it("lists live matches in the lobby as they start and drops them when they end", async () => {
    const watcher = await user("watcher");
    const chat = connectSocket(server().url, "/chat", watcher.cookie);
    try {
      const initial = nextEvent<LiveMatchesMessage>(chat, "live_matches");
      await connected(chat);
      await initial;
      const alice = await user("alice");
      const bob = await user("bob");
      const listed = nextEvent<LiveMatchesMessage>(chat, "live_matches", (message) => message.matches.some((match) => match.player1 === alice.username));
      const matchId = await playingDuel(alice, bob);
      const entry = (await listed).matches.find((match) => match.match_id === matchId);
      expect(entry).toMatchObject({ player1: alice.username, player2: bob.username, tournament_id: null });

      const gone = nextEvent<LiveMatchesMessage>(chat, "live_matches", (message) => !message.matches.some((match) => match.match_id === matchId));
      await emitAck(bob.game, "leave_match", { type: "leave_match", match_id: matchId });
      await gone;
    } finally {
      chat.close();
    }
  });
});

// A grace period far longer than the test may run, and a small pause budget: only the budget can
// end the match while the test waits.
const budgetSettings = { POINTS_TO_WIN: "3", RECONNECT_GRACE_MS: "600000", PAUSE_BUDGET_MS: "4000" };

describe.each(backends)("pause budget on $name", (backend) => {
  const { server, user, closeAfterTest } = suiteApp(backend, budgetSettings);

  it("forfeits a player whose pause budget is spent, long before the grace period ends", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const matchId = await playingDuel(alice, bob);

    // First drop: the countdown is the budget's (4 s), not the grace's (600 s). Back once half of it is spent.
    const firstPause = nextState(alice.game, (state) => state.status === "paused");
    const halfSpent = nextState(alice.game, (state) => state.status === "paused" && state.paused!.seconds_left <= 2);
    bob.game.close();
    expect((await firstPause).paused!.seconds_left).toBeLessThanOrEqual(4);
    await halfSpent;
    const bobAgain = await connectGame(server(), bob);
    closeAfterTest(bobAgain);
    const resumed = nextState(alice.game, (state) => state.status === "playing");
    expect((await joinMatch(bobAgain, matchId)).role).toBe("player2");
    await resumed;

    // Second drop: what is left of the budget (at most 2 s) runs out, and Bob forfeits.
    const pausedAgain = nextState(alice.game, (state) => state.status === "paused");
    const over = nextState(alice.game, (state) => state.status === "forfeited");
    bobAgain.game.close();
    expect((await pausedAgain).paused!.seconds_left).toBeLessThanOrEqual(2);
    expect(await over).toMatchObject({ winner: alice.username, forfeit_reason: "disconnect" });
    await expect
      .poll(async () => (await server().matchJson(matchId)) ?? {}, { timeout: 10_000 })
      .toMatchObject({ status: "forfeited", forfeit_reason: "disconnect", winner: alice.username });
  });
});
