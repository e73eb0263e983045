// next-auth configuration: credentials provider, JWT sessions. The secret comes from
// NEXTAUTH_SECRET, which server.ts sets (from the environment or DATA_DIR) before anything runs.
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { verifyCredentials } from "./repos/users";

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
      async authorize(credentials) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const user = await verifyCredentials(parsed.data.username, parsed.data.password);
        return user ? { id: String(user.id), name: user.username } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.username = user.name ?? "";
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid, name: token.username };
      return session;
    },
  },
};

export interface SessionUser {
  id: number;
  name: string;
}

/** The logged-in user of the current request (server components and route handlers). */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  return session?.user ?? null;
}
