// Opening a live match, the same for a duel and a tournament match: its live state with the
// settings' timeouts, then its players marked busy (after it is listed live: see dropStaleBusyMarks).
import type { NewMatch } from "../domain/game/lifecycle";
import type { Env } from "../env";
import type { LiveStore } from "../infra/store/types";
import type { MatchHost } from "./ports";
import { markInGame } from "./presence";

export type MatchToOpen = Omit<NewMatch, "registerTimeoutMs" | "reconnectGraceMs" | "pauseBudgetMs">;

export async function openMatch({ host, store, config }: { host: MatchHost; store: LiveStore; config: Env }, match: MatchToOpen): Promise<void> {
  await host.open({ ...match, registerTimeoutMs: config.REGISTER_TIMEOUT_MS, reconnectGraceMs: config.RECONNECT_GRACE_MS, pauseBudgetMs: config.PAUSE_BUDGET_MS });
  // The AI is never busy: it plays any number of practice matches at once.
  await markInGame(store, match.aiLevel === undefined ? [match.player1.id, match.player2.id] : [match.player1.id], match.matchId);
}
