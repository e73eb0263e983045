// The services' MatchHost (lib/app/ports.ts), on this process's match runner and the store.
import type { MatchHost } from "../app/ports";
import { keys } from "../infra/store/keys";
import type { LiveStore } from "../infra/store/types";
import type { MatchRunner } from "./match-runner";
import { loadRecording, readSnapshot, saveNewMatch } from "./match-store";
import { isOver } from "../domain/game/lifecycle";
import { encodeRecording } from "../domain/replay";

export function runnerMatchHost(runner: MatchRunner, store: LiveStore): MatchHost {
  return {
    open: (match) => saveNewMatch(store, match),
    ensureRunning: (matchId) => runner.ensureRunning(matchId),
    isLive: async (matchId) => (await store.get(keys.matchState(matchId))) !== null,
    forfeit: async (matchId, slot, reason) => void (await runner.dispatch(matchId, { kind: "forfeit", slot, reason })),
    stats: () => runner.stats(),
    async liveReplay(matchId) {
      const snapshot = await readSnapshot(store, matchId);
      if (!snapshot || isOver(snapshot.match)) return null;
      const recording = await loadRecording(store, matchId, snapshot.recording);
      return recording && encodeRecording(recording, snapshot.match.sim);
    },
  };
}
