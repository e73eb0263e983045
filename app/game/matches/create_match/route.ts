// The seed's create_match: the challenged player turns an accepted challenge into a match.
import { NextResponse } from "next/server";
import { createMatchBodySchema } from "@/lib/protocol/http";
import { apiError, parseJsonBody, requireUser } from "@/lib/transport/http/http";
import { appContext } from "@/lib/app/context";

export async function POST(request: Request) {
  const auth = await requireUser();
  if ("response" in auth) return auth.response;
  const body = await parseJsonBody(request, createMatchBodySchema);
  if ("response" in body) return body.response;
  const result = await appContext().matches.createDuel(auth.user, body.data.opponent);
  if (!result.ok) return apiError(result.status, result.code, result.message);
  return NextResponse.json({ match_id: result.matchId }, { status: 201 });
}
