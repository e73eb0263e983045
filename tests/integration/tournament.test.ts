// Knockout tournaments over the wire, on both back-ends: played through on the app booted
// in-process; the endpoints' refusals of bad requests (body, path, session) on a server.ts process.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startInProcess } from "../helpers/app";
import type { TestServer } from "../helpers/app";
import type { TournamentMatchReady } from "@/lib/protocol/tournament";
import { backends } from "../helpers/backends";
import { closeAll, nextEvent, onlineUser, spawnTestServer, type OnlineUser } from "../helpers/protocol";
import { autoPlay, createTournament, nextRoundStart, tournamentAction, tournamentEnd, tournamentJson, watchTournament, type AutoPlayer } from "../helpers/tournament";

const settings = { REGISTER_TIMEOUT_MS: "3000", CHALLENGE_TIMEOUT_MS: "5000" };
const PAIRING = /^(\d+) (\S+) (?:vs (\S+)|bye)$/;

/** One server for the describe; players that are closed after each test; tournaments they play on their own. */
function tournamentSuite<Server extends TestServer>(start: () => Promise<Server>) {
  let server: Server | undefined;
  const cleanup: (() => void)[] = [];
  const opened: OnlineUser[] = [];
  const running = () => server!;

  async function players(count: number, base: string): Promise<OnlineUser[]> {
    const users: OnlineUser[] = [];
    for (let index = 0; index < count; index++) users.push(await onlineUser(running(), `${base}${index}`));
    opened.push(...users);
    return users;
  }

  /** Creates a tournament by users[0], everyone else joins; all watch the room and play on their own. */
  async function openTournament(users: OnlineUser[], skip?: (user: OnlineUser) => boolean) {
    const id = await createTournament(users[0]!, { name: "Friday cup", max_players: 8, points_to_win: 1 });
    for (const user of users.slice(1)) expect((await tournamentAction(user, id, "join")).status).toBe(200);
    const room = await watchTournament(users[0]!, id);
    cleanup.push(() => room.socket.close());
    const autoPlayers: AutoPlayer[] = users.map((user) => autoPlay(user, skip?.(user) ? () => true : undefined));
    cleanup.push(() => autoPlayers.forEach((player) => player.stop()));
    return { id, room, autoPlayers };
  }

  beforeAll(async () => {
    server = await start();
  });
  afterEach(() => {
    cleanup.splice(0).forEach((undo) => undo());
    closeAll(...opened.splice(0));
  });
  afterAll(async () => {
    await server?.stop();
  });
  return { server: running, players, openTournament };
}

describe.each(backends)("tournaments on $name", (backend) => {
  const { server, players, openTournament } = tournamentSuite(async () => startInProcess({ ...(await backend.environment()), ...settings }));

  it.each([3, 4, 5])("runs a %i-player tournament to a winner with the seed's pairing texts", async (count) => {
    const users = await players(count, `t${count}p`);
    const { id, room, autoPlayers } = await openTournament(users);
    const firstRound = nextRoundStart(room.socket, 1);
    const ended = tournamentEnd(room.socket);
    const started = await tournamentAction(users[0]!, id, "start");
    expect(started.status).toBe(200);

    const { pairings } = await firstRound;
    const byes = pairings.filter((pairing) => pairing.endsWith(" bye"));
    expect(byes).toHaveLength(2 ** Math.ceil(Math.log2(count)) - count);
    const names = new Set(users.map((user) => user.username));
    const seen: string[] = [];
    for (const pairing of pairings) {
      const [, matchId, player1, player2] = PAIRING.exec(pairing)!;
      expect(Number(matchId)).toBeGreaterThan(0);
      for (const name of [player1, player2].filter(Boolean)) {
        expect(names.has(name!)).toBe(true);
        seen.push(name!);
      }
    }
    expect(seen.sort()).toEqual([...names].sort());
    // Seeding by record: all new, so the order of joining; the top seed (the creator) gets a bye when there is one.
    if (byes.length) expect(byes[0]).toMatch(new RegExp(` ${users[0]!.username} bye$`));

    // Player 1 (the better seed) wins every match, so the creator is champion.
    expect(await ended).toEqual({ type: "tournament_end", tournament_id: id, winner: users[0]!.username });
    // Nobody's entry into a match was refused: every match below was played, not forfeited.
    autoPlayers.forEach((player) => player.assertNoFailures());
    const final = await tournamentJson(users[0]!, id);
    expect(final).toMatchObject({ status: "finished", winner: users[0]!.username, current_round: Math.ceil(Math.log2(count)) });
    expect(final.rounds).toHaveLength(Math.ceil(Math.log2(count)));
    expect(final.rounds.at(-1)!.matches[0]).toMatchObject({ status: "finished", winner: users[0]!.username });
    for (const match of final.rounds[0]!.matches) expect(["finished", "bye"]).toContain(match.status);
    for (const match of final.rounds.flatMap((round) => round.matches).filter((match) => match.status !== "bye")) {
      expect(match).toMatchObject({ status: "finished", forfeit_reason: null, score1: 1, score2: 0, join_deadline: null, has_replay: true });
    }
    for (const match of final.rounds[0]!.matches.filter((match) => match.status === "bye")) expect(match.has_replay).toBe(false);
    expect(final.players.filter((player) => !player.eliminated).map((player) => player.username)).toEqual([users[0]!.username]);
    // Counted as the winner's (their profile lists these).
    expect((await server().context.tournaments.wonBy(users[0]!.id)).map((won) => won.name)).toContain("Friday cup");
    // Tournament matches are rated; byes are not: the champion's rating counts one game per round played.
    const played = final.rounds.flatMap((round) => round.matches).filter((match) => match.status === "finished" && match.player2 !== null);
    const championGames = played.filter((match) => match.player1 === users[0]!.username || match.player2 === users[0]!.username).length;
    const championRating = (await server().context.users.rating(users[0]!.id))!;
    expect(championRating.games).toBe(championGames);
    expect(championRating.value).toBeGreaterThan(1500);
  });

  it("cancels the tournament when its creator leaves before the start", async () => {
    const [creator, other, late] = await players(3, "cancel");
    const id = await createTournament(creator!, { name: "Short lived" });
    expect((await tournamentAction(other!, id, "join")).status).toBe(200);
    // Open, with enough players: only the creator check can refuse the other player's start.
    expect(await tournamentAction(other!, id, "start")).toMatchObject({ status: 403, body: { error: { code: "not_creator" } } });
    expect(await tournamentJson(creator!, id)).toMatchObject({ status: "open", current_round: 0, players: [{ username: creator!.username }, { username: other!.username }] });

    expect(await tournamentAction(creator!, id, "leave")).toMatchObject({ status: 200, body: { tournament: { status: "cancelled" } } });
    expect(await tournamentJson(creator!, id)).toMatchObject({ status: "cancelled", rounds: [] });
    // Cancelled: the creator can no longer start it, nobody can join it, and leaving it is refused as over.
    expect(await tournamentAction(creator!, id, "start")).toMatchObject({ status: 409, body: { error: { code: "not_open" } } });
    expect(await tournamentAction(late!, id, "join")).toMatchObject({ status: 409, body: { error: { code: "not_open" } } });
    expect(await tournamentAction(other!, id, "leave")).toMatchObject({ status: 409, body: { error: { code: "not_running" } } });
  });

  it("lets a player leave mid-tournament: their match is forfeited and the tournament still ends", async () => {
    const users = await players(4, "quit");
    const quitter = users[3]!; // seed 4 meets seed 1 in round 1
    const { id, room } = await openTournament(users, (user) => user === quitter);
    const ended = tournamentEnd(room.socket);
    const firstRound = nextRoundStart(room.socket, 1);
    await tournamentAction(users[0]!, id, "start");
    await firstRound;
    const left = await tournamentAction(quitter, id, "leave");
    expect(left.status).toBe(200);
    expect(await ended).toMatchObject({ winner: users[0]!.username });
    const final = await tournamentJson(users[0]!, id);
    const quitterMatch = final.rounds[0]!.matches.find((match) => match.player2 === quitter.username || match.player1 === quitter.username)!;
    expect(quitterMatch).toMatchObject({ status: "forfeited", forfeit_reason: "left_tournament", winner: users[0]!.username });
    expect(final.players.find((player) => player.username === quitter.username)?.eliminated).toBe(true);
  });

  it("moves on without a player who never comes to their match, after telling them until when to come", async () => {
    const users = await players(3, "noshow");
    const absent = users[2]!; // seeds 2 and 3 meet in round 1; seed 1 has the bye
    const { id, room } = await openTournament(users, (user) => user === absent);
    const ended = tournamentEnd(room.socket);
    const told = nextEvent<TournamentMatchReady>(absent.game, "tournament_match_ready");
    const beforeStart = Date.now();
    await tournamentAction(users[0]!, id, "start");
    const { match_id, join_deadline, join_ms_left } = await told;
    // REGISTER_TIMEOUT_MS after the match was created, which was during the start.
    expect(Date.parse(join_deadline)).toBeGreaterThanOrEqual(beforeStart + Number(settings.REGISTER_TIMEOUT_MS));
    expect(Date.parse(join_deadline)).toBeLessThanOrEqual(Date.now() + Number(settings.REGISTER_TIMEOUT_MS));
    // And as the time left when it was sent: at most the timeout, ending at that deadline.
    expect(join_ms_left).toBeLessThanOrEqual(Number(settings.REGISTER_TIMEOUT_MS));
    expect(join_ms_left).toBeGreaterThan(Date.parse(join_deadline) - Date.now() - 1);
    // The same deadline in the JSON, for a page loaded later (the absent player's opponent is in, so the match waits).
    const running = await tournamentJson(absent, id);
    expect(running.rounds[0]!.matches.find((match) => match.match_id === match_id)).toMatchObject({ status: "ready", player2: absent.username, join_deadline });

    expect(await ended).toMatchObject({ winner: users[0]!.username });
    const final = await tournamentJson(users[0]!, id);
    const absentMatch = final.rounds[0]!.matches.find((match) => match.player2 === absent.username)!;
    expect(absentMatch).toMatchObject({ status: "forfeited", forfeit_reason: "register_timeout", winner: users[1]!.username, join_deadline: null });
  });

  it("keeps going when neither player of a match comes: the next opponent advances", async () => {
    const users = await players(4, "ghost");
    const ghosts = new Set([users[1]!, users[2]!]); // seeds 2 and 3 meet in round 1
    const { id, room } = await openTournament(users, (user) => ghosts.has(user));
    const ended = tournamentEnd(room.socket);
    await tournamentAction(users[0]!, id, "start");
    expect(await ended).toMatchObject({ winner: users[0]!.username });
    const final = await tournamentJson(users[0]!, id);
    const voided = final.rounds[0]!.matches.find((match) => match.player1 === users[1]!.username)!;
    expect(voided).toMatchObject({ status: "void", forfeit_reason: "no_show", winner: null });
    expect(final.rounds[1]!.matches[0]).toMatchObject({ status: "walkover", winner: users[0]!.username });
  });
});

describe.each(backends)("tournament rules on $name", (backend) => {
  // A server.ts process: the endpoints' answers to bad bodies, unknown tournaments and no session.
  const { server, players } = tournamentSuite(async () => spawnTestServer({ ...(await backend.environment()), ...settings }));

  it("refuses what the rules do not allow, with clear codes, and changes nothing", async () => {
    const [creator, other, third] = await players(3, "rules");
    const id = await createTournament(creator!, { name: "Rules cup", max_players: 2 });
    expect(await tournamentAction(creator!, id, "start")).toMatchObject({ status: 409, body: { error: { code: "too_few_players" } } });
    expect(await tournamentAction(creator!, id, "join")).toMatchObject({ status: 409, body: { error: { code: "already_joined" } } });
    expect(await tournamentAction(other!, id, "leave")).toMatchObject({ status: 409, body: { error: { code: "not_joined" } } });
    expect((await tournamentAction(other!, id, "join")).status).toBe(200);
    expect(await tournamentAction(third!, id, "join")).toMatchObject({ status: 409, body: { error: { code: "full" } } });
    expect(await tournamentAction(other!, id, "start")).toMatchObject({ status: 403, body: { error: { code: "not_creator" } } });
    const state = await tournamentJson(creator!, id);
    expect(state).toMatchObject({ status: "open", current_round: 0 });
    expect(state.players.map((player) => player.username)).toEqual([creator!.username, other!.username]);

    expect((await tournamentAction(creator!, id, "start")).status).toBe(200);
    expect(await tournamentAction(third!, id, "join")).toMatchObject({ status: 409, body: { error: { code: "not_open" } } });

    // Bad input.
    const tooShort = await fetch(`${server().url}/game/tournaments/create_tournament_form/`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: creator!.cookie },
      body: JSON.stringify({ name: "ab", max_players: 65 }),
    });
    expect(tooShort.status).toBe(400);
    expect(((await tooShort.json()) as { error: { code: string; fields: object } }).error).toMatchObject({ code: "invalid_input", fields: { name: expect.any(String), max_players: expect.any(String) } });
    expect((await fetch(`${server().url}/game/tournaments/999999/join/`, { method: "POST", headers: { cookie: creator!.cookie } })).status).toBe(404);
    expect((await fetch(`${server().url}/game/tournaments/${id}/join/`, { method: "POST" })).status).toBe(401);
  });
});
