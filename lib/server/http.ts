// Helpers for route handlers: JSON bodies parsed with zod, errors in one shape.
import { NextResponse } from "next/server";
import type { z } from "zod";
import { fieldErrors, matchIdParamSchema, type ApiError } from "@/lib/protocol/http";
import { currentUser, type SessionUser } from "./auth";

export function apiError(status: number, code: string, message: string, fields?: Record<string, string>) {
  return NextResponse.json<ApiError>({ error: { code, message, ...(fields && { fields }) } }, { status });
}

const MAX_BODY_BYTES = 16 * 1024;

/** Parses a JSON body with `schema`; on failure returns the 400/413 response to send instead. */
export async function parseJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<{ data: T } | { response: NextResponse }> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return { response: apiError(413, "body_too_large", "The request body is too large") };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { response: apiError(400, "invalid_json", "The request body must be JSON") };
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const fields = fieldErrors(result.error);
    return { response: apiError(400, "invalid_input", Object.values(fields)[0] ?? "Invalid input", fields) };
  }
  return { data: result.data };
}

/** The logged-in user, or the 401 response to send instead. */
export async function requireUser(): Promise<{ user: SessionUser } | { response: NextResponse }> {
  const user = await currentUser();
  if (!user) return { response: apiError(401, "unauthorized", "Log in first") };
  return { user };
}

/** A numeric id from the path, or the 404 response to send instead. */
export function parseIdParam(raw: string): { id: number } | { response: NextResponse } {
  const parsed = matchIdParamSchema.safeParse(raw);
  if (!parsed.success) return { response: apiError(404, "not_found", "Not found") };
  return { id: parsed.data };
}
