import type { Page } from "@playwright/test";
import { expect, registerViaUi, test, uniqueName } from "./helpers";

interface Player {
  page: Page;
  username: string;
}

async function newPlayer(newPage: () => Promise<Page>, base: string): Promise<Player> {
  const page = await newPage();
  const username = uniqueName(base);
  await registerViaUi(page, username);
  return { page, username };
}

/**
 * Follows "Play now" (the tournament page's notice, or the toast on other pages), declares ready
 * and, when `loseOnPurpose`, runs from the ball.
 */
async function playMatch(player: Player, loseOnPurpose: boolean): Promise<void> {
  const playNow = player.page.getByRole("link", { name: "Play now" }).last();
  await expect(playNow).toBeVisible({ timeout: 30_000 });
  await playNow.click();
  await player.page.waitForURL(/\/match\/\d+\/$/);
  await player.page.getByRole("button", { name: "Ready" }).click();
  if (loseOnPurpose) {
    await expect(player.page.getByTestId("match-status")).toContainText(/playing/i, { timeout: 20_000 });
    await player.page.locator("canvas").click();
    await player.page.keyboard.down("ArrowLeft");
  }
}

test("three players run a tournament to a champion through the UI", async ({ newPage }) => {
  test.setTimeout(240_000);
  const [ann, ben, cid] = [await newPlayer(newPage, "ann"), await newPlayer(newPage, "ben"), await newPlayer(newPage, "cid")];

  // Ann creates it with the form; the creator is in automatically.
  await ann.page.goto("/tournaments/");
  await ann.page.getByLabel("Name", { exact: true }).fill("Friday cup");
  await ann.page.getByLabel("Max players", { exact: true }).fill("4");
  await ann.page.getByLabel("Points to win", { exact: true }).fill("1");
  await ann.page.getByRole("button", { name: /create/i }).click();
  await ann.page.waitForURL(/\/tournaments\/\d+\/$/);
  const tournamentPath = new URL(ann.page.url()).pathname;
  await expect(ann.page.getByTestId("tournament-players")).toContainText(ann.username);

  // Ben and Cid join; Ann's page updates without a reload.
  for (const player of [ben, cid]) {
    await player.page.goto(tournamentPath);
    await player.page.getByRole("button", { name: "Join" }).click();
    await expect(ann.page.getByTestId("tournament-players")).toContainText(player.username);
  }
  await ann.page.getByRole("button", { name: "Start" }).click();
  for (const player of [ann, ben, cid]) await expect(player.page.getByTestId("tournament-status")).toContainText(/running/i);

  // Seeding by record (all new: order of joining): Ann has the bye, Ben meets Cid.
  const bye = ann.page.locator('[data-testid="bracket-match"][data-status="bye"]');
  await expect(bye).toHaveCount(1);
  await expect(bye).toContainText(ann.username);
  await expect(ann.page.getByTestId("round-pairings")).toContainText(`${ben.username} vs ${cid.username}`);

  // Round 1: Ben and Cid play; Cid runs from the ball.
  await Promise.all([playMatch(ben, false), playMatch(cid, true)]);
  await expect(ben.page.getByTestId("match-result")).toBeVisible({ timeout: 90_000 });
  const semifinalWinner = (await ben.page.getByTestId("match-result").textContent())?.includes("You won") ? ben : cid;

  // The final: Ann against the winner; the winner runs from the ball this time.
  await Promise.all([playMatch(ann, false), playMatch(semifinalWinner, true)]);
  await expect(ann.page.getByTestId("match-result")).toBeVisible({ timeout: 90_000 });

  // Everyone sees the same champion on the bracket page.
  const champions: string[] = [];
  for (const player of [ann, ben, cid]) {
    await player.page.goto(tournamentPath);
    await expect(player.page.getByTestId("champion")).toBeVisible();
    champions.push((await player.page.getByTestId("champion").textContent()) ?? "");
  }
  expect(new Set(champions).size).toBe(1);
  expect(champions[0]).toMatch(new RegExp(`${ann.username}|${semifinalWinner.username}`));
  // Both played matches offer their replay on the bracket; the bye has none.
  const played = cid.page.locator('[data-testid="bracket-match"][data-status="finished"]');
  await expect(played).toHaveCount(2);
  await expect(played.getByRole("link", { name: /^Replay / })).toHaveCount(2);
  await expect(bye.getByRole("link")).toHaveCount(0);

  // The title shows on the champion's profile.
  const champion = [ann, semifinalWinner].find((player) => champions[0]!.includes(player.username))!;
  await ann.page.goto(`/users/${champion.username}/`);
  await expect(ann.page.getByTestId("tournaments-won")).toContainText("Friday cup");
});
