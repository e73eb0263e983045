// Faults, with the real servers stopped and started inside the tests: a match's owner killed with
// SIGKILL, PostgreSQL down while a result is written, Redis restarted empty in the middle of a
// match. Every scenario runs on a private Redis and a private PostgreSQL that this file starts
// (tests/helpers/services.ts), never on the shared ones the other suites use.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { INITIAL_RATING, rateGame } from "@/lib/domain/rating/glicko2";
import type { GameData } from "@/lib/protocol/game";
import { followBall, kill9, matchOwner, matchRowsBetween, pollUntil, score, stateRecorder, steer, storedRatings, wander, within, type MatchRow } from "../helpers/faults";
import { agreeDuel, closeAll, connectGame, declareReady, emitAck, enterAsPlayer, httpApi, joinMatch, nextState, onlineUser, type OnlineUser } from "../helpers/protocol";
import { expectReplaysMatchResults } from "../helpers/replays";
import { startServer, type RunningServer } from "../helpers/server";
import { privateServicesAvailable, startPostgres, startRedis, type PrivatePostgres, type PrivateRedis } from "../helpers/services";

const POINTS_TO_WIN = 3;
/** Long enough that nobody forfeits while a process or a service is away. */
const SETTINGS = { POINTS_TO_WIN: String(POINTS_TO_WIN), RECONNECT_GRACE_MS: "60000", PAUSE_BUDGET_MS: "120000", LOG_LEVEL: "debug" };

const over = (state: GameData) => state.status === "finished" || state.status === "forfeited";

/** The first rated game of two new players, `winnerId` winning: both ratings moved once, as Glicko-2 says, with the result. */
async function expectRatedOnce(databaseUrl: string, row: MatchRow, winnerId: number, loserId: number): Promise<void> {
  const { a: won, b: lost } = rateGame(INITIAL_RATING, INITIAL_RATING, 1);
  const ratings = new Map((await storedRatings(databaseUrl, [winnerId, loserId])).map((user) => [user.id, user]));
  expect(ratings.get(winnerId)).toMatchObject({ rated_games: 1 });
  expect(ratings.get(loserId)).toMatchObject({ rated_games: 1 });
  expect(ratings.get(winnerId)!.rating).toBeCloseTo(won.rating, 9);
  expect(ratings.get(loserId)!.rating).toBeCloseTo(lost.rating, 9);
  const winnerAfter = row.player1_id === winnerId ? row.player1_rating_after : row.player2_rating_after;
  expect(winnerAfter).toBeCloseTo(won.rating, 9);
}

describe.runIf(privateServicesAvailable)("faults (private PostgreSQL and Redis)", () => {
  let redis: PrivateRedis;
  let postgres: PrivatePostgres;
  const servers: RunningServer[] = [];
  const users: OnlineUser[] = [];
  const inputs: { stop(): void }[] = [];
  /** A player sending paddle inputs (stopped after the test). */
  const play = (...args: Parameters<typeof steer>) => {
    const player = steer(...args);
    inputs.push(player);
    return player;
  };

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  });
  afterEach(async () => {
    for (const player of inputs.splice(0)) player.stop();
    closeAll(...users.splice(0));
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  });
  afterAll(async () => {
    await Promise.all([redis?.stop(), postgres?.destroy()]);
  });

  /** A database and a key prefix of the scenario's own; `prefix` names its Redis keys. */
  async function scenario(name: string, processes: number, settings: Record<string, string> = {}) {
    const suffix = randomBytes(4).toString("hex");
    const databaseUrl = await postgres.createDatabase(`pong_${name}_${suffix}`);
    const prefix = `${name}-${suffix}`;
    const environment = { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix, ...SETTINGS, ...settings };
    const starting = await Promise.allSettled(Array.from({ length: processes }, () => startServer(environment)));
    const started = starting.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    servers.push(...started);
    const failed = starting.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
    // On failure, what the processes said is the first thing to read.
    onTestFailed(() => {
      started.forEach((server, index) => console.error(`\n---- server ${index} (${server.url}) ----\n${server.output().split("\n").slice(-60).join("\n")}`));
    });
    const online = async (server: RunningServer, base: string) => {
      const user = await onlineUser(server.url, base);
      users.push(user);
      return user;
    };
    const reconnect = async (server: RunningServer, user: OnlineUser) => {
      const again = await connectGame(server.url, user);
      users.push(again);
      return again;
    };
    const busy = async () => (await redis.cli("hgetall", `${prefix}:busy`)).trim();
    const storedScore = async (matchId: number) => {
      const raw = (await redis.cli("get", `${prefix}:match:${matchId}:state`)).trim();
      if (!raw) return null;
      const { match } = JSON.parse(raw) as { match: { sim: { paddles: Record<"player1" | "player2", { score: number }> } } };
      return [match.sim.paddles.player1.score, match.sim.paddles.player2.score];
    };
    return { servers: started, databaseUrl, prefix, online, reconnect, busy, storedScore };
  }

  it("resumes a match on the surviving process, with the score it had, after its owner is killed with SIGKILL", { timeout: 120_000 }, async () => {
    const { servers: [first, second], databaseUrl, online, reconnect, busy, storedScore } = await scenario("kill", 2);
    const alice = await online(first!, "alice");
    const bob = await online(first!, "bob");
    const matchId = await agreeDuel(alice, bob);

    // Some process picks the new match up; both players play on that one, so the kill cuts them off.
    const owner = await matchOwner([first!, second!]);
    const survivor = owner === first ? second! : first!;
    const [aliceThere, bobThere] = owner === first ? [alice, bob] : [await reconnect(owner, alice), await reconnect(owner, bob)];
    await enterAsPlayer(aliceThere, matchId);
    await enterAsPlayer(bobThere, matchId);
    const seen = stateRecorder(aliceThere);
    await declareReady(aliceThere, "player1");
    await declareReady(bobThere, "player2");
    const playing = play(aliceThere, "player1", followBall);
    const scored = await within(nextState(aliceThere.game, (state) => state.player1.score + state.player2.score > 0), 30_000, "a point is scored");
    // The owner stores the state at every point: once the store has this one, the kill loses nothing the players saw.
    await pollUntil("the stored snapshot has the score the players saw", () => storedScore(matchId), (stored) => stored?.join() === score(scored).join());

    const aliceCut = new Promise((resolve) => aliceThere.game.once("disconnect", resolve));
    await kill9(owner);
    await within(aliceCut, 10_000, "the killed process's sockets drop");
    playing.stop();
    const beforeKill = seen.last!;
    expect(score(beforeKill)).toEqual(score(scored));

    // The players come back through the surviving process: new clients, join_match.
    const aliceBack = await reconnect(survivor, alice);
    const bobBack = await reconnect(survivor, bob);
    const firstAfter = nextState(aliceBack.game, () => true);
    const joined = await joinMatch(aliceBack, matchId);
    expect(joined.role).toBe("player1");
    expect(score(joined.game_state)).toEqual(score(beforeKill));
    expect((await joinMatch(bobBack, matchId)).role).toBe("player2");
    const finished = nextState(aliceBack.game, over);
    play(aliceBack, "player1", followBall);

    // Nothing reaches the room until the survivor runs the match (the dead owner's lease expires first).
    const resumed = await within(firstAfter, 30_000, "the surviving process resumes the match: a game_state reaches the players");
    expect(score(resumed)).toEqual(score(beforeKill));
    expect(await matchOwner([survivor])).toBe(survivor);

    const final = await within(finished, 60_000, "the match plays to its end on the surviving process");
    expect(final).toMatchObject({ status: "finished", winner: alice.username, player1: { score: POINTS_TO_WIN } });

    const rows = await pollUntil("the result is stored", () => matchRowsBetween(databaseUrl, alice.id, bob.id), (rows) => rows.some((row) => row.status !== "playing"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: matchId, status: "finished", winner_id: alice.id, player1_score: POINTS_TO_WIN, player2_score: final.player2.score });
    // Written once: the players were freed once (a second write would leave them at -1), and rated once.
    expect(await busy()).toBe("");
    await expectRatedOnce(databaseUrl, rows[0]!, alice.id, bob.id);
    // Recorded in part by the killed process, then by the survivor: it replays to the stored result.
    expect(await expectReplaysMatchResults(httpApi(survivor.url))).toBe(1);
  });

  it("stores a result written while PostgreSQL is down for 8 s, exactly once, when it is back", { timeout: 120_000 }, async () => {
    const { servers: [server], databaseUrl, online, busy } = await scenario("pgdown", 1, { POINTS_TO_WIN: "2" });
    const alice = await online(server!, "alice");
    const bob = await online(server!, "bob");
    const matchId = await agreeDuel(alice, bob);
    await enterAsPlayer(alice, matchId);
    await enterAsPlayer(bob, matchId);
    await declareReady(alice, "player1");
    await declareReady(bob, "player2");
    play(alice, "player1", followBall);
    await within(nextState(alice.game, (state) => state.player1.score === 1), 30_000, "player1 is one point from winning");

    // Frozen while the database goes down: Bob's match page closes, the game pauses for everyone.
    const paused = nextState(alice.game, (state) => state.status === "paused");
    expect(await emitAck(bob.game, "close_match", { type: "close_match", match_id: matchId })).toEqual({ ok: true });
    await within(paused, 10_000, "the match pauses");
    const downSince = Date.now();
    await postgres.stop();

    // Bob comes back: the deciding point is played, and the result written, with the database down.
    const final = nextState(alice.game, over);
    await joinMatch(bob, matchId);
    expect(await within(final, 30_000, "the deciding point is played")).toMatchObject({ status: "finished", winner: alice.username });
    await pollUntil("the server fails to write the result", async () => server!.output(), (output) => output.includes(`match ${matchId}: writing the result failed`));

    // The scenario: down for about 8 s in all.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 8_000 - (Date.now() - downSince))));
    await postgres.start();

    const rows = await pollUntil(
      "the result is stored once the database is back",
      () => matchRowsBetween(databaseUrl, alice.id, bob.id),
      (rows) => rows.some((row) => row.status !== "playing"),
      30_000,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: matchId, status: "finished", winner_id: alice.id, player1_score: 2, player2_score: 0 });
    expect(await busy()).toBe("");
    await expectRatedOnce(databaseUrl, rows[0]!, alice.id, bob.id);
    expect((await fetch(`${server!.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${server!.url}/game/matches/${matchId}/`)).json()).toMatchObject({ status: "finished", winner: alice.username });
    expect(await expectReplaysMatchResults(httpApi(server!.url))).toBe(1);
  });

  it("answers /healthz 503 while PostgreSQL is down and while Redis is down, 200 again once each is back", { timeout: 120_000 }, async () => {
    const { servers: [server] } = await scenario("health", 1);
    interface Health {
      status: string;
      database: { backend: string; status: string };
      redis: string;
      store: { kind: string; status: string };
    }
    // Bounded: a health check that hangs instead of answering 503 fails here.
    const health = async () => {
      const response = await fetch(`${server!.url}/healthz`, { signal: AbortSignal.timeout(15_000) });
      return { status: response.status, body: (await response.json()) as Health };
    };
    expect(await health()).toMatchObject({ status: 200, body: { status: "ok", database: { status: "ok" }, redis: "ok", store: { kind: "redis", status: "ok" } } });

    await postgres.stop();
    try {
      const down = await health();
      expect(down).toMatchObject({ status: 503, body: { status: "error", database: { backend: "postgresql" }, redis: "ok", store: { status: "ok" } } });
      expect(down.body.database.status).not.toBe("ok");
    } finally {
      await postgres.start();
    }
    await pollUntil("healthy again once PostgreSQL is back", health, (answer) => answer.status === 200, 30_000);

    await redis.cli("shutdown", "nosave").catch(() => {});
    try {
      const down = await health();
      expect(down).toMatchObject({ status: 503, body: { status: "error", database: { status: "ok" }, store: { kind: "redis" } } });
      expect(down.body.store.status).not.toBe("ok");
      expect(down.body.redis).toBe(down.body.store.status);
    } finally {
      await redis.restart();
    }
    await pollUntil("healthy again once Redis is back", health, (answer) => answer.status === 200, 30_000);
  });

  describe.each([
    { wipe: "a restart without persistence", run: () => redis.restart() },
    { wipe: "FLUSHALL", run: () => redis.cli("flushall").then(() => {}) },
  ])("Redis losing every key mid-match ($wipe)", ({ run }) => {
    it("keeps both players, one on each process, playing to the end with one result", { timeout: 120_000 }, async () => {
      const { servers: [first, second], databaseUrl, online } = await scenario("redis", 2, { POINTS_TO_WIN: "5" });
      const alice = await online(first!, "alice");
      const bob = await online(second!, "bob");
      const matchId = await agreeDuel(alice, bob);
      await enterAsPlayer(alice, matchId);
      await enterAsPlayer(bob, matchId);
      const aliceStates = stateRecorder(alice);
      const bobStates = stateRecorder(bob);
      await declareReady(alice, "player1");
      await declareReady(bob, "player2");
      // Both send inputs all along, as pages do: a command may reach either process at any time.
      const aliceSteers = play(alice, "player1", followBall);
      const bobSteers = play(bob, "player2", wander);
      const ends = Promise.all([nextState(alice.game, over), nextState(bob.game, over)]);
      await within(nextState(alice.game, (state) => state.player1.score + state.player2.score > 0), 30_000, "a point is scored");

      const beforeWipe = aliceStates.last!;
      await run();

      // Each player keeps receiving the match's states (2 s of play), whichever process runs it.
      const later = await Promise.all([
        within(aliceStates.after(60), 20_000, "player1 (on the first process) receives 60 more game_states after the wipe"),
        within(bobStates.after(60), 20_000, "player2 (on the second process) receives 60 more game_states after the wipe"),
      ]);
      for (const state of later) expect(state).toMatchObject({ status: "playing", tick: expect.toSatisfy((tick: number) => tick > beforeWipe.tick) });

      // Each one's inputs still move their own paddle, as the other one sees it.
      aliceSteers.aim(() => 60);
      bobSteers.aim(() => 540);
      await Promise.all([
        within(nextState(bob.game, (state) => state.player1.position <= 100), 20_000, "player1's inputs move their paddle (seen by player2)"),
        within(nextState(alice.game, (state) => state.player2.position >= 500), 20_000, "player2's inputs move their paddle (seen by player1)"),
      ]);
      aliceSteers.aim(followBall);
      bobSteers.aim(wander);

      const finals = await within(ends, 60_000, "both players see the match end");
      for (const final of finals) expect(final.status).toBe("finished");
      expect(finals[1]).toMatchObject({ winner: finals[0].winner, player1: { score: finals[0].player1.score }, player2: { score: finals[0].player2.score } });

      const rows = await pollUntil("the result is stored", () => matchRowsBetween(databaseUrl, alice.id, bob.id), (rows) => rows.some((row) => row.status !== "playing"));
      expect(rows).toHaveLength(1);
      const winnerId = finals[0].winner === alice.username ? alice.id : bob.id;
      expect(rows[0]).toMatchObject({ id: matchId, status: "finished", winner_id: winnerId, player1_score: finals[0].player1.score, player2_score: finals[0].player2.score });
      // The process running the match kept its whole recording and wrote its chunks again.
      expect(await expectReplaysMatchResults(httpApi(first!.url))).toBe(1);
    });
  });
});
