"use client";
import { signOut } from "next-auth/react";
import { useState } from "react";

export function LogoutButton({ className }: { className: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/" });
      }}
      className={`${className} disabled:opacity-50`}
    >
      {pending ? "Logging out…" : "Log out"}
    </button>
  );
}
