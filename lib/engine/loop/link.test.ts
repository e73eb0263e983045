import { afterEach, describe, expect, it } from "vitest";
import { createLiveMatch } from "../../domain/game/lifecycle";
import type { GameData, GameStateMessage } from "../../protocol/game";
import { startLoopThread, type LoopLink } from "./link";
import type { FromLoop, LoopStats } from "./protocol";
import type { CommandResult, HandoverSnapshot } from "./match-loop";

const snapshot = (matchId: number) => ({
  match: createLiveMatch({ matchId, player1: { id: 1, username: "alice" }, player2: { id: 2, username: "bob" }, pointsToWin: 5, registerTimeoutMs: 30_000, reconnectGraceMs: 15_000, pauseBudgetMs: 60_000 }, Date.now()),
  seq: 0,
  connected: { player1: true, player2: true },
  spectators: 0,
  recording: null,
});

describe("simulation thread", () => {
  let link: LoopLink | undefined;
  afterEach(async () => link?.close());

  it("steps the matches it is given on its own thread, applies commands in order and answers requests", async () => {
    const messages: FromLoop[] = [];
    let waiter: (() => void) | undefined;
    link = startLoopThread(
      (message) => {
        messages.push(message);
        waiter?.();
      },
      (error) => {
        throw error;
      },
    );
    const broadcasts = () => messages.flatMap((message) => message.events).filter((event) => event.kind === "broadcast");
    const untilBroadcasts = (count: number) =>
      new Promise<void>((resolve) => {
        waiter = () => broadcasts().length >= count && resolve();
        waiter();
      });

    link.send({ op: "add", match: snapshot(5) });
    // A waiting match is broadcast 4 times a second by the thread's own clock.
    await untilBroadcasts(2);
    const refused = await link.request<CommandResult>({ op: "command", matchId: 5, command: { kind: "ready", slot: "player1" }, at: Date.now() });
    expect(refused).toMatchObject({ ok: false, error: "bad_state" });
    link.send({ op: "command", matchId: 5, command: { kind: "register", slot: "player2" }, at: Date.now() });
    const state = await link.request<GameData>({ op: "state", matchId: 5 });
    expect(state).toMatchObject({ match_id: 5, status: "waiting", player2: { registered: true } });
    const last = broadcasts().at(-1);
    expect(last?.kind === "broadcast" && (JSON.parse(last.message) as GameStateMessage).game_state.player2.registered).toBe(true);
    const stats = await link.request<LoopStats>({ op: "stats" });
    expect(stats.ticks).toBeGreaterThan(0);
    expect(stats.lateness.samples).toBe(stats.ticks);

    const handed = await link.request<HandoverSnapshot[]>({ op: "handover" });
    expect(handed.map(({ matchId }) => matchId)).toEqual([5]);
    const ticksAtHandover = (await link.request<LoopStats>({ op: "stats" })).ticks;
    expect(await link.request<LoopStats>({ op: "stats" })).toMatchObject({ ticks: ticksAtHandover, ticksPerMinute: 0 });
  });
});
