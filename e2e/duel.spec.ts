import type { Page } from "@playwright/test";
import { expect, onlinePlayer, playToTheEnd, test } from "./helpers";

test("A challenges B with /duel in the chat, B accepts, both play to the end and see the same result", async ({ newPage }) => {
  test.setTimeout(180_000);
  const a = await onlinePlayer(await newPage(), "ann");
  const b = await onlinePlayer(await newPage(), "ben");
  await expect(a.page.getByTestId("online-list")).toContainText(b.username);

  await a.page.getByLabel("Message", { exact: true }).fill(`/duel ${b.username}`);
  await a.page.getByLabel("Message", { exact: true }).press("Enter");
  await expect(a.page.getByTestId("chat-notice")).toContainText(`Challenge sent to ${b.username}`);
  await expect(a.page.getByTestId("outgoing-challenge")).toContainText(`Waiting for ${b.username}`);

  const dialog = b.page.getByRole("dialog", { name: `Challenge from ${a.username}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("challenge-countdown")).toHaveText(/\d+/);
  await expect(dialog.getByTestId("challenge-kind")).toHaveText(`${a.username} wants to play a rated duel.`);
  await dialog.getByRole("button", { name: "Accept" }).click();

  await Promise.all([a.page.waitForURL(/\/match\/\d+\/$/), b.page.waitForURL(/\/match\/\d+\/$/)]);
  expect(a.page.url()).toBe(b.page.url());
  const matchPath = new URL(a.page.url()).pathname;

  await playToTheEnd(a.page, b.page);

  const score = async (page: Page) => [await page.getByTestId("score-player1").textContent(), await page.getByTestId("score-player2").textContent()];
  const finalA = await score(a.page);
  expect(finalA).toContain("2");
  expect(await score(b.page)).toEqual(finalA);
  await expect(a.page.getByRole("link", { name: "Back to lobby" })).toBeVisible();

  // The rated duel moved both ratings from 1500, the same on both pages.
  for (const slot of ["player1", "player2"]) {
    const change = a.page.getByTestId(`rating-change-${slot}`);
    await expect(change).toHaveText(/^Rating 1500 → \d+ \([+−]\d+\)$/);
    await expect(b.page.getByTestId(`rating-change-${slot}`)).toHaveText((await change.textContent())!);
  }

  // Rematch: A's button sends B a new challenge, which B sees on the match page and declines.
  // While it is open, and once declined, Rematch cannot be sent again.
  const rematchButton = a.page.getByRole("button", { name: "Rematch" });
  await rematchButton.click();
  await expect(a.page.getByTestId("rematch-status")).toHaveText(`Rematch offered to ${b.username}…`);
  await expect(rematchButton).toBeDisabled();
  await expect(a.page.getByTestId("outgoing-challenge")).toContainText(`Waiting for ${b.username}`);
  const rematch = b.page.getByRole("dialog", { name: `Challenge from ${a.username}` });
  await expect(rematch).toBeVisible();
  await rematch.getByRole("button", { name: "Decline" }).click();
  await expect(a.page.getByTestId("toasts")).toContainText(`${b.username} declined your challenge.`);
  await expect(a.page.getByTestId("outgoing-challenge")).toHaveCount(0);
  await expect(a.page.getByTestId("rematch-status")).toHaveText(`${b.username} declined the rematch.`);
  await expect(rematchButton).toBeDisabled();

  // Both profiles list the match with its rating change, and the new (still provisional) rating,
  // also in the nav; each player's view of the other's profile shows their head-to-head record.
  for (const [viewer, opponent] of [[a, b], [b, a]] as const) {
    await viewer.page.goto(`/users/${viewer.username}/`);
    await expect(viewer.page.getByTestId("match-history")).toContainText(`vs ${opponent.username}`);
    await expect(viewer.page.getByTestId("match-rating-change")).toHaveText(/^[+−]\d+$/);
    await expect(viewer.page.getByTestId("profile-rating")).toHaveText(/^\d+\?±\d+$/);
    await expect(viewer.page.getByTestId("profile-rating")).not.toHaveText(/^1500\?/);
    await expect(viewer.page.getByTestId("nav-rating")).toHaveText(/^rating \d+\?$/);
    // The chart (uPlot, loaded by this page alone) draws, and its caption says the same in words.
    await expect(viewer.page.getByTestId("rating-history-summary")).toHaveText(/^From 1500 to \d+ over the last 1 rated game; lowest \d+, highest \d+\.$/);
    await expect(viewer.page.locator("figure canvas")).toBeVisible();
    await viewer.page.goto(`/users/${opponent.username}/`);
    await expect(viewer.page.getByTestId("head-to-head")).toHaveText(new RegExp(`^You against ${opponent.username}: (1 win, 0 losses|0 wins, 1 loss)$`));
  }
  // The finished match's page still shows its result.
  await a.page.goto(matchPath);
  await expect(a.page.getByTestId("match-result")).toBeVisible();
});

test("B declines and A is told; A's \"Challenge sent\" notices end with the challenge", async ({ newPage }) => {
  const a = await onlinePlayer(await newPage(), "amy");
  const b = await onlinePlayer(await newPage(), "bea");
  await expect(a.page.getByTestId("online-list")).toContainText(b.username);
  const dialog = b.page.getByRole("dialog", { name: `Challenge from ${a.username}` });

  // From the online list.
  await a.page.getByTestId("online-list").getByRole("button", { name: `Duel ${b.username}` }).click();
  await expect(a.page.getByTestId("online-notice")).toHaveText(`Challenge sent to ${b.username}`);
  await dialog.getByRole("button", { name: "Decline" }).click();
  await expect(a.page.getByTestId("toasts")).toContainText(`${b.username} declined your challenge.`);
  await expect(b.page.getByTestId("toasts")).toContainText(`You declined ${a.username}'s challenge.`);
  await expect(a.page.getByTestId("outgoing-challenge")).toHaveCount(0);
  await expect(a.page.getByTestId("online-notice")).toHaveText("");

  // From the chat, cancelled by A this time.
  await a.page.getByLabel("Message", { exact: true }).fill(`/duel ${b.username}`);
  await a.page.getByLabel("Message", { exact: true }).press("Enter");
  await expect(a.page.getByTestId("chat-notice")).toHaveText(`Challenge sent to ${b.username}`);
  await expect(dialog).toBeVisible();
  await a.page.getByTestId("outgoing-challenge").getByRole("button", { name: "Cancel" }).click();
  await expect(a.page.getByTestId("toasts")).toContainText(`You cancelled your challenge to ${b.username}.`);
  await expect(a.page.getByTestId("chat-notice")).toHaveText("");
  await expect(dialog).toHaveCount(0);

  // From B's duel page, unrated: B is told it is casual.
  await expect(dialog.getByTestId("challenge-kind")).toHaveCount(0);
  await a.page.goto(`/users/${b.username}/`);
  await a.page.getByRole("link", { name: "Duel" }).click();
  await a.page.getByRole("checkbox", { name: "Rated" }).uncheck();
  await a.page.getByRole("button", { name: `Challenge ${b.username}` }).click();
  await expect(dialog.getByTestId("challenge-kind")).toHaveText(`${a.username} wants to play a casual (unrated) duel.`);
  await dialog.getByRole("button", { name: "Decline" }).click();
  await expect(a.page.getByTestId("duel-status")).toHaveText("");
});

test("B answers in one of three tabs: the others' dialogs close, and a tab that answers late is told the challenge was already accepted", async ({ newPage }) => {
  const a = await onlinePlayer(await newPage(), "ada");
  const b = await onlinePlayer(await newPage(), "bob");
  // B's second tab behaves normally; the third never hears challenge_closed (its socket frames are
  // filtered), so it still shows the dialog and its Accept reaches the server after the first one.
  const second = await b.page.context().newPage();
  const late = await b.page.context().newPage();
  await late.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      if (typeof message === "string" && message.includes('"challenge_closed"')) return;
      ws.send(message);
    });
  });
  for (const tab of [second, late]) {
    await tab.goto("/");
    await expect(tab.getByTestId("online-list")).toContainText(a.username);
  }

  await a.page.getByTestId("online-list").getByRole("button", { name: `Duel ${b.username}` }).click();
  const dialogName = `Challenge from ${a.username}`;
  for (const tab of [b.page, second, late]) await expect(tab.getByRole("dialog", { name: dialogName })).toBeVisible();

  await b.page.getByRole("dialog", { name: dialogName }).getByRole("button", { name: "Accept" }).click();
  await Promise.all([a.page.waitForURL(/\/match\/\d+\/$/), b.page.waitForURL(/\/match\/\d+\/$/)]);

  // challenge_closed (accepted) closes the dialog in B's other tab, quietly: no toast, no navigation.
  await expect(second.getByRole("dialog", { name: dialogName })).toHaveCount(0);
  await expect(second.getByTestId("toast")).toHaveCount(0);
  await expect(second).toHaveURL("/");

  // The late tab's Accept loses the race: the server answers bad_state and the tab says so.
  await expect(late.getByRole("dialog", { name: dialogName })).toBeVisible();
  await late.getByRole("dialog", { name: dialogName }).getByRole("button", { name: "Accept" }).click();
  const failure = late.getByRole("dialog", { name: "The match could not start" });
  await expect(failure.getByTestId("accepting-error")).toHaveText("This challenge was already accepted");
  await expect(failure.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await failure.getByRole("button", { name: "Close" }).click();
  await expect(late.getByRole("dialog")).toHaveCount(0);
  await expect(late).toHaveURL("/");
});
