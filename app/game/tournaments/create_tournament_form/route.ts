// The seed's create_tournament_form: JSON → 201 { tournament_id }; the page's HTML form → 303 to the bracket page.
import { NextResponse } from "next/server";
import { createTournamentBodySchema } from "@/lib/protocol/tournament";
import { apiError, parseJsonBody, requireUser } from "@/lib/server/http";
import { fieldErrors } from "@/lib/protocol/http";
import { createTournament } from "@/lib/server/tournaments";

export async function POST(request: Request) {
  const auth = await requireUser();
  if ("response" in auth) return auth.response;
  if (request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded")) {
    const form = Object.fromEntries(new URLSearchParams((await request.text()).slice(0, 16 * 1024)));
    const parsed = createTournamentBodySchema.safeParse(Object.fromEntries(Object.entries(form).filter(([, value]) => value !== "")));
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      return apiError(400, "invalid_input", Object.values(fields)[0] ?? "Invalid input", fields);
    }
    const id = await createTournament(auth.user.id, parsed.data);
    return NextResponse.redirect(new URL(`/tournaments/${id}/`, request.url), 303);
  }
  const body = await parseJsonBody(request, createTournamentBodySchema);
  if ("response" in body) return body.response;
  const id = await createTournament(auth.user.id, body.data);
  return NextResponse.json({ tournament_id: id }, { status: 201 });
}
