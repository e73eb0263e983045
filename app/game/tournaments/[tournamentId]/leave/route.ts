import { tournamentAction } from "@/lib/server/tournament-routes";
import { leaveTournament } from "@/lib/server/tournaments";

export const POST = tournamentAction(leaveTournament, "tournament_join_leave");
