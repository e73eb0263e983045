import { expect, expectAccessible, onlinePlayer, playToTheEnd, SCREENS, test } from "./helpers";

test("two players press Play now (lobby on a desktop, nav on a phone), land on the same match, play it, and see their rating change", async ({ newPage }) => {
  test.setTimeout(180_000);
  const a = await onlinePlayer(await newPage(SCREENS.desktop), "quin");
  const b = await onlinePlayer(await newPage(SCREENS.phonePortrait), "quoy");

  // A waits alone: the lobby and the nav both show it, with Cancel; Cancel leaves the pool.
  await a.page.getByTestId("quick-play").getByRole("button", { name: "Play now" }).click();
  await expect(a.page.getByTestId("quick-play-status")).toHaveText(/^Looking for an opponent… \(1 waiting, 0:\d\d\)$/);
  await expect(a.page.getByTestId("nav-quick-play").getByRole("button", { name: "Cancel" })).toBeVisible();
  await expectAccessible(a.page, "quick pairing: waiting");
  await a.page.getByTestId("nav-quick-play").getByRole("button", { name: "Cancel" }).click();
  await expect(a.page.getByTestId("quick-play").getByRole("button", { name: "Play now" })).toBeVisible();

  // Both seek: A from the lobby, B from the nav bar on the phone.
  await a.page.getByTestId("quick-play").getByRole("button", { name: "Play now" }).click();
  await expect(a.page.getByTestId("quick-play-status")).toContainText("Looking for an opponent…");
  await b.page.getByTestId("nav-quick-play").getByRole("button", { name: "Play now" }).click();

  await Promise.all([a.page.waitForURL(/\/match\/\d+\/$/), b.page.waitForURL(/\/match\/\d+\/$/)]);
  expect(a.page.url()).toBe(b.page.url());

  await playToTheEnd(a.page, b.page);

  // Always rated: both ratings moved from 1500, the same on both pages.
  const newRating: Record<string, string> = {};
  for (const slot of ["player1", "player2"]) {
    const change = a.page.getByTestId(`rating-change-${slot}`);
    await expect(change).toHaveText(/^Rating 1500 → \d+ \([+−]\d+\)$/);
    const text = (await change.textContent())!;
    await expect(b.page.getByTestId(`rating-change-${slot}`)).toHaveText(text);
    newRating[slot] = /→ (\d+)/.exec(text)![1]!;
  }

  // The new ratings, still provisional after one game, on both profiles, in the nav and in the
  // leaderboard's "around me".
  const matchId = /\/match\/(\d+)\//.exec(a.page.url())![1];
  const stored = (await (await a.page.request.get(`/game/matches/${matchId}/`)).json()) as { player1: { username: string } };
  for (const player of [a, b]) {
    const slot = stored.player1.username === player.username ? "player1" : "player2";
    await player.page.goto(`/users/${player.username}/`);
    await expect(player.page.getByTestId("profile-rating")).toHaveText(new RegExp(`^${newRating[slot]}\\?±\\d+$`));
    await expect(player.page.getByTestId("nav-rating")).toHaveText(`rating ${newRating[slot]}?`);
    await player.page.goto("/leaderboard/");
    await expect(player.page.getByTestId("around-me-provisional")).toContainText(`Your rating, ${newRating[slot]}?, is still provisional (1 rated game so far)`);
  }
});
