// Determinism across JavaScript engines, tested rather than assumed: the replay core, bundled,
// runs in QuickJS (compiled to wasm, with musl's libm behind its Math functions) as well as in
// Node's V8, and both must replay a recorded match to the same bits. Before det-math.ts, the two
// disagreed on Math.hypot for about a third of the ball speeds and on Math.sin or Math.cos for
// about one angle in a hundred: enough for a replay to drift within a rally.
import { build } from "esbuild";
import { getQuickJS } from "quickjs-emscripten";
import { describe, expect, it } from "vitest";
import { encodeRecording } from "./recorder";
import { playSampleMatch } from "./sample-match";

/** What both engines compute, as JSON text (numbers print as their shortest exact form). */
const CHECK = `
import { decodeRecording, resimulate, stateAt } from "./index";
import { detCos, detHypot, detSin } from "../game/det-math";
globalThis.check = (envelopeJson) => {
  const decoded = decodeRecording(JSON.parse(envelopeJson));
  if (!decoded.ok) return decoded.error;
  const timeline = resimulate(decoded.replay);
  const moments = Array.from({ length: 20 }, (_, k) => stateAt(timeline, Math.floor((k * timeline.totalTicks) / 19)));
  const math = Array.from({ length: 5_000 }, (_, k) => {
    const angle = ((k / 2_500) - 1) * Math.PI / 3;
    return [detSin(angle), detCos(angle), detHypot(1_400 * detSin(angle), 420 + k / 7)];
  });
  return JSON.stringify({ final: timeline.final, reached: timeline.reachedRecordedEnd, points: timeline.points, moments, math });
};
`;

async function bundle(): Promise<string> {
  const result = await build({
    stdin: { contents: CHECK, resolveDir: import.meta.dirname, loader: "ts", sourcefile: "check.ts" },
    bundle: true,
    format: "iife",
    target: "es2020",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

async function inQuickJs(code: string, envelopeJson: string): Promise<string> {
  const vm = (await getQuickJS()).newContext();
  try {
    const result = vm.unwrapResult(vm.evalCode(`${code}; globalThis.check(${JSON.stringify(envelopeJson)})`));
    const text = vm.getString(result);
    result.dispose();
    return text;
  } finally {
    vm.dispose();
  }
}

function inV8(code: string, envelopeJson: string): string {
  const scope: { check?: (json: string) => string } = {};
  new Function("globalThis", code)(scope);
  return scope.check!(envelopeJson);
}

describe("replays across JavaScript engines", () => {
  it("replay a recorded match to the same bits in V8 and QuickJS", async () => {
    const { match, recording } = playSampleMatch({ matchId: 31, pointsToWin: 1_000, seed: 8, maxTicks: 2 * 60 * 60 });
    const envelopeJson = JSON.stringify(encodeRecording(recording, match.sim));
    const code = await bundle();
    const v8 = inV8(code, envelopeJson);
    expect(JSON.parse(v8)).toMatchObject({ reached: true, final: { tick: match.sim.tick, ball: match.sim.ball } });
    expect(JSON.parse(v8).points.length).toBeGreaterThan(0);
    expect(await inQuickJs(code, envelopeJson)).toBe(v8);
  }, 30_000);
});
