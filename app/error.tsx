"use client";
import { Button } from "@/components/ui/Button";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <section className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-bold text-white">Something went wrong</h1>
      <p className="mt-2 text-slate-300">The server could not complete this page. Try again in a moment.</p>
      <Button variant="secondary" onClick={reset} className="mt-6">
        Try again
      </Button>
    </section>
  );
}
