// What just happened on the field, read from two consecutive game states (the server sends no
// events, only states at 30 Hz): a paddle hit turns the ball's vertical direction, a wall bounce
// its horizontal one, a point raises a score. Drives the match screen's sounds and point cues. Pure.
import { PLAYER_SLOTS } from "@/lib/domain/lists";
import type { GameData, PlayerSlot } from "@/lib/protocol/game";

export type GameEvent =
  | { type: "paddle"; slot: PlayerSlot }
  | { type: "wall" }
  | { type: "point"; scorer: PlayerSlot; scores: Record<PlayerSlot, number> };

export function detectEvents(previous: GameData, next: GameData): GameEvent[] {
  if (previous.match_id !== next.match_id || next.seq <= previous.seq) return [];
  const scorer = PLAYER_SLOTS.find((slot) => next[slot].score > previous[slot].score);
  if (scorer) return [{ type: "point", scorer, scores: { player1: next.player1.score, player2: next.player2.score } }];
  // A serve, a pause or a countdown moves the ball without anything hitting it.
  if (previous.status !== "playing" || next.status !== "playing" || previous.serving || next.serving) return [];
  // A paddle hit may also turn the ball sideways (an edge hit): it counts as the hit alone.
  if (turned(previous.ball.vy, next.ball.vy)) return [{ type: "paddle", slot: previous.ball.vy > 0 ? "player1" : "player2" }];
  if (turned(previous.ball.vx, next.ball.vx)) return [{ type: "wall" }];
  return [];
}

const turned = (before: number, after: number) => (before < 0 && after > 0) || (before > 0 && after < 0);
