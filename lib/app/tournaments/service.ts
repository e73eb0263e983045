// Knockout tournaments: the database is the source of truth (tournament row with its bracket,
// players, one match row per played match). Bracket arithmetic is lib/domain/tournament's; this
// service decides each change on the current row (repo.ts applies it), starts the live matches
// of a round through the MatchHost, and tells players and watchers through the notifier.
import { TOURNAMENT_MIN_PLAYERS } from "../../domain/lists";
import type { Bracket, BracketMatch } from "../../domain/tournament";
import { champion, createBracket, isFinished, isRoundComplete, pairingText, reportResult, seedByRecord, withdraw } from "../../domain/tournament";
import type { Env } from "../../env";
import type { LiveStore } from "../../infra/store/types";
import type { CreateTournamentBody } from "../../protocol/tournament";
import { openMatch } from "../open-match";
import type { MatchHost, TournamentNotifier } from "../ports";
import type { UserRepo } from "../repos/users";
import { bracketOf, joinDeadline, toJson, type TournamentRow } from "./json";
import type { Change, TournamentRepo, Tx, WrittenRound } from "./repo";
import { fail, type TournamentResult } from "./result";

export type { TournamentResult };
export type { TournamentSummary } from "./json";

export interface TournamentServiceDeps {
  config: Env;
  store: LiveStore;
  tournaments: TournamentRepo;
  users: UserRepo;
  host: MatchHost;
  notifier: TournamentNotifier;
}

export function createTournamentService({ config, store, tournaments, users, host, notifier }: TournamentServiceDeps) {
  const opening = { host, store, config };
  /** A change decided on the current row (repo.mutate), or the answer `decide` gives instead. */
  const mutate = async (id: number, decide: (row: TournamentRow) => Promise<Change | TournamentResult>): Promise<TournamentResult> => {
    const mutated = await tournaments.mutate(id, decide, notifier.tournamentUpdated);
    if ("applied" in mutated) return { ok: true, tournament: mutated.applied };
    if ("answer" in mutated) return mutated.answer;
    if ("missing" in mutated) return fail(404, "not_found", "No such tournament");
    return fail(409, "conflict", "The tournament is changing too fast: try again");
  };

  /**
   * Once the round's rows are committed: starts the live matches whose rows this process wrote
   * (so each starts once, whichever process wrote it), tells their players, announces the pairings.
   */
  const startRound = async (tournament: TournamentRow, bracket: Bracket, { round, ids, written }: WrittenRound): Promise<void> => {
    const usernames = new Map(tournament.players.map((player) => [player.userId, player.user.username]));
    const username = (userId: number) => usernames.get(userId)!;
    const pairings: string[] = [];
    for (const match of bracket.rounds[round - 1] ?? []) {
      const matchId = ids.get(match.slot);
      if (matchId === undefined || !["ready", "bye", "walkover"].includes(match.status)) continue;
      const createdAt = written.get(matchId);
      if (match.status === "ready" && createdAt) {
        const [player1, player2] = [match.player1!, match.player2!];
        await openMatch(opening, {
          matchId,
          tournamentId: tournament.id,
          player1: { id: player1, username: username(player1) },
          player2: { id: player2, username: username(player2) },
          pointsToWin: tournament.pointsToWin,
        });
        await host.ensureRunning(matchId);
        const join_deadline = joinDeadline(createdAt, config.REGISTER_TIMEOUT_MS);
        const join_ms_left = Math.max(0, Date.parse(join_deadline) - Date.now());
        for (const [playerId, opponentId] of [[player1, player2], [player2, player1]] as const) {
          notifier.matchReady(playerId, { type: "tournament_match_ready", tournament_id: tournament.id, tournament_name: tournament.name, match_id: matchId, opponent: username(opponentId), join_deadline, join_ms_left });
        }
      }
      pairings.push(pairingText(match, matchId, username));
    }
    notifier.roundStarted({ type: "round_start", tournament_id: tournament.id, round, pairings });
  };

  /** Moves to the next round (or the end) when every match of the current round is concluded. */
  const advanceIfRoundComplete = async (id: number): Promise<void> => {
    for (;;) {
      let started = false;
      let ended = false;
      const result = await mutate(id, async (row) => {
        const bracket = bracketOf(row);
        if (row.status !== "running" || !isRoundComplete(bracket, row.currentRound)) return { ok: true, tournament: toJson(row, config.REGISTER_TIMEOUT_MS) };
        if (isFinished(bracket)) {
          ended = true;
          return { update: { status: "finished", winnerId: champion(bracket), endedAt: new Date() } };
        }
        const next = row.currentRound + 1;
        started = true;
        let nextRound: WrittenRound;
        return {
          update: { currentRound: next },
          write: async (tx) => void (nextRound = await tournaments.writeRound(tx, row, bracket, next)),
          after: () => startRound(row, bracket, nextRound),
        };
      });
      if (!result.ok) return;
      if (ended) {
        notifier.tournamentEnded({ type: "tournament_end", tournament_id: id, winner: result.tournament.winner });
        return;
      }
      if (!started) return;
    }
  };

  return {
    list: tournaments.list,
    json: tournaments.json,
    wonBy: tournaments.wonBy,

    create(creatorId: number, body: CreateTournamentBody): Promise<number> {
      return tournaments.create(creatorId, body, config.POINTS_TO_WIN);
    },

    join(userId: number, id: number): Promise<TournamentResult> {
      return mutate(id, async (row) => {
        if (row.status !== "open") return fail(409, "not_open", "This tournament has already started or ended");
        if (row.players.some((player) => player.userId === userId)) return fail(409, "already_joined", "You are already in this tournament");
        if (row.players.length >= row.maxPlayers) return fail(409, "full", "This tournament is full");
        return { update: {}, write: (tx) => tournaments.addPlayer(tx, id, userId) };
      });
    },

    /**
     * Before the start a player just leaves; the creator leaving cancels the tournament. During
     * it, the player forfeits their live match (if any) and every future one.
     */
    async leave(userId: number, id: number): Promise<TournamentResult> {
      const result = await mutate(id, async (row) => {
        const entry = row.players.find((player) => player.userId === userId);
        if (!entry) return fail(409, "not_joined", "You are not in this tournament");
        if (row.status === "open") {
          if (row.creatorId === userId) return { update: { status: "cancelled", endedAt: new Date() } };
          return { update: {}, write: (tx) => tournaments.removePlayer(tx, id, userId) };
        }
        if (row.status !== "running") return fail(409, "not_running", "This tournament is over");
        if (entry.eliminated) return fail(409, "eliminated", "You are already out of this tournament");
        const live = row.matches.find((match) => (match.status === "created" || match.status === "playing") && (match.player1Id === userId || match.player2Id === userId));
        const eliminate = (tx: Tx) => tournaments.eliminate(tx, id, userId);
        if (live) {
          // The live match ends through the engine; its result then advances the bracket.
          const slot = live.player1Id === userId ? "player1" : "player2";
          return { update: {}, write: eliminate, after: () => host.forfeit(live.id, slot, "left_tournament") };
        }
        return { update: { bracket: withdraw(bracketOf(row), userId) }, write: eliminate };
      });
      if (result.ok && result.tournament.status === "running") await advanceIfRoundComplete(id);
      return result;
    },

    async start(userId: number, id: number): Promise<TournamentResult> {
      const result = await mutate(id, async (row) => {
        if (row.creatorId !== userId) return fail(403, "not_creator", "Only the creator can start the tournament");
        if (row.status !== "open") return fail(409, "not_open", "This tournament has already started or ended");
        if (row.players.length < TOURNAMENT_MIN_PLAYERS) return fail(409, "too_few_players", `At least ${TOURNAMENT_MIN_PLAYERS} players are needed to start`);
        // Seeding by record: most wins first, then fewest losses, then who joined first.
        const records = await Promise.all(row.players.map(async (player) => ({ id: player.userId, joinedAt: player.joinedAt.getTime(), ...(await users.record(player.userId)) })));
        const seeds = seedByRecord(records);
        const bracket = createBracket(seeds);
        let firstRound: WrittenRound;
        return {
          update: { status: "running", startedAt: new Date(), currentRound: 1, bracket },
          write: async (tx) => {
            await tournaments.setSeeds(tx, id, seeds);
            firstRound = await tournaments.writeRound(tx, row, bracket, 1);
          },
          after: () => startRound(row, bracket, firstRound),
        };
      });
      if (!result.ok) return result;
      // A round of byes only (possible in later rounds) advances at once.
      await advanceIfRoundComplete(id);
      return { ok: true, tournament: (await tournaments.json(id))! };
    },

    /** The finished-match hook: runs once per match result written (again after a take-over: idempotent). */
    async matchFinished(matchId: number): Promise<void> {
      const match = await tournaments.tournamentMatch(matchId);
      if (!match) return;
      const { round, slot, winnerId } = match;
      const loserId = winnerId === null ? null : winnerId === match.player1Id ? match.player2Id : match.player1Id;
      await mutate(match.tournamentId, async (row) => {
        const bracket = bracketOf(row);
        if (bracket.rounds[round - 1]?.[slot]?.status !== "ready") return { ok: true, tournament: toJson(row, config.REGISTER_TIMEOUT_MS) }; // already recorded
        const next = reportResult(bracket, round, slot, winnerId);
        const losers = (winnerId === null ? [match.player1Id, match.player2Id] : [loserId]).filter((id): id is number => id !== null);
        return {
          update: { bracket: next },
          write: (tx) => tournaments.eliminatePlayers(tx, row.id, losers),
        };
      });
      await advanceIfRoundComplete(match.tournamentId);
    },

    /**
     * After a restart: a round whose match rows are missing (left by a version that wrote them
     * after moving the tournament on) gets them now, and live matches whose live state was lost
     * (embedded store) start again from the beginning.
     */
    async resume(): Promise<void> {
      const running = await tournaments.running();
      for (const tournament of running) {
        const round = bracketOf(tournament).rounds[tournament.currentRound - 1] ?? [];
        const written = (match: BracketMatch) => tournament.matches.some((row) => row.round === match.round && row.slot === match.slot);
        if (!round.some((match) => ["ready", "bye", "walkover"].includes(match.status) && !written(match))) continue;
        // writeRound writes only what is missing, and startRound starts only the matches it wrote.
        const row = await tournaments.row(tournament.id);
        const bracket = bracketOf(row);
        await startRound(row, bracket, await tournaments.writeMissingRound(row, bracket, row.currentRound));
      }
      for (const match of await tournaments.unfinishedMatches()) {
        if ((await host.isLive(match.id)) || !match.player2) continue;
        await tournaments.restartMatch(match.id);
        await openMatch(opening, {
          matchId: match.id,
          tournamentId: match.tournamentId,
          player1: { id: match.player1.id, username: match.player1.username },
          player2: { id: match.player2.id, username: match.player2.username },
          pointsToWin: match.pointsToWin,
        });
      }
      for (const tournament of running) await advanceIfRoundComplete(tournament.id);
    },
  };
}

export type TournamentService = ReturnType<typeof createTournamentService>;
