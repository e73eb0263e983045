// The leaderboard page on every screen, with axe: players here have played a game or two at most,
// so it shows its empty state, and "around me" says the viewer's rating is still provisional. The
// nav and the profile show that rating with its "?".
import { expect, expectAccessible, registerViaUi, SCREENS, test, uniqueName, type ScreenName } from "./helpers";

for (const screen of Object.keys(SCREENS) as ScreenName[]) {
  test(`leaderboard and rating, ${screen}`, async ({ newPage }) => {
    const page = await newPage(SCREENS[screen]);
    await page.goto("/leaderboard/");
    await expect(page.getByRole("heading", { name: "Leaderboard", level: 1 })).toBeVisible();
    await expect(page.getByTestId("leaderboard-empty")).toBeVisible();
    await expect(page.getByTestId("around-me-provisional")).toHaveCount(0);
    await expectAccessible(page, `leaderboard logged out, ${screen}`);

    const username = uniqueName("rank");
    await registerViaUi(page, username);
    await expect(page.getByTestId("nav-rating")).toHaveText("rating 1500?");
    await page.goto("/leaderboard/");
    await expect(page.getByTestId("around-me-provisional")).toContainText("Your rating, 1500?, is still provisional (0 rated games so far)");
    await expectAccessible(page, `leaderboard logged in, ${screen}`);

    await page.goto(`/users/${username}/`);
    await expect(page.getByTestId("profile-rating")).toHaveText("1500?±350");
    await expect(page.getByTestId("profile-peak")).toHaveText("1500");
    await expect(page.getByTestId("profile-streak")).toHaveText("None");
    await expectAccessible(page, `profile with a rating, ${screen}`);
  });
}
