// Every list of values the game and tournaments share, defined once: the wire schemas
// (lib/protocol) derive their enums from these, and the pages their labels.

export const PLAYER_SLOTS = ["player1", "player2"] as const;
/** Player 1 defends the bottom edge, player 2 the top. */
export type PlayerSlot = (typeof PLAYER_SLOTS)[number];
export const otherSlot = (slot: PlayerSlot): PlayerSlot => (slot === "player1" ? "player2" : "player1");

/** A live match's lifecycle (game/lifecycle.ts), as game_state shows it. */
export const MATCH_STATUSES = ["waiting", "countdown", "playing", "paused", "finished", "forfeited"] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
/** A match that ended (played out or forfeited), live or stored. */
export const isOverStatus = (status: string) => status === "finished" || status === "forfeited";

/** Why a match ended without being played to the end. */
export const FORFEIT_REASONS = [
  "disconnect", // away longer than the reconnection grace (or the pause budget)
  "register_timeout", // did not register in time after the opponent did
  "quit", // left the match
  "no_show", // neither player registered
  "left_tournament", // left the tournament during the match
  "interrupted", // the server stopped with the match's live state in memory
  "bye", // a tournament player without an opponent in round 1
  "walkover", // a tournament player whose opponent will never come
] as const;
export type ForfeitReason = (typeof FORFEIT_REASONS)[number];
/** A reason read back from storage (a text column): unknown values read as none. */
export const asForfeitReason = (value: string | null): ForfeitReason | null => (FORFEIT_REASONS as readonly (string | null)[]).includes(value) ? (value as ForfeitReason) : null;
/** The reasons a live match ends with; the others are written by tournaments and at start-up. */
export type LiveForfeitReason = Exclude<ForfeitReason, "interrupted" | "bye" | "walkover">;

export const TOURNAMENT_STATUSES = ["open", "running", "finished", "cancelled"] as const;
export type TournamentStatus = (typeof TOURNAMENT_STATUSES)[number];
export const TOURNAMENT_MIN_PLAYERS = 2;
export const TOURNAMENT_MAX_PLAYERS = 64;

/**
 * A tournament match as its bracket page shows it: the bracket's cell (tournament/types.ts)
 * together with its match row. "bye": won without opponent in round 1; "walkover": the
 * opponent never came; "void": nobody advances.
 */
export const BRACKET_MATCH_STATUSES = ["pending", "ready", "playing", "bye", "walkover", "finished", "forfeited", "void"] as const;
export type BracketMatchStatus = (typeof BRACKET_MATCH_STATUSES)[number];

/** The AI's difficulty levels, weakest first (ai/levels.ts says what each one can do). */
export const AI_LEVELS = [1, 2, 3, 4, 5] as const;
export type AiLevel = (typeof AI_LEVELS)[number];
