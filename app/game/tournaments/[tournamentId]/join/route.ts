import { tournamentAction } from "@/lib/transport/http/tournament-routes";
import { joinTournament } from "@/lib/app/tournaments/service";

export const POST = tournamentAction(joinTournament, "tournament_join_leave");
