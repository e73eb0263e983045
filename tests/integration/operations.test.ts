// What an operator relies on: settings validated at start, migrations applied once even when
// several processes start together, and a generated session secret that survives restarts.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDatabase, scaledOut } from "../helpers/backends";
import { runServerToExit, startServer, tempDataDir } from "../helpers/server";
import { login, register, uniqueName } from "../helpers/users";
import type { TournamentJson } from "@/lib/protocol/tournament";
import { agreeDuel, closeAll, connectGame, declareReady, enterAsPlayer, onlineUser, type OnlineUser } from "../helpers/protocol";
import { autoPlay, createTournament, tournamentAction, tournamentEnd, watchTournament } from "../helpers/tournament";

describe("settings", () => {
  it.each([
    ["PORT", "eighty"],
    ["DATABASE_URL", "mysql://localhost/pong"],
    ["REDIS_URL", "not a url"],
    ["NEXTAUTH_SECRET", "too-short"],
    ["POINTS_TO_WIN", "0"],
  ])("stops the server with a one-line message naming %s when it is %s", async (name, value) => {
    const { code, output } = await runServerToExit({ [name]: value });
    expect(code).toBe(1);
    const lines = output.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid environment variable ${name}=`));
  });
});

describe("embedded default", () => {
  it("generates a session secret in DATA_DIR, warns about it, and keeps sessions valid across a restart", async () => {
    const dataDir = await tempDataDir();
    const first = await startServer({ DATA_DIR: dataDir, NEXTAUTH_SECRET: "" });
    let cookie: string | null;
    try {
      expect(first.output()).toMatch(/"level":"warn".*NEXTAUTH_SECRET is not set/);
      const user = await register(first.url, uniqueName("keeper"));
      cookie = await login(first.url, user.username);
      expect(cookie).not.toBeNull();
    } finally {
      await first.stop();
    }
    const secret = (await readFile(path.join(dataDir, "session-secret"), "utf8")).trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);

    const second = await startServer({ DATA_DIR: dataDir, NEXTAUTH_SECRET: "" });
    try {
      const session = await fetch(`${second.url}/api/auth/session/`, { headers: { cookie: cookie! } });
      expect(await session.json()).toMatchObject({ user: { name: expect.stringMatching(/^keeper_/) } });
      // The data survived too: migrations were not applied a second time.
      expect(second.output()).not.toMatch(/applied migrations/);
    } finally {
      await second.stop();
    }
  });
});

describe("restart", () => {
  it("calls off a duel under way when the embedded server restarts: no winner, reason interrupted, players free", async () => {
    const settings = { DATA_DIR: await tempDataDir() };
    let server = await startServer(settings);
    let alice: OnlineUser | undefined;
    let bob: OnlineUser | undefined;
    let matchId: number;
    try {
      alice = await onlineUser(server.url, "cutoff_a");
      bob = await onlineUser(server.url, "cutoff_b");
      matchId = await agreeDuel(alice, bob);
      for (const player of [alice, bob]) await declareReady(player, await enterAsPlayer(player, matchId));
    } finally {
      closeAll(alice, bob);
      await server.stop();
    }

    server = await startServer(settings);
    try {
      expect(server.output()).toMatch(/1 duel\(s\) under way when the server last stopped were called off/);
      const stored = (await (await fetch(`${server.url}/game/matches/${matchId}/`)).json()) as Record<string, unknown>;
      expect(stored).toMatchObject({ status: "forfeited", forfeit_reason: "interrupted", winner: null });
      alice = await connectGame(server.url, alice);
      bob = await connectGame(server.url, bob);
      const again = await agreeDuel(alice, bob);
      expect(again).toBeGreaterThan(matchId);
    } finally {
      closeAll(alice, bob);
      await server.stop();
    }
  });

  it("resumes a running tournament after a restart of the embedded server, which lost its live state", async () => {
    const settings = { DATA_DIR: await tempDataDir(), REGISTER_TIMEOUT_MS: "20000" };
    const { players, tournamentId } = await startTournamentThenStop(settings, "restart");
    const stoppedAt = Date.now();
    const server = await startServer(settings);
    try {
      const state = (await (await fetch(`${server.url}/game/tournaments/${tournamentId}/`)).json()) as TournamentJson;
      expect(state.status).toBe("running");
      // Started again, with a new time to join: not the one that ran out while the server was down.
      expect(Date.parse(state.rounds[0]!.matches[0]!.join_deadline!)).toBeGreaterThan(stoppedAt + Number(settings.REGISTER_TIMEOUT_MS));
      // The match is live again: both join it as they would from the bracket page.
      expect(await playTournamentMatch(server.url, players, tournamentId, state.rounds[0]!.matches[0]!.match_id!)).toBe(players[0].username);
    } finally {
      await server.stop();
    }
  });
});

describe("restart after a stop in the middle of a round change", () => {
  it("writes the current round's missing matches at start, and the tournament plays on", async () => {
    const dataDir = await tempDataDir();
    const { players, tournamentId } = await startTournamentThenStop({ DATA_DIR: dataDir }, "gap");
    // As if the process had stopped after moving the tournament to round 1 but before writing its matches.
    const database = await PGlite.create(path.join(dataDir, "pglite"));
    await database.query("DELETE FROM matches WHERE tournament_id = $1", [tournamentId]);
    await database.close();

    const server = await startServer({ DATA_DIR: dataDir });
    try {
      const state = (await (await fetch(`${server.url}/game/tournaments/${tournamentId}/`)).json()) as TournamentJson;
      expect(state.status).toBe("running");
      const matchId = state.rounds[0]!.matches[0]!.match_id;
      expect(matchId).toEqual(expect.any(Number));
      expect(players.map((player) => player.username)).toContain(await playTournamentMatch(server.url, players, tournamentId, matchId!));
    } finally {
      await server.stop();
    }
  });
});

/** On a fresh server: two players, a tournament to 1 point started by the first; then the server stops. */
async function startTournamentThenStop(settings: Record<string, string>, prefix: string) {
  const server = await startServer(settings);
  let players: [OnlineUser, OnlineUser] | undefined;
  try {
    players = [await onlineUser(server.url, `${prefix}_a`), await onlineUser(server.url, `${prefix}_b`)];
    const tournamentId = await createTournament(players[0], { name: `${prefix} cup`, points_to_win: 1 });
    await tournamentAction(players[1], tournamentId, "join");
    expect((await tournamentAction(players[0], tournamentId, "start")).status).toBe(200);
    return { players, tournamentId };
  } finally {
    closeAll(...(players ?? []));
    await server.stop();
  }
}

/** Both players reconnect, join the tournament's match and play it out; resolves with the tournament's winner. */
async function playTournamentMatch(url: string, [first, second]: OnlineUser[], tournamentId: number, matchId: number): Promise<string | null> {
  const players = [await connectGame(url, first!), await connectGame(url, second!)];
  try {
    const room = await watchTournament(players[0]!, tournamentId);
    const ended = tournamentEnd(room.socket);
    const robots = players.map((player) => autoPlay(player));
    for (const player of players) await declareReady(player, await enterAsPlayer(player, matchId));
    const { winner } = await ended;
    robots.forEach((robot) => robot.stop());
    room.socket.close();
    return winner;
  } finally {
    closeAll(...players);
  }
}

describe.runIf(scaledOut)("PostgreSQL", () => {
  it("applies the migrations exactly once when three processes start at once on an empty database", async () => {
    const databaseUrl = await createDatabase(process.env.TEST_DATABASE_URL!, `pong_${uniqueName("mig").replace(/\W/g, "")}`);
    const servers = await Promise.all([1, 2, 3].map(() => startServer({ DATABASE_URL: databaseUrl })));
    try {
      for (const server of servers) expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect(servers.filter((server) => /applied migrations/.test(server.output()))).toHaveLength(1);
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      const { rows } = await client.query<{ migration_name: string; finished: boolean }>(
        "SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations",
      );
      await client.end();
      const names = rows.map((row) => row.migration_name);
      expect(new Set(names).size).toBe(names.length);
      expect(rows.every((row) => row.finished)).toBe(true);
      // And the app works on what they built.
      await register(servers[1]!.url, uniqueName("after"));
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
  });
});
