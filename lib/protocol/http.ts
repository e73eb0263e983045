// Bodies of the HTTP endpoints, shared by the pages that send them and the handlers that parse them.
import { z } from "zod";
import { AI_LEVELS } from "../domain/lists";

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

/** POST /game/matches/practice/: the AI's level. */
export const practiceBodySchema = z.strictObject({ level: z.literal(AI_LEVELS, { error: `Level must be one of ${AI_LEVELS.join(", ")}` }) });
export type PracticeBody = z.infer<typeof practiceBodySchema>;

/** `<id>` path segments: positive 32-bit integers. */
export const matchIdParamSchema = z.string().regex(/^\d{1,10}$/).transform(Number).pipe(z.number().int().positive().max(2_147_483_647));

/** A query number in plain digits ("1e2", " 5" or "-1" are refused) from `min` to `max`. */
const queryNumber = (name: string, min: number, max: number) => {
  const message = `${name} must be a whole number from ${min} to ${max}`;
  return z.string().regex(/^\d{1,10}$/, message).transform(Number).pipe(z.number().int().min(min, message).max(max, message));
};

export const LEADERBOARD_MAX_LIMIT = 100;

/** `GET /api/leaderboard/?limit&offset`: up to 100 players (100 by default) from `offset` (0 by default); other parameters are ignored. */
export const leaderboardQuerySchema = z.object({
  limit: queryNumber("limit", 1, LEADERBOARD_MAX_LIMIT).default(LEADERBOARD_MAX_LIMIT),
  offset: queryNumber("offset", 0, 2_147_483_647).default(0),
});
export type LeaderboardQuery = z.infer<typeof leaderboardQuerySchema>;
