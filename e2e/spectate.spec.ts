import { expect, test, type Browser, type Page } from "@playwright/test";
import { failOnConsoleErrors, registerViaUi, uniqueName } from "./helpers";

async function newPlayer(browser: Browser, base: string): Promise<{ page: Page; username: string; errors: string[] }> {
  const page = await (await browser.newContext()).newPage();
  const errors = failOnConsoleErrors(page);
  const username = uniqueName(base);
  await registerViaUi(page, username);
  return { page, username, errors };
}

test("a player who leaves and reloads mid-game gets the game back; a spectator from Live now sees the score and the pause", async ({ browser }) => {
  test.setTimeout(120_000);
  const ann = await newPlayer(browser, "ann");
  const ben = await newPlayer(browser, "ben");
  const sue = await newPlayer(browser, "sue");

  await expect(ann.page.getByTestId("online-list")).toContainText(ben.username);
  await ann.page.getByTestId("online-list").getByRole("button", { name: `Duel ${ben.username}` }).click();
  await ben.page.getByRole("dialog", { name: `Challenge from ${ann.username}` }).getByRole("button", { name: "Accept" }).click();
  await Promise.all([ann.page.waitForURL(/\/match\/\d+\/$/), ben.page.waitForURL(/\/match\/\d+\/$/)]);
  const matchId = new URL(ann.page.url()).pathname.split("/")[2]!;

  // Sue finds the match in the lobby's Live now list and watches it.
  const row = sue.page.locator(`[data-testid="live-match"][data-match-id="${matchId}"]`);
  await expect(row).toContainText(`${ann.username} vs ${ben.username}`);
  await row.getByRole("link", { name: `Watch ${ann.username} vs ${ben.username}` }).click();
  await sue.page.waitForURL(`/match/${matchId}/`);
  await expect(sue.page.getByTestId("spectating")).toBeVisible();
  await expect(sue.page.getByRole("button", { name: "Ready" })).toHaveCount(0);
  await expect(ann.page.getByTestId("spectators")).toContainText("1");

  for (const player of [ann, ben]) await player.page.getByRole("button", { name: "Ready" }).click();
  await expect(sue.page.getByTestId("countdown")).toBeVisible();

  // Ben closes the page during the countdown: everyone sees the pause naming him, the score stays.
  await ben.page.goto("about:blank");
  const overlay = sue.page.getByTestId("pause-overlay");
  await expect(overlay).toContainText(`${ben.username} disconnected`);
  await expect(sue.page.getByTestId("score-player1")).toHaveText("0");
  await expect(sue.page.getByTestId("score-player2")).toHaveText("0");

  // He comes back: a 3-2-1 countdown, then play for everyone.
  await ben.page.goBack();
  await expect(ben.page.getByTestId("match-status")).toContainText(/playing/i, { timeout: 20_000 });
  await expect(overlay).toHaveCount(0);
  await expect(sue.page.getByTestId("match-status")).toContainText(/live/i);

  // Mid-game he reloads the page: the game resumes (a pause, a countdown, play again).
  await ben.page.reload();
  await expect(ben.page.getByTestId("match-status")).toContainText(/playing|get ready|paused/i);
  await expect(ben.page.getByTestId("match-status")).toContainText(/playing/i, { timeout: 20_000 });
  await expect(ann.page.getByTestId("match-status")).toContainText(/playing|match over/i);

  for (const player of [ann, ben, sue]) expect(player.errors).toEqual([]);
});
