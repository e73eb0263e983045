import { NextResponse } from "next/server";
import { registerBodySchema } from "@/lib/protocol/http";
import { apiError, parseJsonBody } from "@/lib/server/http";
import { createUser, UsernameTakenError } from "@/lib/server/repos/users";

export async function POST(request: Request) {
  const body = await parseJsonBody(request, registerBodySchema);
  if ("response" in body) return body.response;
  try {
    const user = await createUser(body.data.username, body.data.password);
    return NextResponse.json({ id: user.id, username: user.username }, { status: 201 });
  } catch (error) {
    if (error instanceof UsernameTakenError) return apiError(409, "username_taken", error.message, { username: "This username is already taken" });
    throw error;
  }
}
