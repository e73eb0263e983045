// The leaderboard on both back-ends: the repo ranks established players by rating and leaves out
// provisional ones (too few games, or idle long enough for the deviation to grow past 110);
// GET /api/leaderboard/ serves it over HTTP and refuses a malformed query with 400.
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/infra/db/generated/prisma/client";
import { backends, scaledOut } from "../helpers/backends";
import { query } from "../helpers/faults";
import { agreeDuel, emitAck, enterAsPlayer, spawnTestServer, suiteApp, suiteServer } from "../helpers/protocol";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Gives a user a stored rating as if they had played `games` rated games, the last `daysAgo` days ago. */
async function rate(db: PrismaClient, id: number, rating: number, deviation: number, games: number, daysAgo = 0) {
  await db.user.update({ where: { id }, data: { rating, ratingDeviation: deviation, ratedGames: games, ratedAt: new Date(Date.now() - daysAgo * DAY_MS) } });
}

describe.each(backends)("the leaderboard repo on $name", (backend) => {
  const { server: app } = suiteApp(backend, {});

  it("ranks established players by rating, counts their rated wins, and leaves provisional ones out", async () => {
    const { db, leaderboard } = app().context;
    const player = (base: string) => app().newUser(base);
    const [top, second, third, unsure, idle, newcomer] = [await player("top"), await player("second"), await player("third"), await player("unsure"), await player("idle"), await player("newcomer")];
    await rate(db, top.id, 1900, 60, 30);
    await rate(db, second.id, 1800, 110, 20);
    await rate(db, third.id, 1700, 80, 12);
    await rate(db, unsure.id, 2500, 111, 5); // just over 110: provisional
    await rate(db, idle.id, 2400, 100, 40, 3 * 365); // established once, idle for years since
    // Rated wins count, unrated ones do not: top beat second twice rated, once unrated.
    const rated = { player1RatingBefore: 1, player1RatingAfter: 1, player2RatingBefore: 1, player2RatingAfter: 1 };
    for (const data of [rated, rated, { rated: false }])
      await db.match.create({ data: { player1Id: top.id, player2Id: second.id, status: "finished", winnerId: top.id, endedAt: new Date(), ...data } });

    const page = await leaderboard.page({ limit: 100, offset: 0 });
    expect(page.total).toBe(3);
    expect(page.players.map((player) => [player.rank, player.username])).toEqual([
      [1, top.username],
      [2, second.username],
      [3, third.username],
    ]);
    expect(page.players[0]).toMatchObject({ rating: 1900, deviation: 60, games: 30, wins: 2, losses: 28, winRate: 2 / 30 });

    const paged = await leaderboard.page({ limit: 1, offset: 1 });
    expect(paged).toMatchObject({ total: 3, players: [{ rank: 2, username: second.username }] });
    expect((await leaderboard.page({ limit: 10, offset: 5 })).players).toEqual([]);

    expect(await leaderboard.standing(third.id)).toMatchObject({ ranked: true, rank: 3, neighbours: [{ rank: 1 }, { rank: 2 }, { rank: 3, username: third.username }] });
    expect(await leaderboard.standing(idle.id)).toEqual({ ranked: false, games: 40, rating: 2400 });
    expect(await leaderboard.standing(newcomer.id)).toEqual({ ranked: false, games: 0, rating: 1500 });
  });
});

type LeaderboardBody = { total: number; limit: number; offset: number; players: { rank: number; username: string; rating: number; deviation: number; games: number; wins: number; losses: number; win_rate: number }[] };

describe.each(backends)("GET /api/leaderboard/ on $name", (backend) => {
  const { url, user } = suiteServer(backend, { POINTS_TO_WIN: "1" });
  const get = async (search: string) => {
    const response = await fetch(`${url()}/api/leaderboard/${search}`);
    return { status: response.status, body: (await response.json()) as LeaderboardBody & { error?: { code: string } } };
  };

  it.each(["?limit=0", "?limit=101", "?limit=abc", "?limit=1e2", "?offset=-1", "?offset=1.5", "?limit="])("refuses %s with 400 invalid_input", async (search) => {
    const { status, body } = await get(search);
    expect(status).toBe(400);
    expect(body.error?.code).toBe("invalid_input");
  });

  it("keeps two players whose only rated game has just ended off it: their ratings are provisional", async () => {
    const [alice, bob] = [await user("alice"), await user("bob")];
    const matchId = await agreeDuel(alice, bob);
    await enterAsPlayer(alice, matchId);
    await enterAsPlayer(bob, matchId);
    expect((await emitAck(bob.game, "leave_match", { type: "leave_match", match_id: matchId })).ok).toBe(true);
    // The forfeit is rated: once alice's rating has moved, she is still not on the leaderboard.
    await expect.poll(async () => ((await (await fetch(`${url()}/api/users/${alice.username}/`)).json()) as { rating: { games: number } }).rating.games, { timeout: 10_000 }).toBe(1);
    expect(await get("")).toEqual({ status: 200, body: { total: 0, limit: 100, offset: 0, players: [] } });
  });
});

// Ranked players over HTTP need ratings no few test games reach: they are written into the
// server's PostgreSQL database directly.
describe.runIf(scaledOut)("GET /api/leaderboard/ with ranked players", () => {
  it("lists them best first, a page at a time, with the documented fields", async () => {
    const environment = await scaledOut!.environment();
    const server = await spawnTestServer(environment);
    try {
      const [low, high] = [await server.newUser("low"), await server.newUser("high")];
      await query(environment.DATABASE_URL!, "UPDATE users SET rating = $2, rating_deviation = 70, rated_games = 10, rated_at = now() WHERE id = $1", [low.id, 1600]);
      await query(environment.DATABASE_URL!, "UPDATE users SET rating = $2, rating_deviation = 70, rated_games = 10, rated_at = now() WHERE id = $1", [high.id, 1750]);
      const all = (await (await fetch(`${server.url}/api/leaderboard/`)).json()) as LeaderboardBody;
      expect(all).toEqual({
        total: 2,
        limit: 100,
        offset: 0,
        players: [
          { rank: 1, username: high.username, rating: 1750, deviation: 70, games: 10, wins: 0, losses: 10, win_rate: 0 },
          { rank: 2, username: low.username, rating: 1600, deviation: 70, games: 10, wins: 0, losses: 10, win_rate: 0 },
        ],
      });
      const second = (await (await fetch(`${server.url}/api/leaderboard/?limit=1&offset=1`)).json()) as LeaderboardBody;
      expect(second.players.map((player) => [player.rank, player.username])).toEqual([[2, low.username]]);
    } finally {
      await server.stop();
    }
  });
});
