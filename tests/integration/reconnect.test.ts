// Reconnection instead of instant forfeit, spectators and the lobby's live list, on both back-ends.
import { describe, expect, it } from "vitest";
import type { LiveMatchesMessage } from "@/lib/protocol/chat";
import { backends } from "../helpers/backends";
import { agreeDuel, connectGame, declareReady, emitAck, enterAsPlayer, joinMatch, nextEvent, nextState, suiteServer, type OnlineUser } from "../helpers/protocol";
import { connectSocket, connected } from "../helpers/users";

const settings = { POINTS_TO_WIN: "3", RECONNECT_GRACE_MS: "4000", PAUSE_BUDGET_MS: "5000", REGISTER_TIMEOUT_MS: "5000" };

describe.each(backends)("reconnection on $name", (backend) => {
  const { url, user, closeAfterTest } = suiteServer(backend, settings);

  async function playing(alice: OnlineUser, bob: OnlineUser): Promise<number> {
    const matchId = await agreeDuel(alice, bob);
    await enterAsPlayer(alice, matchId);
    await enterAsPlayer(bob, matchId);
    const started = nextState(alice.game, (state) => state.status === "playing");
    await declareReady(alice, "player1");
    await declareReady(bob, "player2");
    await started;
    return matchId;
  }

  it("pauses for everyone when a player drops and resumes with the same score when they come back in another tab", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const carol = await user("carol");
    const matchId = await playing(alice, bob);
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
    const bobAgain = await connectGame(url(), bob);
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
    const matchId = await playing(alice, bob);
    const over = nextState(alice.game, (state) => state.status === "forfeited");
    bob.game.close();
    expect(await over).toMatchObject({ winner: alice.username, forfeit_reason: "disconnect" });
    await expect
      .poll(async () => (await (await fetch(`${url()}/game/matches/${matchId}/`)).json()) as object, { timeout: 10_000 })
      .toMatchObject({ status: "forfeited", forfeit_reason: "disconnect", winner: alice.username });
    const html = await (await fetch(`${url()}/users/${alice.username}/`)).text();
    expect(html.match(new RegExp(`vs (<!-- -->)?${bob.username}`, "g"))).toHaveLength(1);
  });

  it("forfeits a player whose pause budget is spent", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const matchId = await playing(alice, bob);
    // Away until 2 s of the 4 s grace are left (2+ s of a 5 s budget), back, then away again:
    // the second grace is cut to what is left of the budget, under 3 s.
    const halfGone = nextState(alice.game, (state) => state.status === "paused" && state.paused!.seconds_left <= 2);
    bob.game.close();
    await halfGone;
    const bobAgain = await connectGame(url(), bob);
    closeAfterTest(bobAgain);
    const resumed = nextState(alice.game, (state) => state.status === "playing");
    await joinMatch(bobAgain, matchId);
    await resumed;
    const pausedAgain = nextState(alice.game, (state) => state.status === "paused");
    const over = nextState(alice.game, (state) => state.status === "forfeited");
    bobAgain.game.close();
    expect((await pausedAgain).paused!.seconds_left).toBeLessThanOrEqual(3);
    expect(await over).toMatchObject({ winner: alice.username, forfeit_reason: "disconnect" });
  });

  it("forfeits at once on an explicit leave, with reason quit", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const matchId = await playing(alice, bob);
    const over = nextState(alice.game, (state) => state.status === "forfeited");
    expect(await emitAck(bob.game, "leave_match", { type: "leave_match", match_id: matchId })).toEqual({ ok: true });
    expect(await over).toMatchObject({ winner: alice.username, forfeit_reason: "quit" });
  });

  it("lists live matches in the lobby as they start and drops them when they end", async () => {
    const watcher = await user("watcher");
    const chat = connectSocket(url(), "/chat", watcher.cookie);
    try {
      const initial = nextEvent<LiveMatchesMessage>(chat, "live_matches");
      await connected(chat);
      await initial;
      const alice = await user("alice");
      const bob = await user("bob");
      const listed = nextEvent<LiveMatchesMessage>(chat, "live_matches", (message) => message.matches.some((match) => match.player1 === alice.username));
      const matchId = await playing(alice, bob);
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
