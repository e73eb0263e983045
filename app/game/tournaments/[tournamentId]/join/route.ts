import { tournamentAction } from "@/lib/server/tournament-routes";
import { joinTournament } from "@/lib/server/tournaments";

export const POST = tournamentAction(joinTournament, "tournament_join_leave");
