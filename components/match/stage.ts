// The match and replay stages fill the window below what is above them (the nav): their height
// reads --stage-top, measured here and again whenever the window changes size.
export function measureStageTop(stage: HTMLElement): () => void {
  const measure = () => stage.style.setProperty("--stage-top", `${Math.round(stage.getBoundingClientRect().top + window.scrollY)}px`);
  measure();
  window.addEventListener("resize", measure);
  return () => window.removeEventListener("resize", measure);
}
