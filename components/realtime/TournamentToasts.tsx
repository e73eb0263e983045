"use client";
// "Your tournament match is ready" notices, from the app-wide /game socket, with the time left to
// enter the match. They sit at the top right (the provider's toasts are at the bottom) and stay
// until dismissed, followed (the match's page opened) or surely over: missing one means
// forfeiting by no-show, so they must not fade away like the others.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { JoinCountdown } from "@/components/tournament/JoinCountdown";
import { buttonClass } from "@/components/ui/Button";
import { Toasts } from "@/components/ui/Toasts";
import { MAX_TOASTS } from "@/lib/client/toasts";
import type { TournamentMatchReady } from "@/lib/protocol/tournament";
import { useGameSocket } from "./context";

type ReadyNotice = TournamentMatchReady & { deadline: number };

export function TournamentToasts() {
  const socket = useGameSocket();
  const pathname = usePathname();
  const [ready, setReady] = useState<ReadyNotice[]>([]);

  useEffect(() => {
    if (!socket) return;
    const onReady = (message: TournamentMatchReady) => {
      // Counted on this browser's clock from the time left, not the server's absolute deadline.
      const notice = { ...message, deadline: Date.now() + message.join_ms_left };
      // One toast per match: the server may repeat it (reconnect, several tabs).
      setReady((current) => [...current.filter((known) => known.match_id !== message.match_id), notice].slice(-MAX_TOASTS));
    };
    socket.on("tournament_match_ready", onReady);
    return () => {
      socket.off("tournament_match_ready", onReady);
    };
  }, [socket]);

  const dismiss = (matchId: number) => setReady((current) => current.filter((message) => message.match_id !== matchId));

  // The no-show deadline is the earliest the match can end unplayed; an opponent who came in just
  // before it gives the player as long again. After that the notice is surely over.
  useEffect(() => {
    const timers = ready.map((notice) => setTimeout(() => dismiss(notice.match_id), notice.deadline + notice.join_ms_left - Date.now()));
    return () => timers.forEach(clearTimeout);
  }, [ready]);

  const at = (path: string) => pathname === path || pathname === path.slice(0, -1);
  const onItsMatch = (message: ReadyNotice) => at(`/match/${message.match_id}/`);
  const [visited, setVisited] = useState(pathname);
  if (visited !== pathname) {
    // Its match's page opened, through this notice or another way: followed.
    setVisited(pathname);
    setReady((current) => current.filter((message) => !onItsMatch(message)));
  }
  // The tournament's own page shows the same notice in place.
  const visible = ready.filter((message) => !onItsMatch(message) && !at(`/tournaments/${message.tournament_id}/`));

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
              <span className="font-semibold text-white">{message.opponent}</span> is ready.{" "}
              <JoinCountdown deadline={message.deadline} />
            </p>
            <Link href={`/match/${message.match_id}/`} className={buttonClass({ className: "mt-2" })}>
              Play now
            </Link>
          </>
        ),
      }))}
    />
  );
}
