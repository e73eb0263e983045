// The /game namespace: duel challenges, matches and spectating. Each event carries the whole
// message object, whose `type` equals the event name (the original protocol's JSON, unchanged).
import { z } from "zod";
import { PLAYER_SLOTS, type ForfeitReason, type MatchStatus, type PlayerSlot } from "../domain/lists";
import type { AckCallback, ErrorEvent } from "./common";
import type { TournamentMatchReady } from "./tournament";
import { idSchema, usernameText } from "./common";

const slot = z.enum(PLAYER_SLOTS);
const direction = z.union([z.literal(-1), z.literal(0), z.literal(1)]);

// ---- client → server -------------------------------------------------------------------------

/** `rated` (default true): whether the duel counts for both players' ratings. */
export const challengeSchema = z.strictObject({ type: z.literal("challenge"), target: usernameText, rated: z.boolean().optional() });
export const challengeReplySchema = z.strictObject({
  type: z.literal("challenge_reply"),
  challenge_id: z.string().min(1).max(64),
  reply: z.enum(["accept", "decline"]),
});
export const challengeCancelSchema = z.strictObject({ type: z.literal("challenge_cancel"), challenge_id: z.string().min(1).max(64) });
export const matchIdSchema = z.strictObject({ type: z.literal("match_id"), challenge_id: z.string().min(1).max(64), match_id: idSchema });
export const joinMatchSchema = z.strictObject({ type: z.literal("join_match"), match_id: idSchema });
export const leaveMatchSchema = z.strictObject({ type: z.literal("leave_match"), match_id: idSchema });
export const registerSchema = z.strictObject({ type: z.literal("register"), player: slot, user: usernameText, match_id: idSchema });
/** `match_id` is optional: the seed's message has none, the socket's joined match is used. */
export const readySchema = z.strictObject({ type: z.literal("ready"), player: slot, match_id: idSchema.optional() });
/** Quick pairing: enter the pool (acknowledged with the pool's size), or leave it. */
export const seekSchema = z.strictObject({ type: z.literal("seek") });
export const seekCancelSchema = z.strictObject({ type: z.literal("seek_cancel") });
const position = z.number().finite().min(-10_000).max(10_000);
export const player1PositionSchema = z.strictObject({ type: z.literal("player1_position"), position, direction });
export const player2PositionSchema = z.strictObject({ type: z.literal("player2_position"), position, direction });

export type ChallengeMessage = z.infer<typeof challengeSchema>;
export type ChallengeReplyMessage = z.infer<typeof challengeReplySchema>;
export type ChallengeCancelMessage = z.infer<typeof challengeCancelSchema>;
export type MatchIdMessage = z.infer<typeof matchIdSchema>;
export type JoinMatchMessage = z.infer<typeof joinMatchSchema>;
export type LeaveMatchMessage = z.infer<typeof leaveMatchSchema>;
export type RegisterMessage = z.infer<typeof registerSchema>;
export type ReadyMessage = z.infer<typeof readySchema>;
export type SeekMessage = z.infer<typeof seekSchema>;
export type SeekCancelMessage = z.infer<typeof seekCancelSchema>;
export type PositionMessage = z.infer<typeof player1PositionSchema> | z.infer<typeof player2PositionSchema>;

// ---- server → client -------------------------------------------------------------------------

export type { ForfeitReason, MatchStatus, PlayerSlot };
export type MatchRole = PlayerSlot | "spectator";

export interface GamePlayer {
  username: string;
  /** Paddle centre along x. */
  position: number;
  direction: -1 | 0 | 1;
  score: number;
  registered: boolean;
  ready: boolean;
  /** At least one of the player's sockets is in the match room. */
  connected: boolean;
}

export interface GameData {
  match_id: number;
  tournament_id: number | null;
  status: MatchStatus;
  /** Increases with every state the server publishes: a client drops anything older than it has. */
  seq: number;
  /** Simulation ticks (60 per second of play). */
  tick: number;
  /** Whole seconds left in the 3-2-1 countdown while status is "countdown", else null. */
  countdown: number | null;
  /** Milliseconds left for the unregistered player while one player has registered, else null. */
  register_deadline_ms: number | null;
  /** True while the ball waits at the centre before a serve. */
  serving: boolean;
  /** While status is "paused": who is away and how long they have left to come back. */
  paused: { player: string; seconds_left: number } | null;
  /** How many non-players are watching. */
  spectators: number;
  player1: GamePlayer;
  player2: GamePlayer;
  ball: { x: number; y: number; vx: number; vy: number };
  field: { width: number; height: number; paddle_width: number; paddle_height: number; paddle_margin: number; ball_radius: number };
  points_to_win: number;
  /** Username of the winner once finished or forfeited. */
  winner: string | null;
  forfeit_reason: ForfeitReason | null;
}

export interface ChallengeOffer {
  type: "challenge";
  challenge_id: string;
  from: string;
  /** How long the target has to answer. */
  timeout_ms: number;
  /** Whether the duel would count for both players' ratings. */
  rated: boolean;
}
export interface ChallengeReplyRelay {
  type: "challenge_reply";
  challenge_id: string;
  reply: "accept" | "decline";
  from: string;
}
export type ChallengeCloseReason = "accepted" | "declined" | "expired" | "cancelled";
export interface ChallengeClosed {
  type: "challenge_closed";
  challenge_id: string;
  reason: ChallengeCloseReason;
  from: string;
  target: string;
}
/** Quick pairing, to every tab of the player: they entered the pool (or opened a tab while in it), or left it. */
export type SeekStatus = { type: "seek_status"; seeking: true; pool_size: number; waited_ms: number } | { type: "seek_status"; seeking: false };
/** Quick pairing, to every waiting player, every few seconds: how many are waiting. */
export interface SeekPool {
  type: "seek_pool";
  pool_size: number;
}
/** Quick pairing, to every tab of both players: their match is created (always rated). */
export interface PairingFound {
  type: "pairing_found";
  match_id: number;
  opponent: string;
  rated: true;
}
export interface RatingMove {
  before: number;
  after: number;
}
/** To the match room, once its rated result is written: both players' rating change. */
export interface MatchRated {
  type: "match_rated";
  match_id: number;
  player1: RatingMove;
  player2: RatingMove;
}
export interface GameStateMessage {
  type: "game_state";
  game_state: GameData;
}

export interface GameServerToClient {
  tournament_match_ready(message: TournamentMatchReady): void;
  challenge(message: ChallengeOffer): void;
  challenge_reply(message: ChallengeReplyRelay): void;
  challenge_closed(message: ChallengeClosed): void;
  match_id(message: MatchIdMessage): void;
  seek_status(message: SeekStatus): void;
  seek_pool(message: SeekPool): void;
  pairing_found(message: PairingFound): void;
  match_rated(message: MatchRated): void;
  game_state(message: GameStateMessage): void;
  error(message: ErrorEvent): void;
}

export interface GameClientToServer {
  challenge(message: ChallengeMessage, ack?: AckCallback<{ challenge_id: string }>): void;
  challenge_reply(message: ChallengeReplyMessage, ack?: AckCallback): void;
  challenge_cancel(message: ChallengeCancelMessage, ack?: AckCallback): void;
  match_id(message: MatchIdMessage, ack?: AckCallback): void;
  seek(message: SeekMessage, ack?: AckCallback<{ pool_size: number }>): void;
  seek_cancel(message: SeekCancelMessage, ack?: AckCallback): void;
  join_match(message: JoinMatchMessage, ack?: AckCallback<{ role: MatchRole; game_state: GameData }>): void;
  leave_match(message: LeaveMatchMessage, ack?: AckCallback): void;
  close_match(message: CloseMatchMessage, ack?: AckCallback): void;
  register(message: RegisterMessage, ack?: AckCallback): void;
  ready(message: ReadyMessage, ack?: AckCallback): void;
  player1_position(message: PositionMessage, ack?: AckCallback): void;
  player2_position(message: PositionMessage, ack?: AckCallback): void;
}

/** The match page closed (navigation, unmount): a player becomes absent (grace period), a spectator just leaves. */
export const closeMatchSchema = z.strictObject({ type: z.literal("close_match"), match_id: idSchema });
export type CloseMatchMessage = z.infer<typeof closeMatchSchema>;
