// Knockout tournaments: the database is the source of truth (tournament row with its bracket,
// players, one match row per played match). Bracket arithmetic is lib/domain/tournament's; this file
// reads and writes it, starts rounds, and tells the /tournament rooms. Every change to a
// tournament goes through a version compare-and-set, in one transaction with the rows it writes,
// so concurrent joins, starts, results and leaves on several processes never overwrite each
// other nor act on a half-written change.
import { asForfeitReason } from "../../domain/lists";
import type { Bracket, BracketMatch } from "../../domain/tournament";
import { champion, createBracket, isFinished, isRoundComplete, pairingText, reportResult, seedByRecord, withdraw } from "../../domain/tournament";
import type { TournamentJson, TournamentMatchJson, TournamentStatus, BracketMatchStatus, CreateTournamentBody } from "../../protocol/tournament";
import { saveNewMatch } from "../../engine/match-store";
import { markInGame } from "../presence";
import { realtime } from "../../transport/socketio/registry";
import { env } from "../../env";
import { liveStore } from "../../infra/store";
import { keys } from "../../infra/store/keys";
import { db } from "../../infra/db/client";
import type { Prisma } from "../../infra/db/generated/prisma/client";
import { userRecord } from "../repos/users";
import { matchTimeouts } from "../matches";

export const tournamentRoom = (tournamentId: number) => `tournament:${tournamentId}`;

export interface TournamentSummary {
  tournament_id: number;
  name: string;
  status: TournamentStatus;
  creator: string;
  players: number;
  max_players: number;
  winner: string | null;
  created_at: string;
}

export type TournamentResult = { ok: true; tournament: TournamentJson } | { ok: false; status: number; code: string; message: string };
const fail = (status: number, code: string, message: string): TournamentResult => ({ ok: false, status, code, message });

const withPeople = {
  creator: { select: { username: true } },
  winner: { select: { username: true } },
  players: { include: { user: { select: { id: true, username: true } } }, orderBy: { joinedAt: "asc" } },
  matches: { include: { player1: { select: { username: true } }, player2: { select: { username: true } }, winner: { select: { username: true } } } },
} satisfies Prisma.TournamentInclude;
type TournamentRow = Prisma.TournamentGetPayload<{ include: typeof withPeople }>;

// ---- reads -------------------------------------------------------------------------------------

export async function listTournaments(): Promise<TournamentSummary[]> {
  const rows = await db().tournament.findMany({
    orderBy: { createdAt: "desc" },
    take: 100,
    include: { creator: { select: { username: true } }, winner: { select: { username: true } }, _count: { select: { players: true } } },
  });
  return rows.map((row) => ({
    tournament_id: row.id,
    name: row.name,
    status: row.status,
    creator: row.creator.username,
    players: row._count.players,
    max_players: row.maxPlayers,
    winner: row.winner?.username ?? null,
    created_at: row.createdAt.toISOString(),
  }));
}

export async function getTournamentJson(id: number): Promise<TournamentJson | null> {
  const row = await db().tournament.findUnique({ where: { id }, include: withPeople });
  return row && toJson(row);
}

/** Tournaments a user won, newest first (for profiles). */
export async function tournamentsWonBy(userId: number): Promise<{ id: number; name: string; endedAt: Date | null }[]> {
  return db().tournament.findMany({ where: { winnerId: userId, status: "finished" }, orderBy: { endedAt: "desc" }, select: { id: true, name: true, endedAt: true } });
}

function toJson(row: TournamentRow): TournamentJson {
  const bracket = row.bracket as Bracket | null;
  const usernames = new Map(row.players.map((player) => [player.userId, player.user.username]));
  const nameOf = (id: number | null) => (id === null ? null : (usernames.get(id) ?? null));
  const rowAt = (round: number, slot: number) => row.matches.find((match) => match.round === round && match.slot === slot);
  const rounds = (bracket?.rounds ?? []).map((matches, index) => ({
    round: index + 1,
    matches: matches.map((match): TournamentMatchJson => {
      const stored = rowAt(match.round, match.slot);
      return {
        match_id: stored?.id ?? null,
        round: match.round,
        slot: match.slot,
        player1: nameOf(match.player1),
        player2: nameOf(match.player2),
        score1: stored && stored.player2Id !== null ? stored.player1Score : null,
        score2: stored && stored.player2Id !== null ? stored.player2Score : null,
        // A "ready" bracket match without a row waits for its round to start.
        status: stored ? storedStatus(stored, match) : match.status === "done" ? "finished" : match.status === "ready" ? "pending" : match.status,
        winner: nameOf(match.winner),
        forfeit_reason: asForfeitReason(stored?.forfeitReason ?? null),
      };
    }),
  }));
  return {
    tournament_id: row.id,
    name: row.name,
    status: row.status,
    creator: row.creator.username,
    max_players: row.maxPlayers,
    points_to_win: row.pointsToWin,
    players: row.players.map((player) => ({ username: player.user.username, seed: player.seed, eliminated: player.eliminated })),
    current_round: row.currentRound,
    rounds,
    winner: row.winner?.username ?? null,
    created_at: row.createdAt.toISOString(),
    started_at: row.startedAt?.toISOString() ?? null,
    ended_at: row.endedAt?.toISOString() ?? null,
  };
}

function storedStatus(stored: TournamentRow["matches"][number], match: BracketMatch): BracketMatchStatus {
  if (stored.forfeitReason === "bye" || stored.forfeitReason === "walkover") return stored.forfeitReason;
  if (stored.status === "created") return "ready";
  if (stored.status === "forfeited" && stored.winnerId === null) return "void";
  if (stored.status === "playing" || stored.status === "finished" || stored.status === "forfeited") return stored.status;
  return match.status === "done" ? "finished" : match.status;
}

// ---- changes -----------------------------------------------------------------------------------

/** A change to a tournament, decided on its current row. */
interface Change {
  update: Prisma.TournamentUpdateManyMutationInput;
  /** The change's other rows (players, seeds, eliminations, match rows), written with the update. */
  write?: (tx: Prisma.TransactionClient) => Promise<unknown>;
  /** Once committed: the live store, the match runner, the sockets. */
  after?: () => Promise<void>;
}

/**
 * Runs `decide` on the current row and applies its change only if nobody changed the row in
 * between (version compare-and-set), retrying otherwise. The version bump and the change's rows
 * commit in one transaction: a concurrent UPDATE ... WHERE version waits for it, then matches
 * no row and retries on the new state, so no one decides on a version whose rows are not yet
 * written (which once let a third player into a 2-player tournament). Inside the transaction,
 * `tx` only: on PGlite (one connection) a query through db() would wait for the transaction
 * itself. `after` runs once the change is committed.
 */
async function mutate(id: number, decide: (row: TournamentRow) => Promise<Change | TournamentResult>): Promise<TournamentResult> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const row = await db().tournament.findUnique({ where: { id }, include: withPeople });
    if (!row) return fail(404, "not_found", "No such tournament");
    const change = await decide(row);
    if ("ok" in change) return change;
    const applied = await db().$transaction(async (tx) => {
      const { count } = await tx.tournament.updateMany({ where: { id, version: row.version }, data: { ...change.update, version: { increment: 1 } } });
      if (count === 1) await change.write?.(tx);
      return count === 1;
    });
    if (!applied) continue;
    await change.after?.();
    const tournament = (await getTournamentJson(id))!;
    broadcast(id, "tournament_update", { type: "tournament_update", tournament });
    return { ok: true, tournament };
  }
  return fail(409, "conflict", "The tournament is changing too fast: try again");
}

export async function createTournament(creatorId: number, body: CreateTournamentBody): Promise<number> {
  const { id } = await db().tournament.create({
    data: {
      name: body.name,
      creatorId,
      maxPlayers: body.max_players,
      pointsToWin: body.points_to_win ?? env().POINTS_TO_WIN,
      players: { create: { userId: creatorId } },
    },
    select: { id: true },
  });
  return id;
}

export function joinTournament(userId: number, id: number): Promise<TournamentResult> {
  return mutate(id, async (row) => {
    if (row.status !== "open") return fail(409, "not_open", "This tournament has already started or ended");
    if (row.players.some((player) => player.userId === userId)) return fail(409, "already_joined", "You are already in this tournament");
    if (row.players.length >= row.maxPlayers) return fail(409, "full", "This tournament is full");
    return { update: {}, write: (tx) => tx.tournamentPlayer.create({ data: { tournamentId: id, userId } }) };
  });
}

/**
 * Before the start a player just leaves; the creator leaving cancels the tournament. During it,
 * the player forfeits their live match (if any) and every future one.
 */
export function leaveTournament(userId: number, id: number): Promise<TournamentResult> {
  return mutate(id, async (row) => {
    const entry = row.players.find((player) => player.userId === userId);
    if (!entry) return fail(409, "not_joined", "You are not in this tournament");
    if (row.status === "open") {
      if (row.creatorId === userId) return { update: { status: "cancelled", endedAt: new Date() } };
      return { update: {}, write: (tx) => tx.tournamentPlayer.delete({ where: { tournamentId_userId: { tournamentId: id, userId } } }) };
    }
    if (row.status !== "running") return fail(409, "not_running", "This tournament is over");
    if (entry.eliminated) return fail(409, "eliminated", "You are already out of this tournament");
    const live = row.matches.find((match) => (match.status === "created" || match.status === "playing") && (match.player1Id === userId || match.player2Id === userId));
    const eliminate = (tx: Prisma.TransactionClient) => tx.tournamentPlayer.update({ where: { tournamentId_userId: { tournamentId: id, userId } }, data: { eliminated: true } });
    if (live) {
      // The live match ends through the game layer; its result then advances the bracket.
      const slot = live.player1Id === userId ? "player1" : "player2";
      return { update: {}, write: eliminate, after: async () => void (await realtime().runner.dispatch(live.id, { kind: "forfeit", slot, reason: "left_tournament" })) };
    }
    const bracket = withdraw(row.bracket as unknown as Bracket, userId);
    return { update: { bracket: bracket as unknown as Prisma.InputJsonValue }, write: eliminate };
  }).then(async (result) => {
    if (result.ok && result.tournament.status === "running") await advanceIfRoundComplete(id);
    return result;
  });
}

export function startTournament(userId: number, id: number): Promise<TournamentResult> {
  return mutate(id, async (row) => {
    if (row.creatorId !== userId) return fail(403, "not_creator", "Only the creator can start the tournament");
    if (row.status !== "open") return fail(409, "not_open", "This tournament has already started or ended");
    if (row.players.length < 2) return fail(409, "too_few_players", "At least 2 players are needed to start");
    // Seeding by record: most wins first, then fewest losses, then who joined first.
    const records = await Promise.all(row.players.map(async (player) => ({ id: player.userId, joinedAt: player.joinedAt.getTime(), ...(await userRecord(player.userId)) })));
    const seeds = seedByRecord(records);
    const bracket = createBracket(seeds);
    let firstRound: WrittenRound;
    return {
      update: { status: "running", startedAt: new Date(), currentRound: 1, bracket: bracket as unknown as Prisma.InputJsonValue },
      write: async (tx) => {
        for (const [index, playerId] of seeds.entries()) {
          await tx.tournamentPlayer.update({ where: { tournamentId_userId: { tournamentId: id, userId: playerId } }, data: { seed: index + 1 } });
        }
        firstRound = await writeRound(tx, row, bracket, 1);
      },
      after: () => startRound(row, bracket, firstRound),
    };
  }).then(async (result) => {
    if (!result.ok) return result;
    // A round of byes only (possible in later rounds) advances at once.
    await advanceIfRoundComplete(id);
    return { ok: true as const, tournament: (await getTournamentJson(id))! };
  });
}

/** Called once per tournament match when its result is written. */
export async function tournamentMatchFinished(matchId: number): Promise<void> {
  const match = await db().match.findUnique({ where: { id: matchId } });
  if (!match?.tournamentId || match.round === null || match.slot === null) return;
  const { round, slot, winnerId } = match;
  const loserId = winnerId === null ? null : winnerId === match.player1Id ? match.player2Id : match.player1Id;
  await mutate(match.tournamentId, async (row) => {
    const bracket = row.bracket as unknown as Bracket;
    if (bracket.rounds[round - 1]?.[slot]?.status !== "ready") return { ok: true, tournament: toJson(row) }; // already recorded
    const next = reportResult(bracket, round, slot, winnerId);
    const losers = (winnerId === null ? [match.player1Id, match.player2Id] : [loserId]).filter((id): id is number => id !== null);
    return {
      update: { bracket: next as unknown as Prisma.InputJsonValue },
      write: (tx) => tx.tournamentPlayer.updateMany({ where: { tournamentId: row.id, userId: { in: losers } }, data: { eliminated: true } }),
    };
  });
  await advanceIfRoundComplete(match.tournamentId);
}

/** Moves to the next round (or the end) when every match of the current round is concluded. */
async function advanceIfRoundComplete(id: number): Promise<void> {
  for (;;) {
    let started: number | null = null;
    let ended = false;
    const result = await mutate(id, async (row) => {
      const bracket = row.bracket as unknown as Bracket;
      if (row.status !== "running" || !isRoundComplete(bracket, row.currentRound)) return { ok: true, tournament: toJson(row) };
      if (isFinished(bracket)) {
        ended = true;
        return { update: { status: "finished", winnerId: champion(bracket), endedAt: new Date() } };
      }
      const next = row.currentRound + 1;
      started = next;
      let nextRound: WrittenRound;
      return {
        update: { currentRound: next },
        write: async (tx) => void (nextRound = await writeRound(tx, row, bracket, next)),
        after: () => startRound(row, bracket, nextRound),
      };
    });
    if (!result.ok) return;
    if (ended) {
      broadcast(id, "tournament_end", { type: "tournament_end", tournament_id: id, winner: result.tournament.winner });
      return;
    }
    if (started === null) return;
  }
}

/** A round's match rows: their ids by slot, and which of them were written just now. */
interface WrittenRound {
  round: number;
  ids: Map<number, number>;
  written: Set<number>;
}

/**
 * Writes the round's missing match rows: a live one for each ready match, and a finished one for
 * each bye or walkover, so the bracket and the history show it. A row already there (unique
 * tournament/round/slot) is left as it is.
 */
async function writeRound(client: Prisma.TransactionClient, tournament: { id: number; pointsToWin: number }, bracket: Bracket, round: number): Promise<WrittenRound> {
  const rows = (bracket.rounds[round - 1] ?? []).flatMap((match): Prisma.MatchCreateManyInput[] => {
    const place = { tournamentId: tournament.id, round, slot: match.slot, pointsToWin: tournament.pointsToWin };
    if (match.status === "ready") return [{ ...place, player1Id: match.player1!, player2Id: match.player2! }];
    if (match.status === "bye" || match.status === "walkover") {
      return [{ ...place, player1Id: match.winner!, player2Id: null, status: "finished", winnerId: match.winner!, forfeitReason: match.status, endedAt: new Date() }];
    }
    return [];
  });
  const written = await client.match.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true } });
  const all = await client.match.findMany({ where: { tournamentId: tournament.id, round }, select: { id: true, slot: true } });
  return { round, ids: new Map(all.map((row) => [row.slot!, row.id])), written: new Set(written.map((row) => row.id)) };
}

/**
 * Once the round's rows are committed: starts the live matches whose rows this process wrote
 * (so each starts once, whichever process wrote it), tells their players, announces the pairings.
 */
async function startRound(tournament: TournamentRow, bracket: Bracket, { round, ids, written }: WrittenRound): Promise<void> {
  const usernames = new Map(tournament.players.map((player) => [player.userId, player.user.username]));
  const username = (userId: number) => usernames.get(userId)!;
  const store = liveStore();
  const pairings: string[] = [];
  for (const match of bracket.rounds[round - 1] ?? []) {
    const matchId = ids.get(match.slot);
    if (matchId === undefined || !["ready", "bye", "walkover"].includes(match.status)) continue;
    if (match.status === "ready" && written.has(matchId)) {
      const [player1, player2] = [match.player1!, match.player2!];
      await saveNewMatch(store, {
        matchId,
        tournamentId: tournament.id,
        player1: { id: player1, username: username(player1) },
        player2: { id: player2, username: username(player2) },
        pointsToWin: tournament.pointsToWin,
        ...matchTimeouts(),
      });
      await markInGame(store, [player1, player2], matchId);
      await realtime().runner.ensureRunning(matchId);
      for (const [playerId, opponentId] of [[player1, player2], [player2, player1]] as const) {
        realtime()
          .io.of("/game")
          .to(`user:${playerId}`)
          .emit("tournament_match_ready", { type: "tournament_match_ready", tournament_id: tournament.id, tournament_name: tournament.name, match_id: matchId, opponent: username(opponentId) });
      }
    }
    pairings.push(pairingText(match, matchId, username));
  }
  broadcast(tournament.id, "round_start", { type: "round_start", tournament_id: tournament.id, round, pairings });
}

/**
 * After a restart: a round whose match rows are missing (left by a version that wrote them after
 * moving the tournament on) gets them now, and live matches whose live state was lost (embedded
 * store) start again from the beginning.
 */
export async function resumeTournaments(): Promise<void> {
  const store = liveStore();
  const running = await db().tournament.findMany({ where: { status: "running" }, select: { id: true, currentRound: true, bracket: true, matches: { select: { round: true, slot: true } } } });
  for (const tournament of running) {
    const round = (tournament.bracket as unknown as Bracket).rounds[tournament.currentRound - 1] ?? [];
    const written = (match: BracketMatch) => tournament.matches.some((row) => row.round === match.round && row.slot === match.slot);
    if (!round.some((match) => ["ready", "bye", "walkover"].includes(match.status) && !written(match))) continue;
    // writeRound writes only what is missing, and startRound starts only the matches it wrote.
    const row = await db().tournament.findUniqueOrThrow({ where: { id: tournament.id }, include: withPeople });
    const bracket = row.bracket as unknown as Bracket;
    await startRound(row, bracket, await writeRound(db(), row, bracket, row.currentRound));
  }
  const open = await db().match.findMany({
    where: { tournamentId: { not: null }, status: { in: ["created", "playing"] }, tournament: { status: "running" } },
    include: { player1: true, player2: true, tournament: true },
  });
  for (const match of open) {
    if ((await store.get(keys.matchState(match.id))) !== null || !match.player2) continue;
    await db().match.update({ where: { id: match.id }, data: { status: "created", startedAt: null } });
    await saveNewMatch(store, {
      matchId: match.id,
      tournamentId: match.tournamentId,
      player1: { id: match.player1.id, username: match.player1.username },
      player2: { id: match.player2.id, username: match.player2.username },
      pointsToWin: match.pointsToWin,
      ...matchTimeouts(),
    });
    await markInGame(store, [match.player1.id, match.player2.id], match.id);
  }
  for (const tournament of running) await advanceIfRoundComplete(tournament.id);
}

function broadcast(id: number, event: "tournament_update" | "round_start" | "tournament_end", payload: object): void {
  realtime().io.of("/tournament").to(tournamentRoom(id)).emit(event, payload);
}
