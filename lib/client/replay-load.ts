// Fetches a match's replay (GET /game/matches/<id>/replay/), checks it (decodeRecording) and
// re-simulates it once into a timeline the viewer seeks in.
import { decodeRecording, resimulate, type Timeline } from "../domain/replay";
import { getJson, isObject } from "./api";

export type LoadedReplay = { ok: true; timeline: Timeline; live: boolean } | { ok: false; message: string };

export async function loadReplay(matchId: number): Promise<LoadedReplay> {
  const answer = await getJson(`/game/matches/${matchId}/replay/`, isObject);
  if (!answer.ok) {
    if (answer.error?.code === "no_replay") return { ok: false, message: "This match has no replay: it was never played." };
    return { ok: false, message: answer.error?.message ?? "The replay could not be loaded. Check your connection and try again." };
  }
  const decoded = decodeRecording(answer.data);
  if (!decoded.ok) return { ok: false, message: `This replay cannot be shown: ${decoded.error}` };
  const live = "live" in answer.data && answer.data.live === true;
  return { ok: true, timeline: resimulate(decoded.replay), live };
}
