// What the match page says, as pure functions of the match state: the status line and the way a
// forfeit is worded. Shared by the view and its pieces, and by the profile's match history.
import { isOverStatus, otherSlot, type ForfeitReason } from "@/lib/domain/lists";
import type { GameData, PlayerSlot } from "@/lib/protocol/game";
import { sameName } from "./names";
import type { ConnectionStatus } from "./socket";

/** The result stored in the database, for a match that ended before the page was opened. */
export interface StoredResult {
  status: "finished" | "forfeited";
  scores: Record<PlayerSlot, number>;
  winner: string | null;
  forfeitReason: ForfeitReason | null;
}

export type JoinState = { kind: "joining" } | { kind: "joined" } | { kind: "failed"; message: string };
export type Names = Record<PlayerSlot, string>;

/** The live state's result once the match is over, else the stored one (or none). */
export function outcomeOf(game: GameData | null, stored: StoredResult | null): StoredResult | null {
  if (!game || !isOverStatus(game.status)) return stored;
  return {
    status: game.status === "forfeited" ? "forfeited" : "finished",
    scores: { player1: game.player1.score, player2: game.player2.score },
    winner: game.winner,
    forfeitReason: game.forfeit_reason,
  };
}

/**
 * The match's status line; `clock`, when there is one, is a countdown shown after it that changes
 * every second, kept apart so that a live region does not read it out each time.
 */
export type StatusLine = string | { text: string; clock: string };

export function statusText({
  game,
  slot,
  connection,
  join,
  ended,
}: {
  game: GameData | null;
  slot: PlayerSlot | null;
  connection: ConnectionStatus;
  join: JoinState;
  ended: boolean;
}): StatusLine {
  if (ended) return "Match over";
  if (connection === "connecting") return "Connecting…";
  if (connection === "disconnected") return "Connection lost. Reconnecting…";
  if (!game || join.kind === "joining") return "Joining the match…";
  const deadline = game.register_deadline_ms === null ? null : Math.ceil(game.register_deadline_ms / 1000);
  switch (game.status) {
    case "waiting": {
      if (slot) {
        const own = game[slot];
        const opponent = game[otherSlot(slot)];
        if (!own.registered) return "Registering…";
        if (!opponent.registered) return deadline === null ? `Waiting for ${opponent.username} to join…` : { text: `Waiting for ${opponent.username} to join`, clock: `(${deadline}s left)` };
        if (!own.ready) return "Press Ready when you are set";
        if (!opponent.ready) return `Waiting for ${opponent.username} to get ready…`;
        return "Starting…";
      }
      const absent = [game.player1, game.player2].find((player) => !player.registered);
      if (absent) return deadline === null ? "Waiting for the players to join…" : { text: `Waiting for ${absent.username} to join`, clock: `(${deadline}s left)` };
      return "Waiting for the players to get ready…";
    }
    case "countdown":
      return "Get ready…";
    case "paused": {
      // The absent player only sees this in the moment before the server notices they are back.
      if (!game.paused || (slot && sameName(game.paused.player, game[slot].username))) return "Paused";
      return { text: `Paused: waiting for ${game.paused.player}`, clock: `(${game.paused.seconds_left}s)` };
    }
    case "playing":
      return slot ? `Playing: first to ${game.points_to_win}` : `Live: first to ${game.points_to_win}`;
    case "finished":
    case "forfeited":
      return "Match over";
  }
}

/** A wording that names the player who lost: none when nobody did. */
const byLoser = (say: (loser: string) => string) => (loser: string | null) => (loser === null ? null : say(loser));

/**
 * How each reason is worded. `loser` is null when nobody won (no_show, interrupted): the reasons
 * that name the loser say nothing then. A bye or a walkover has no opponent to name.
 */
const FORFEIT_WORDING: Record<ForfeitReason, (loser: string | null) => string | null> = {
  disconnect: byLoser((loser) => `${loser} disconnected`),
  register_timeout: byLoser((loser) => `${loser} did not register in time`),
  quit: byLoser((loser) => `${loser} left the match`),
  no_show: () => "Neither player showed up",
  left_tournament: byLoser((loser) => `${loser} left the tournament`),
  interrupted: () => "Called off: the server restarted",
  bye: () => "No opponent this round (bye)",
  walkover: () => "Walkover: the opponent never came",
};

export function forfeitText(reason: ForfeitReason | null, loser: string | null): string | null {
  return reason === null ? null : FORFEIT_WORDING[reason](loser);
}

export type RatingChange = { before: number; after: number };

/** "+162", "−12" (a true minus sign): the change between the ratings as shown, rounded, so that it adds up. */
export function ratingDeltaText({ before, after }: RatingChange): string {
  const delta = Math.round(after) - Math.round(before);
  return `${delta >= 0 ? "+" : "−"}${Math.abs(delta)}`;
}

/** "1500 → 1662 (+162)". */
export function ratingChangeText(change: RatingChange): string {
  return `${Math.round(change.before)} → ${Math.round(change.after)} (${ratingDeltaText(change)})`;
}
