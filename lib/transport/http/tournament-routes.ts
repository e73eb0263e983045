// The join / leave / start endpoints share their shape: logged-in user, id from the path, one action.
import { tournamentActionAnswer } from "./answers";
import { parseIdParam, requireUser, send } from "./http";
import type { BudgetName } from "../../app/limits";
import { appContext } from "../../app/context";

/** A tournament service action taking the user and the tournament. */
type Action = "join" | "leave" | "start";

export function tournamentAction(action: Action, ...budgets: BudgetName[]) {
  return async (_request: Request, { params }: { params: Promise<{ tournamentId: string }> }) => {
    const auth = await requireUser(...budgets);
    if ("response" in auth) return auth.response;
    const id = parseIdParam((await params).tournamentId);
    if ("response" in id) return id.response;
    return send(tournamentActionAnswer(await appContext().tournaments[action](auth.user.id, id.id)));
  };
}
