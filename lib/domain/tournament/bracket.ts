/**
 * Pure single-elimination bracket logic.
 *
 * Every exported reducer takes a bracket and returns a NEW bracket: no I/O, no clock,
 * no randomness, inputs are never mutated. The server stores the result (the database is
 * the source of truth); this module only computes the next state.
 *
 * All derived state (who sits in a later-round match, and whether that match is pending,
 * ready, a walkover or void) is recomputed by `settle` after each change. Only recorded
 * facts are inputs to it: round-1 seeding, reported results and the withdrawn list. That
 * keeps every reducer a tiny "record the fact, then settle" step, and makes `settle`
 * idempotent.
 */
import { TOURNAMENT_MAX_PLAYERS, TOURNAMENT_MIN_PLAYERS } from "../lists";
import type { Bracket, BracketCellState, BracketMatch, PlayerRecord } from "./types";

const RESOLVED_STATUSES: ReadonlySet<BracketCellState> = new Set<BracketCellState>(["bye", "walkover", "done", "void"]);

/** A resolved match has its final outcome: its `winner` (possibly null) will never change. */
export function isResolved(match: BracketMatch): boolean {
  return RESOLVED_STATUSES.has(match.status);
}

/**
 * Seed order by record: more wins, then fewer losses, then earlier join, then lower id.
 * The id tie-break makes it a total order, so the same records always give the same seeds.
 */
export function seedByRecord(players: readonly PlayerRecord[]): number[] {
  return [...players]
    .sort((a, b) => b.wins - a.wins || a.losses - b.losses || a.joinedAt - b.joinedAt || a.id - b.id)
    .map((player) => player.id);
}

function assertPlayerCount(n: number): void {
  if (!Number.isInteger(n) || n < TOURNAMENT_MIN_PLAYERS || n > TOURNAMENT_MAX_PLAYERS) {
    throw new Error(`A bracket needs ${TOURNAMENT_MIN_PLAYERS} to ${TOURNAMENT_MAX_PLAYERS} players, got ${n}`);
  }
}

/** Round-1 positions for n players: the next power of two ≥ n. */
export function bracketSize(n: number): number {
  assertPlayerCount(n);
  let size = 2;
  while (size < n) size *= 2;
  return size;
}

/** ceil(log2 n), computed by counting doublings to avoid floating-point log. */
export function roundCount(n: number): number {
  const size = bracketSize(n);
  let rounds = 0;
  for (let covered = 1; covered < size; covered *= 2) rounds++;
  return rounds;
}

/** Empty round-1 positions; each one is a bye for a top seed. */
export function byeCount(n: number): number {
  return bracketSize(n) - n;
}

/**
 * Classic recursive bracket order: seedOrder(8) = [1, 8, 4, 5, 2, 7, 3, 6].
 * Built by doubling: each seed s of the smaller bracket is paired with its mirror
 * (2·len + 1 − s). Consecutive pairs are round-1 matches, so seed k meets seed size+1−k,
 * and the top 2^j seeds land in different 1/2^j blocks — seeds 1 and 2 can only meet in
 * the final. Because the better seed of each pair comes first, byes (seeds > n) always go
 * to the top seeds, and always on the player2 side.
 */
export function seedOrder(size: number): number[] {
  if (!Number.isInteger(size) || size < 1 || (size & (size - 1)) !== 0) {
    throw new Error(`Bracket size must be a power of two, got ${size}`);
  }
  let order = [1];
  while (order.length < size) {
    const mirror = order.length * 2 + 1;
    order = order.flatMap((seed) => [seed, mirror - seed]);
  }
  return order;
}

/** Builds the bracket for players given in seed order (seed 1 first). Byes are resolved. */
export function createBracket(seededPlayerIds: readonly number[]): Bracket {
  const n = seededPlayerIds.length;
  assertPlayerCount(n);
  for (const id of seededPlayerIds) {
    if (!Number.isSafeInteger(id)) throw new Error(`Player ids must be integers, got ${id}`);
  }
  if (new Set(seededPlayerIds).size !== n) throw new Error("Duplicate player ids in the seeding");

  const size = bracketSize(n);
  const order = seedOrder(size);
  // Seed k is seededPlayerIds[k - 1]; seeds beyond n are the empty positions.
  const playerAt = (position: number): number | null => {
    const seed = order[position];
    return seed === undefined ? null : (seededPlayerIds[seed - 1] ?? null);
  };

  const rounds: BracketMatch[][] = [];
  for (let round = 1, matches = size / 2; matches >= 1; round++, matches /= 2) {
    const list: BracketMatch[] = [];
    for (let slot = 0; slot < matches; slot++) {
      if (round > 1) {
        list.push({ round, slot, player1: null, player2: null, winner: null, status: "pending" });
        continue;
      }
      const player1 = playerAt(2 * slot);
      const player2 = playerAt(2 * slot + 1);
      const lone = player1 === null ? player2 : player2 === null ? player1 : null;
      list.push(
        lone === null
          ? { round, slot, player1, player2, winner: null, status: "ready" }
          : { round, slot, player1, player2, winner: lone, status: "bye" },
      );
    }
    rounds.push(list);
  }

  const bracket: Bracket = { size, rounds, withdrawn: [] };
  settle(bracket); // moves bye winners into round 2
  return bracket;
}

/**
 * Records the result of a "ready" match: a winner (played or forfeited → "done") or
 * null for a double no-show ("void"). Consequences propagate to later rounds.
 */
export function reportResult(bracket: Bracket, round: number, slot: number, winner: number | null): Bracket {
  const match = matchAt(bracket, round, slot);
  if (match.status !== "ready") {
    throw new Error(`Match round ${round} slot ${slot} is "${match.status}": only a "ready" match takes a result`);
  }
  if (winner !== null && winner !== match.player1 && winner !== match.player2) {
    throw new Error(
      `Winner ${winner} is not a player of match round ${round} slot ${slot} (${match.player1} vs ${match.player2})`,
    );
  }
  const next = cloneBracket(bracket);
  const target = matchAt(next, round, slot);
  target.winner = winner;
  target.status = winner === null ? "void" : "done";
  settle(next);
  return next;
}

/**
 * The player leaves the running tournament. A "ready" match of theirs becomes a walkover
 * for the opponent now; a pending one becomes a walkover once the opponent is known (or
 * void if that side never comes). Results already recorded are kept: a withdrawal cannot
 * undo history (a finished champion stays champion). Withdrawing twice is a no-op, so the
 * server may safely retry.
 */
export function withdraw(bracket: Bracket, playerId: number): Bracket {
  const entered = bracket.rounds[0]?.some((m) => m.player1 === playerId || m.player2 === playerId) ?? false;
  if (!entered) throw new Error(`Player ${playerId} is not in this bracket`);
  const next = cloneBracket(bracket);
  if (!next.withdrawn.includes(playerId)) next.withdrawn.push(playerId);
  settle(next);
  return next;
}

/** The lowest round with a match still to resolve; the last round once the bracket is finished. */
export function currentRound(bracket: Bracket): number {
  const open = bracket.rounds.findIndex((matches) => matches.some((m) => !isResolved(m)));
  return open === -1 ? bracket.rounds.length : open + 1;
}

/** True when every match of the round is bye/walkover/done/void. */
export function isRoundComplete(bracket: Bracket, round: number): boolean {
  const matches = bracket.rounds[round - 1];
  if (matches === undefined) throw new Error(`No round ${round} in a ${bracket.rounds.length}-round bracket`);
  return matches.every(isResolved);
}

/** Matches waiting to be played ("ready"), optionally only in one round. Copies, in round/slot order. */
export function playableMatches(bracket: Bracket, round?: number): BracketMatch[] {
  return bracket.rounds
    .flat()
    .filter((m) => m.status === "ready" && (round === undefined || m.round === round))
    .map((m) => ({ ...m }));
}

/** The final is resolved. Every other match is then resolved too, as a match only resolves after its feeders. */
export function isFinished(bracket: Bracket): boolean {
  return isResolved(finalMatch(bracket));
}

/** The final's winner; null while running, or when the final ended void (everyone vanished). */
export function champion(bracket: Bracket): number | null {
  const final = finalMatch(bracket);
  return isResolved(final) ? final.winner : null;
}

/**
 * Wire text of a pairing: "<id> <p1> vs <p2>" for two players, "<id> <player> bye" for a
 * bye or walkover (the player who advances). Any other one-player or empty match has no
 * pairing to announce, so it throws.
 */
export function pairingText(match: BracketMatch, matchId: number, username: (id: number) => string): string {
  if (match.status === "bye" || match.status === "walkover") {
    if (match.winner === null) throw new Error(`A ${match.status} must have a winner`);
    return `${matchId} ${username(match.winner)} bye`;
  }
  if (match.player1 !== null && match.player2 !== null) {
    return `${matchId} ${username(match.player1)} vs ${username(match.player2)}`;
  }
  throw new Error(
    `No pairing text for match round ${match.round} slot ${match.slot} ("${match.status}" without two players)`,
  );
}

// ---------------------------------------------------------------------------------------

function matchAt(bracket: Bracket, round: number, slot: number): BracketMatch {
  const match = bracket.rounds[round - 1]?.[slot];
  if (match === undefined) throw new Error(`No match at round ${round} slot ${slot}`);
  return match;
}

function finalMatch(bracket: Bracket): BracketMatch {
  const final = bracket.rounds.at(-1)?.[0];
  if (final === undefined) throw new Error("Bracket has no rounds");
  return final;
}

function cloneBracket(bracket: Bracket): Bracket {
  return {
    size: bracket.size,
    rounds: bracket.rounds.map((matches) => matches.map((m) => ({ ...m }))),
    withdrawn: [...bracket.withdrawn],
  };
}

/** How one side of an open match stands. */
type Side = "live" | "gone" | "waiting";

/**
 * Recomputes every unresolved match, round by round (so one pass reaches the final):
 * pulls feeder winners in, then decides the status from the two sides. Resolved matches
 * are facts and are never touched. Mutates `bracket`, which must be a private copy.
 */
function settle(bracket: Bracket): void {
  const withdrawn = new Set(bracket.withdrawn);
  bracket.rounds.forEach((matches, index) => {
    const feeders = bracket.rounds[index - 1]; // undefined for round 1
    for (const match of matches) {
      if (isResolved(match)) continue;
      const feeder1 = feeders?.[2 * match.slot];
      const feeder2 = feeders?.[2 * match.slot + 1];
      if (feeders !== undefined) {
        match.player1 = feeder1?.winner ?? null;
        match.player2 = feeder2?.winner ?? null;
      }
      const side1 = sideOf(match.player1, feeder1, withdrawn);
      const side2 = sideOf(match.player2, feeder2, withdrawn);

      if (side1 === "gone" && side2 === "gone") {
        match.status = "void";
        match.winner = null;
      } else if (side1 === "waiting" || side2 === "waiting") {
        // Even with one side gone we must wait: the other feeder decides walkover vs void.
        match.status = "pending";
      } else if (side1 === "live" && side2 === "live") {
        match.status = "ready";
      } else {
        match.status = "walkover";
        match.winner = side1 === "live" ? match.player1 : match.player2;
      }
    }
  });
}

function sideOf(player: number | null, feeder: BracketMatch | undefined, withdrawn: ReadonlySet<number>): Side {
  if (player !== null) return withdrawn.has(player) ? "gone" : "live";
  // Empty side: still coming if its feeder is unresolved; otherwise the feeder was void.
  return feeder !== undefined && !isResolved(feeder) ? "waiting" : "gone";
}
