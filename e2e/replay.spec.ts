import { expect, expectAccessible, onlinePlayer, SCREENS, test } from "./helpers";

test("a spectator rewinds a live duel and returns to live; its replay plays, seeks to a marked point and opens at ?t=", async ({ newPage }) => {
  test.setTimeout(240_000);
  const ann = await onlinePlayer(await newPage(), "ann");
  const ben = await onlinePlayer(await newPage(), "ben");
  const sue = await onlinePlayer(await newPage(SCREENS.desktop), "sue");

  await ann.page.getByTestId("online-list").getByRole("button", { name: `Duel ${ben.username}` }).click();
  await ben.page.getByRole("dialog", { name: `Challenge from ${ann.username}` }).getByRole("button", { name: "Accept" }).click();
  await Promise.all([ann.page.waitForURL(/\/match\/\d+\/$/), ben.page.waitForURL(/\/match\/\d+\/$/)]);
  const matchId = new URL(ann.page.url()).pathname.split("/")[2]!;
  await sue.page.goto(`/match/${matchId}/`);
  await expect(sue.page.getByTestId("spectating")).toBeVisible();

  // Nobody moves: the ball gets past a paddle. Once a point is in, Ben steps away (the match
  // pauses for everyone, so it cannot end meanwhile) and Sue rewinds to watch the point again.
  for (const player of [ann, ben]) await player.page.getByRole("button", { name: "Ready" }).click();
  await expect(sue.page.getByTestId("match-status")).toHaveText("Live: first to 2", { timeout: 15_000 });
  const scoredOne = sue.page.getByTestId("score-player1").or(sue.page.getByTestId("score-player2")).filter({ hasText: /^1$/ });
  await expect(scoredOne).toHaveCount(1, { timeout: 60_000 });
  await ben.page.goto("about:blank");
  await expect(sue.page.getByTestId("pause-overlay")).toBeVisible();
  await sue.page.getByTestId("rewind").click();
  await expect(sue.page.getByTestId("match-status")).toHaveText("Rewound: press Live to return to the match.");
  // The rewind starts before the end of what was played, and plays on.
  const seek = sue.page.getByTestId("replay-seek");
  expect(Number(await seek.inputValue())).toBeLessThan(Number(await seek.getAttribute("max")));
  await expect(sue.page.getByTestId("replay-play")).toHaveAccessibleName("Pause");
  await sue.page.getByTestId("replay-point").first().click();
  // At the point's moment, the field's scores are those the point made.
  await expect(scoredOne).toHaveCount(1);
  await expect(sue.page.getByTestId("pause-overlay")).toHaveCount(0);
  await expectAccessible(sue.page, "match: a spectator rewinding");
  await sue.page.getByTestId("rewind-live").click();
  await expect(sue.page.getByTestId("replay-controls")).toHaveCount(0);
  await expect(sue.page.getByTestId("pause-overlay")).toBeVisible();
  await ben.page.goBack();
  await expect(sue.page.getByTestId("match-status")).toHaveText("Live: first to 2", { timeout: 20_000 });

  // The match ends; the result offers its replay.
  await expect(ann.page.getByTestId("match-result")).toBeVisible({ timeout: 120_000 });
  const final = [await ann.page.getByTestId("score-player1").textContent(), await ann.page.getByTestId("score-player2").textContent()].map(Number);
  await ann.page.getByTestId("match-result").getByRole("link", { name: "Watch replay" }).click();
  await ann.page.waitForURL(`/match/${matchId}/replay/`);
  const replay = ann.page;
  await expect(replay.getByTestId("replay-time")).toHaveText(/^0:00 \/ \d+:\d\d$/);
  // A mark on the seek bar and a button for every point scored.
  await expect(replay.getByTestId("point-mark")).toHaveCount(final[0]! + final[1]!);
  await expect(replay.getByTestId("replay-point")).toHaveCount(final[0]! + final[1]!);
  await expectAccessible(replay, "replay page");

  // Seeking to the last point shows the final score; the first point, that point's score.
  await replay.getByTestId("replay-point").last().click();
  await expect(replay.getByTestId("score-player1")).toHaveText(String(final[0]));
  await expect(replay.getByTestId("score-player2")).toHaveText(String(final[1]));
  const first = replay.getByTestId("replay-point").first();
  const [firstP1, firstP2] = ((await first.textContent())!.match(/(\d+)–(\d+)/) ?? []).slice(1);
  await first.click();
  await expect(replay.getByTestId("score-player1")).toHaveText(firstP1!);
  await expect(replay.getByTestId("score-player2")).toHaveText(firstP2!);

  // Space plays, the time moves on; space again pauses (focus off the buttons, whose own key it is).
  await replay.locator("canvas").click();
  await replay.keyboard.press(" ");
  await expect(replay.getByTestId("replay-play")).toHaveAccessibleName("Pause");
  await replay.keyboard.press(" ");
  await expect(replay.getByTestId("replay-play")).toHaveAccessibleName("Play");

  // The players' histories offer it too.
  await replay.goto(`/users/${ann.username}/`);
  await replay.getByTestId("match-history").getByRole("link", { name: `Watch replay of the match against ${ben.username}` }).click();
  await replay.waitForURL(`/match/${matchId}/replay/`);

  // A shared link opens at its moment, on a phone too.
  for (const screen of [SCREENS.phonePortrait, SCREENS.phoneLandscape]) {
    const phone = await newPage(screen);
    await phone.goto(`/match/${matchId}/replay/?t=1.5`);
    await expect(phone.getByTestId("replay-time")).toHaveText(/^0:01 \/ /);
    const seek = phone.getByTestId("replay-seek");
    await expect(seek).toHaveValue("90");
    await expectAccessible(phone, "replay page on a phone");
    // → moves 5 s on (or to the end), `,` one frame back.
    const end = Number(await seek.getAttribute("max"));
    await phone.keyboard.press("ArrowRight");
    await expect(seek).toHaveValue(String(Math.min(end, 90 + 300)));
    await phone.keyboard.press(",");
    await expect(seek).toHaveValue(String(Math.min(end, 90 + 300) - 1));
  }
});
