// The tournament pages on the three screens: axe on the list and on a bracket open, running and
// finished; the "Play now" notice counting down to the server's deadline; the pairings as names
// with a link to the match; a player's name with three badges whole on a phone.
import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, loginViaUi, registerViaUi, SCREENS, test, uniqueName } from "./helpers";

// REGISTER_TIMEOUT_MS is 90 s in the end-to-end server.
const COUNTDOWN = /^[01]:[0-5]\d left to join$/;
const secondsIn = async (countdown: Locator) => {
  const [, minutes, seconds] = /(\d):(\d\d)/.exec((await countdown.textContent()) ?? "") ?? [];
  return Number(minutes) * 60 + Number(seconds);
};

test("tournament pages: accessible on every screen, with pairings, the join deadline and whole names", async ({ newPage }) => {
  test.setTimeout(150_000);
  const [ann, ben, cid] = [uniqueName("ann"), uniqueName("ben"), uniqueName("cid")];
  const annDesktop = await newPage(SCREENS.desktop);
  await registerViaUi(annDesktop, ann);
  const benLandscape = await newPage(SCREENS.phoneLandscape);
  await registerViaUi(benLandscape, ben);
  const cidPage = await newPage();
  await registerViaUi(cidPage, cid);
  const annPhone = await newPage(SCREENS.phonePortrait);
  await loginViaUi(annPhone, ann);
  await expect(annPhone.getByTestId("lobby-username")).toHaveText(ann);
  const screens: [Page, string][] = [
    [annDesktop, "desktop"],
    [annPhone, "phone portrait"],
    [benLandscape, "phone landscape"],
  ];
  const scanAll = async (state: string) => {
    for (const [page, screen] of screens) await expectAccessible(page, `${state} (${screen})`);
  };

  await annDesktop.goto("/tournaments/");
  await annDesktop.getByLabel("Name", { exact: true }).fill("Screens cup");
  await annDesktop.getByRole("button", { name: /create/i }).click();
  await annDesktop.waitForURL(/\/tournaments\/\d+\/$/);
  const tournamentPath = new URL(annDesktop.url()).pathname;

  for (const [page] of screens) {
    await page.goto("/tournaments/");
    await expect(page.getByTestId("tournaments-open").getByRole("link", { name: "Screens cup" }).first()).toBeVisible();
  }
  await scanAll("tournaments list");

  for (const page of [...screens.map(([page]) => page), cidPage]) await page.goto(tournamentPath);
  for (const page of [benLandscape, cidPage]) await page.getByRole("button", { name: "Join" }).click();
  for (const [page] of screens) await expect(page.getByTestId("tournament-player-count")).toHaveText("3/8");
  await scanAll("bracket open");

  // Seeded in joining order: Ann has the bye, Ben meets Cid, the final waits for its second player.
  await annDesktop.getByRole("button", { name: "Start" }).click();
  for (const [page] of screens) await expect(page.getByTestId("tournament-status")).toHaveText("running");
  // From here Cid must leave within the time to join (REGISTER_TIMEOUT_MS), or the round-1 match is void.
  const pairings = annPhone.getByTestId("round-pairings").getByTestId("pairing");
  await expect(pairings.filter({ hasText: `${ben} vs ${cid}` }).getByRole("link", { name: /^Watch/ })).toHaveAttribute("href", /^\/match\/\d+\/$/);
  await expect(pairings.filter({ hasText: ann })).toContainText("advances (bye)");
  await expect(benLandscape.getByTestId("round-pairings").getByRole("link", { name: /^Play/ })).toHaveAttribute("href", /^\/match\/\d+\/$/);

  // The time left to join counts down, and a reload shows the server's deadline again.
  const countdown = benLandscape.getByTestId("your-match").getByTestId("join-countdown");
  await expect(countdown).toHaveText(COUNTDOWN);
  const shown = await secondsIn(countdown);
  await expect.poll(() => secondsIn(countdown)).toBeLessThan(shown);
  await benLandscape.reload();
  await expect(countdown).toHaveText(COUNTDOWN);
  expect(await secondsIn(countdown)).toBeLessThan(shown);
  await scanAll("bracket running");

  // Elsewhere the notice is a toast, with the same countdown.
  await cidPage.getByRole("link", { name: "← All tournaments" }).click();
  const toast = cidPage.getByTestId("match-ready-toast");
  await expect(toast).toContainText(`against ${ben} is ready`);
  await expect(toast.getByTestId("join-countdown")).toHaveText(COUNTDOWN);
  await expect(toast.getByRole("link", { name: "Play now" })).toHaveAttribute("href", /^\/match\/\d+\/$/);
  await expectAccessible(cidPage, "tournaments list with a Play now notice");
  await cidPage.goBack();

  // Cid, then Ann (in the final) leave: Ben is champion, and Ann is "you", "creator" and "eliminated".
  for (const page of [cidPage, annPhone]) {
    await expect(page.getByRole("button", { name: "Leave" })).toBeVisible();
    if (page === annPhone) await expect(annPhone.getByTestId("your-match")).toContainText(ben);
    await page.getByRole("button", { name: "Leave" }).click();
    await page.getByRole("button", { name: "Yes, leave" }).click();
  }
  await benLandscape.goto(tournamentPath);
  for (const [page] of screens) await expect(page.getByTestId("champion")).toContainText(ben);
  await scanAll("bracket finished");

  const annRow = annPhone.getByTestId("tournament-player").filter({ hasText: ann });
  for (const badge of ["you", "creator", "eliminated"]) await expect(annRow.getByText(badge, { exact: true })).toBeVisible();
  const name = annRow.getByRole("link", { name: ann });
  await expect(name).toBeVisible();
  expect(await name.evaluate((link) => link.scrollWidth <= link.clientWidth), "the name is not cut").toBe(true);
});
