// A flood of refused paddle moves from a spectator: the socket is cut off, and another match
// keeps getting its states meanwhile. The message budgets are at their defaults here.
import { describe, expect, it } from "vitest";
import { backends } from "../helpers/backends";
import { emitAck, joinMatch, nextState, playingDuel, suiteServer, type OnlineUser } from "../helpers/protocol";

const FLOOD = 20_000;

describe.each(backends)("flood on $name", (backend) => {
  const { user } = suiteServer(backend, { POINTS_TO_WIN: "21", SOCKET_MAX_MOVES: "60", SOCKET_MAX_EVENTS: "20", SOCKET_FLOOD_MS: "3000" });

  it("cuts off a spectator flooding refused paddle moves, while another match keeps its states", async () => {
    const [a1, a2, b1, b2, flooder] = (await Promise.all(["a1", "a2", "b1", "b2", "flooder"].map((name) => user(name)))) as [OnlineUser, OnlineUser, OnlineUser, OnlineUser, OnlineUser];
    const floodedMatch = await playingDuel(a1, a2);
    await playingDuel(b1, b2);
    expect((await joinMatch(flooder, floodedMatch)).role).toBe("spectator");

    let statesDuringFlood = 0;
    const countState = () => void statesDuringFlood++;
    const told = new Promise<{ code: string; message: string }>((resolve) => flooder.game.on("error", (error: { code: string; message: string }) => error.code === "too_many_messages" && resolve(error)));
    const disconnected = new Promise<string>((resolve) => flooder.game.once("disconnect", resolve));

    const startedAt = performance.now();
    b1.game.on("game_state", countState);
    // In chunks, yielding between them, so this process goes on receiving the other match's states.
    for (let index = 0; index < FLOOD; index++) {
      flooder.game.emit("player1_position", { type: "player1_position", position: index % 500, direction: 1 });
      if (index % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await told).toMatchObject({ message: expect.stringContaining("too many messages") });
    expect(await disconnected).toBe("io server disconnect");
    const cutOffAfterMs = performance.now() - startedAt;
    // The other match still plays: states keep coming after the cut-off too.
    const before = statesDuringFlood;
    await nextState(b1.game, () => true);
    await nextState(b1.game, () => true);
    b1.game.off("game_state", countState);
    expect(statesDuringFlood).toBeGreaterThan(before);
    console.log(`flood on ${backend.name}: ${FLOOD} moves sent, cut off after ${cutOffAfterMs.toFixed(0)} ms; the other match got ${statesDuringFlood} states meanwhile`);
  });

  it("answers the acknowledgement of a message dropped over the socket's budget with rate_limited", async () => {
    const sender = await user("eager");
    // 60 at once against a burst of 40: the last ones are over budget.
    const answers = await Promise.all(Array.from({ length: 60 }, () => emitAck(sender.game, "leave_match", { type: "leave_match", match_id: 1 })));
    const refusedForRate = answers.filter((answer) => !answer.ok && answer.error.code === "rate_limited");
    expect(refusedForRate.length).toBeGreaterThan(0);
    expect(refusedForRate[0]).toMatchObject({ error: { retry_after: expect.any(Number) } });
    // The others were read and answered for what they are.
    expect(answers.filter((answer) => !answer.ok && answer.error.code === "bad_state").length).toBeGreaterThan(0);
  });
});
