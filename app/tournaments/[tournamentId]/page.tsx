import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { currentUser } from "@/lib/transport/http/auth";
import { idParam } from "@/lib/transport/http/params";
import { appContext } from "@/lib/app/context";
import { TournamentView } from "./TournamentView";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tournamentId: string }> };

/** Shared by the metadata and the page within one request. Null for a bad or unknown id. */
const loadTournament = cache(async (rawId: string) => {
  const id = idParam(rawId);
  return id === null ? null : appContext().tournaments.json(id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tournament = await loadTournament((await params).tournamentId);
  return { title: tournament ? tournament.name : "Page not found" };
}

export default async function TournamentPage({ params }: Props) {
  const [tournament, viewer] = await Promise.all([loadTournament((await params).tournamentId), currentUser()]);
  if (!tournament) notFound();
  return (
    <TournamentView
      // Another tournament is another page: start from a clean slate and a fresh socket.
      key={tournament.tournament_id}
      initial={tournament}
      viewer={viewer ? { id: viewer.id, name: viewer.name } : null}
    />
  );
}
