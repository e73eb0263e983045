"use client";
// "Leave match", confirmed: leaving forfeits. `onLeave` answers null or why it failed.
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Button, buttonClass } from "@/components/ui/Button";

export function LeaveMatch({ onLeave }: { onLeave: () => Promise<string | null> }) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <Button variant="quiet-danger" onClick={() => setConfirming(true)}>
        Leave match
      </Button>
    );
  }
  const leave = async () => {
    setPending(true);
    setError(null);
    const failure = await onLeave();
    if (failure) {
      setPending(false);
      setError(failure);
    }
  };
  return (
    <div role="alertdialog" aria-labelledby="leave-title" className="w-full rounded-lg border border-rose-500/40 bg-slate-900 p-4 text-center">
      <p id="leave-title" className="text-slate-200">
        Leave the match? You will lose it by forfeit.
      </p>
      {error && (
        <p role="alert" className="mt-2 text-rose-300">
          {error}
        </p>
      )}
      <div className="mt-3 flex justify-center gap-3">
        <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
          Keep playing
        </Button>
        <Button ref={confirmRef} variant="danger" onClick={() => void leave()} disabled={pending}>
          {pending ? "Leaving…" : "Forfeit and leave"}
        </Button>
      </div>
    </div>
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
