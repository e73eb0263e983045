// What the tournament service answers: the tournament as it is now, or why the action was refused,
// with the HTTP status the route handlers answer (lib/transport/http/tournament-routes.ts).
import type { TournamentJson } from "../../protocol/tournament";

export type TournamentResult = { ok: true; tournament: TournamentJson } | { ok: false; status: number; code: string; message: string };
export const fail = (status: number, code: string, message: string): TournamentResult => ({ ok: false, status, code, message });
