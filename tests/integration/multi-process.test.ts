// Two server.ts processes on one PostgreSQL and one Redis: a duel whose players and spectators
// are spread over both, quick pairing across them, and the chat and presence seen from either.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage, PresenceMessage } from "@/lib/protocol/chat";
import type { ChallengeClosed, GameData, PairingFound } from "@/lib/protocol/game";
import type { TournamentJson } from "@/lib/protocol/tournament";
import { scaledOut } from "../helpers/backends";
import { matchOwner } from "../helpers/faults";
import { agreeDuel, closeAll, connectGame, declareReady, emitAck, enterAsPlayer, joinMatch, nextEvent, nextState, onlineUser, postJson, trackBall, type OnlineUser } from "../helpers/protocol";
import { startServer, type RunningServer } from "../helpers/server";
import { connectSocket, connected } from "../helpers/users";
import { autoPlay, createTournament, tournamentAction, tournamentEnd, watchTournament } from "../helpers/tournament";

describe.runIf(scaledOut)("two processes on PostgreSQL + Redis", () => {
  let first: RunningServer;
  let second: RunningServer;

  beforeAll(async () => {
    const environment = { ...(await scaledOut!.environment()), POINTS_TO_WIN: "2" };
    [first, second] = await Promise.all([startServer(environment), startServer(environment)]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it("plays a duel to the end with the challenger on one process, the target on the other and a spectator on each", async () => {
    const alice = await onlineUser(first.url, "alice");
    const bob = await onlineUser(second.url, "bob");
    const watchers = [await onlineUser(first.url, "watch1"), await onlineUser(second.url, "watch2")];
    try {
      const matchId = await agreeDuel(alice, bob);
      await enterAsPlayer(alice, matchId);
      await enterAsPlayer(bob, matchId);
      for (const watcher of watchers) expect((await joinMatch(watcher, matchId)).role).toBe("spectator");

      // Everyone records every state they receive.
      const everyone = [alice, bob, ...watchers];
      const seen = everyone.map(() => new Map<number, GameData>());
      everyone.forEach((user, index) => user.game.on("game_state", ({ game_state }: { game_state: GameData }) => seen[index]!.set(game_state.seq, game_state)));

      await declareReady(alice, "player1");
      await declareReady(bob, "player2");
      const stopTracking = trackBall(alice, "player1");
      const finals = await Promise.all(everyone.map((user) => nextState(user.game, (state) => state.status === "finished")));
      stopTracking();

      for (const final of finals) expect(final).toMatchObject({ match_id: matchId, winner: alice.username, player1: { score: 2 }, player2: { score: 0 } });
      expect(new Set(finals.map((final) => final.seq)).size).toBe(1);
      // The same state under the same sequence number on both processes.
      const shared = [...seen[0]!.keys()].filter((seq) => everyone.every((_, index) => seen[index]!.has(seq)));
      expect(shared.length).toBeGreaterThan(20);
      for (const seq of shared) for (const states of seen.slice(1)) expect(states.get(seq)).toEqual(seen[0]!.get(seq));

      // The result is stored once, readable from either process.
      for (const server of [first, second]) {
        await expect
          .poll(async () => (await (await fetch(`${server.url}/game/matches/${matchId}/`)).json()) as object, { timeout: 10_000 })
          .toMatchObject({ status: "finished", winner: alice.username });
      }
    } finally {
      closeAll(alice, bob, ...watchers);
    }
  });

  it("pairs two players who seek on different processes: both hear pairing_found for one match and play it", async () => {
    const alice = await onlineUser(first.url, "seek1");
    const bob = await onlineUser(second.url, "seek2");
    try {
      const heard = [alice, bob].map((player) => nextEvent<PairingFound>(player.game, "pairing_found"));
      for (const player of [alice, bob]) expect(await emitAck(player.game, "seek", { type: "seek" })).toMatchObject({ ok: true });
      const [forAlice, forBob] = await Promise.all(heard);
      expect(forAlice).toMatchObject({ match_id: forBob!.match_id, opponent: bob.username, rated: true });
      expect(forBob).toMatchObject({ opponent: alice.username });
      // Equal ratings: the lower user id is player 1.
      const matchId = forAlice!.match_id;
      expect(await enterAsPlayer(alice, matchId)).toBe("player1");
      expect(await enterAsPlayer(bob, matchId)).toBe("player2");
      await declareReady(alice, "player1");
      await declareReady(bob, "player2");
      const stopTracking = trackBall(alice, "player1");
      expect(await nextState(bob.game, (state) => state.status === "finished")).toMatchObject({ match_id: matchId, winner: alice.username });
      stopTracking();
    } finally {
      closeAll(alice, bob);
    }
  });

  it("carries chat messages and presence across processes", async () => {
    const alice = await onlineUser(first.url, "chatty");
    const bob = await onlineUser(second.url, "listener");
    const aliceChat = connectSocket(first.url, "/chat", alice.cookie);
    const bobChat = connectSocket(second.url, "/chat", bob.cookie);
    try {
      const bobSeesAlice = nextEvent<PresenceMessage>(bobChat, "presence", (message) => message.users.some((user) => user.username === alice.username));
      await Promise.all([connected(aliceChat), connected(bobChat)]);
      expect((await bobSeesAlice).users.find((user) => user.username === alice.username)?.status).toBe("online");

      const heard = nextEvent<ChatMessage>(bobChat, "chat_message", (message) => message.author === alice.username);
      expect(await emitAck(aliceChat, "chat_message", { type: "chat_message", text: "hello from process one" })).toMatchObject({ ok: true });
      expect((await heard).text).toBe("hello from process one");

      const aliceGone = nextEvent<PresenceMessage>(bobChat, "presence", (message) => !message.users.some((user) => user.username === alice.username));
      alice.game.close();
      aliceChat.close();
      await aliceGone;
    } finally {
      closeAll(alice, bob);
      aliceChat.close();
      bobChat.close();
    }
  });

  it("keeps one owner per match: commands sent to either process reach it", async () => {
    const alice = await onlineUser(first.url, "own1");
    const bob = await onlineUser(second.url, "own2");
    try {
      const matchId = await agreeDuel(alice, bob);
      await enterAsPlayer(alice, matchId);
      await enterAsPlayer(bob, matchId);
      await declareReady(alice, "player1");
      await declareReady(bob, "player2");
      const playing = await nextState(bob.game, (state) => state.status === "playing");
      // Bob's paddle input travels from the second process to the owner and comes back moved.
      bob.game.emit("player2_position", { type: "player2_position", position: playing.player2.position - 200, direction: -1 });
      const moved = await nextState(alice.game, (state) => state.player2.position < playing.player2.position);
      expect(moved.player2.position).toBeLessThan(playing.player2.position);
      const metrics = await Promise.all([first, second].map(async (server) => ((await (await fetch(`${server.url}/api/metrics/`)).json()) as { ownedMatches: number }).ownedMatches));
      expect(metrics.reduce((sum, owned) => sum + owned, 0)).toBe(1);
    } finally {
      closeAll(alice, bob);
    }
  });

  it("answers players on either process with the owner's verdict: refusals, then acceptances", async () => {
    const alice = await onlineUser(first.url, "verdict1");
    const bob = await onlineUser(second.url, "verdict2");
    try {
      const matchId = await agreeDuel(alice, bob);
      const players = [
        [alice, "player1"],
        [bob, "player2"],
      ] as const;
      for (const [player] of players) await joinMatch(player, matchId);
      // One process runs the match: one of the two is answered locally, the other through Redis.
      for (const [player, slot] of players) {
        expect(await emitAck(player.game, "ready", { type: "ready", player: slot })).toMatchObject({ ok: false, error: { code: "bad_state" } });
      }
      for (const [player, slot] of players) {
        expect(await emitAck(player.game, "register", { type: "register", player: slot, user: player.username, match_id: matchId })).toEqual({ ok: true });
        expect(await emitAck(player.game, "ready", { type: "ready", player: slot })).toEqual({ ok: true });
      }
      expect(await emitAck(bob.game, "ready", { type: "ready", player: "player2" })).toMatchObject({ ok: false, error: { code: "bad_state" } });
    } finally {
      closeAll(alice, bob);
    }
  });
});

describe.runIf(scaledOut)("answers across two processes: first reply, owner not answering", () => {
  let first: RunningServer;
  let second: RunningServer;

  beforeAll(async () => {
    const environment = await scaledOut!.environment();
    [first, second] = await Promise.all([startServer(environment), startServer(environment)]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it("lets the first reply win when two tabs of the target, on different processes, both answer: the other gets bad_state", async () => {
    const alice = await onlineUser(first.url, "first1");
    const bob = await onlineUser(first.url, "first2");
    const bobElsewhere = await connectGame(second.url, bob);
    try {
      const tabs = [bob, bobElsewhere];
      const offers = tabs.map((tab) => nextEvent<{ challenge_id: string }>(tab.game, "challenge"));
      expect(await emitAck(alice.game, "challenge", { type: "challenge", target: bob.username })).toMatchObject({ ok: true });
      const [{ challenge_id }] = (await Promise.all(offers)) as [{ challenge_id: string }];
      const heard = nextEvent<{ reply: string }>(alice.game, "challenge_reply");
      const closed = nextEvent<ChallengeClosed>(alice.game, "challenge_closed");
      // Different answers, so the one the challenger hears says which reply won.
      const replies = ["accept", "decline"] as const;
      const answers = await Promise.all(tabs.map((tab, index) => emitAck(tab.game, "challenge_reply", { type: "challenge_reply", challenge_id, reply: replies[index] })));
      expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
      const winner = answers.findIndex((answer) => answer.ok);
      expect(answers[1 - winner]).toMatchObject({ ok: false, error: { code: "bad_state" } });
      expect((await heard).reply).toBe(replies[winner]);
      expect((await closed).reason).toBe(replies[winner] === "accept" ? "accepted" : "declined");
    } finally {
      closeAll(alice, bob, bobElsewhere);
    }
  });

  it("answers unavailable when the process running the match does not answer within 3 s", async () => {
    const alice = await onlineUser(first.url, "frozen1");
    const bob = await onlineUser(first.url, "frozen2");
    const extra: OnlineUser[] = [];
    let owner: RunningServer | undefined;
    try {
      const matchId = await agreeDuel(alice, bob);
      // These servers run nothing else: the one that reports a match owns this one.
      owner = await matchOwner([first, second]);
      const other = owner === first ? second : first;
      const [aliceThere, bobThere] = other === first ? [alice, bob] : [await connectGame(other.url, alice), await connectGame(other.url, bob)];
      if (other !== first) extra.push(aliceThere, bobThere);
      for (const player of [aliceThere, bobThere]) {
        expect((await postJson(player, `/game/matches/${matchId}/join/`)).status).toBe(200);
        await joinMatch(player, matchId);
      }
      // The owner stops answering (frozen, its lease still held): a command through the other process gets unavailable.
      owner.process.kill("SIGSTOP");
      const refused = await emitAck(aliceThere.game, "register", { type: "register", player: "player1", user: alice.username, match_id: matchId });
      owner.process.kill("SIGCONT");
      expect(refused).toMatchObject({ ok: false, error: { code: "unavailable" } });
      // Once it answers again, so do commands through the other process.
      expect(await emitAck(bobThere.game, "register", { type: "register", player: "player2", user: bob.username, match_id: matchId })).toEqual({ ok: true });
    } finally {
      owner?.process.kill("SIGCONT");
      closeAll(alice, bob, ...extra);
    }
  });
});

describe.runIf(scaledOut)("reconnection across two processes", () => {
  let first: RunningServer;
  let second: RunningServer;

  beforeAll(async () => {
    const environment = { ...(await scaledOut!.environment()), POINTS_TO_WIN: "5", RECONNECT_GRACE_MS: "8000" };
    [first, second] = await Promise.all([startServer(environment), startServer(environment)]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it("resumes a paused match when the player comes back through the other process", async () => {
    const alice = await onlineUser(first.url, "hop1");
    const bob = await onlineUser(first.url, "hop2");
    const carol = await onlineUser(second.url, "hopwatch");
    try {
      const matchId = await agreeDuel(alice, bob);
      await enterAsPlayer(alice, matchId);
      await enterAsPlayer(bob, matchId);
      await joinMatch(carol, matchId);
      const playing = nextState(carol.game, (state) => state.status === "playing");
      await declareReady(alice, "player1");
      await declareReady(bob, "player2");
      await playing;

      const paused = nextState(carol.game, (state) => state.status === "paused");
      bob.game.close();
      const pause = await paused;
      expect(pause.paused?.player).toBe(bob.username);

      const bobOnSecond = await connectGame(second.url, bob);
      const resumed = nextState(carol.game, (state) => state.status === "playing");
      expect((await joinMatch(bobOnSecond, matchId)).role).toBe("player2");
      const back = await resumed;
      expect([back.player1.score, back.player2.score]).toEqual([pause.player1.score, pause.player2.score]);
      bobOnSecond.game.close();
    } finally {
      closeAll(alice, bob, carol);
    }
  });
});

describe.runIf(scaledOut)("a tournament across two processes", () => {
  let first: RunningServer;
  let second: RunningServer;

  beforeAll(async () => {
    // Generous: entering a match (three round-trips) is not what this test measures.
    const environment = { ...(await scaledOut!.environment()), REGISTER_TIMEOUT_MS: "15000" };
    [first, second] = await Promise.all([startServer(environment), startServer(environment)]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it("runs a 4-player tournament whose players and watchers are split over both processes", async () => {
    const users = [await onlineUser(first.url, "split0"), await onlineUser(second.url, "split1"), await onlineUser(first.url, "split2"), await onlineUser(second.url, "split3")];
    const players = users.map((user) => autoPlay(user));
    try {
      const id = await createTournament(users[0]!, { name: "Split cup", points_to_win: 1 });
      for (const user of users.slice(1)) expect((await tournamentAction(user, id, "join")).status).toBe(200);
      const rooms = await Promise.all([watchTournament(users[1]!, id), watchTournament(users[2]!, id)]);
      const ends = rooms.map((room) => tournamentEnd(room.socket));
      const updates = rooms.map((room) => nextEvent<{ tournament: { status: string } }>(room.socket, "tournament_update", (message) => message.tournament.status === "running"));
      expect((await tournamentAction(users[0]!, id, "start")).status).toBe(200);
      await Promise.all(updates);
      for (const end of await Promise.all(ends)) expect(end).toMatchObject({ tournament_id: id, winner: users[0]!.username });
      for (const server of [first, second]) {
        expect(await (await fetch(`${server.url}/game/tournaments/${id}/`)).json()).toMatchObject({ status: "finished", winner: users[0]!.username });
      }
      // Every player entered every match they were told about (none was refused on either process)…
      for (const player of players) player.assertNoFailures();
      expect(players.map((player) => player.readyMessages.length)).toEqual([2, 2, 1, 1]);
      // …and every match was played to a score: none was decided by a no-show or a forfeit.
      const final = (await (await fetch(`${second.url}/game/tournaments/${id}/`)).json()) as TournamentJson;
      const matches = final.rounds.flatMap((round) => round.matches);
      expect(matches).toHaveLength(3);
      for (const match of matches) expect(match).toMatchObject({ status: "finished", forfeit_reason: null, score1: 1, score2: 0, winner: match.player1 });
      for (const match of matches) {
        expect(await (await fetch(`${first.url}/game/matches/${match.match_id}/`)).json()).toMatchObject({ status: "finished", forfeit_reason: null, player1: { score: 1 }, player2: { score: 0 } });
      }
      rooms.forEach((room) => room.socket.close());
    } finally {
      players.forEach((player) => player.stop());
      closeAll(...users);
    }
  });
});
