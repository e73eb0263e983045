// One labelled fact of the tournament's header (players, points to win, round), in a <dl>.
export function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-800 bg-slate-900/60 px-3 py-2">
      <dt className="text-xs uppercase tracking-wider text-slate-400">{label}</dt>
      <dd className="font-semibold text-white tabular-nums wrap-anywhere" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
