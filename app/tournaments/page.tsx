import type { Metadata } from "next";
import Link from "next/link";
import { currentUser } from "@/lib/transport/http/auth";
import { appContext } from "@/lib/app/context";
import type { TournamentSummary } from "@/lib/app/tournaments/json";
import { TournamentStatusBadge } from "@/components/TournamentStatusBadge";
import { buttonClass } from "@/components/ui/Button";
import { CreateTournamentForm } from "./CreateTournamentForm";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Tournaments" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

function TournamentCard({ tournament }: { tournament: TournamentSummary }) {
  const full = tournament.players >= tournament.max_players;
  return (
    <li
      data-testid="tournament-card"
      data-status={tournament.status}
      className="relative rounded-lg border border-slate-800 bg-slate-900 p-4 focus-within:border-emerald-500/60 hover:border-emerald-500/60"
    >
      <div className="flex items-start justify-between gap-3">
        <h3 className="min-w-0 font-semibold text-white wrap-anywhere">
          {/* The link covers the whole card (after:inset-0) so the card is one big touch target. */}
          <Link href={`/tournaments/${tournament.tournament_id}/`} className="after:absolute after:inset-0 after:rounded-lg hover:underline focus-visible:outline-none">
            {tournament.name}
          </Link>
        </h3>
        <TournamentStatusBadge status={tournament.status} size="small" testId="tournament-card-status" />
      </div>
      <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-400">
        <div>
          <dt className="inline">By </dt>
          <dd className="inline text-slate-200">{tournament.creator}</dd>
        </div>
        <div>
          <dt className="sr-only">Players</dt>
          <dd className="inline tabular-nums" data-testid="tournament-card-players">
            {tournament.players}/{tournament.max_players} players{full && tournament.status === "open" ? " · full" : ""}
          </dd>
        </div>
        <div>
          <dt className="sr-only">Created</dt>
          <dd className="inline">
            <time dateTime={tournament.created_at}>{dateFormat.format(new Date(tournament.created_at))}</time>
          </dd>
        </div>
      </dl>
      {tournament.status === "finished" && (
        <p className="mt-2 text-sm" data-testid="tournament-card-winner">
          {tournament.winner ? (
            <>
              🏆 <span className="font-semibold text-amber-300">{tournament.winner}</span>
            </>
          ) : (
            <span className="text-slate-400">No champion</span>
          )}
        </p>
      )}
    </li>
  );
}

function TournamentSection({ id, title, tournaments, emptyText }: { id: string; title: string; tournaments: TournamentSummary[]; emptyText: string }) {
  return (
    <section aria-labelledby={`${id}-title`} data-testid={`tournaments-${id}`}>
      <h2 id={`${id}-title`} className="mb-3 text-sm font-semibold uppercase tracking-wider text-slate-400">
        {title} <span className="font-normal normal-case tracking-normal text-slate-300">({tournaments.length})</span>
      </h2>
      {tournaments.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-700 p-6 text-center text-slate-400">{emptyText}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {tournaments.map((tournament) => (
            <TournamentCard key={tournament.tournament_id} tournament={tournament} />
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function TournamentsPage() {
  const [user, tournaments] = await Promise.all([currentUser(), appContext().tournaments.list()]);
  const open = tournaments.filter((tournament) => tournament.status === "open");
  const running = tournaments.filter((tournament) => tournament.status === "running");
  // Cancelled ones are over too; their badge says "cancelled".
  const finished = tournaments.filter((tournament) => tournament.status === "finished" || tournament.status === "cancelled");

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold text-white">Tournaments</h1>
        <p className="mt-1 text-slate-400">Knockout brackets: win your match to reach the next round, lose and you are out.</p>
      </header>
      <div className="grid gap-6 lg:grid-cols-3">
        <aside className="lg:order-last">
          <section aria-labelledby="create-title" className="rounded-xl border border-slate-800 bg-slate-900/60 p-5">
            <h2 id="create-title" className="mb-4 text-sm font-semibold uppercase tracking-wider text-slate-400">
              New tournament
            </h2>
            {user ? (
              <CreateTournamentForm />
            ) : (
              <Link href="/login/?callbackUrl=/tournaments/" className={buttonClass({ variant: "secondary" })}>
                Log in to create a tournament
              </Link>
            )}
          </section>
        </aside>
        <div className="space-y-8 lg:col-span-2" data-testid="tournament-list">
          <TournamentSection id="open" title="Open" tournaments={open} emptyText="No tournament is taking players right now." />
          <TournamentSection id="running" title="Running" tournaments={running} emptyText="No tournament is being played right now." />
          <TournamentSection id="finished" title="Finished" tournaments={finished} emptyText="No tournament has finished yet." />
        </div>
      </div>
    </div>
  );
}
