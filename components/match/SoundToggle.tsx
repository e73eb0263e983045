"use client";
// The match's sound switch and the hook behind it (see lib/client/match-sound.ts).
import { useEffect, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/Button";
import { MatchSound, readSoundOn, subscribeSoundOn, writeSoundOn, type SoundCue } from "@/lib/client/match-sound";

/** Events that give the page a user activation (a touch counts on pointerup, not pointerdown). */
const GESTURES = ["pointerdown", "pointerup", "keydown", "touchend"] as const;

export function useMatchSound() {
  const on = useSyncExternalStore(subscribeSoundOn, readSoundOn, () => false);
  const [sound] = useState(() => new MatchSound());
  useEffect(() => () => sound.close(), [sound]);

  // Sound left on at an earlier visit can only start at this page's first gesture.
  useEffect(() => {
    if (!on || sound.unlocked) return;
    const stop = () => GESTURES.forEach((type) => window.removeEventListener(type, unlock, true));
    function unlock() {
      if (navigator.userActivation && !navigator.userActivation.isActive) return;
      sound.unlock();
      stop();
    }
    GESTURES.forEach((type) => window.addEventListener(type, unlock, true));
    return stop;
  }, [on, sound]);

  return {
    on,
    // The click is the gesture that lets the audio start.
    toggle: () => {
      if (!on) sound.unlock();
      writeSoundOn(!on);
    },
    play: (cue: SoundCue) => {
      if (on) sound.play(cue);
    },
  };
}

export function SoundToggle({ on, onToggle }: { on: boolean; onToggle: () => void }) {
  return (
    <Button variant="secondary" aria-pressed={on} onClick={onToggle} className="gap-2" data-testid="sound-toggle">
      <SpeakerIcon on={on} />
      Sound
    </Button>
  );
}

function SpeakerIcon({ on }: { on: boolean }) {
  return (
    <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" className="h-5 w-5">
      <path d="M3 7.5h3l4-3.5v12l-4-3.5H3z" fill="currentColor" />
      {on ? <path d="M13 7a4 4 0 0 1 0 6M15.5 4.5a7.5 7.5 0 0 1 0 11" /> : <path d="m13 8 4 4m0-4-4 4" />}
    </svg>
  );
}
