import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { seriousViolations } from "./screens";

export { expect };
export { SCREENS, type ScreenName } from "./screens";

/** Chromium logs this when an endpoint answers 4xx to a user action (a taken name, a wrong password): expected. */
const EXPECTED_REFUSAL = /^Failed to load resource: the server responded with a status of 4\d\d\b/;

/** Collects every console error and uncaught page error of the context's pages, and every CSP report. */
function watchConsole(context: BrowserContext, problems: string[]): void {
  context.on("console", (message) => {
    const text = message.text();
    const violation = /Content Security Policy|Refused to/i.test(text);
    if (violation || (message.type() === "error" && !EXPECTED_REFUSAL.test(text))) problems.push(`${message.type()}: ${text} (${message.location().url})`);
  });
  context.on("weberror", (error) => problems.push(`page error: ${error.error().message}`));
}

/**
 * Every spec's `test`: `page` and the pages of `newPage(options?)` (each in a context of its own, i.e.
 * another user, e.g. on one of the `SCREENS`) fail the test on any console error, uncaught page error or Content Security Policy
 * violation once it ends.
 */
export const test = base.extend<{ newPage: (options?: BrowserContextOptions) => Promise<Page>; consoleProblems: string[] }>({
  consoleProblems: async ({}, provide) => {
    const problems: string[] = [];
    await provide(problems);
    expect(problems, "console errors or CSP violations").toEqual([]);
  },
  context: async ({ context, consoleProblems }, provide) => {
    watchConsole(context, consoleProblems);
    await provide(context);
  },
  newPage: async ({ browser, consoleProblems }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (options) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      watchConsole(context, consoleProblems);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export const PASSWORD = "correct-horse-battery";

export function uniqueName(base: string): string {
  return `${base}_${randomBytes(3).toString("hex")}`;
}

/** Registers through the form; ends logged in, on the lobby. */
export async function registerViaUi(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto("/register/");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("lobby-username")).toHaveText(username);
}

/** A new player signed up on `page` (a fresh name from `base`), seen online in their lobby: ready to challenge or be challenged. */
export async function onlinePlayer(page: Page, base: string): Promise<{ page: Page; username: string }> {
  const username = uniqueName(base);
  await registerViaUi(page, username);
  await expect(page.getByTestId("online-list")).toContainText(username);
  return { page, username };
}

/**
 * Both players on the match page press Ready, then `first` holds ← until the match is over: the
 * ball keeps getting past one of the paddles until someone has POINTS_TO_WIN. Ends with both
 * pages showing the result.
 */
export async function playToTheEnd(first: Page, second: Page): Promise<void> {
  for (const page of [first, second]) await page.getByRole("button", { name: "Ready" }).click();
  await expect(first.getByTestId("match-status")).toContainText(/playing/i, { timeout: 15_000 });
  await first.locator("canvas").click();
  await first.keyboard.down("ArrowLeft");
  await expect(first.getByTestId("match-result")).toBeVisible({ timeout: 150_000 });
  await first.keyboard.up("ArrowLeft");
  await expect(second.getByTestId("match-result")).toBeVisible();
}

export async function loginViaUi(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto("/login/");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

export async function logoutViaUi(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log in" })).toBeVisible();
}

/**
 * Fails with the rule, impact and nodes of every serious or critical WCAG 2.1 A/AA violation axe-core
 * finds on the page as it is now (`state` names it in the message, e.g. "lobby with a dialog open").
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const serious = (await seriousViolations(page)).map(
    (violation) => `${violation.impact} ${violation.id}: ${violation.help}\n${violation.nodes.map((node) => `    ${node.target.join(" ")}: ${node.failureSummary ?? ""}`).join("\n")}`,
  );
  expect(serious, `axe on ${state}`).toEqual([]);
  // Reflow (WCAG 1.4.10): nothing wider than the screen. A phone would zoom the whole page out to fit it.
  const width = page.viewportSize()?.width;
  if (width !== undefined) expect(await page.evaluate(() => document.documentElement.scrollWidth), `page width on ${state}`).toBeLessThanOrEqual(width);
}
