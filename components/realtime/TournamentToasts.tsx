"use client";
// "Your tournament match is ready" notices, from the app-wide /game socket. They sit at the top
// right (the provider's toasts are at the bottom) and stay until dismissed or followed: missing
// one means forfeiting by no-show, so they must not fade away like the others.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { buttonClass } from "@/components/ui/Button";
import { Toasts } from "@/components/ui/Toasts";
import { MAX_TOASTS } from "@/lib/client/toasts";
import type { TournamentMatchReady } from "@/lib/protocol/tournament";
import { useGameSocket } from "./context";

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
    <Toasts
      testId="tournament-toasts"
      itemTestId="match-ready-toast"
      className="pointer-events-none fixed inset-x-3 top-16 z-40 flex flex-col items-stretch gap-2 sm:left-auto sm:right-4 sm:top-20 sm:w-96"
      onDismiss={(key) => dismiss(Number(key))}
      items={visible.map((message) => ({
        key: message.match_id,
        tone: "highlight",
        content: (
          <>
            <p className="wrap-anywhere">
              Your match in <span className="font-semibold text-white">{message.tournament_name}</span> against{" "}
              <span className="font-semibold text-white">{message.opponent}</span> is ready
            </p>
            <Link href={`/match/${message.match_id}/`} onClick={() => dismiss(message.match_id)} className={buttonClass({ size: "sm", className: "mt-2" })}>
              Play now
            </Link>
          </>
        ),
      }))}
    />
  );
}
