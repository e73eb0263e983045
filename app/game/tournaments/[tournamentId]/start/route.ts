import { tournamentAction } from "@/lib/transport/http/tournament-routes";
import { startTournament } from "@/lib/app/tournaments/service";

export const POST = tournamentAction(startTournament);
