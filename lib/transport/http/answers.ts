// What an endpoint answers for a service's result: a status and a JSON body. Route handlers send
// it (http.ts); the in-process tests read it as is, so both see the same answer.
import type { CreateDuelResult, PlayerSlotResult } from "../../app/matches";
import type { TournamentResult } from "../../app/tournaments/service";
import type { TournamentJson } from "../../protocol/tournament";
import type { ApiError } from "../../protocol/http";

export interface Answer {
  status: number;
  body: object;
}

export function errorAnswer(status: number, code: string, message: string, fields?: Record<string, string>): Answer {
  const body: ApiError = { error: { code, message, ...(fields && { fields }) } };
  return { status, body };
}

type Refused = { ok: false; status: number; code: string; message: string };
const refused = ({ status, code, message }: Refused) => errorAnswer(status, code, message);

/** The seed's create_match. */
export function createMatchAnswer(result: CreateDuelResult): Answer {
  return result.ok ? { status: 201, body: { match_id: result.matchId } } : refused(result);
}

/** The seed's join: the player's slot. */
export function joinAnswer(matchId: number, result: PlayerSlotResult): Answer {
  return result.ok ? { status: 200, body: { match_id: matchId, player: result.player } } : refused(result);
}

/** A tournament's join, leave or start: the tournament as it is now. */
export function tournamentActionAnswer(result: TournamentResult): Answer {
  return result.ok ? { status: 200, body: { tournament: result.tournament } } : refused(result);
}

/** GET /game/tournaments/<id>/. */
export function tournamentAnswer(tournament: TournamentJson | null): Answer {
  return tournament ? { status: 200, body: tournament } : errorAnswer(404, "not_found", "No such tournament");
}
