import type { Page } from "@playwright/test";
import { expect, registerViaUi, test, uniqueName } from "./helpers";

async function newPlayer(newPage: () => Promise<Page>, base: string): Promise<{ page: Page; username: string }> {
  const page = await newPage();
  const username = uniqueName(base);
  await registerViaUi(page, username);
  return { page, username };
}

test("a player who leaves and reloads mid-game gets the game back; a spectator from Live now sees the score and the pause", async ({ newPage }) => {
  test.setTimeout(180_000);
  const ann = await newPlayer(newPage, "ann");
  const ben = await newPlayer(newPage, "ben");
  const sue = await newPlayer(newPage, "sue");

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

  // Ben closes the page during the countdown: everyone sees the pause naming him, nobody has scored.
  await ben.page.goto("about:blank");
  const overlay = sue.page.getByTestId("pause-overlay");
  await expect(overlay).toContainText(`${ben.username} disconnected`);
  await expect(sue.page.getByTestId("match-status")).toHaveText(new RegExp(`^Paused: waiting for ${ben.username} \\(\\d+s\\)$`));
  await expect(ann.page.getByTestId("match-status")).toHaveText(new RegExp(`^Paused: waiting for ${ben.username} \\(\\d+s\\)$`));
  for (const page of [sue.page, ann.page]) {
    await expect(page.getByTestId("score-player1")).toHaveText("0");
    await expect(page.getByTestId("score-player2")).toHaveText("0");
  }

  // He comes back: a 3-2-1 countdown, then play for everyone.
  await ben.page.goBack();
  await expect(ben.page.getByTestId("match-status")).toHaveText("Playing: first to 2", { timeout: 20_000 });
  await expect(overlay).toHaveCount(0);
  await expect(sue.page.getByTestId("match-status")).toHaveText("Live: first to 2");

  // Mid-game he reloads the page: he is a player again, and the game resumes for him.
  await ben.page.reload();
  await expect(ben.page.getByTestId("spectating")).toHaveCount(0);
  await expect(ben.page.getByTestId("match-status")).toHaveText("Playing: first to 2", { timeout: 20_000 });

  // Nobody touches the paddles: the match plays out. Everyone ends on the same final score, the
  // spectator sees who won, each player sees their own outcome.
  await expect(sue.page.getByTestId("match-result")).toBeVisible({ timeout: 90_000 });
  for (const player of [ann, ben]) await expect(player.page.getByTestId("match-result")).toBeVisible();
  const scores = async (page: Page) => [await page.getByTestId("score-player1").textContent(), await page.getByTestId("score-player2").textContent()];
  const final = await scores(sue.page);
  expect(Math.max(...final.map(Number))).toBe(2);
  expect(Math.min(...final.map(Number))).toBeLessThan(2);
  expect(await scores(ann.page)).toEqual(final);
  expect(await scores(ben.page)).toEqual(final);
  // Player 1 is the challenger (Ann): the winner is whoever has the 2.
  const winner = final[0] === "2" ? ann : ben;
  const loser = winner === ann ? ben : ann;
  await expect(sue.page.getByRole("heading", { name: `${winner.username} won` })).toBeVisible();
  await expect(winner.page.getByRole("heading", { name: "You won" })).toBeVisible();
  await expect(loser.page.getByRole("heading", { name: "You lost" })).toBeVisible();
  for (const page of [sue.page, ann.page, ben.page]) await expect(page.getByTestId("match-status")).toHaveText("Match over");
});
