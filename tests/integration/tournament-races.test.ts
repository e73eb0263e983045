// Requests racing on one tournament, on both back-ends: many joins at once for fewer free places,
// and joins racing the creator's start while others read the tournament. Scaled out, the
// requests are spread over two processes, as behind a load balancer (the embedded database
// belongs to one process). The players need no socket: only the tournament's rows are at stake.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TournamentJson } from "@/lib/protocol/tournament";
import { backends } from "../helpers/backends";
import { startServer, type RunningServer } from "../helpers/server";
import { httpApi } from "../helpers/protocol";
import { createTournament, tournamentAction, type Caller } from "../helpers/tournament";
import { registerAndLogin } from "../helpers/users";

const settings = { REGISTER_TIMEOUT_MS: "3000" };
/** How many times each race runs: a bad interleaving shows in some runs only. */
const JOIN_ROUNDS = 20;
const START_ROUNDS = 8;
const RACERS = 10;


const usernames = (tournament: TournamentJson) => tournament.players.map((player) => player.username).sort();

describe.each(backends)("tournament races on $name", (backend) => {
  let servers: RunningServer[] = [];
  /** PostgreSQL only, for reading the rows directly. */
  let databaseUrl: string | undefined;
  let creator: Caller;
  const racers: Caller[] = [];

  beforeAll(async () => {
    const environment = await backend.environment();
    databaseUrl = environment.DATABASE_URL;
    servers = await Promise.all(Array.from({ length: databaseUrl ? 2 : 1 }, () => startServer({ ...environment, ...settings })));
    const caller = async (base: string, index: number) => {
      const url = servers[index % servers.length]!.url;
      return { ...(await registerAndLogin(servers[0]!.url, base)), baseUrl: url, api: httpApi(url) };
    };
    creator = await caller("racec", 0);
    for (let index = 0; index < RACERS; index++) racers.push(await caller(`racer${index}`, index));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
  });

  async function read(id: number, server = servers[0]!): Promise<TournamentJson> {
    return (await (await fetch(`${server.url}/game/tournaments/${id}/`)).json()) as TournamentJson;
  }

  /** The tournament's player rows as stored, straight from PostgreSQL. */
  async function storedPlayers(id: number): Promise<string[]> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ username: string }>(
        "SELECT users.username FROM tournament_players JOIN users ON users.id = tournament_players.user_id WHERE tournament_id = $1",
        [id],
      );
      return rows.map((row) => row.username).sort();
    } finally {
      await client.end();
    }
  }

  it(`admits exactly max_players when ${RACERS} join each of three tournaments at once (${JOIN_ROUNDS} times)`, async () => {
    const sizes = [2, 4, 8];
    for (let round = 0; round < JOIN_ROUNDS; round++) {
      const ids = await Promise.all(sizes.map((maxPlayers) => createTournament(creator, { name: `Rush cup ${round}-${maxPlayers}`, max_players: maxPlayers })));
      const answers = await Promise.all(ids.map((id) => Promise.all(racers.map((racer) => tournamentAction(racer, id, "join")))));

      for (const [index, id] of ids.entries()) {
        const admitted = racers.filter((_, racer) => answers[index]![racer]!.status === 200).map((racer) => racer.username);
        expect(admitted).toHaveLength(sizes[index]! - 1);
        for (const answer of answers[index]!.filter((answer) => answer.status !== 200)) expect(answer).toMatchObject({ status: 409, body: { error: { code: "full" } } });
        const expected = [creator.username, ...admitted].sort();
        expect(usernames(await read(id))).toEqual(expected);
        if (databaseUrl) expect(await storedPlayers(id)).toEqual(expected);
      }
    }
  });

  it(`starts whole while ${RACERS - 1} joins race the start: nobody gets in after it, no reader sees it half done (${START_ROUNDS} times)`, async () => {
    const [first, ...others] = racers;
    for (let round = 0; round < START_ROUNDS; round++) {
      // Room for everyone, so a join can only be refused for coming after the start.
      const id = await createTournament(creator, { name: `Start cup ${round}`, max_players: 16 });
      expect((await tournamentAction(first!, id, "join")).status).toBe(200);
      // Readers fetch the tournament over and over from every process while the requests race.
      let racing = true;
      const seen: TournamentJson[] = [];
      const reader = async (server: RunningServer) => {
        while (racing) seen.push(await read(id, server));
      };
      const readers = [...servers, ...servers].map(reader);
      const [started, ...answers] = await Promise.all([tournamentAction(creator, id, "start"), ...others.map((racer) => tournamentAction(racer, id, "join"))]);
      racing = false;
      await Promise.all(readers);

      expect(started!.status).toBe(200);
      const atStart = (started!.body as { tournament: TournamentJson }).tournament;
      const players = usernames(atStart);
      // Every join either made it before the start or was refused as too late.
      others.forEach((racer, index) => {
        if (answers[index]!.status === 200) expect(players).toContain(racer.username);
        else expect(answers[index]).toMatchObject({ status: 409, body: { error: { code: "not_open" } } });
      });
      // Whoever saw it running saw it whole: the players of the start, all seeded and all in the
      // bracket, and every first-round match with its match row.
      for (const tournament of [atStart, ...seen.filter((tournament) => tournament.status !== "open")]) {
        expect(usernames(tournament)).toEqual(players);
        expect(tournament.players.map((player) => player.seed).sort((a, b) => a! - b!)).toEqual(players.map((_, index) => index + 1));
        const firstRound = tournament.rounds[0]!.matches;
        expect(firstRound.flatMap((match) => [match.player1, match.player2]).filter((name) => name !== null).sort()).toEqual(players);
        for (const match of firstRound) expect(match.match_id).toEqual(expect.any(Number));
      }
      // Later joins are refused, and the players stay those of the start.
      for (const racer of racers) expect(await tournamentAction(racer, id, "join")).toMatchObject({ status: 409, body: { error: { code: "not_open" } } });
      expect(usernames(await read(id))).toEqual(players);
      if (databaseUrl) expect(await storedPlayers(id)).toEqual(players);
    }
  });
});
