// The seed's create_match: the challenged player turns an accepted challenge into a match.
import { createMatchBodySchema } from "@/lib/protocol/http";
import { createMatchAnswer } from "@/lib/transport/http/answers";
import { parseJsonBody, requireUser, send } from "@/lib/transport/http/http";
import { appContext } from "@/lib/app/context";

export async function POST(request: Request) {
  const auth = await requireUser();
  if ("response" in auth) return auth.response;
  const body = await parseJsonBody(request, createMatchBodySchema);
  if ("response" in body) return body.response;
  return send(createMatchAnswer(await appContext().matches.createDuel(auth.user, body.data.opponent)));
}
