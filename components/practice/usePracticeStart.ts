"use client";
// Starting a practice match from the browser: POST /game/matches/practice/, then its page.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { AiLevel } from "@/lib/domain/lists";
import { hasField, isNumber, NETWORK_FAILURE, postJson } from "@/lib/client/api";

const hasMatchId = hasField("match_id", isNumber);

export function usePracticeStart() {
  const router = useRouter();
  const [starting, setStarting] = useState<AiLevel | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async (level: AiLevel) => {
    setStarting(level);
    setError(null);
    const result = await postJson("/game/matches/practice/", { level }, hasMatchId);
    if (result.ok) {
      // Stays "starting" until the match page replaces this one.
      router.push(`/match/${result.data.match_id}/`);
      return;
    }
    setStarting(null);
    setError(result.status === NETWORK_FAILURE ? "Could not reach the server. Check your connection and try again." : (result.error?.message ?? "The practice match could not start. Try again."));
  };

  return { starting, error, start };
}
