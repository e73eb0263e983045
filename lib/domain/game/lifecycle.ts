// The match lifecycle around the simulation, as a pure reducer: created → both players register
// → both ready → 3-2-1 countdown → playing → finished, or forfeited on the way. Time comes in as
// `now` (epoch milliseconds) so deadlines survive a hand-over between processes.
import { BALL_RADIUS, FIELD_HEIGHT, FIELD_WIDTH, PADDLE_HEIGHT, PADDLE_MARGIN, PADDLE_WIDTH } from "./constants";
import { createSimulation, movePaddle, step } from "./simulation";
import { isOverStatus, otherSlot, PLAYER_SLOTS, type LiveForfeitReason, type MatchStatus, type PlayerSlot } from "../lists";
import type { SimState } from "./types";
import { createAi, type AiLevel, type AiState } from "../ai";

export const COUNTDOWN_MS = 3_000;
/** Movement allowed for one input is capped at this gap, so sitting still never banks a teleport. */
export const MAX_INPUT_GAP_MS = 100;

export interface MatchPlayer {
  id: number;
  username: string;
  registered: boolean;
  ready: boolean;
  /** When the player's last accepted paddle input arrived (epoch ms), for the speed clamp. */
  lastInputAt: number | null;
  /** Since when the player's connection is gone (epoch ms), while they are away. */
  absentSince: number | null;
  /** What is left of the player's time away for this match. */
  pauseBudgetMs: number;
}

export interface LiveMatch {
  matchId: number;
  tournamentId: number | null;
  status: MatchStatus;
  players: Record<PlayerSlot, MatchPlayer>;
  /** Deadline for the second registration, set by the first one. */
  registerDeadline: number | null;
  countdownEndsAt: number | null;
  registerTimeoutMs: number;
  /** How long an absent player is waited for, at most (their pause budget may cut it shorter). */
  reconnectGraceMs: number;
  /** When the match was created (epoch ms): nobody registering within the timeout voids it. */
  createdAt: number;
  sim: SimState;
  winner: PlayerSlot | null;
  forfeitReason: LiveForfeitReason | null;
  startedAt: number | null;
  endedAt: number | null;
  /** A practice match's AI (player 2): its memory travels with the match's snapshots. */
  ai?: AiState;
}

export interface NewMatch {
  matchId: number;
  tournamentId?: number | null;
  player1: { id: number; username: string };
  player2: { id: number; username: string };
  pointsToWin: number;
  registerTimeoutMs: number;
  reconnectGraceMs: number;
  /** Each player may be away this long in total per match, over any number of disconnections. */
  pauseBudgetMs: number;
  /** A practice match: player 2 is the AI of this level. */
  aiLevel?: AiLevel;
}

export function createLiveMatch(match: NewMatch, now: number): LiveMatch {
  const player = (p: { id: number; username: string }): MatchPlayer => ({
    ...p,
    registered: false,
    ready: false,
    lastInputAt: null,
    absentSince: null,
    pauseBudgetMs: match.pauseBudgetMs,
  });
  const player2 = player(match.player2);
  return {
    matchId: match.matchId,
    tournamentId: match.tournamentId ?? null,
    status: "waiting",
    // The AI is registered and ready from the start; the human runs the usual register → ready.
    players: { player1: player(match.player1), player2: match.aiLevel === undefined ? player2 : { ...player2, registered: true, ready: true } },
    registerDeadline: null,
    countdownEndsAt: null,
    registerTimeoutMs: match.registerTimeoutMs,
    reconnectGraceMs: match.reconnectGraceMs,
    createdAt: now,
    // The match id seeds the serve: reproducible, and different from match to match.
    sim: createSimulation({ pointsToWin: match.pointsToWin, seed: match.matchId }),
    winner: null,
    forfeitReason: null,
    startedAt: null,
    endedAt: null,
    ...(match.aiLevel !== undefined && { ai: createAi({ level: match.aiLevel, slot: "player2", seed: match.matchId }) }),
  };
}

export const isOver = (match: LiveMatch) => isOverStatus(match.status);

export type LifecycleError = "bad_state";
export type Transition = { ok: true; match: LiveMatch } | { ok: false; error: LifecycleError; message: string };

const refuse = (message: string): Transition => ({ ok: false, error: "bad_state", message });

export function register(match: LiveMatch, slot: PlayerSlot, now: number): Transition {
  if (match.status !== "waiting") return refuse("The match is not waiting for players");
  const players = { ...match.players, [slot]: { ...match.players[slot], registered: true } };
  const bothIn = players.player1.registered && players.player2.registered;
  // The first registration starts the clock for the other player.
  const registerDeadline = bothIn ? null : (match.registerDeadline ?? now + match.registerTimeoutMs);
  return { ok: true, match: { ...match, players, registerDeadline } };
}

export function ready(match: LiveMatch, slot: PlayerSlot, now: number): Transition {
  if (match.status !== "waiting") return refuse("The match is not waiting for players");
  if (!match.players[slot].registered) return refuse("Register before declaring ready");
  const players = { ...match.players, [slot]: { ...match.players[slot], ready: true } };
  if (players.player1.ready && players.player2.ready) {
    return { ok: true, match: { ...match, players, status: "countdown", countdownEndsAt: now + COUNTDOWN_MS } };
  }
  return { ok: true, match: { ...match, players } };
}

/** A paddle input, clamped to the paddle's maximum speed since the player's previous input. */
export function movePlayer(match: LiveMatch, slot: PlayerSlot, position: number, direction: -1 | 0 | 1, now: number): LiveMatch {
  if (isOver(match)) return match;
  const player = match.players[slot];
  const gap = player.lastInputAt === null ? MAX_INPUT_GAP_MS : Math.min(MAX_INPUT_GAP_MS, Math.max(0, now - player.lastInputAt));
  const elapsedSeconds = gap / 1000;
  const paddle = movePaddle(match.sim.paddles[slot], position, direction, elapsedSeconds);
  return {
    ...match,
    players: { ...match.players, [slot]: { ...player, lastInputAt: now } },
    sim: { ...match.sim, paddles: { ...match.sim.paddles, [slot]: paddle } },
  };
}

/** `loser` null: nobody wins (neither player came). */
export function forfeit(match: LiveMatch, loser: PlayerSlot | null, reason: LiveForfeitReason, now: number): LiveMatch {
  if (isOver(match)) return match;
  const winner = loser === null ? null : otherSlot(loser);
  return { ...match, status: "forfeited", winner, forfeitReason: reason, endedAt: now, countdownEndsAt: null, registerDeadline: null };
}

/** When an absent player forfeits: the grace period, or sooner when their pause budget runs out. */
export function absenceDeadline(match: LiveMatch, slot: PlayerSlot): number | null {
  const player = match.players[slot];
  if (player.absentSince === null) return null;
  return player.absentSince + Math.min(match.reconnectGraceMs, player.pauseBudgetMs);
}

/** A player's last connection to the match is gone: a game in progress pauses for everyone. */
export function playerLeft(match: LiveMatch, slot: PlayerSlot, now: number): LiveMatch {
  // The AI has no connection to lose: it is never away.
  if (isOver(match) || match.players[slot].absentSince !== null || match.ai?.slot === slot) return match;
  if (match.players[slot].pauseBudgetMs <= 0) return forfeit(match, slot, "disconnect", now);
  const players = { ...match.players, [slot]: { ...match.players[slot], absentSince: now } };
  const pauses = match.status === "playing" || match.status === "countdown";
  return { ...match, players, ...(pauses && { status: "paused" as const, countdownEndsAt: null }) };
}

/** The player is back (any tab, any process): once nobody is missing, a 3-2-1 countdown resumes play. */
export function playerReturned(match: LiveMatch, slot: PlayerSlot, now: number): LiveMatch {
  const player = match.players[slot];
  if (isOver(match) || player.absentSince === null) return match;
  const players = { ...match.players, [slot]: { ...player, absentSince: null, pauseBudgetMs: Math.max(0, player.pauseBudgetMs - (now - player.absentSince)) } };
  const everyoneBack = players.player1.absentSince === null && players.player2.absentSince === null;
  if (match.status === "paused" && everyoneBack) return { ...match, players, status: "countdown", countdownEndsAt: now + COUNTDOWN_MS };
  return { ...match, players };
}

/** Advances time: deadlines, the countdown, and one simulation step while playing. */
export function advance(match: LiveMatch, now: number, dt: number): LiveMatch {
  for (const slot of PLAYER_SLOTS) {
    const deadline = absenceDeadline(match, slot);
    if (deadline !== null && now >= deadline) return forfeit(match, slot, "disconnect", now);
  }
  switch (match.status) {
    case "waiting": {
      const { player1, player2 } = match.players;
      if (player1.registered && player2.registered) return match;
      // Neither came within the timeout of the match's creation: nobody wins, the match (and a tournament) moves on.
      // A practice match whose human never came is void the same way: a no-show against the AI counts for nobody.
      if (!player1.registered && (!player2.registered || match.ai)) return now < match.createdAt + match.registerTimeoutMs ? match : forfeit(match, null, "no_show", now);
      if (now < match.registerDeadline!) return match;
      return forfeit(match, player1.registered ? "player2" : "player1", "register_timeout", now);
    }
    case "countdown":
      if (now < match.countdownEndsAt!) return match;
      return { ...match, status: "playing", countdownEndsAt: null, startedAt: match.startedAt ?? now };
    case "playing": {
      const { state } = step(match.sim, dt);
      if (state.phase !== "over") return { ...match, sim: state };
      return { ...match, sim: state, status: "finished", winner: state.winner, endedAt: now };
    }
    default:
      return match;
  }
}

/** What changes for everyone watching: the parts a broadcast must not wait for. */
export function milestone(match: LiveMatch): string {
  const { player1, player2 } = match.players;
  return [
    match.status,
    player1.registered,
    player1.ready,
    player1.absentSince,
    player2.registered,
    player2.ready,
    player2.absentSince,
    match.sim.paddles.player1.score,
    match.sim.paddles.player2.score,
  ].join();
}

export const FIELD = {
  width: FIELD_WIDTH,
  height: FIELD_HEIGHT,
  paddle_width: PADDLE_WIDTH,
  paddle_height: PADDLE_HEIGHT,
  paddle_margin: PADDLE_MARGIN,
  ball_radius: BALL_RADIUS,
} as const;
