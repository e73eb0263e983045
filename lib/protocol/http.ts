// Bodies of the HTTP endpoints, shared by the pages that send them and the handlers that parse them.
import { z } from "zod";

export const usernameSchema = z
  .string({ error: "Username is required" })
  .trim()
  .min(3, "Username must be 3 to 20 characters")
  .max(20, "Username must be 3 to 20 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "Username may contain only letters, digits, _ and -");

export const passwordSchema = z
  .string({ error: "Password is required" })
  .min(8, "Password must be at least 8 characters")
  .max(200, "Password must be at most 200 characters");

export const registerBodySchema = z.object({ username: usernameSchema, password: passwordSchema });
export type RegisterBody = z.infer<typeof registerBodySchema>;

/** The error body of every endpoint: `{ error: { code, message, fields?, retry_after? } }`. */
export interface ApiError {
  /** retry_after: seconds until a rate-limited action may be tried again. */
  error: { code: string; message: string; fields?: Record<string, string>; retry_after?: number };
}

/** First message per field, for forms that show errors beside their inputs. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "body");
    fields[field] ??= issue.message;
  }
  return fields;
}

export const createMatchBodySchema = z.strictObject({ opponent: usernameSchema });
export type CreateMatchBody = z.infer<typeof createMatchBodySchema>;

/** `<id>` path segments: positive 32-bit integers. */
export const matchIdParamSchema = z.string().regex(/^\d{1,10}$/).transform(Number).pipe(z.number().int().positive().max(2_147_483_647));
