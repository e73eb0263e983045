import { expect, expectAccessible, registerViaUi, SCREENS, test, uniqueName } from "./helpers";

test("a player starts a practice match at level 1 and plays it; the AI's profile offers the levels on a phone", async ({ newPage }) => {
  test.setTimeout(180_000);
  const page = await newPage(SCREENS.desktop);
  const username = uniqueName("prac");
  await registerViaUi(page, username);

  // The lobby's Practice card: five levels.
  const chooser = page.getByTestId("practice-chooser");
  await expect(chooser.getByRole("button")).toHaveCount(5);
  await expectAccessible(page, "lobby: practice chooser");
  await chooser.getByRole("button", { name: /^Level 1/ }).click();
  await page.waitForURL(/\/match\/\d+\/$/);

  // The AI is there and ready at once; the player declares ready as in any match.
  await expect(page.getByText("ai_level_1").first()).toBeVisible();
  await page.getByRole("button", { name: "Ready" }).click();
  await expect(page.getByTestId("match-status")).toContainText(/playing/i, { timeout: 15_000 });
  await expectAccessible(page, "practice match: playing");
  // The player holds left: the ball gets past one of the paddles until someone has 2 points.
  await page.locator("canvas").click();
  await page.keyboard.down("ArrowLeft");
  await expect(page.getByTestId("match-result")).toBeVisible({ timeout: 150_000 });
  await page.keyboard.up("ArrowLeft");
  await expectAccessible(page, "practice match: result");
  // No rematch challenge for the AI: "Play again" opens another match at the same level.
  const first = page.url();
  await page.getByTestId("match-result").getByRole("button", { name: "Play again" }).click();
  await page.waitForURL((url) => /\/match\/\d+\/$/.test(url.pathname) && url.href !== first);
  await expect(page.getByRole("button", { name: "Ready" })).toBeVisible();

  // Never rated: the history says Practice, and the player's wins and losses do not count it.
  await page.goto(`/users/${username}/`);
  await expect(page.getByTestId("match-practice")).toHaveText("Practice");
  await expect(page.getByTestId("profile-wins")).toHaveText("0");
  await expect(page.getByTestId("profile-losses")).toHaveText("0");
  await expect(page.getByTestId("profile-rating")).toHaveText(/^1500\?/);

  // The AI's profile, on a phone: its record against humans and the five levels.
  const phone = await newPage(SCREENS.phonePortrait);
  await registerViaUi(phone, uniqueName("prac"));
  await phone.goto("/users/ai_level_1/");
  await expect(phone.getByTestId("profile-username")).toHaveText("AI · level 1");
  await expect(phone.getByTestId("practice-chooser").getByRole("button", { name: /^Level 1/ })).toHaveAttribute("aria-current", "true");
  await expectAccessible(phone, "AI profile: practice chooser (phone)");
});
