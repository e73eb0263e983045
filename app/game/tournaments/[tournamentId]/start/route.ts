import { tournamentAction } from "@/lib/server/tournament-routes";
import { startTournament } from "@/lib/server/tournaments";

export const POST = tournamentAction(startTournament);
