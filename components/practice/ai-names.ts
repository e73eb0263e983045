// How pages name the AI: its system users are ai_level_<n> (usernames follow the usual rules);
// pages show "AI · level n" and a word for each level.
import type { AiLevel } from "@/lib/domain/lists";

export const AI_LEVEL_NAMES: Record<AiLevel, string> = { 1: "Beginner", 2: "Casual", 3: "Club player", 4: "Strong", 5: "Expert" };

export const aiDisplayName = (level: number) => `AI · level ${level}`;
