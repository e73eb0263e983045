// What the services need from the layers around them, as small interfaces. The engine and the
// Socket.IO adapter implement them; createApp wires them in.
import type { NewMatch } from "../domain/game/lifecycle";
import type { LiveForfeitReason, PlayerSlot } from "../domain/lists";
import type { ReplayEnvelope } from "../domain/replay";
import type { ChallengeClosed, ChallengeOffer, ChallengeReplyRelay, MatchIdMessage, MatchRated, PairingFound, SeekPool, SeekStatus } from "../protocol/game";
import type { RoundStart, TournamentEnd, TournamentJson, TournamentMatchReady } from "../protocol/tournament";

/** Where live matches run (lib/engine). */
export interface MatchHost {
  /** Saves a new match's live state, where a process's runner picks it up. */
  open(match: NewMatch): Promise<void>;
  /** Starts running the match here now, rather than when a process next looks for new matches. */
  ensureRunning(matchId: number): Promise<void>;
  /** Whether the match still has live state (an in-memory store loses it at restart). */
  isLive(matchId: number): Promise<boolean>;
  /** Ends a live match: `slot` loses. The result comes back through the finished-match hook. */
  forfeit(matchId: number, slot: PlayerSlot, reason: LiveForfeitReason): Promise<void>;
  /** The simulation's health, for operators (/api/metrics). */
  stats(): Promise<object>;
  /** A match still being played, recorded up to its latest snapshot (about a second old); null when it is not live or has no recording. */
  liveReplay(matchId: number): Promise<ReplayEnvelope | null>;
}

/** Tells players and watchers what happened to a tournament (the /tournament and /game rooms). */
export interface TournamentNotifier {
  tournamentUpdated(tournament: TournamentJson): void;
  roundStarted(message: RoundStart): void;
  tournamentEnded(message: TournamentEnd): void;
  /** On every tab of the player, whatever page it shows. */
  matchReady(userId: number, message: TournamentMatchReady): void;
}

/** Tells players about their challenges, on every tab (the /game rooms). */
export interface ChallengeNotifier {
  offered(targetId: number, message: ChallengeOffer): void;
  /** The seed's challenge_reply, to the challenger. */
  replied(challengerId: number, message: ChallengeReplyRelay): void;
  closed(userIds: number[], message: ChallengeClosed): void;
  matchIdRelayed(challengerId: number, message: MatchIdMessage): void;
}

/** Tells players about quick pairing, on every tab (the /game rooms). */
export interface PairingNotifier {
  /** Entered or left the pool: the player's tabs join or leave the seekers' room and hear it. */
  status(userId: number, message: SeekStatus): void;
  /** To every waiting player. */
  pool(message: SeekPool): void;
  /** Paired: the player's tabs leave the seekers' room and hear of their match. */
  found(userId: number, message: PairingFound): void;
}

/** Tells everyone in a match's room (players and spectators, on every process) about its result. */
export interface MatchNotifier {
  rated(message: MatchRated): void;
}
