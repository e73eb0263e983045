// The services' notifiers (lib/app/ports.ts) on the Socket.IO rooms.
import type { ChallengeNotifier, MatchNotifier, PairingNotifier, TournamentNotifier } from "../../app/ports";
import { matchRoom, seekersRoom, tournamentRoom, userRoom } from "./rooms";
import type { Namespaces } from "./types";

export function socketTournamentNotifier({ game, tournament }: Namespaces): TournamentNotifier {
  return {
    tournamentUpdated: (json) => tournament.to(tournamentRoom(json.tournament_id)).emit("tournament_update", { type: "tournament_update", tournament: json }),
    roundStarted: (message) => tournament.to(tournamentRoom(message.tournament_id)).emit("round_start", message),
    tournamentEnded: (message) => tournament.to(tournamentRoom(message.tournament_id)).emit("tournament_end", message),
    matchReady: (userId, message) => game.to(userRoom(userId)).emit("tournament_match_ready", message),
  };
}

export function socketChallengeNotifier({ game }: Pick<Namespaces, "game">): ChallengeNotifier {
  return {
    offered: (targetId, message) => game.to(userRoom(targetId)).emit("challenge", message),
    replied: (challengerId, message) => game.to(userRoom(challengerId)).emit("challenge_reply", message),
    closed: (userIds, message) => game.to(userIds.map(userRoom)).emit("challenge_closed", message),
    matchIdRelayed: (challengerId, message) => game.to(userRoom(challengerId)).emit("match_id", message),
  };
}

export function socketPairingNotifier({ game }: Pick<Namespaces, "game">): PairingNotifier {
  // socketsJoin / socketsLeave reach the player's sockets on every process (through the adapter).
  return {
    status(userId, message) {
      if (message.seeking) game.in(userRoom(userId)).socketsJoin(seekersRoom);
      else game.in(userRoom(userId)).socketsLeave(seekersRoom);
      game.to(userRoom(userId)).emit("seek_status", message);
    },
    pool: (message) => game.to(seekersRoom).emit("seek_pool", message),
    found(userId, message) {
      game.in(userRoom(userId)).socketsLeave(seekersRoom);
      game.to(userRoom(userId)).emit("pairing_found", message);
    },
  };
}

export function socketMatchNotifier({ game }: Pick<Namespaces, "game">): MatchNotifier {
  return {
    rated: (message) => game.to(matchRoom(message.match_id)).emit("match_rated", message),
  };
}
