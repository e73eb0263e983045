// A process killed outright (kill -9: no goodbye) must not leave its users "online", their
// connections counted, their challenges open or anyone "in a game" for ever: the survivors see
// its heartbeat stop and clean up after it, take over the pairing waves it ran, and finish a
// match it had ended without writing the result.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "redis";
import type { PresenceMessage } from "@/lib/protocol/chat";
import type { PairingFound } from "@/lib/protocol/game";
import { scaledOut } from "../helpers/backends";
import { closeAll, connectGame, emitAck, httpApi, nextEvent, onlineUser, type OnlineUser } from "../helpers/protocol";
import { query, storedRatings } from "../helpers/faults";
import { expectReplaysMatchResults } from "../helpers/replays";
import { createLiveMatch, forfeit } from "@/lib/domain/game/lifecycle";
import { movePaddle, step } from "@/lib/domain/game/simulation";
import { TICK_SECONDS } from "@/lib/domain/game/constants";
import { createRecording, recordInput } from "@/lib/domain/replay";
import { storedRecording } from "@/lib/engine/match-store";
import { startServer, type RunningServer } from "../helpers/server";
import { connectSocket, connected, registerAndLogin } from "../helpers/users";

describe.runIf(scaledOut)("clean-up after a process killed with kill -9", () => {
  let survivor: RunningServer;
  let victim: RunningServer;
  let environment: Record<string, string>;

  beforeAll(async () => {
    environment = { ...(await scaledOut!.environment()), PROCESS_TIMEOUT_MS: "2000", CHALLENGE_TIMEOUT_MS: "4000", SOCKETS_PER_USER: "1" };
    [survivor, victim] = await Promise.all([startServer(environment), startServer(environment)]);
  });
  afterAll(async () => {
    await Promise.all([survivor, victim].map((server) => server?.stop()));
  });

  it("drops the dead process's users from the online list, frees their connections and expires their challenges", async () => {
    const watcher = await onlineUser(survivor.url, "watcher");
    const lobby = connectSocket(survivor.url, "/chat", (await registerAndLogin(survivor.url, "lobby")).cookie);
    // Two connections for the watcher would pass SOCKETS_PER_USER=1: the lobby is another user's.
    await connected(lobby);
    const doomed = await onlineUser(victim.url, "doomed");
    const others: OnlineUser[] = [watcher];
    try {
      const online = (message: PresenceMessage) => message.users.some((user) => user.username === doomed.username);
      await nextEvent<PresenceMessage>(lobby, "presence", online);
      // A challenge whose expiry timer lives on the process about to die.
      const offered = nextEvent<{ challenge_id: string }>(watcher.game, "challenge");
      const sent = await emitAck<{ challenge_id: string }>(doomed.game, "challenge", { type: "challenge", target: watcher.username });
      if (!sent.ok) throw new Error(sent.error.code);
      await offered;
      const expired = nextEvent<{ challenge_id: string; reason: string }>(watcher.game, "challenge_closed", (message) => message.challenge_id === sent.challenge_id);
      const gone = nextEvent<PresenceMessage>(lobby, "presence", (message) => !online(message));

      victim.process.kill("SIGKILL");
      await gone;
      expect((await expired).reason).toBe("expired");
      // The dead process's connection no longer counts against the user's one connection.
      const back = await connectGame(survivor.url, doomed);
      others.push(back);
    } finally {
      lobby.close();
      closeAll(...others);
    }
  });

  it("drops busy marks of matches that are no longer live", async () => {
    const player = await onlineUser(survivor.url, "stale");
    const lobby = connectSocket(survivor.url, "/chat", (await registerAndLogin(survivor.url, "lobby2")).cookie);
    const redis = createClient({ url: environment.REDIS_URL });
    await redis.connect();
    try {
      await connected(lobby);
      const status = (message: PresenceMessage) => message.users.find((user) => user.username === player.username)?.status;
      // As a process stopped between a match's result and its clean-up would leave it.
      const busy = `${environment.REDIS_KEY_PREFIX}:busy`;
      await redis.hSet(busy, String(player.id), "999999");
      const freed = nextEvent<PresenceMessage>(lobby, "presence", (message) => status(message) === "online");
      await expect.poll(() => redis.hGet(busy, String(player.id)), { timeout: 15_000, interval: 200 }).toBeNull();
      await freed;
    } finally {
      await redis.quit();
      lobby.close();
      closeAll(player);
    }
  });

  it("hands the pairing waves over when their lease holder stops renewing it, as a dead process does", async () => {
    const redis = createClient({ url: environment.REDIS_URL });
    await redis.connect();
    const [alice, bob] = [await onlineUser(survivor.url, "lease1"), await onlineUser(survivor.url, "lease2")];
    try {
      // The lease as a process that died mid-wave leaves it: held, never renewed again.
      const lease = `${environment.REDIS_KEY_PREFIX}:pairing:lease`;
      await redis.set(lease, "a-dead-process", { expiration: { type: "PX", value: 3_000 } });
      const found = [alice, bob].map((player) => nextEvent<PairingFound>(player.game, "pairing_found"));
      for (const player of [alice, bob]) expect(await emitAck(player.game, "seek", { type: "seek" })).toMatchObject({ ok: true });
      const [forAlice, forBob] = await Promise.all(found);
      expect(forAlice!.match_id).toBe(forBob!.match_id);
      expect(await redis.get(lease)).not.toBe("a-dead-process");
    } finally {
      await redis.quit();
      closeAll(alice, bob);
    }
  });

  it("finishes a match whose owner died after it ended but before writing the result: the result, its replay and the rating change, once", async () => {
    const redis = createClient({ url: environment.REDIS_URL });
    await redis.connect();
    try {
      const [alice, bob] = [await registerAndLogin(survivor.url, "orphan1"), await registerAndLogin(survivor.url, "orphan2")];
      const [row] = await query<{ id: number }>(environment.DATABASE_URL!, "INSERT INTO matches (player1_id, player2_id, points_to_win, status, started_at) VALUES ($1, $2, 5, 'playing', now()) RETURNING id", [alice.id, bob.id]);
      const matchId = row!.id;
      // As the dead owner left it: the match played a little, then Bob quit; the final snapshot
      // was stored, still listed live, no lease, no result in the database.
      const started = createLiveMatch({ matchId: matchId, player1: alice, player2: bob, pointsToWin: 5, registerTimeoutMs: 30_000, reconnectGraceMs: 15_000, pauseBudgetMs: 60_000 }, Date.now() - 60_000);
      let match = { ...started, status: "playing" as const, startedAt: Date.now() - 50_000 };
      const recording = createRecording({ seed: matchId, pointsToWin: 5 });
      for (let tick = 0; tick < 200; tick++) {
        match = { ...match, sim: step(match.sim, TICK_SECONDS).state };
        match = { ...match, sim: { ...match.sim, paddles: { ...match.sim.paddles, player1: movePaddle(match.sim.paddles.player1, 100 + tick, 1, TICK_SECONDS) } } };
        recordInput(recording, match.sim.tick, "player1", match.sim.paddles.player1.x);
      }
      const over = forfeit(match, "player2", "quit", Date.now() - 10_000);
      const snapshot = { owner: "a-dead-process", savedAt: Date.now() - 10_000, match: over, seq: 99, connected: { player1: true, player2: false }, spectators: 0, recording: storedRecording(recording) };
      const prefix = environment.REDIS_KEY_PREFIX;
      await redis.set(`${prefix}:match:${matchId}:state`, JSON.stringify(snapshot));
      await redis.hSet(`${prefix}:matches:live`, String(matchId), "1");

      await expect
        .poll(async () => (await query<{ status: string; winner_id: number | null; forfeit_reason: string }>(environment.DATABASE_URL!, "SELECT status, winner_id, forfeit_reason FROM matches WHERE id = $1", [matchId]))[0], { timeout: 15_000, interval: 200 })
        .toMatchObject({ status: "forfeited", winner_id: alice.id, forfeit_reason: "quit" });
      expect(await storedRatings(environment.DATABASE_URL!, [alice.id, bob.id])).toMatchObject([{ rated_games: 1 }, { rated_games: 1 }]);
      await expect.poll(() => redis.hGet(`${prefix}:matches:live`, String(matchId)), { timeout: 10_000, interval: 200 }).toBeNull();
      expect(await expectReplaysMatchResults(httpApi(survivor.url))).toBeGreaterThanOrEqual(1);
      const replay = (await (await fetch(`${survivor.url}/game/matches/${matchId}/replay/`)).json()) as { ticks: number };
      expect(replay.ticks).toBe(200);
    } finally {
      await redis.quit();
    }
  });
});
