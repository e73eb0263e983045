"use client";
// "Your tournament match is ready" notices, from the app-wide /game socket. They sit at the top
// right (the provider's toasts are at the bottom) and stay until dismissed or followed: missing
// one means forfeiting by no-show, so they must not fade away like the others.
import { DismissButton } from "./DismissButton";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import type { TournamentMatchReady } from "@/lib/protocol/tournament";
import { useGameSocket } from "./RealtimeProvider";

/** A burst (several tabs, several tournaments) must not cover the page. */
const MAX_TOASTS = 3;

export function TournamentToasts() {
  const socket = useGameSocket();
  const pathname = usePathname();
  const [ready, setReady] = useState<TournamentMatchReady[]>([]);

  useEffect(() => {
    if (!socket) return;
    const onReady = (message: TournamentMatchReady) =>
      // One toast per match: the server may repeat it (reconnect, several tabs).
      setReady((current) => [...current.filter((known) => known.match_id !== message.match_id), message].slice(-MAX_TOASTS));
    socket.on("tournament_match_ready", onReady);
    return () => {
      socket.off("tournament_match_ready", onReady);
    };
  }, [socket]);

  const dismiss = (matchId: number) => setReady((current) => current.filter((message) => message.match_id !== matchId));
  // Already on that match's page: the notice has nothing to add.
  const visible = ready.filter((message) => pathname !== `/match/${message.match_id}/` && pathname !== `/match/${message.match_id}`);

  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="tournament-toasts"
      className="pointer-events-none fixed inset-x-3 top-16 z-40 flex flex-col items-stretch gap-2 sm:left-auto sm:right-4 sm:top-20 sm:w-96"
    >
      {visible.map((message) => (
        <div
          key={message.match_id}
          data-testid="match-ready-toast"
          className="pointer-events-auto flex items-start gap-3 rounded-lg border border-emerald-500/50 bg-slate-900 px-4 py-3 text-sm text-slate-100 shadow-xl"
        >
          <div className="min-w-0 flex-1">
            <p className="wrap-anywhere">
              Your match in <span className="font-semibold text-white">{message.tournament_name}</span> against{" "}
              <span className="font-semibold text-white">{message.opponent}</span> is ready
            </p>
            <Link
              href={`/match/${message.match_id}/`}
              onClick={() => dismiss(message.match_id)}
              className="mt-2 inline-flex min-h-9 items-center rounded-md bg-emerald-500 px-3 font-semibold text-slate-950 hover:bg-emerald-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
            >
              Play now
            </Link>
          </div>
          <DismissButton onDismiss={() => dismiss(message.match_id)} />
        </div>
      ))}
    </div>
  );
}
