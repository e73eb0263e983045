// The current round's pairings, as the server announced them.
import type { RoundStart } from "@/lib/protocol/tournament";

export function RoundPairings({ pairings }: { pairings: RoundStart }) {
  return (
    <section aria-labelledby="pairings-title" data-testid="round-pairings" className="rounded-lg border border-slate-800 bg-slate-900/60 p-4">
      <h2 id="pairings-title" className="mb-2 text-sm font-semibold uppercase tracking-wider text-slate-400">
        Round {pairings.round} pairings
      </h2>
      <ul className="space-y-1 font-mono text-sm text-slate-200">
        {pairings.pairings.map((line, index) => (
          <li key={`${index}-${line}`} className="wrap-anywhere">
            {line}
          </li>
        ))}
      </ul>
    </section>
  );
}
