// The match page's header: who plays whom, "Spectating", how many watch, and the connection.
import { EyeIcon } from "@/components/icons";
import type { ConnectionStatus } from "@/lib/client/socket";

export function MatchHeader({
  bottomName,
  topName,
  spectating,
  spectators,
  connection,
  className = "",
}: {
  bottomName: string;
  topName: string;
  spectating: boolean;
  /** Null when unknown (not joined, match over). */
  spectators: number | null;
  connection: ConnectionStatus | null;
  className?: string;
}) {
  return (
    // Beside the field (landscape) the names get a line of their own and may wrap.
    <header className={`flex flex-wrap items-center gap-x-2 gap-y-1 sm:gap-x-3 ${className}`}>
      <h1 className="min-w-0 flex-1 truncate text-lg font-bold text-white sm:text-xl landscape:basis-full landscape:whitespace-normal landscape:wrap-anywhere">
        {bottomName} <span className="font-normal text-slate-400">vs</span> {topName}
      </h1>
      {spectating && (
        <span
          data-testid="spectating"
          className="shrink-0 rounded-full border border-sky-500/40 bg-sky-500/10 px-2.5 py-1 text-xs font-semibold uppercase tracking-wider text-sky-300 sm:px-3"
        >
          Spectating
        </span>
      )}
      {spectators !== null && <SpectatorCount count={spectators} spectating={spectating} />}
      {connection && <ConnectionDot status={connection} />}
    </header>
  );
}

/** Players see it only when someone watches; a spectator always does (they count themselves). */
function SpectatorCount({ count, spectating }: { count: number; spectating: boolean }) {
  if (count <= 0 && !spectating) return null;
  const lone = spectating && count <= 1;
  const label = lone ? "Just you watching" : `${count} watching`;
  return (
    <span data-testid="spectators" title={label} className="flex shrink-0 items-center gap-1 text-xs text-slate-400">
      <EyeIcon />
      {/* On phones the header is tight: the number (or "Just you") stays, "watching" is for screen readers. */}
      <span className="whitespace-nowrap tabular-nums">
        {lone ? "Just you" : count} <span className="sr-only sm:not-sr-only">watching</span>
      </span>
    </span>
  );
}

function ConnectionDot({ status }: { status: ConnectionStatus }) {
  const style = { connected: "bg-emerald-400", connecting: "bg-amber-400 motion-safe:animate-pulse", disconnected: "bg-rose-500" }[status];
  const text = { connected: "Connected", connecting: "Connecting…", disconnected: "Offline" }[status];
  return (
    <span className="flex shrink-0 items-center gap-1.5 text-xs text-slate-400" title={text}>
      <span aria-hidden className={`h-2 w-2 rounded-full ${style}`} />
      <span className="sr-only sm:not-sr-only">{text}</span>
    </span>
  );
}
