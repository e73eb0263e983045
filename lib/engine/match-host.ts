// The services' MatchHost (lib/app/ports.ts), on this process's match runner and the store.
import type { MatchHost } from "../app/ports";
import { keys } from "../infra/store/keys";
import type { LiveStore } from "../infra/store/types";
import type { MatchRunner } from "./match-runner";
import { saveNewMatch } from "./match-store";

export function runnerMatchHost(runner: MatchRunner, store: LiveStore): MatchHost {
  return {
    open: (match) => saveNewMatch(store, match),
    ensureRunning: (matchId) => runner.ensureRunning(matchId),
    isLive: async (matchId) => (await store.get(keys.matchState(matchId))) !== null,
    forfeit: async (matchId, slot, reason) => void (await runner.dispatch(matchId, { kind: "forfeit", slot, reason })),
    stats: () => runner.stats(),
  };
}
