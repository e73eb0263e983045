import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/Button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <section className="mx-auto max-w-md py-16 text-center">
      <p className="font-mono text-6xl font-extrabold text-emerald-400">404</p>
      <h1 className="mt-4 text-2xl font-bold text-white">Page not found</h1>
      <p className="mt-2 text-slate-300">The ball went out of bounds: there is nothing at this address.</p>
      <Link href="/" className={buttonClass({ variant: "secondary", className: "mt-6" })}>
        Back to the lobby
      </Link>
    </section>
  );
}
