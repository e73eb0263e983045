import type { TournamentStatus } from "@/lib/protocol/tournament";

const styles: Record<TournamentStatus, string> = {
  open: "border-emerald-500/40 bg-emerald-500/10 text-emerald-300",
  running: "border-sky-500/40 bg-sky-500/10 text-sky-300",
  finished: "border-slate-600 bg-slate-800 text-slate-300",
  cancelled: "border-rose-500/40 bg-rose-500/10 text-rose-300",
};

const sizes = { small: "px-2 py-0.5 text-xs shrink-0", large: "px-2.5 py-0.5 text-sm" };

/** The raw status is the text (tests and screen readers get "running"); CSS capitalises it. */
export function TournamentStatusBadge({ status, size, testId }: { status: TournamentStatus; size: keyof typeof sizes; testId: string }) {
  return (
    <span data-testid={testId} className={`inline-block rounded-full border font-semibold capitalize ${sizes[size]} ${styles[status]}`}>
      {status}
    </span>
  );
}
