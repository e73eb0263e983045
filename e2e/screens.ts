// What "works on every screen" and "accessible" mean here, for the end-to-end suite and the page
// audit (scripts/audit/pages.ts) alike.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** A desktop, and a phone held upright and sideways (touch). */
export const SCREENS = {
  desktop: { viewport: { width: 1366, height: 800 } },
  phonePortrait: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
  phoneLandscape: { viewport: { width: 844, height: 390 }, hasTouch: true, isMobile: true },
} as const;
export type ScreenName = keyof typeof SCREENS;

/** axe-core's serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
export async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}
