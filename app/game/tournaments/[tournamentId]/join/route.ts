import { tournamentAction } from "@/lib/transport/http/tournament-routes";

export const POST = tournamentAction("join", "tournament_join_leave");
