import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PADDLE_MAX_SPEED, TICK_SECONDS } from "../game/constants";
import { nextRandom, seedRng } from "../game/rng";
import { createSimulation, movePaddle, step } from "../game/simulation";
import type { PlayerSlot, SimEvent, SimState } from "../game/types";
import { otherSlot } from "../lists";
import { playHeadless, trackBall, type Mover } from "./headless";
import { AI_LEVELS, type AiLevel } from "../lists";
import { AI_LEVEL_SPECS } from "./levels";
import { aiTick, createAi, type AiState } from "./player";

/** One tick's worth of paddle movement: the clamp a human gets at 60 inputs a second. */
const REACH = PADDLE_MAX_SPEED * TICK_SECONDS;
/** The game may round paddle positions (to a 1/16 grid); the AI must not rely on exact floats. */
const ROUNDING = 1 / 16;

/** A game in play, the ball where given, paddles centred. */
function playing(ball: SimState["ball"]): SimState {
  return { ...createSimulation({ pointsToWin: 5, seed: 1 }), phase: "playing", serveTicksLeft: 0, ball };
}

/** An AI mover that records every look and every input it makes, with the paddle it moved. */
function recordingMover(level: AiLevel, slot: PlayerSlot, seed: number) {
  let ai = createAi({ level, slot, seed });
  const lookTicks: number[] = [];
  const inputs: { target: number; from: number }[] = [];
  const mover: Mover = (state) => {
    const decision = aiTick(ai, state.tick, () => {
      lookTicks.push(state.tick);
      return state;
    });
    ai = decision.ai;
    if (decision.target !== null) inputs.push({ target: decision.target, from: state.paddles[slot].x });
    return decision.target;
  };
  return { mover, lookTicks, inputs };
}

function game(level: AiLevel, seed: number, opponent: Mover = trackBall, slot: PlayerSlot = "player2") {
  const ai = recordingMover(level, slot, seed);
  const movers = { [slot]: ai.mover, [otherSlot(slot)]: opponent } as Record<PlayerSlot, Mover>;
  return { ...ai, result: playHeadless(createSimulation({ pointsToWin: 3, seed }), movers, 60 * 60 * 5) };
}

describe("what the AI sees", () => {
  it.each(AI_LEVELS)("level %i looks at the game at most once per view interval, never more than once a second", (level) => {
    const { lookTicks, result } = game(level, 7);
    const every = AI_LEVEL_SPECS[level].viewEveryTicks;
    expect(every).toBeGreaterThanOrEqual(60);
    expect(lookTicks.length).toBeLessThanOrEqual(Math.ceil(result.ticks / every));
    lookTicks.slice(1).forEach((tick, k) => expect(tick - lookTicks[k]!).toBeGreaterThanOrEqual(every));
  });

  it("decides between looks from memory alone: the game is not read", () => {
    fc.assert(
      fc.property(fc.constantFrom(...AI_LEVELS), fc.integer({ min: 0, max: 2 ** 31 }), (level, seed) => {
        let ai = createAi({ level, slot: "player2", seed });
        const state = playing({ x: 120, y: 500, vx: 200, vy: -500 });
        const every = AI_LEVEL_SPECS[level].viewEveryTicks;
        for (let tick = 0; tick < 3 * every; tick += 1) {
          const due = tick % every === 0;
          ai = aiTick(ai, tick, () => {
            if (!due) throw new Error(`looked at tick ${tick}`);
            return state;
          }).ai;
        }
      }),
      { numRuns: 50 },
    );
  });

  it.each(AI_LEVELS)("level %i acts on a look only after its reaction delay", (level) => {
    const { reactionTicks } = AI_LEVEL_SPECS[level];
    // Player 1's paddle is centred; the ball comes straight at its left side.
    const state = playing({ x: 150, y: 400, vx: 0, vy: 300 });
    let ai: AiState = createAi({ level, slot: "player1", seed: 3 });
    const targets: (number | null)[] = [];
    for (let tick = 0; tick <= reactionTicks; tick += 1) {
      const decision = aiTick(ai, tick, () => state);
      ai = decision.ai;
      targets.push(decision.target);
    }
    expect(targets.slice(0, reactionTicks).every((target) => target === null)).toBe(true);
    expect(targets[reactionTicks]).toBeLessThan(300);
  });
});

describe("how fast the AI moves", () => {
  it("never asks for more than one tick of paddle movement, so the clamp never has to cut", () => {
    fc.assert(
      fc.property(fc.constantFrom(...AI_LEVELS), fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom<PlayerSlot>("player1", "player2"), (level, seed, slot) => {
        const { inputs } = game(level, seed, trackBall, slot);
        expect(inputs.length).toBeGreaterThan(0);
        for (const { target, from } of inputs) {
          expect(Math.abs(target - from)).toBeLessThanOrEqual(REACH * AI_LEVEL_SPECS[level].speed + ROUNDING);
          const moved = movePaddle({ x: from, direction: 0, score: 0 }, target, 0, TICK_SECONDS).x;
          expect(Math.abs(moved - target)).toBeLessThanOrEqual(ROUNDING);
        }
      }),
      { numRuns: 20 },
    );
  });

  it("sends no input when it has nowhere to go", () => {
    const state = createSimulation({ pointsToWin: 5, seed: 1 }); // serving: the AI waits at the centre, where it already is
    let ai = createAi({ level: 5, slot: "player2", seed: 1 });
    for (let tick = 0; tick < 30; tick += 1) {
      const decision = aiTick(ai, tick, () => state);
      ai = decision.ai;
      expect(decision.target).toBeNull();
    }
  });
});

describe("how well the AI plays", () => {
  it("level 5 meets a ball it saw once, through two wall bounces, where it crosses its line", () => {
    let state = playing({ x: 300, y: 700, vx: 1150, vy: -700 });
    let ai = createAi({ level: 5, slot: "player2", seed: 4 });
    const events: SimEvent[] = [];
    for (let tick = 0; tick < 60 && state.ball.vy < 0; tick += 1) {
      const seen = state;
      const decision = aiTick(ai, tick, () => {
        if (tick > 0) throw new Error("looked twice");
        return seen;
      });
      ai = decision.ai;
      const paddle = state.paddles.player2;
      const moved = movePaddle(paddle, decision.target ?? paddle.x, 0, TICK_SECONDS);
      const result = step({ ...state, paddles: { ...state.paddles, player2: moved } }, TICK_SECONDS);
      events.push(...result.events);
      state = result.state;
    }
    expect(events.map((event) => event.type)).toEqual(["wall_bounce", "wall_bounce", "paddle_hit"]);
  });

  it("level 5 returns most balls against the tracker, level 1 clearly fewer", () => {
    const returnRate = (level: AiLevel) => {
      let hits = 0;
      let missed = 0;
      for (let seed = 0; seed < 6; seed += 1) {
        const { result } = game(level, seed);
        hits += result.hits.player2;
        missed += result.state.paddles.player1.score;
      }
      return hits / (hits + missed);
    };
    const top = returnRate(5);
    expect(top).toBeGreaterThan(0.8);
    expect(returnRate(1)).toBeLessThan(top - 0.1);
  });

  it("does not rely on exact paddle positions: still plays on a 1/16 grid with jittery ticks", () => {
    // What a server may do: round paddle positions, and clamp each input to 14–19 ms of movement.
    let hits = 0;
    let missed = 0;
    for (let seed = 0; seed < 4; seed += 1) {
      let state = createSimulation({ pointsToWin: 3, seed });
      let ai = createAi({ level: 5, slot: "player2", seed });
      let jitter = seedRng(seed);
      for (let tick = 0; tick < 60 * 60 * 5 && state.phase !== "over"; tick += 1) {
        const decision = aiTick(ai, state.tick, () => state);
        ai = decision.ai;
        const draw = nextRandom(jitter);
        jitter = draw.state;
        const own = state.paddles.player2;
        const moved = decision.target === null ? own : movePaddle(own, decision.target, 0, (14 + 5 * draw.value) / 1000);
        const paddles = {
          player1: movePaddle(state.paddles.player1, state.ball.x, 0, TICK_SECONDS),
          player2: { ...moved, x: Math.round(moved.x * 16) / 16 },
        };
        const result = step({ ...state, paddles }, TICK_SECONDS);
        hits += result.events.filter((event) => event.type === "paddle_hit" && event.player === "player2").length;
        missed += result.events.filter((event) => event.type === "point" && event.scorer === "player1").length;
        state = result.state;
      }
    }
    expect(hits / (hits + missed)).toBeGreaterThan(0.8);
  });
});

describe("the AI's state", () => {
  it("plays the same game from the same seed", () => {
    const first = game(4, 11);
    const second = game(4, 11);
    expect(second.result).toEqual(first.result);
    expect(second.inputs).toEqual(first.inputs);
  });

  it("errs differently from another seed", () => {
    expect(game(4, 12).inputs).not.toEqual(game(4, 11).inputs);
  });

  it("goes through JSON at every tick (a snapshot, another process) without changing a thing", () => {
    const plain = game(5, 21).inputs;
    let ai = createAi({ level: 5, slot: "player2", seed: 21 });
    const inputs: { target: number; from: number }[] = [];
    const travelling: Mover = (state) => {
      const decision = aiTick(JSON.parse(JSON.stringify(ai)) as AiState, state.tick, () => state);
      ai = decision.ai;
      if (decision.target !== null) inputs.push({ target: decision.target, from: state.paddles.player2.x });
      return decision.target;
    };
    playHeadless(createSimulation({ pointsToWin: 3, seed: 21 }), { player1: trackBall, player2: travelling }, 60 * 60 * 5);
    expect(inputs).toEqual(plain);
  });
});
