// Shown while the leaderboard is being read: its outline, announced as busy.
export default function LeaderboardLoading() {
  return (
    <div className="space-y-4" aria-busy="true">
      <h1 className="text-3xl font-bold text-white">Leaderboard</h1>
      <p className="text-slate-400" role="status">
        Loading the rankings…
      </p>
      <div aria-hidden className="h-64 animate-pulse rounded-lg border border-slate-800 bg-slate-900" />
    </div>
  );
}
