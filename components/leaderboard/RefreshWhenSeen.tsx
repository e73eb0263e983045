"use client";
// Keeps a server-rendered page current without a socket: it is rendered again when the player
// comes back to the tab, and every minute while they look at it.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

const EVERY_MS = 60_000;

export function RefreshWhenSeen() {
  const router = useRouter();
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === "visible") router.refresh();
    };
    const timer = setInterval(refresh, EVERY_MS);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [router]);
  return null;
}
