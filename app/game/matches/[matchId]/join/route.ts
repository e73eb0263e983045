// The seed's join: a player learns their slot in a match; anyone else is refused.
import { appContext } from "@/lib/app/context";
import { joinAnswer } from "@/lib/transport/http/answers";
import { parseIdParam, requireUser, send } from "@/lib/transport/http/http";

export async function POST(_request: Request, { params }: { params: Promise<{ matchId: string }> }) {
  const auth = await requireUser();
  if ("response" in auth) return auth.response;
  const id = parseIdParam((await params).matchId);
  if ("response" in id) return id.response;
  return send(joinAnswer(id.id, await appContext().matches.playerSlot(auth.user.id, id.id)));
}
