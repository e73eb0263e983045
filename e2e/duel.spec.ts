import type { Page } from "@playwright/test";
import { expect, registerViaUi, test, uniqueName } from "./helpers";

async function playerPage(newPage: () => Promise<Page>, base: string): Promise<{ page: Page; username: string }> {
  const page = await newPage();
  const username = uniqueName(base);
  await registerViaUi(page, username);
  await expect(page.getByTestId("online-list")).toContainText(username);
  return { page, username };
}

test("A challenges B with /duel in the chat, B accepts, both play to the end and see the same result", async ({ newPage }) => {
  test.setTimeout(180_000);
  const a = await playerPage(newPage, "ann");
  const b = await playerPage(newPage, "ben");
  await expect(a.page.getByTestId("online-list")).toContainText(b.username);

  await a.page.getByLabel("Message", { exact: true }).fill(`/duel ${b.username}`);
  await a.page.getByLabel("Message", { exact: true }).press("Enter");
  await expect(a.page.getByTestId("chat-notice")).toContainText(`Challenge sent to ${b.username}`);
  await expect(a.page.getByTestId("outgoing-challenge")).toContainText(`Waiting for ${b.username}`);

  const dialog = b.page.getByRole("dialog", { name: `Challenge from ${a.username}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("challenge-countdown")).toHaveText(/\d+/);
  await dialog.getByRole("button", { name: "Accept" }).click();

  await Promise.all([a.page.waitForURL(/\/match\/\d+\/$/), b.page.waitForURL(/\/match\/\d+\/$/)]);
  expect(a.page.url()).toBe(b.page.url());
  const matchPath = new URL(a.page.url()).pathname;

  for (const player of [a, b]) await player.page.getByRole("button", { name: "Ready" }).click();
  await expect(a.page.getByTestId("countdown")).toBeVisible();
  await expect(a.page.getByTestId("match-status")).toContainText(/playing/i, { timeout: 15_000 });

  // A holds left: the ball keeps getting past one of the paddles until someone has 2 points.
  await a.page.locator("canvas").click();
  await a.page.keyboard.down("ArrowLeft");
  await expect(a.page.getByTestId("match-result")).toBeVisible({ timeout: 150_000 });
  await a.page.keyboard.up("ArrowLeft");
  await expect(b.page.getByTestId("match-result")).toBeVisible();

  const score = async (page: Page) => [await page.getByTestId("score-player1").textContent(), await page.getByTestId("score-player2").textContent()];
  const finalA = await score(a.page);
  expect(finalA).toContain("2");
  expect(await score(b.page)).toEqual(finalA);
  await expect(a.page.getByRole("button", { name: "Rematch" })).toBeVisible();
  await expect(a.page.getByRole("link", { name: "Back to lobby" })).toBeVisible();

  // Both profiles list the match.
  for (const [viewer, opponent] of [[a, b], [b, a]] as const) {
    await viewer.page.goto(`/users/${viewer.username}/`);
    await expect(viewer.page.getByTestId("match-history")).toContainText(`vs ${opponent.username}`);
  }
  // The finished match's page still shows its result.
  await a.page.goto(matchPath);
  await expect(a.page.getByTestId("match-result")).toBeVisible();
});

test("B declines and A is told", async ({ newPage }) => {
  const a = await playerPage(newPage, "amy");
  const b = await playerPage(newPage, "bea");
  await expect(a.page.getByTestId("online-list")).toContainText(b.username);

  await a.page.getByTestId("online-list").getByRole("button", { name: `Duel ${b.username}` }).click();
  const dialog = b.page.getByRole("dialog", { name: `Challenge from ${a.username}` });
  await dialog.getByRole("button", { name: "Decline" }).click();
  await expect(a.page.getByTestId("toasts")).toContainText(`${b.username} declined your challenge.`);
  await expect(b.page.getByTestId("toasts")).toContainText(`You declined ${a.username}'s challenge.`);
  await expect(a.page.getByTestId("outgoing-challenge")).toHaveCount(0);
});
