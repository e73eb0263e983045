import type { Metadata } from "next";
import { Button } from "@/components/ui/Button";
import { UserList } from "@/components/UserList";
import { appContext } from "@/lib/app/context";

export const metadata: Metadata = { title: "Players" };
export const dynamic = "force-dynamic";

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).q;
  const query = typeof raw === "string" ? raw.slice(0, 40) : "";
  const users = await appContext().users.list(query);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold text-white">Players</h1>
        <form role="search" action="/users/" className="flex w-full gap-2 sm:w-auto">
          <label htmlFor="q" className="sr-only">
            Search players
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query}
            placeholder="Search by username"
            className="min-h-11 min-w-0 flex-1 rounded-md border border-slate-700 bg-slate-900 px-3 py-2 text-white placeholder:text-slate-500 focus:outline-none focus:ring-2 focus:ring-emerald-400 sm:w-64"
          />
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
      </div>
      <UserList users={users} emptyText={query ? `No player matches "${query}".` : "No players yet."} />
    </div>
  );
}
