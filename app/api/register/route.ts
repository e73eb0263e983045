import { NextResponse } from "next/server";
import { registerBodySchema } from "@/lib/protocol/http";
import { apiError, parseJsonBody, rateLimited, requestAddress, withinHttpBudget } from "@/lib/transport/http/http";
import { appContext } from "@/lib/app/context";

export async function POST(request: Request) {
  const overBudget = await withinHttpBudget(request);
  if (overBudget) return overBudget;
  const body = await parseJsonBody(request, registerBodySchema);
  if ("response" in body) return body.response;
  // The account is counted before it exists, so racing sign-ups cannot pass the limit together;
  // a sign-up that fails gives its point back.
  const address = requestAddress(request);
  const { limits, users } = appContext();
  const refused = await limits.consume("signup", address);
  if (refused) return rateLimited(refused, "Too many accounts were created from your address: try again later");
  let created;
  try {
    created = await users.create(body.data.username, body.data.password);
  } catch (error) {
    await limits.refund("signup", address);
    throw error;
  }
  if (!created.ok) {
    await limits.refund("signup", address);
    const message = `The username "${body.data.username}" is already taken`;
    return apiError(409, "username_taken", message, { username: "This username is already taken" });
  }
  return NextResponse.json({ id: created.user.id, username: created.user.username }, { status: 201 });
}
