// The /tournament namespace: a socket joins a tournament's room (the seed's
// /ws/tournament/<id>/) to receive tournament_update, round_start and tournament_end.
import type { Limits } from "../../../app/limits";
import type { TournamentService } from "../../../app/tournaments/service";
import type { Logger } from "../../../infra/log";
import type { Metrics } from "../../../infra/metrics";
import { joinTournamentSchema, leaveTournamentChannelSchema, type TournamentClientToServer } from "../../../protocol/tournament";
import { refuse } from "../../../app/refusal";
import { registerHandlers, type HandlerTable } from "../handle";
import { tournamentRoom, userRoom } from "../rooms";
import type { TournamentNamespace } from "../types";

export function registerTournamentNamespace(namespace: TournamentNamespace, deps: { tournaments: TournamentService; log: Logger; limits: Limits; metrics: Metrics }): void {
  namespace.on("connection", (socket) => {
    void socket.join(userRoom(socket.data.user.id));

    const handlers: HandlerTable<TournamentClientToServer> = {
      join_tournament: {
        schema: joinTournamentSchema,
        budget: "tournament_channel",
        run: async ({ tournament_id }) => {
          // In the room before reading: a change committed meanwhile is in the answer or broadcast to it.
          await socket.join(tournamentRoom(tournament_id));
          // Out of the room again unless the answer goes out: no updates for a join that failed.
          const tournament = await deps.tournaments.json(tournament_id).catch(async (error: unknown) => {
            await socket.leave(tournamentRoom(tournament_id));
            throw error;
          });
          if (!tournament) {
            await socket.leave(tournamentRoom(tournament_id));
            refuse("not_found", "No such tournament");
          }
          return { tournament };
        },
      },
      leave_tournament: {
        schema: leaveTournamentChannelSchema,
        budget: "tournament_channel",
        run: async ({ tournament_id }) => {
          await socket.leave(tournamentRoom(tournament_id));
        },
      },
    };
    registerHandlers(socket, handlers, deps);
  });
}
