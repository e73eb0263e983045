// The match's optional sounds, synthesized with the Web Audio API (no audio files): a blip for a
// paddle hit, a lower tap for a wall, two notes for a point (rising for the viewer's own, falling
// otherwise). Off by default; the choice is remembered per browser in localStorage.

const STORAGE_KEY = "pong:sound";
const listeners = new Set<() => void>();

export function readSoundOn(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === "on";
  } catch {
    // Storage can be off (privacy settings): sound just stays off.
    return false;
  }
}

export function writeSoundOn(on: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, on ? "on" : "off");
  } catch {}
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore: this tab's changes, and other tabs' through the storage event. */
export function subscribeSoundOn(listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  listeners.add(listener);
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export type SoundCue = "paddle" | "wall" | "score" | "concede";

const TONES: Record<SoundCue, { wave: OscillatorType; notes: number[]; seconds: number; volume: number }> = {
  paddle: { wave: "square", notes: [520], seconds: 0.06, volume: 0.05 },
  wall: { wave: "triangle", notes: [260], seconds: 0.05, volume: 0.08 },
  score: { wave: "triangle", notes: [523, 784], seconds: 0.11, volume: 0.08 },
  concede: { wave: "triangle", notes: [392, 262], seconds: 0.13, volume: 0.08 },
};

export class MatchSound {
  private context: AudioContext | null = null;

  get unlocked(): boolean {
    return this.context !== null;
  }

  /** Only from a user gesture: browsers keep (and warn about) an AudioContext made before one. */
  unlock(): void {
    this.context ??= new AudioContext();
    if (this.context.state === "suspended") void this.context.resume();
  }

  play(cue: SoundCue): void {
    const context = this.context;
    if (!context || context.state !== "running") return;
    const tone = TONES[cue];
    let start = context.currentTime;
    for (const frequency of tone.notes) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = tone.wave;
      oscillator.frequency.value = frequency;
      // A quick decay instead of a hard stop, which would click.
      gain.gain.setValueAtTime(tone.volume, start);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + tone.seconds);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start);
      oscillator.stop(start + tone.seconds);
      start += tone.seconds;
    }
  }

  close(): void {
    void this.context?.close();
    this.context = null;
  }
}
