"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <section className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-bold text-white">Something went wrong</h1>
      <p className="mt-2 text-slate-400">The server could not complete this page. Try again in a moment.</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-700">
        Try again
      </button>
    </section>
  );
}
