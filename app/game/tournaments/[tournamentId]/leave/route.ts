import { tournamentAction } from "@/lib/transport/http/tournament-routes";
import { leaveTournament } from "@/lib/app/tournaments/service";

export const POST = tournamentAction(leaveTournament, "tournament_join_leave");
