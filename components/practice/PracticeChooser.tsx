"use client";
// "Practice": five buttons, one per AI level; a click starts an unrated match against that AI
// (POST /game/matches/practice/) and opens it. Shown in the lobby and on the AI's profiles.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { AI_LEVELS, type AiLevel } from "@/lib/domain/lists";
import { hasField, isNumber, NETWORK_FAILURE, postJson } from "@/lib/client/api";
import { AI_LEVEL_NAMES } from "./ai-names";

const hasMatchId = hasField("match_id", isNumber);

export function PracticeChooser({ current }: { current?: AiLevel }) {
  const router = useRouter();
  const [starting, setStarting] = useState<AiLevel | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async (level: AiLevel) => {
    setStarting(level);
    setError(null);
    const result = await postJson("/game/matches/practice/", { level }, hasMatchId);
    if (result.ok) {
      // Stays "Starting…" until the match page replaces this one.
      router.push(`/match/${result.data.match_id}/`);
      return;
    }
    setStarting(null);
    setError(result.status === NETWORK_FAILURE ? "Could not reach the server. Check your connection and try again." : (result.error?.message ?? "The practice match could not start. Try again."));
  };

  return (
    <div data-testid="practice-chooser">
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-5" aria-label="AI levels">
        {AI_LEVELS.map((level) => (
          <li key={level} className={level === 5 ? "col-span-2 sm:col-span-1" : undefined}>
            <button
              type="button"
              onClick={() => void start(level)}
              disabled={starting !== null}
              aria-current={level === current ? "true" : undefined}
              className={`flex min-h-11 w-full flex-col items-center justify-center rounded-lg border px-3 py-2 text-center transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-400 disabled:cursor-not-allowed disabled:opacity-60 ${
                level === current ? "border-emerald-400 bg-emerald-500/15" : "border-slate-700 bg-slate-800 hover:border-emerald-400 hover:bg-slate-700"
              }`}
            >
              <span className="font-semibold text-white">{starting === level ? "Starting…" : `Level ${level}`}</span>
              <span className="text-xs text-slate-300">{AI_LEVEL_NAMES[level]}</span>
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="mt-2 text-sm text-rose-300">
          {error}
        </p>
      )}
    </div>
  );
}
