import Link from "next/link";
import { Avatar } from "@/components/Avatar";
import { buttonClass } from "@/components/ui/Button";
import { LazyLobby } from "@/components/lobby/LazyLobby";
import { PracticeChooser } from "@/components/practice/PracticeChooser";
import { QuickPlay } from "@/components/realtime/QuickPlay";
import { UserList } from "@/components/UserList";
import { currentUser } from "@/lib/transport/http/auth";
import { appContext } from "@/lib/app/context";

export const dynamic = "force-dynamic";

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-xl border border-slate-800 bg-slate-900/60 p-5">
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wider text-slate-400">{title}</h2>
      {children}
    </section>
  );
}

/** Open and running tournaments, newest first: the ones a player can still join or watch. */
async function ActiveTournaments() {
  const active = (await appContext().tournaments.list()).filter((tournament) => tournament.status === "open" || tournament.status === "running").slice(0, 5);
  if (active.length === 0) return <p className="text-slate-400">No tournament is open or running right now.</p>;
  return (
    <ul className="space-y-2" data-testid="lobby-tournaments">
      {active.map((tournament) => (
        <li key={tournament.tournament_id}>
          <Link
            href={`/tournaments/${tournament.tournament_id}/`}
            className="flex items-center gap-3 rounded-lg border border-slate-800 bg-slate-900 p-3 hover:border-emerald-500/60 hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-emerald-400"
          >
            <span className="min-w-0 flex-1 truncate font-medium text-white">{tournament.name}</span>
            <span className="shrink-0 text-xs text-slate-400 tabular-nums">
              {tournament.players}/{tournament.max_players}
            </span>
            <span className={`shrink-0 text-xs font-semibold capitalize ${tournament.status === "open" ? "text-emerald-300" : "text-sky-300"}`}>{tournament.status}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default async function HomePage() {
  const user = await currentUser();
  if (!user) {
    return (
      <section className="mx-auto max-w-2xl py-12 text-center">
        <h1 className="text-4xl font-extrabold tracking-tight text-white sm:text-5xl">Pong, live, against real people.</h1>
        <p className="mt-4 text-lg text-slate-300">Challenge anyone to a real-time duel, watch live matches and fight through knockout tournaments.</p>
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          <Link href="/register/" className={buttonClass()}>
            Create an account
          </Link>
          <Link href="/login/" className={buttonClass({ variant: "secondary" })}>
            Log in
          </Link>
        </div>
      </section>
    );
  }

  const players = (await appContext().users.list(undefined, 12)).filter((player) => player.id !== user.id && player.aiLevel === null);
  return (
    <div className="space-y-6">
      <section className="flex items-center gap-4">
        <Avatar username={user.name} size="lg" />
        <div className="min-w-0">
          <p className="text-sm text-slate-400">Welcome back</p>
          <h1 className="text-3xl font-bold wrap-anywhere text-white" data-testid="lobby-username">
            {user.name}
          </h1>
          <Link href={`/users/${user.name}/`} className="inline-flex min-h-11 items-center text-sm text-emerald-400 hover:underline">
            View your profile
          </Link>
        </div>
      </section>
      <section aria-labelledby="quick-play-title" className="rounded-xl border border-emerald-500/30 bg-slate-900/60 p-4 sm:p-5">
        <h2 id="quick-play-title" className="text-lg font-semibold text-white">
          Quick pairing
        </h2>
        <p className="mb-3 text-sm text-slate-300">Play a rated game against someone of your level, now.</p>
        <QuickPlay />
      </section>
      <section aria-labelledby="practice-title" className="rounded-xl border border-slate-800 bg-slate-900/60 p-4 sm:p-5">
        <h2 id="practice-title" className="text-lg font-semibold text-white">
          Practice
        </h2>
        <p className="mb-3 text-sm text-slate-300">Play the computer at the level you choose. Practice games are never rated.</p>
        <PracticeChooser />
      </section>
      {/* Chat then live matches in the wide column; who is online, tournaments and players beside them; stacked on phones. */}
      <LazyLobby
        me={{ id: user.id, name: user.name }}
        aside={
          <>
            <Panel title="Tournaments">
              <ActiveTournaments />
              <Link href="/tournaments/" className="mt-1 inline-flex min-h-11 items-center text-sm text-emerald-400 hover:underline">
                All tournaments →
              </Link>
            </Panel>
            <Panel title="Players">
              <UserList users={players} columns="one" emptyText="Nobody else is here yet. Invite a friend!" />
              <Link href="/users/" className="mt-1 inline-flex min-h-11 items-center text-sm text-emerald-400 hover:underline">
                All players →
              </Link>
            </Panel>
          </>
        }
      />
    </div>
  );
}
