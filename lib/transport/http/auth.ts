// next-auth configuration: credentials provider, JWT sessions. The secret comes from
// NEXTAUTH_SECRET, which server.ts sets (from the environment or DATA_DIR) before anything runs.
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { CLIENT_ADDRESS_HEADER } from "../client-address";
import { sessionClaims } from "./session";
import { appContext } from "../../app/context";
import { tooManyAttemptsMessage } from "../../app/limits";

const credentialsSchema = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt" },
  pages: { signIn: "/login/" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Username and password",
      credentials: {
        username: { label: "Username", type: "text" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { username, password } = parsed.data;
        const address = headerValue(request?.headers, CLIENT_ADDRESS_HEADER) ?? "unknown";
        // Refused before any password hash is computed, and the same for accounts that do not exist.
        const { limits, users } = appContext();
        const refused = await limits.loginAllowed(username, address);
        // next-auth hands a thrown error's message to the login form.
        if (refused) throw new Error(tooManyAttemptsMessage(refused));
        const user = await users.verifyCredentials(username, password);
        if (!user) {
          await limits.loginFailed(username, address);
          return null;
        }
        await limits.loginSucceeded(username, address);
        return { id: String(user.id), name: user.username };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      return user ? { ...token, ...sessionClaims({ id: Number(user.id), username: user.name ?? "" }) } : token;
    },
    session({ session, token }) {
      session.user = { id: token.uid, name: token.username };
      return session;
    },
  },
};

function headerValue(headers: unknown, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return Array.isArray(value) ? value[0] : value;
}

export interface SessionUser {
  id: number;
  name: string;
}

/** The logged-in user of the current request (server components and route handlers). */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  return session?.user ?? null;
}
