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
      expect(first.output()).toMatch(/warn .*NEXTAUTH_SECRET is not set/);
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
    const dataDir = await tempDataDir();
    const settings = { DATA_DIR: dataDir, REGISTER_TIMEOUT_MS: "20000" };
    let server = await startServer(settings);
    let alice: OnlineUser | undefined;
    let bob: OnlineUser | undefined;
    let tournamentId: number;
    try {
      alice = await onlineUser(server.url, "restart_a");
      bob = await onlineUser(server.url, "restart_b");
      tournamentId = await createTournament(alice, { name: "Restart cup", points_to_win: 1 });
      await tournamentAction(bob, tournamentId, "join");
      expect((await tournamentAction(alice, tournamentId, "start")).status).toBe(200);
    } finally {
      closeAll(alice, bob);
      await server.stop();
    }

    server = await startServer(settings);
    try {
      const state = (await (await fetch(`${server.url}/game/tournaments/${tournamentId}/`)).json()) as TournamentJson;
      expect(state.status).toBe("running");
      const matchId = state.rounds[0]!.matches[0]!.match_id!;
      alice = await connectGame(server.url, alice);
      bob = await connectGame(server.url, bob);
      const room = await watchTournament(alice, tournamentId);
      const ended = tournamentEnd(room.socket);
      const players = [autoPlay(alice), autoPlay(bob)];
      // The match is live again: both join it as they would from the bracket page.
      for (const player of [alice, bob]) {
        const slot = await enterAsPlayer(player, matchId);
        await declareReady(player, slot);
      }
      expect((await ended).winner).toBe(alice.username);
      players.forEach((player) => player.stop());
      room.socket.close();
    } finally {
      closeAll(alice, bob);
      await server.stop();
    }
  });
});

describe("restart after a stop in the middle of a round change", () => {
  it("writes the current round's missing matches at start, and the tournament plays on", async () => {
    const dataDir = await tempDataDir();
    let server = await startServer({ DATA_DIR: dataDir });
    let alice: OnlineUser | undefined;
    let bob: OnlineUser | undefined;
    let tournamentId: number;
    try {
      alice = await onlineUser(server.url, "gap_a");
      bob = await onlineUser(server.url, "gap_b");
      tournamentId = await createTournament(alice, { name: "Gap cup", points_to_win: 1 });
      await tournamentAction(bob, tournamentId, "join");
      expect((await tournamentAction(alice, tournamentId, "start")).status).toBe(200);
    } finally {
      closeAll(alice, bob);
      await server.stop();
    }
    // As if the process had stopped after moving the tournament to round 1 but before writing its matches.
    const database = await PGlite.create(path.join(dataDir, "pglite"));
    await database.query("DELETE FROM matches WHERE tournament_id = $1", [tournamentId]);
    await database.close();

    server = await startServer({ DATA_DIR: dataDir });
    try {
      const state = (await (await fetch(`${server.url}/game/tournaments/${tournamentId}/`)).json()) as TournamentJson;
      expect(state.status).toBe("running");
      const matchId = state.rounds[0]!.matches[0]!.match_id;
      expect(matchId).toEqual(expect.any(Number));
      alice = await connectGame(server.url, alice);
      bob = await connectGame(server.url, bob);
      const room = await watchTournament(alice, tournamentId);
      const ended = tournamentEnd(room.socket);
      const players = [autoPlay(alice), autoPlay(bob)];
      for (const player of [alice, bob]) await declareReady(player, await enterAsPlayer(player, matchId!));
      expect([alice.username, bob.username]).toContain((await ended).winner);
      players.forEach((player) => player.stop());
      room.socket.close();
    } finally {
      closeAll(alice, bob);
      await server.stop();
    }
  });
});

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
