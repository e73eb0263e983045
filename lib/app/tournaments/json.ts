// A tournament's rows as the JSON pages, the API and the /tournament namespace show.
import { asForfeitReason, type BracketMatchStatus, type TournamentStatus } from "../../domain/lists";
import type { Bracket, BracketMatch } from "../../domain/tournament";
import type { Prisma } from "../../infra/db/generated/prisma/client";
import type { TournamentJson, TournamentMatchJson } from "../../protocol/tournament";

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

/** What toJson needs of a tournament: its row with its people and matches. */
export const withPeople = {
  creator: { select: { username: true } },
  winner: { select: { username: true } },
  players: { include: { user: { select: { id: true, username: true } } }, orderBy: { joinedAt: "asc" } },
  matches: {
    include: { player1: { select: { username: true } }, player2: { select: { username: true } }, winner: { select: { username: true } }, replay: { select: { matchId: true } } },
  },
} satisfies Prisma.TournamentInclude;
export type TournamentRow = Prisma.TournamentGetPayload<{ include: typeof withPeople }>;

/** The bracket column: null until the tournament starts, then its Bracket (lib/domain/tournament) as JSON. */
const storedBracket = (row: { bracket: Prisma.JsonValue }) => row.bracket as unknown as Bracket | null;
/** A started tournament's bracket. */
export const bracketOf = (row: { bracket: Prisma.JsonValue }): Bracket => storedBracket(row)!;
export const bracketJson = (bracket: Bracket) => bracket as unknown as Prisma.InputJsonValue;

export const withCounts = {
  creator: { select: { username: true } },
  winner: { select: { username: true } },
  _count: { select: { players: true } },
} satisfies Prisma.TournamentInclude;
type SummaryRow = Prisma.TournamentGetPayload<{ include: typeof withCounts }>;

export function toSummary(row: SummaryRow): TournamentSummary {
  return {
    tournament_id: row.id,
    name: row.name,
    status: row.status,
    creator: row.creator.username,
    players: row._count.players,
    max_players: row.maxPlayers,
    winner: row.winner?.username ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

/**
 * When a player who has not entered a tournament match forfeits: the no-show clock runs from the
 * match's creation (lib/domain/game/lifecycle). The row is written just before the live match
 * opens, so this is at most a moment early, never late. Whoever registers first gives the other
 * player until REGISTER_TIMEOUT_MS after that, which is later still.
 */
export const joinDeadline = (createdAt: Date, registerTimeoutMs: number): string => new Date(createdAt.getTime() + registerTimeoutMs).toISOString();

export function toJson(row: TournamentRow, registerTimeoutMs: number): TournamentJson {
  const bracket = storedBracket(row);
  const usernames = new Map(row.players.map((player) => [player.userId, player.user.username]));
  const nameOf = (id: number | null) => (id === null ? null : (usernames.get(id) ?? null));
  const rowAt = (round: number, slot: number) => row.matches.find((match) => match.round === round && match.slot === slot);
  const rounds = (bracket?.rounds ?? []).map((matches, index) => ({
    round: index + 1,
    matches: matches.map((match): TournamentMatchJson => {
      const stored = rowAt(match.round, match.slot);
      // A "ready" bracket match without a row waits for its round to start.
      const status = stored ? storedStatus(stored, match) : match.status === "done" ? "finished" : match.status === "ready" ? "pending" : match.status;
      return {
        match_id: stored?.id ?? null,
        round: match.round,
        slot: match.slot,
        player1: nameOf(match.player1),
        player2: nameOf(match.player2),
        score1: stored && stored.player2Id !== null ? stored.player1Score : null,
        score2: stored && stored.player2Id !== null ? stored.player2Score : null,
        status,
        winner: nameOf(match.winner),
        forfeit_reason: asForfeitReason(stored?.forfeitReason ?? null),
        join_deadline: status === "ready" && stored ? joinDeadline(stored.createdAt, registerTimeoutMs) : null,
        has_replay: stored?.replay != null,
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
