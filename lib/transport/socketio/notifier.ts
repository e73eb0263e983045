// The services' TournamentNotifier (lib/app/ports.ts) on the Socket.IO rooms.
import type { TournamentNotifier } from "../../app/ports";
import { tournamentRoom, userRoom } from "./rooms";
import type { Namespaces } from "./types";

export function socketNotifier({ game, tournament }: Namespaces): TournamentNotifier {
  return {
    tournamentUpdated: (json) => tournament.to(tournamentRoom(json.tournament_id)).emit("tournament_update", { type: "tournament_update", tournament: json }),
    roundStarted: (message) => tournament.to(tournamentRoom(message.tournament_id)).emit("round_start", message),
    tournamentEnded: (message) => tournament.to(tournamentRoom(message.tournament_id)).emit("tournament_end", message),
    matchReady: (userId, message) => game.to(userRoom(userId)).emit("tournament_match_ready", message),
  };
}
