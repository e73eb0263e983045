// The seed's join: a player learns their slot in a match; anyone else is refused.
import { NextResponse } from "next/server";
import { appContext } from "@/lib/app/context";
import { apiError, parseIdParam, requireUser } from "@/lib/transport/http/http";

export async function POST(_request: Request, { params }: { params: Promise<{ matchId: string }> }) {
  const auth = await requireUser();
  if ("response" in auth) return auth.response;
  const id = parseIdParam((await params).matchId);
  if ("response" in id) return id.response;
  const result = await appContext().matches.playerSlot(auth.user.id, id.id);
  if (!result.ok) return apiError(result.status, result.code, result.message);
  return NextResponse.json({ match_id: id.id, player: result.player });
}
