// A live match as the protocol's GameData (docs/PROTOCOL.md).
import type { GameData, GamePlayer } from "../protocol/game";
import { absenceDeadline, FIELD, isOver, type LiveMatch } from "../domain/game/lifecycle";
import { PLAYER_SLOTS, type PlayerSlot } from "../domain/lists";

export function toGameData(match: LiveMatch, seq: number, connected: Record<PlayerSlot, boolean>, spectators: number, now: number): GameData {
  const player = (slot: PlayerSlot): GamePlayer => {
    const paddle = match.sim.paddles[slot];
    const { username, registered, ready } = match.players[slot];
    return { username, position: paddle.x, direction: paddle.direction, score: paddle.score, registered, ready, connected: connected[slot] || match.ai?.slot === slot };
  };
  // Who is away, while that still matters: a match that ended is no longer waiting for anybody.
  const away = isOver(match) ? undefined : PLAYER_SLOTS.find((slot) => match.players[slot].absentSince !== null);
  return {
    match_id: match.matchId,
    tournament_id: match.tournamentId,
    status: match.status,
    seq,
    tick: match.sim.tick,
    countdown: match.countdownEndsAt === null ? null : Math.max(1, Math.ceil((match.countdownEndsAt - now) / 1000)),
    register_deadline_ms: match.registerDeadline === null ? null : Math.max(0, match.registerDeadline - now),
    serving: match.sim.phase === "serving",
    paused: away ? { player: match.players[away].username, seconds_left: Math.max(0, Math.ceil((absenceDeadline(match, away)! - now) / 1000)) } : null,
    spectators,
    player1: player("player1"),
    player2: player("player2"),
    ball: { ...match.sim.ball },
    field: FIELD,
    points_to_win: match.sim.pointsToWin,
    winner: match.winner === null ? null : match.players[match.winner].username,
    forfeit_reason: match.forfeitReason,
  };
}
