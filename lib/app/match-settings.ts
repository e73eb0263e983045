// What every new match gets from the settings.
import type { Env } from "../env";

export function matchTimeouts(config: Env): { registerTimeoutMs: number; reconnectGraceMs: number; pauseBudgetMs: number } {
  return { registerTimeoutMs: config.REGISTER_TIMEOUT_MS, reconnectGraceMs: config.RECONNECT_GRACE_MS, pauseBudgetMs: config.PAUSE_BUDGET_MS };
}
