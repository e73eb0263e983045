"use client";
// The original client linked duels as `#/duel/<user_id>`: such a URL on any page leads to the duel page.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function HashRedirect() {
  const router = useRouter();
  useEffect(() => {
    const follow = () => {
      const match = /^#\/duel\/(\d+)\/?$/.exec(window.location.hash);
      if (match) router.replace(`/duel/${match[1]}/`);
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [router]);
  return null;
}
