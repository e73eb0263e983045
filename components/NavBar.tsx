import Link from "next/link";
import type { SessionUser } from "@/lib/transport/http/auth";
import { Avatar } from "./Avatar";
import { LogoutButton } from "./LogoutButton";
import { buttonClass } from "./ui/Button";

const linkClass = "rounded-md px-3 py-1.5 text-sm text-slate-300 hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-emerald-400";

export function NavBar({ user }: { user: SessionUser | null }) {
  return (
    <header className="border-b border-slate-800 bg-slate-900/80 backdrop-blur">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center gap-1 px-3 py-3 sm:gap-2 sm:px-4">
        <Link href="/" className="mr-1 flex shrink-0 items-center gap-2 text-lg font-extrabold tracking-tight text-white sm:mr-2">
          <span aria-hidden className="inline-block h-5 w-1.5 rounded-sm bg-emerald-400" />
          Online Pong
        </Link>
        <Link href="/users/" className={linkClass}>
          Players
        </Link>
        <div className="ml-auto flex items-center gap-1">
          {user ? (
            <>
              <Link href={`/users/${user.name}/`} className={`${linkClass} flex items-center gap-2`} aria-label={`Your profile (${user.name})`}>
                <Avatar username={user.name} size="sm" />
                <span className="hidden sm:inline" data-testid="nav-username">
                  {user.name}
                </span>
              </Link>
              <LogoutButton />
            </>
          ) : (
            <>
              <Link href="/login/" className={linkClass}>
                Log in
              </Link>
              <Link href="/register/" className={buttonClass({ size: "sm" })}>
                Sign up
              </Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
