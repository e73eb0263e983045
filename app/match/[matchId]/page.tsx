import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/transport/http/auth";
import { idParam } from "@/lib/transport/http/params";
import { appContext } from "@/lib/app/context";
import { AI_LEVELS, asForfeitReason, isOverStatus } from "@/lib/domain/lists";
import { MatchView, type StoredResult } from "./MatchView";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ matchId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const matchId = idParam((await params).matchId);
  return { title: matchId === null ? "Page not found" : `Match ${matchId}` };
}

export default async function MatchPage({ params }: Props) {
  const matchId = idParam((await params).matchId);
  if (matchId === null) notFound();

  const viewer = await currentUser();
  if (!viewer) redirect(`/login/?callbackUrl=/match/${matchId}/`);

  const match = await appContext().matchRows.find(matchId);
  if (!match) notFound();

  const viewerSlot = match.player1Id === viewer.id ? "player1" : match.player2Id === viewer.id ? "player2" : null;
  // A finished match may no longer be live on the server: its page shows the stored result.
  const result: StoredResult | null = isOverStatus(match.status)
    ? {
        status: match.status === "forfeited" ? "forfeited" : "finished",
        scores: { player1: match.player1Score, player2: match.player2Score },
        winner: match.winner?.username ?? null,
        forfeitReason: asForfeitReason(match.forfeitReason),
      }
    : null;

  // A practice match: its result offers another game at the same level instead of a rematch challenge.
  const ai = match.practice && match.player2Id !== null ? await appContext().users.findById(match.player2Id) : null;
  const practiceLevel = AI_LEVELS.find((level) => level === ai?.aiLevel) ?? null;

  return (
    <MatchView
      // A rematch navigates to another id: start from a clean slate rather than reuse this state.
      key={matchId}
      matchId={matchId}
      viewer={{ id: viewer.id, name: viewer.name }}
      viewerSlot={viewerSlot}
      player1={match.player1.username}
      player2={match.player2?.username ?? null}
      result={result}
      startedBeforeLoad={match.startedAt !== null}
      practiceLevel={practiceLevel}
    />
  );
}
