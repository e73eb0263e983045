// A match's replay, for anyone with the link (a finished match's; a live one is watched on its match page).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReplayView } from "@/components/replay/ReplayView";
import { buttonClass } from "@/components/ui/Button";
import { appContext } from "@/lib/app/context";
import { tickFromParam } from "@/lib/client/replay-player";
import { isOverStatus } from "@/lib/domain/lists";
import { idParam } from "@/lib/transport/http/params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ matchId: string }>; searchParams: Promise<{ t?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const matchId = idParam((await params).matchId);
  return { title: matchId === null ? "Page not found" : `Replay of match ${matchId}` };
}

export default async function ReplayPage({ params, searchParams }: Props) {
  const matchId = idParam((await params).matchId);
  if (matchId === null) notFound();
  const match = await appContext().matchRows.find(matchId);
  if (!match?.player2) notFound();
  if (!isOverStatus(match.status)) {
    return (
      <section className="mx-auto max-w-md rounded-xl border border-slate-800 bg-slate-900 p-8 text-center">
        <h1 className="text-xl font-bold text-white">This match is still being played</h1>
        <p className="mt-2 text-slate-300">Its replay is here once it is over. Meanwhile you can watch it live and rewind.</p>
        <Link href={`/match/${matchId}/`} className={buttonClass({ className: "mt-6" })}>
          Watch live
        </Link>
      </section>
    );
  }
  const { t } = await searchParams;
  return <ReplayView matchId={matchId} names={{ player1: match.player1.username, player2: match.player2.username }} initialTick={tickFromParam(typeof t === "string" ? t : null)} />;
}
