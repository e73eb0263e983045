import Link from "next/link";

export default function NotFound() {
  return (
    <section className="mx-auto max-w-md py-16 text-center">
      <p className="font-mono text-6xl font-extrabold text-emerald-400">404</p>
      <h1 className="mt-4 text-2xl font-bold text-white">Page not found</h1>
      <p className="mt-2 text-slate-400">The ball went out of bounds: there is nothing at this address.</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-700">
        Back to the lobby
      </Link>
    </section>
  );
}
