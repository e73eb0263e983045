// What a session token (next-auth's JWT) says about its user, beyond next-auth's own `sub` and
// `name`: written at login (auth.ts), read by the socket middleware (socketio/auth.ts).
export interface SessionClaims {
  uid: number;
  username: string;
}

export const sessionClaims = (user: { id: number; username: string }): SessionClaims => ({ uid: user.id, username: user.username });

/** The claims of a decoded token, or null when it has none (not logged in, or another site's token). */
export function readSessionClaims(token: Record<string, unknown> | null): SessionClaims | null {
  if (!token || typeof token.uid !== "number" || typeof token.username !== "string") return null;
  return { uid: token.uid, username: token.username };
}
