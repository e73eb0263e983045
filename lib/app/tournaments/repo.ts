// Tournament rows. Every change goes through a version compare-and-set (mutate), in one
// transaction with the rows it writes, so concurrent joins, starts, results and leaves on several
// processes never overwrite each other nor act on a half-written change.
import type { Bracket } from "../../domain/tournament";
import type { Prisma, PrismaClient } from "../../infra/db/generated/prisma/client";
import type { CreateTournamentBody, TournamentJson } from "../../protocol/tournament";
import { bracketJson, toJson, toSummary, withCounts, withPeople, type TournamentRow, type TournamentSummary } from "./json";

/** The transaction a change's rows are written in: pass it to the repo's writes, as it is. */
export type Tx = Prisma.TransactionClient;

/** A change to a tournament, decided on its current row. */
export interface Change {
  /** The tournament's new fields; the repo stores the bracket as JSON. */
  update: Omit<Prisma.TournamentUpdateManyMutationInput, "bracket"> & { bracket?: Bracket };
  /** The change's other rows (players, seeds, eliminations, match rows), written with the update. */
  write?: (tx: Tx) => Promise<unknown>;
  /** Once committed: the live matches, the notices. */
  after?: () => Promise<void>;
}

const isChange = <A>(decision: Change | A): decision is Change => typeof decision === "object" && decision !== null && "update" in decision;

/** How a mutate ended: the change applied, `decide`'s own answer (no change), no such row, or too many retries. */
export type Mutated<A> = { applied: TournamentJson } | { answer: A } | { missing: true } | { conflict: true };

/** A round's match rows: their ids by slot, and which of them were written just now (with when). */
export interface WrittenRound {
  round: number;
  ids: Map<number, number>;
  written: Map<number, Date>;
}

const MAX_ATTEMPTS = 20;

/** `registerTimeoutMs`: the settings' REGISTER_TIMEOUT_MS, for the matches' join deadlines. */
export function tournamentRepo(db: PrismaClient, registerTimeoutMs: number) {
  const json = async (id: number): Promise<TournamentJson | null> => {
    const row = await db.tournament.findUnique({ where: { id }, include: withPeople });
    return row && toJson(row, registerTimeoutMs);
  };

  /**
   * Writes the round's missing match rows: a live one for each ready match, and a finished one
   * for each bye or walkover, so the bracket and the history show it. A row already there
   * (unique tournament/round/slot) is left as it is. Created on this process's clock, as the live
   * matches' no-show clocks are, rather than the database's: the join deadline derives from it.
   */
  const writeRound = async (client: Tx, tournament: { id: number; pointsToWin: number }, bracket: Bracket, round: number): Promise<WrittenRound> => {
    const createdAt = new Date();
    const rows = (bracket.rounds[round - 1] ?? []).flatMap((match): Prisma.MatchCreateManyInput[] => {
      const place = { tournamentId: tournament.id, round, slot: match.slot, pointsToWin: tournament.pointsToWin, createdAt };
      if (match.status === "ready") return [{ ...place, player1Id: match.player1!, player2Id: match.player2! }];
      if (match.status === "bye" || match.status === "walkover") {
        return [{ ...place, player1Id: match.winner!, player2Id: null, status: "finished", winnerId: match.winner!, forfeitReason: match.status, endedAt: new Date() }];
      }
      return [];
    });
    const written = await client.match.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true, createdAt: true } });
    const all = await client.match.findMany({ where: { tournamentId: tournament.id, round }, select: { id: true, slot: true } });
    return { round, ids: new Map(all.map((row) => [row.slot!, row.id])), written: new Map(written.map((row) => [row.id, row.createdAt])) };
  };

  return {
    json,

    async list(): Promise<TournamentSummary[]> {
      const rows = await db.tournament.findMany({ orderBy: { createdAt: "desc" }, take: 100, include: withCounts });
      return rows.map(toSummary);
    },

    /** Tournaments a user won, newest first (for profiles). */
    wonBy(userId: number): Promise<{ id: number; name: string; endedAt: Date | null }[]> {
      return db.tournament.findMany({ where: { winnerId: userId, status: "finished" }, orderBy: { endedAt: "desc" }, select: { id: true, name: true, endedAt: true } });
    },

    async create(creatorId: number, body: CreateTournamentBody, defaultPointsToWin: number): Promise<number> {
      const { id } = await db.tournament.create({
        data: {
          name: body.name,
          creatorId,
          maxPlayers: body.max_players,
          pointsToWin: body.points_to_win ?? defaultPointsToWin,
          players: { create: { userId: creatorId } },
        },
        select: { id: true },
      });
      return id;
    },

    /**
     * Runs `decide` on the current row and applies its change only if nobody changed the row in
     * between (version compare-and-set), retrying otherwise. The version bump and the change's
     * rows commit in one transaction: a concurrent UPDATE ... WHERE version waits for it, then
     * matches no row and retries on the new state, so no one decides on a version whose rows are
     * not yet written (which once let a third player into a 2-player tournament). Inside the
     * transaction, `tx` only: on PGlite (one connection) a query through `db` would wait for the
     * transaction itself. `after`, then `changed`, run once the change is committed. Whatever
     * else `decide` returns is its answer: nothing is written and mutate hands it back.
     */
    async mutate<A>(id: number, decide: (row: TournamentRow) => Promise<Change | A>, changed: (tournament: TournamentJson) => void): Promise<Mutated<A>> {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const row = await db.tournament.findUnique({ where: { id }, include: withPeople });
        if (!row) return { missing: true };
        const change = await decide(row);
        if (!isChange(change)) return { answer: change };
        const applied = await db.$transaction(async (tx) => {
          const { bracket, ...fields } = change.update;
          const data = { ...fields, ...(bracket && { bracket: bracketJson(bracket) }), version: { increment: 1 } };
          const { count } = await tx.tournament.updateMany({ where: { id, version: row.version }, data });
          if (count === 1) await change.write?.(tx);
          return count === 1;
        });
        if (!applied) continue;
        await change.after?.();
        const tournament = (await json(id))!;
        changed(tournament);
        return { applied: tournament };
      }
      return { conflict: true };
    },

    /** The rows of a tournament's players, written in a change's transaction. */
    async addPlayer(tx: Tx, id: number, userId: number): Promise<void> {
      await tx.tournamentPlayer.create({ data: { tournamentId: id, userId } });
    },

    async removePlayer(tx: Tx, id: number, userId: number): Promise<void> {
      await tx.tournamentPlayer.delete({ where: { tournamentId_userId: { tournamentId: id, userId } } });
    },

    async eliminate(tx: Tx, id: number, userId: number): Promise<void> {
      await tx.tournamentPlayer.update({ where: { tournamentId_userId: { tournamentId: id, userId } }, data: { eliminated: true } });
    },

    async eliminatePlayers(tx: Tx, id: number, userIds: number[]): Promise<void> {
      await tx.tournamentPlayer.updateMany({ where: { tournamentId: id, userId: { in: userIds } }, data: { eliminated: true } });
    },

    /** Seeds in order: the first player is seed 1. */
    async setSeeds(tx: Tx, id: number, seeds: number[]): Promise<void> {
      for (const [index, userId] of seeds.entries()) {
        await tx.tournamentPlayer.update({ where: { tournamentId_userId: { tournamentId: id, userId } }, data: { seed: index + 1 } });
      }
    },

    writeRound,

    /**
     * writeRound outside a change, on the repo's own client (at resume): it skips the rows already
     * there, so another process writing the same round meanwhile does no harm.
     */
    writeMissingRound(tournament: { id: number; pointsToWin: number }, bracket: Bracket, round: number): Promise<WrittenRound> {
      return writeRound(db, tournament, bracket, round);
    },

    /** The tournament match row of a finished match, or null for a duel. */
    async tournamentMatch(matchId: number) {
      const match = await db.match.findUnique({ where: { id: matchId } });
      if (!match?.tournamentId || match.round === null || match.slot === null) return null;
      return { ...match, tournamentId: match.tournamentId, round: match.round, slot: match.slot };
    },

    running() {
      return db.tournament.findMany({ where: { status: "running" }, select: { id: true, currentRound: true, bracket: true, matches: { select: { round: true, slot: true } } } });
    },

    row(id: number): Promise<TournamentRow> {
      return db.tournament.findUniqueOrThrow({ where: { id }, include: withPeople });
    },

    /** Matches of running tournaments that have not ended. */
    unfinishedMatches() {
      return db.match.findMany({
        where: { tournamentId: { not: null }, status: { in: ["created", "playing"] }, tournament: { status: "running" } },
        include: { player1: true, player2: true, tournament: true },
      });
    },

    /** A match whose live state was lost starts again from the beginning. */
    async restartMatch(matchId: number): Promise<void> {
      // Created again: its no-show clock, and so its join deadline, starts over.
      await db.match.update({ where: { id: matchId }, data: { status: "created", startedAt: null, createdAt: new Date() } });
    },
  };
}

export type TournamentRepo = ReturnType<typeof tournamentRepo>;
