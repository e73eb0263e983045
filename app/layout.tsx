import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { HashRedirect } from "@/components/HashRedirect";
import { NavBar } from "@/components/NavBar";
import { LazyRealtimeProvider } from "@/components/realtime/LazyRealtimeProvider";
import { appContext } from "@/lib/app/context";
import { env } from "@/lib/env";
import { currentUser } from "@/lib/transport/http/auth";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Online Pong", template: "%s · Online Pong" },
  description: "Challenge people to real-time Pong duels, watch live matches and play knockout tournaments.",
};

export const viewport: Viewport = { themeColor: "#020617", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: its scripts carry that request's CSP nonce, which a
  // prerendered page could not.
  await connection();
  const user = await currentUser();
  // The nav's rating is read with each page, as of this request: no socket or fetch of its own.
  const rating = user ? await appContext().users.rating(user.id) : null;
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        {/* The first Tab stop: past the nav to the page itself. */}
        <a
          href="#content"
          className="sr-only z-50 rounded-md bg-emerald-500 px-4 py-3 font-semibold text-slate-950 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:outline-2 focus:outline-offset-2 focus:outline-white"
        >
          Skip to content
        </a>
        <NavBar user={user} rating={rating} />
        <HashRedirect />
        {/* tabIndex -1: the skip link moves focus here, so the next Tab goes on from the page's start. */}
        <main id="content" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 outline-none">
          {/* Logged-in pages share one /game socket (it is what makes the user "online"); keyed so another login starts afresh. */}
          {user ? (
            <LazyRealtimeProvider key={user.id} user={{ id: user.id, name: user.name }} challengeTimeoutMs={env().CHALLENGE_TIMEOUT_MS}>
              {children}
            </LazyRealtimeProvider>
          ) : (
            children
          )}
        </main>
        <footer className="border-t border-slate-800 py-4 text-center text-xs text-slate-400">Online Pong</footer>
      </body>
    </html>
  );
}
