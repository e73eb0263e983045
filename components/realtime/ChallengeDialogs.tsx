"use client";
// The target's side of a duel challenge: the incoming-challenge dialog (accept or decline within
// the countdown) and, once accepted, the progress of creating the match or why it failed.
import { useRef } from "react";
import { Avatar } from "@/components/Avatar";
import { Button } from "@/components/ui/Button";
import { Modal } from "@/components/ui/Modal";
import type { Accepting, Offer } from "@/lib/client/challenge-machine";

export function ChallengeDialog({
  offer,
  seconds,
  queued,
  onAccept,
  onDecline,
}: {
  offer: Offer;
  seconds: number;
  queued: number;
  onAccept: () => void;
  onDecline: () => void;
}) {
  const acceptRef = useRef<HTMLButtonElement>(null);
  return (
    <Modal labelId="challenge-title" initialFocus={acceptRef} onEscape={onDecline} testId="challenge-dialog">
      <div className="flex justify-center">
        <Avatar username={offer.from} size="lg" />
      </div>
      <h2 id="challenge-title" className="mt-4 text-xl font-bold text-white">
        Challenge from {offer.from}
      </h2>
      <p className="mt-1 text-slate-300" data-testid="challenge-kind">
        {offer.from} wants to play a {offer.rated ? "rated" : "casual (unrated)"} duel.
      </p>
      <p className="mt-3 text-sm text-slate-400">
        Answer within{" "}
        <span className="font-mono text-lg font-bold text-amber-300 tabular-nums" data-testid="challenge-countdown">
          {seconds}
        </span>{" "}
        s
      </p>
      {queued > 0 && <p className="mt-1 text-xs text-slate-400">{queued === 1 ? "1 more challenge is waiting." : `${queued} more challenges are waiting.`}</p>}
      <div className="mt-6 grid grid-cols-2 gap-3">
        <Button variant="secondary" onClick={onDecline}>
          Decline
        </Button>
        <Button ref={acceptRef} onClick={onAccept}>
          Accept
        </Button>
      </div>
    </Modal>
  );
}

export function AcceptingDialog({ accepting, onRetry, onClose }: { accepting: Accepting; onRetry: (accepting: Accepting) => void; onClose: () => void }) {
  const actionRef = useRef<HTMLButtonElement>(null);
  const failed = accepting.step === "failed";
  return (
    <Modal labelId="accepting-title" initialFocus={actionRef} onEscape={failed ? onClose : undefined} testId="accepting-dialog">
      <h2 id="accepting-title" className="text-xl font-bold text-white">
        {failed ? "The match could not start" : `Starting your duel with ${accepting.from}…`}
      </h2>
      {failed ? (
        <>
          <p role="alert" className="mt-3 rounded-md border border-rose-500/40 bg-rose-500/10 px-3 py-2 text-sm text-rose-300" data-testid="accepting-error">
            {accepting.error}
          </p>
          <div className="mt-6 flex justify-center gap-3">
            {accepting.canRetry && (
              <Button ref={actionRef} onClick={() => onRetry(accepting)}>
                Try again
              </Button>
            )}
            <Button ref={accepting.canRetry ? undefined : actionRef} variant="secondary" onClick={onClose}>
              Close
            </Button>
          </div>
        </>
      ) : (
        <p className="mt-3 flex items-center justify-center gap-2 text-slate-300" role="status">
          <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-emerald-400 border-t-transparent" />
          {accepting.step === "replying" ? "Accepting the challenge…" : "Creating the match…"}
        </p>
      )}
    </Modal>
  );
}
