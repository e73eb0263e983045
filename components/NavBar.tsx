import Link from "next/link";
import type { RatingSummary } from "@/lib/app/repos/users";
import { formatRating } from "@/lib/domain/rating/stats";
import type { SessionUser } from "@/lib/transport/http/auth";
import { NavMenu } from "./NavMenu";

/** `rating`: the user's own, read by the layout with the page. */
export function NavBar({ user, rating }: { user: SessionUser | null; rating: RatingSummary | null }) {
  return (
    // relative: the phone menu's panel hangs below it.
    <header className="relative border-b border-slate-800 bg-slate-900/80 backdrop-blur">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center gap-1 px-2 py-1.5 sm:px-4">
        <Link
          href="/"
          className="mr-1 flex min-h-11 shrink-0 items-center gap-2 rounded-md px-1 text-lg font-extrabold tracking-tight whitespace-nowrap text-white focus-visible:outline-2 focus-visible:outline-emerald-400 md:mr-2"
        >
          <span aria-hidden className="inline-block h-5 w-1.5 rounded-sm bg-emerald-400" />
          {/* Below desktop widths there is no room beside Play now and the rating: "Pong" shows, the name stays whole. */}
          <span className="max-lg:sr-only">Online </span>Pong
        </Link>
        <NavMenu user={user ? { name: user.name, rating: rating && formatRating(rating.value, rating.provisional) } : null} />
      </nav>
    </header>
  );
}
