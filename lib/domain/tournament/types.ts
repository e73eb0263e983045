/** A bracket cell: one match of the knockout. Resolved states: "bye", "walkover", "done", "void". */
export type BracketCellState =
  | "pending" // waiting for one or both players from the previous round
  | "ready" // both players known, no result yet (to be played)
  | "bye" // one player, won without play (round 1 only)
  | "walkover" // one player known, the other side will never come (voided feeder or withdrawn player): won without play
  | "done" // played (or forfeited): winner set
  | "void"; // nobody advances (double no-show, or both sides empty)

export interface BracketMatch {
  /** 1-based round number; the last round is the final. */
  round: number;
  /** 0-based position within the round. Feeds round + 1, slot floor(slot / 2). */
  slot: number;
  player1: number | null;
  player2: number | null;
  winner: number | null;
  status: BracketCellState;
}

export interface Bracket {
  /** Number of round-1 positions: the next power of two ≥ the player count. */
  size: number;
  /** rounds[r - 1] holds round r's matches, ordered by slot. */
  rounds: BracketMatch[][];
  /** Players who left the running tournament; they never advance again. */
  withdrawn: number[];
}

/** A player's standing, used only to compute the seed order. */
export interface PlayerRecord {
  id: number;
  wins: number;
  losses: number;
  /** Any monotonic join marker (timestamp or sequence) supplied by the caller. */
  joinedAt: number;
}
