// A practice match against the AI: { level } → 201 { match_id }; the player then joins it as usual.
import { practiceBodySchema } from "@/lib/protocol/http";
import { createMatchAnswer } from "@/lib/transport/http/answers";
import { parseJsonBody, requireUser, send } from "@/lib/transport/http/http";
import { appContext } from "@/lib/app/context";

export async function POST(request: Request) {
  const auth = await requireUser("practice");
  if ("response" in auth) return auth.response;
  const body = await parseJsonBody(request, practiceBodySchema);
  if ("response" in body) return body.response;
  return send(createMatchAnswer(await appContext().practice.start(auth.user, body.data.level)));
}
