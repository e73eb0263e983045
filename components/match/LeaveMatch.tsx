"use client";
// "Leave match", confirmed in a dialog: leaving forfeits, so the safe choice ("Keep playing") has the
// focus and Escape keeps playing. `onLeave` answers null or why it failed.
import Link from "next/link";
import { useRef, useState } from "react";
import { Button, buttonClass } from "@/components/ui/Button";
import { Modal } from "@/components/ui/Modal";

export function LeaveMatch({ onLeave }: { onLeave: () => Promise<string | null> }) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keepRef = useRef<HTMLButtonElement>(null);

  const leave = async () => {
    setPending(true);
    setError(null);
    const failure = await onLeave();
    if (failure) {
      setPending(false);
      setError(failure);
      // The disabled "Forfeit and leave" dropped focus: back to the safe choice, inside the dialog.
      keepRef.current?.focus();
    }
  };
  const keepPlaying = () => {
    if (pending) return;
    setConfirming(false);
    setError(null);
  };
  return (
    <>
      <Button variant="quiet-danger" onClick={() => setConfirming(true)}>
        Leave match
      </Button>
      {confirming && (
        <Modal labelId="leave-title" initialFocus={keepRef} onEscape={keepPlaying} testId="leave-confirm">
          <h2 id="leave-title" className="text-lg font-bold text-white">
            Leave the match?
          </h2>
          <p className="mt-2 text-slate-300">You will lose it by forfeit.</p>
          {error && (
            <p role="alert" className="mt-2 text-rose-300">
              {error}
            </p>
          )}
          <div className="mt-5 flex flex-col gap-3 sm:flex-row sm:justify-center">
            <Button ref={keepRef} variant="secondary" onClick={keepPlaying}>
              Keep playing
            </Button>
            <Button variant="danger" onClick={() => void leave()} disabled={pending}>
              {pending ? "Leaving…" : "Forfeit and leave"}
            </Button>
          </div>
        </Modal>
      )}
    </>
  );
}

export function MatchErrorCard({ message }: { message: string }) {
  return (
    <section className="mx-auto max-w-md rounded-xl border border-slate-800 bg-slate-900 p-8 text-center">
      <h1 className="text-xl font-bold text-white">Cannot open this match</h1>
      <p role="alert" className="mt-2 text-slate-300">
        {message}
      </p>
      <Link href="/" className={buttonClass({ variant: "secondary", className: "mt-6" })}>
        Back to lobby
      </Link>
    </section>
  );
}
