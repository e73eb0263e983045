// Knockout tournaments: the HTTP bodies, the tournament JSON, and the /tournament namespace.
import { z } from "zod";
import { TOURNAMENT_MAX_PLAYERS, TOURNAMENT_MIN_PLAYERS, type BracketMatchStatus, type ForfeitReason, type TournamentStatus } from "../domain/lists";
import type { AckCallback, ErrorEvent } from "./common";
import { idSchema } from "./common";

export { TOURNAMENT_MAX_PLAYERS, TOURNAMENT_MIN_PLAYERS };
export type { BracketMatchStatus, TournamentStatus };

/** JSON body, or the page's form (strings): numbers are coerced. */
export const createTournamentBodySchema = z.strictObject({
  name: z
    .string({ error: "Name is required" })
    .trim()
    .min(3, "Name must be 3 to 40 characters")
    .max(40, "Name must be 3 to 40 characters")
    // PostgreSQL text cannot hold NUL: storing one would fail (500) instead of refusing it.
    .refine((name) => !name.includes("\u0000"), "Name cannot contain the NUL character"),
  max_players: z.coerce
    .number({ error: "Max players must be a number" })
    .int("Max players must be a whole number")
    .min(TOURNAMENT_MIN_PLAYERS, `Max players must be ${TOURNAMENT_MIN_PLAYERS} to ${TOURNAMENT_MAX_PLAYERS}`)
    .max(TOURNAMENT_MAX_PLAYERS, `Max players must be ${TOURNAMENT_MIN_PLAYERS} to ${TOURNAMENT_MAX_PLAYERS}`)
    .default(8),
  points_to_win: z.coerce.number({ error: "Points to win must be a number" }).int().min(1, "Points to win must be 1 to 21").max(21, "Points to win must be 1 to 21").optional(),
});
export type CreateTournamentBody = z.infer<typeof createTournamentBodySchema>;

export interface TournamentMatchJson {
  /** Null until the round starts and the match is created. */
  match_id: number | null;
  round: number;
  slot: number;
  player1: string | null;
  player2: string | null;
  score1: number | null;
  score2: number | null;
  status: BracketMatchStatus;
  winner: string | null;
  forfeit_reason: ForfeitReason | null;
  /**
   * While the match is "ready": when a player who has not entered it forfeits (ISO time), i.e.
   * REGISTER_TIMEOUT_MS after the match was created. Null otherwise.
   */
  join_deadline: string | null;
  /** Whether the match has a replay (GET /game/matches/<id>/replay/, the page /match/<id>/replay/). */
  has_replay: boolean;
}

export interface TournamentJson {
  tournament_id: number;
  name: string;
  status: TournamentStatus;
  creator: string;
  max_players: number;
  points_to_win: number;
  players: { username: string; seed: number | null; eliminated: boolean }[];
  /** 0 before the start. */
  current_round: number;
  rounds: { round: number; matches: TournamentMatchJson[] }[];
  winner: string | null;
  created_at: string;
  started_at: string | null;
  ended_at: string | null;
}

export const joinTournamentSchema = z.strictObject({ type: z.literal("join_tournament"), tournament_id: idSchema });
export const leaveTournamentChannelSchema = z.strictObject({ type: z.literal("leave_tournament"), tournament_id: idSchema });
export type JoinTournamentMessage = z.infer<typeof joinTournamentSchema>;

export interface TournamentUpdate {
  type: "tournament_update";
  tournament: TournamentJson;
}
export interface RoundStart {
  type: "round_start";
  tournament_id: number;
  round: number;
  /** The seed's text: "<match_id> <player1> vs <player2>" or "<match_id> <player1> bye". */
  pairings: string[];
}
export interface TournamentEnd {
  type: "tournament_end";
  tournament_id: number;
  /** Null when nobody reached the end (everyone left or no-showed). */
  winner: string | null;
}

export interface TournamentServerToClient {
  tournament_update(message: TournamentUpdate): void;
  round_start(message: RoundStart): void;
  tournament_end(message: TournamentEnd): void;
  error(message: ErrorEvent): void;
}

export interface TournamentClientToServer {
  join_tournament(message: JoinTournamentMessage, ack?: AckCallback<{ tournament: TournamentJson }>): void;
  leave_tournament(message: z.infer<typeof leaveTournamentChannelSchema>, ack?: AckCallback): void;
}

/** Server → a player on /game (every tab): their tournament match is ready to play. */
export interface TournamentMatchReady {
  type: "tournament_match_ready";
  tournament_id: number;
  tournament_name: string;
  match_id: number;
  opponent: string;
  /** The match's `join_deadline` (see TournamentMatchJson): enter it by then or forfeit. */
  join_deadline: string;
  /** The same deadline as milliseconds from when the message was sent, for a browser whose clock differs from the server's. */
  join_ms_left: number;
}
