import { tournamentAction } from "@/lib/transport/http/tournament-routes";

export const POST = tournamentAction("leave", "tournament_join_leave");
