import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { Avatar } from "@/components/Avatar";
import { currentUser } from "@/lib/transport/http/auth";
import { idParam } from "@/lib/transport/http/params";
import { appContext } from "@/lib/app/context";
import { DuelButton } from "./DuelButton";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ userId: string }> };

/** The player the address names, shared by the metadata and the page within one request. */
const findTarget = cache(async (rawId: string) => {
  const id = idParam(rawId);
  return id === null ? null : appContext().users.findById(id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const target = await findTarget((await params).userId);
  return { title: target ? `Duel ${target.username}` : "Page not found" };
}

export default async function DuelPage({ params }: Props) {
  const target = await findTarget((await params).userId);
  if (!target) notFound();
  const viewer = await currentUser();
  if (!viewer) redirect(`/login/?callbackUrl=${encodeURIComponent(`/duel/${target.id}/`)}`);

  return (
    <section className="mx-auto max-w-md rounded-xl border border-slate-800 bg-slate-900 p-8 text-center">
      <div className="flex justify-center">
        <Avatar username={target.username} size="lg" />
      </div>
      <h1 className="mt-4 text-2xl font-bold text-white" data-testid="duel-target">
        Duel {target.username}
      </h1>
      {target.id === viewer.id ? (
        <p className="mt-2 text-slate-400">You cannot challenge yourself.</p>
      ) : (
        <>
          <p className="mt-2 text-slate-400">Challenge {target.username} to a real-time Pong duel. They have a little while to accept.</p>
          <DuelButton target={target.username} />
        </>
      )}
      <Link href={`/users/${target.username}/`} className="mt-4 inline-flex min-h-11 items-center text-emerald-400 hover:underline">
        Back to {target.username}&apos;s profile
      </Link>
    </section>
  );
}
