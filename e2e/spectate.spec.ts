import { expect, test, type Browser, type Page } from "@playwright/test";
import { failOnConsoleErrors, registerViaUi, uniqueName } from "./helpers";

async function newPlayer(browser: Browser, base: string): Promise<{ page: Page; username: string; errors: string[] }> {
  const page = await (await browser.newContext()).newPage();
  const errors = failOnConsoleErrors(page);
  const username = uniqueName(base);
  await registerViaUi(page, username);
  return { page, username, errors };
}

test("a player reloads mid-game and the game resumes; a spectator from Live now sees the score and the pause", async ({ browser }) => {
  test.setTimeout(120_000);
  const ann = await newPlayer(browser, "ann");
  const ben = await newPlayer(browser, "ben");
  const sue = await newPlayer(browser, "sue");

  await expect(ann.page.getByTestId("online-list")).toContainText(ben.username);
  await ann.page.getByTestId("online-list").getByRole("button", { name: `Duel ${ben.username}` }).click();
  await ben.page.getByRole("dialog", { name: `Challenge from ${ann.username}` }).getByRole("button", { name: "Accept" }).click();
  await Promise.all([ann.page.waitForURL(/\/match\/\d+\/$/), ben.page.waitForURL(/\/match\/\d+\/$/)]);
  const matchId = new URL(ann.page.url()).pathname.split("/")[2]!;
  for (const player of [ann, ben]) await player.page.getByRole("button", { name: "Ready" }).click();
  await expect(ann.page.getByTestId("match-status")).toContainText(/playing/i, { timeout: 15_000 });

  // Sue finds the match in the lobby's Live now list and watches it.
  const row = sue.page.locator(`[data-testid="live-match"][data-match-id="${matchId}"]`);
  await expect(row).toContainText(`${ann.username} vs ${ben.username}`);
  await row.getByRole("link", { name: `Watch ${ann.username} vs ${ben.username}` }).click();
  await sue.page.waitForURL(`/match/${matchId}/`);
  await expect(sue.page.getByTestId("spectating")).toBeVisible();
  await expect(sue.page.getByRole("button", { name: "Ready" })).toHaveCount(0);
  await expect(ann.page.getByTestId("spectators")).toContainText("1");
  const scoreBefore = [await sue.page.getByTestId("score-player1").textContent(), await sue.page.getByTestId("score-player2").textContent()];

  // Ben reloads: everyone sees the pause naming him, then the game resumes.
  await ben.page.reload();
  await expect(sue.page.getByTestId("pause-overlay")).toContainText(`${ben.username} disconnected`);
  await expect(ben.page.getByTestId("match-status")).toContainText(/playing/i, { timeout: 20_000 });
  await expect(sue.page.getByTestId("pause-overlay")).toHaveCount(0);
  await expect(ann.page.getByTestId("match-status")).toContainText(/playing/i);
  const scoreAfter = [await sue.page.getByTestId("score-player1").textContent(), await sue.page.getByTestId("score-player2").textContent()];
  // The score carried over (a point may have been scored meanwhile, never lost).
  expect(Number(scoreAfter[0]) + Number(scoreAfter[1])).toBeGreaterThanOrEqual(Number(scoreBefore[0]) + Number(scoreBefore[1]));

  for (const player of [ann, ben, sue]) expect(player.errors).toEqual([]);
});
