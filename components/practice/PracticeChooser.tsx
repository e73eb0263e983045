"use client";
// "Practice": five buttons, one per AI level; a click starts an unrated match against that AI
// (POST /game/matches/practice/) and opens it. Shown in the lobby and on the AI's profiles.
import { AI_LEVELS, type AiLevel } from "@/lib/domain/lists";
import { AI_LEVEL_NAMES } from "./ai-names";
import { usePracticeStart } from "./usePracticeStart";

export function PracticeChooser({ current }: { current?: AiLevel }) {
  const { starting, error, start } = usePracticeStart();

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
