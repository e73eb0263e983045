import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, onlinePlayer, SCREENS, test } from "./helpers";

/** Wholly inside the window: nothing of it needs scrolling to. Polled, as the countdown's digit is replaced every second. */
async function expectInViewport(page: Page, locator: Locator): Promise<void> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error("the page has no fixed viewport");
  await expect
    .poll(async () => {
      const box = await locator.boundingBox();
      if (!box) return "not shown";
      const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
      return inside ? "inside" : `${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)} in ${viewport.width}×${viewport.height}`;
    })
    .toBe("inside");
}

test("a match between a phone held upright and one held sideways, watched on a desktop: the field, countdown and result fit each screen, every state passes axe, Leave match is confirmed safely", async ({ newPage }) => {
  test.setTimeout(120_000);
  const ann = await onlinePlayer(await newPage(SCREENS.phonePortrait), "ann");
  const ben = await onlinePlayer(await newPage(SCREENS.phoneLandscape), "ben");
  const sue = await onlinePlayer(await newPage(SCREENS.desktop), "sue");
  const players = [ann, ben];
  const scanAll = async (state: string) => {
    for (const [who, screen] of [[ann, "phone upright"], [ben, "phone sideways"], [sue, "spectating on a desktop"]] as const) await expectAccessible(who.page, `${state}, ${screen}`);
  };

  await expect(ann.page.getByTestId("online-list")).toContainText(ben.username);
  await ann.page.getByTestId("online-list").getByRole("button", { name: `Duel ${ben.username}` }).click();
  await ben.page.getByRole("dialog", { name: `Challenge from ${ann.username}` }).getByRole("button", { name: "Accept" }).click();
  await Promise.all(players.map((player) => player.page.waitForURL(/\/match\/\d+\/$/)));
  await sue.page.goto(new URL(ann.page.url()).pathname);
  await expect(sue.page.getByTestId("spectating")).toBeVisible();

  for (const { page } of players) await expect(page.getByRole("button", { name: "Ready" })).toBeVisible();
  await scanAll("match waiting");

  // Leaving forfeits: the confirmation focuses the safe choice, and Escape keeps playing.
  await ann.page.getByRole("button", { name: "Leave match" }).click();
  const confirm = ann.page.getByRole("dialog", { name: "Leave the match?" });
  await expect(confirm.getByRole("button", { name: "Keep playing" })).toBeFocused();
  await expectAccessible(ann.page, "Leave match confirmation, phone upright");
  await ann.page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(ann.page.getByRole("button", { name: "Leave match" })).toBeFocused();

  // Sound is off until asked for, and the choice outlives the page.
  const sound = sue.page.getByRole("button", { name: "Sound" });
  await expect(sound).toHaveAttribute("aria-pressed", "false");
  await sound.click();
  await expect(sound).toHaveAttribute("aria-pressed", "true");
  await sue.page.reload();
  await expect(sound).toHaveAttribute("aria-pressed", "true");

  for (const { page } of players) await page.getByRole("button", { name: "Ready" }).click();
  // Both at once: the countdown lasts 3 s.
  await Promise.all(players.map(({ page }) => expectInViewport(page, page.getByTestId("countdown"))));

  // Ben's page goes away during the countdown: the match pauses until he is back.
  await ben.page.goto("about:blank");
  await expect(ann.page.getByTestId("pause-overlay")).toBeVisible();
  await expectAccessible(ann.page, "match paused, phone upright");
  await expectAccessible(sue.page, "match paused, spectating on a desktop");
  await ben.page.goBack();

  for (const { page } of players) {
    await expect(page.getByTestId("match-status")).toHaveText("Playing: first to 2", { timeout: 20_000 });
    await expectInViewport(page, page.locator("canvas"));
  }
  await scanAll("match playing");

  // Nobody moves: points fall, each one flashes the side that conceded it.
  await expect(sue.page.getByTestId("point-flash")).toBeAttached({ timeout: 30_000 });
  for (const { page } of players) {
    const result = page.getByTestId("match-result");
    await expect(result).toBeVisible({ timeout: 60_000 });
    await expectInViewport(page, result);
  }
  await expect(sue.page.getByTestId("rating-change-player1")).toHaveText(/^Rating 1500 → \d+ \([+−]\d+\)$/);
  await scanAll("match result");

  // Play mode took the covered nav out of reach; leaving the match page gives it back.
  const nav = ben.page.getByRole("navigation", { name: "Main" });
  await expect(ben.page.locator("body > header")).toHaveAttribute("inert", "");
  await ben.page.getByTestId("match-result").getByRole("link", { name: "Back to lobby" }).click();
  await expect(ben.page.getByTestId("lobby-username")).toHaveText(ben.username);
  await expect(ben.page.locator("body > header")).not.toHaveAttribute("inert");
  await expect(nav.getByRole("link", { name: "Tournaments" })).toBeVisible();
});
