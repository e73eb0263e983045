"use client";
// The nav's links, marked where the viewer is. From md up they sit in one row; on phones they fold
// into a "Menu" disclosure so that the bar stays one row of 44 px targets.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Avatar } from "./Avatar";
import { MenuIcon } from "./icons";
import { LogoutButton } from "./LogoutButton";
import { buttonClass } from "./ui/Button";

const LINKS = [
  { href: "/", label: "Play" },
  { href: "/tournaments/", label: "Tournaments" },
  { href: "/leaderboard/", label: "Leaderboard" },
  { href: "/users/", label: "Players" },
];

const navItemClass =
  "flex min-h-11 items-center gap-2 rounded-md px-3 text-sm whitespace-nowrap text-slate-300 hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-emerald-400 aria-[current]:bg-slate-800 aria-[current]:text-white";

/** "page" on the link's own page, "true" inside its section (a tournament under Tournaments). */
function currentFor(href: string, pathname: string): "page" | "true" | undefined {
  if (pathname === href) return "page";
  return href !== "/" && pathname.startsWith(href) ? "true" : undefined;
}

function NavLinks({ pathname, className, id }: { pathname: string; className: string; id?: string }) {
  return (
    <ul id={id} className={className}>
      {LINKS.map((link) => (
        <li key={link.href}>
          <Link href={link.href} aria-current={currentFor(link.href, pathname)} className={navItemClass}>
            {link.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** `rating`: the player's own, as shown ("1512", "1500?"); null if the account is gone. */
export function NavMenu({ user }: { user: { name: string; rating: string | null } | null }) {
  const pathname = usePathname();
  // The page the menu was opened on: following a link (a new pathname) closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      const outside = event instanceof PointerEvent && !panelRef.current?.contains(event.target as Node) && !buttonRef.current?.contains(event.target as Node);
      if (outside) setOpenOn(null);
      // Escape is the menu's only while focus is in it: elsewhere (a dialog, the chat) it is not ours.
      const inMenu = panelRef.current?.contains(document.activeElement) || buttonRef.current === document.activeElement;
      if (event instanceof KeyboardEvent && event.key === "Escape" && inMenu) {
        setOpenOn(null);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const profile = user ? `/users/${user.name}/` : null;
  return (
    <>
      <NavLinks pathname={pathname} className="hidden items-center gap-1 md:flex" />
      <div className="ml-auto flex items-center gap-1">
        {user && profile ? (
          <>
            {/* Quick pairing's "Play now" (components/realtime/QuickPlay.tsx) renders here. */}
            <div id="nav-quick-play" className="contents" />
            <Link href={profile} aria-current={pathname === profile ? "page" : undefined} title="Your profile" className={`${navItemClass} min-w-11 justify-center px-1.5 md:px-3`}>
              <Avatar username={user.name} size="sm" />
              {/* The link's name is the visible name; below desktop widths only the avatar shows. */}
              <span className="sr-only lg:not-sr-only" data-testid="nav-username">
                {user.name}
              </span>
              {user.rating !== null && (
                <span className="font-mono text-xs text-slate-300" data-testid="nav-rating">
                  <span className="sr-only">rating </span>
                  {user.rating}
                </span>
              )}
            </Link>
            <div className="hidden md:block">
              <LogoutButton className={navItemClass} />
            </div>
          </>
        ) : (
          <>
            <Link href="/login/" aria-current={pathname === "/login/" ? "page" : undefined} className={navItemClass}>
              Log in
            </Link>
            <Link href="/register/" aria-current={pathname === "/register/" ? "page" : undefined} className={buttonClass({ size: "sm", className: "whitespace-nowrap" })}>
              Sign up
            </Link>
          </>
        )}
      </div>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={open ? "nav-menu" : undefined}
        onClick={() => setOpenOn(open ? null : pathname)}
        className={`${navItemClass} min-w-11 justify-center md:hidden`}
      >
        <MenuIcon open={open} />
        <span className="sr-only">Menu</span>
      </button>
      {open && (
        <div ref={panelRef} className="absolute inset-x-0 top-full z-40 border-b border-slate-800 bg-slate-900 p-2 shadow-xl md:hidden">
          <NavLinks id="nav-menu" pathname={pathname} className="flex flex-col gap-1" />
          {user && <LogoutButton className={`${navItemClass} mt-1 w-full border-t border-slate-800`} />}
        </div>
      )}
    </>
  );
}
