import Link from "next/link";
import type { PublicUser } from "@/lib/app/repos/users";
import { Avatar } from "./Avatar";

/** `columns="one"` for narrow side panels. */
export function UserList({ users, emptyText, columns = "grid" }: { users: PublicUser[]; emptyText: string; columns?: "one" | "grid" }) {
  if (!users.length) return <p className="rounded-lg border border-dashed border-slate-700 p-6 text-center text-slate-400">{emptyText}</p>;
  return (
    <ul className={`grid gap-2 ${columns === "grid" ? "sm:grid-cols-2 lg:grid-cols-3" : ""}`} data-testid="user-list">
      {users.map((user) => (
        <li key={user.id}>
          <Link
            href={`/users/${user.username}/`}
            className="flex items-center gap-3 rounded-lg border border-slate-800 bg-slate-900 p-3 hover:border-emerald-500/60 hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-emerald-400"
          >
            <Avatar username={user.username} size="sm" />
            <span className="truncate font-medium text-white">{user.username}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
