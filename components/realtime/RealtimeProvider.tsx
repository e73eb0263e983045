"use client";
// One /game socket for the whole app (it is also what makes the user "online"), shared through
// context, plus everything about duel challenges on screen: the incoming-challenge dialog, the
// outgoing "waiting" panel and the toasts telling both sides how a challenge ended; and quick
// pairing's state, whose "Play now" shows in the nav (through a portal: the nav is outside this provider) and in the lobby.
import Link from "next/link";
import { useMemo } from "react";
import { Toasts, type ToastItem } from "@/components/ui/Toasts";
import type { Toast } from "@/lib/client/challenge-machine";
import { secondsLeft } from "@/lib/client/countdown";
import { useChallenges } from "@/lib/client/hooks/useChallenges";
import { useQuickPairing } from "@/lib/client/hooks/useQuickPairing";
import { AcceptingDialog, ChallengeDialog } from "./ChallengeDialogs";
import { RealtimeContext, type RealtimeContextValue } from "./context";
import { OutgoingPanel } from "./OutgoingPanel";
import { NavQuickPlay } from "./QuickPlay";
import { TournamentToasts } from "./TournamentToasts";

export function RealtimeProvider({
  user,
  challengeTimeoutMs,
  children,
}: {
  user: { id: number; name: string };
  /** The server's CHALLENGE_TIMEOUT_MS: the challenger's ack carries no deadline, so the countdown needs it. */
  challengeTimeoutMs: number;
  children: React.ReactNode;
}) {
  const pairing = useQuickPairing();
  const { socket, status, deferClose, cancelClose, state, challenge, cancel, decline, accept, retry, closeAccepting, dismissToast } = useChallenges(user.name, challengeTimeoutMs, pairing.listeners);
  const { outgoing, lastEnded } = state;
  const { state: seekState, seek, cancel: cancelSeek } = pairing;
  const quickPairing = useMemo(() => ({ state: seekState, seek: () => void seek(socket), cancel: () => void cancelSeek(socket) }), [seekState, seek, cancelSeek, socket]);
  const value = useMemo<RealtimeContextValue>(
    () => ({ socket, status, challenge, challenges: { outgoing, lastEnded }, quickPairing, deferClose, cancelClose }),
    [socket, status, challenge, outgoing, lastEnded, quickPairing, deferClose, cancelClose],
  );
  const newestOffer = state.offers.at(-1);

  return (
    <RealtimeContext.Provider value={value}>
      {children}
      <NavQuickPlay />
      <TournamentToasts />
      {state.accepting ? (
        <AcceptingDialog
          // A new key when it fails, so focus moves to the failure's buttons.
          key={state.accepting.step === "failed" ? "failed" : "progress"}
          accepting={state.accepting}
          onRetry={(accepting) => void retry(accepting)}
          onClose={closeAccepting}
        />
      ) : newestOffer ? (
        <ChallengeDialog
          key={newestOffer.id}
          offer={newestOffer}
          seconds={secondsLeft(newestOffer.deadline, state.now)}
          queued={state.offers.length - 1}
          onAccept={() => void accept(newestOffer)}
          onDecline={() => void decline(newestOffer)}
        />
      ) : null}
      <div className="pointer-events-none fixed inset-x-3 bottom-3 z-40 flex flex-col items-stretch gap-2 sm:left-auto sm:right-4 sm:bottom-4 sm:w-96">
        <Toasts
          items={state.toasts.map(toastItem)}
          onDismiss={(id) => dismissToast(Number(id))}
          testId="toasts"
          itemTestId="toast"
          className="flex flex-col gap-2"
        />
        {status === "disconnected" && (
          <p className="pointer-events-auto rounded-lg border border-amber-500/40 bg-slate-900 px-4 py-2 text-sm text-amber-300 shadow-lg" data-testid="realtime-offline">
            Disconnected from the game server. Reconnecting…
          </p>
        )}
        {state.outgoing && <OutgoingPanel outgoing={state.outgoing} seconds={secondsLeft(state.outgoing.deadline, state.now)} onCancel={(id) => void cancel(id)} />}
      </div>
    </RealtimeContext.Provider>
  );
}

function toastItem(toast: Toast): ToastItem {
  return {
    key: toast.id,
    tone: toast.tone,
    content: (
      <p className="wrap-anywhere">
        {toast.text}
        {toast.href && (
          <>
            {" "}
            <Link href={toast.href} className="font-semibold text-emerald-400 hover:underline">
              Open the match
            </Link>
          </>
        )}
      </p>
    ),
  };
}
