// The seed's create_tournament_form: JSON → 201 { tournament_id }; the page's HTML form → 303 to the bracket page.
import { NextResponse } from "next/server";
import { createTournamentBodySchema, type CreateTournamentBody } from "@/lib/protocol/tournament";
import { apiError, parseJsonBody, rateLimited, readBody, requireUser } from "@/lib/transport/http/http";
import { fieldErrors } from "@/lib/protocol/http";
import { appContext } from "@/lib/app/context";

export async function POST(request: Request) {
  const auth = await requireUser();
  if ("response" in auth) return auth.response;
  const isForm = request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded");
  const raw = isForm ? await readBody(request) : null;
  if (raw && "response" in raw) return raw.response;
  const body = raw ? parseForm(raw.text) : await parseJsonBody(request, createTournamentBodySchema);
  if ("response" in body) return body.response;
  // Only valid requests count against the creation limit.
  const { limits, tournaments } = appContext();
  const refused = await limits.consume("tournament_create", auth.user.id);
  if (refused) return rateLimited(refused, "You created too many tournaments recently: try again later");
  const id = await tournaments.create(auth.user.id, body.data);
  if (isForm) return NextResponse.redirect(new URL(`/tournaments/${id}/`, request.url), 303);
  return NextResponse.json({ tournament_id: id }, { status: 201 });
}

function parseForm(text: string): { data: CreateTournamentBody } | { response: NextResponse } {
  const form = Object.fromEntries(new URLSearchParams(text));
  const parsed = createTournamentBodySchema.safeParse(Object.fromEntries(Object.entries(form).filter(([, value]) => value !== "")));
  if (parsed.success) return { data: parsed.data };
  const fields = fieldErrors(parsed.error);
  return { response: apiError(400, "invalid_input", Object.values(fields)[0] ?? "Invalid input", fields) };
}
