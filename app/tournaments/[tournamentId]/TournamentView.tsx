"use client";
// One tournament, live: useTournamentChannel keeps its JSON current (socket room and action
// answers); the header, actions, result, bracket and players are drawn from it.
import Link from "next/link";
import { TournamentStatusBadge } from "@/components/TournamentStatusBadge";
import { ActionBar } from "@/components/tournament/ActionBar";
import { Bracket } from "@/components/tournament/Bracket";
import { ConnectionIndicator } from "@/components/tournament/ConnectionIndicator";
import { Fact } from "@/components/tournament/Fact";
import { PlayersList } from "@/components/tournament/PlayersList";
import { ResultBanner } from "@/components/tournament/ResultBanner";
import { RoundPairings } from "@/components/tournament/RoundPairings";
import type { TournamentViewer } from "@/components/tournament/viewer";
import { YourMatchNotice } from "@/components/tournament/YourMatchNotice";
import { useTournamentChannel } from "@/lib/client/hooks/useTournamentChannel";
import type { TournamentJson } from "@/lib/protocol/tournament";

export type { TournamentViewer };

export function TournamentView({ initial, viewer }: { initial: TournamentJson; viewer: TournamentViewer | null }) {
  const { tournament, connection, channelError, pending, actionError, runAction } = useTournamentChannel(initial);

  return (
    <div className="space-y-6">
      <header className="space-y-4">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            {/* Padding outside the layout makes a 44 px tall target of the one-line link. */}
            <Link href="/tournaments/" className="-my-2.5 inline-block py-2.5 text-sm text-emerald-400 hover:underline">
              ← All tournaments
            </Link>
            <div className="mt-1 flex flex-wrap items-center gap-3">
              <h1 className="min-w-0 text-3xl font-bold text-white wrap-anywhere" data-testid="tournament-name">
                {tournament.name}
              </h1>
              <TournamentStatusBadge status={tournament.status} size="large" testId="tournament-status" />
            </div>
          </div>
          <ConnectionIndicator connection={connection} error={channelError} />
        </div>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          <Fact label="Creator">
            <Link href={`/users/${tournament.creator}/`} className="-my-2.5 inline-block py-2.5 hover:underline">
              {tournament.creator}
            </Link>
          </Fact>
          <Fact label="Players" testId="tournament-player-count">
            {tournament.players.length}/{tournament.max_players}
          </Fact>
          <Fact label="Points to win">{tournament.points_to_win}</Fact>
          <Fact label="Round">{tournament.current_round > 0 ? tournament.current_round : "—"}</Fact>
        </dl>
        {/* Always present, so that the notice appearing in it is announced. */}
        <div role="status">
          <YourMatchNotice tournament={tournament} viewer={viewer} />
        </div>
        <ActionBar tournament={tournament} viewer={viewer} pending={pending} error={actionError} onAction={runAction} />
      </header>

      <ResultBanner tournament={tournament} />

      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="bracket-title" className="min-w-0 space-y-4 lg:col-span-2">
          <h2 id="bracket-title" className="text-sm font-semibold uppercase tracking-wider text-slate-400">
            Bracket
          </h2>
          <Bracket tournament={tournament} viewer={viewer} />
          <RoundPairings tournament={tournament} viewer={viewer} />
        </section>
        <PlayersList tournament={tournament} viewer={viewer} />
      </div>
    </div>
  );
}
