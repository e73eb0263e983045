// The /tournament namespace: a socket joins a tournament's room (the seed's
// /ws/tournament/<id>/) to receive tournament_update, round_start and tournament_end.
import type { Namespace, Socket } from "socket.io";
import { joinTournamentSchema, leaveTournamentChannelSchema } from "../../../protocol/tournament";
import type { Logger } from "../../../infra/log";
import { getTournamentJson, tournamentRoom } from "../../../app/tournaments/service";
import type { SocketUser } from "../auth";
import { handle, refuse } from "../handle";

export function registerTournamentNamespace(namespace: Namespace, deps: { log: Logger }): void {
  namespace.on("connection", (socket: Socket) => {
    const user = socket.data.user as SocketUser;
    void socket.join(`user:${user.id}`);

    handle(socket, "join_tournament", joinTournamentSchema, deps.log, async ({ tournament_id }) => {
      const tournament = await getTournamentJson(tournament_id);
      if (!tournament) refuse("not_found", "No such tournament");
      await socket.join(tournamentRoom(tournament_id));
      return { tournament };
    });

    handle(socket, "leave_tournament", leaveTournamentChannelSchema, deps.log, async ({ tournament_id }) => {
      await socket.leave(tournamentRoom(tournament_id));
    });
  });
}
