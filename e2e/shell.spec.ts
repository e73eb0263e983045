// The app's shell on every screen: the nav, the skip link, the auth forms' errors, the lobby, the
// profile, the players list and the 404 page, with axe; and a whole duel played by keyboard alone.
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect, expectAccessible, loginViaUi, PASSWORD, registerViaUi, SCREENS, test, uniqueName, type ScreenName } from "./helpers";

const screens = Object.keys(SCREENS) as ScreenName[];

/** Presses Tab until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < limit && !(await target.evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press("Tab");
  await expect(target).toBeFocused();
}

async function register(request: APIRequestContext, base: string): Promise<string> {
  const username = uniqueName(base);
  expect((await request.post("/api/register/", { data: { username, password: PASSWORD } })).status()).toBe(201);
  return username;
}

/** One row of 44 px targets with Play, Tournaments, Leaderboard and Players (behind "Menu" on phones), the current page marked. */
async function expectNav(page: Page, current: string): Promise<void> {
  const nav = page.getByRole("navigation", { name: "Main" });
  // A wrapped nav would be two rows of 44 px.
  expect((await nav.boundingBox())!.height).toBeLessThan(2 * 44);
  for (const target of await nav.locator("a:visible, button:visible").all()) {
    const box = (await target.boundingBox())!;
    expect(Math.min(box.width, box.height), `tap target "${await target.textContent()}"`).toBeGreaterThanOrEqual(44);
  }
  const menu = nav.getByRole("button", { name: "Menu" });
  if (await menu.isVisible()) {
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
  }
  for (const name of ["Play", "Tournaments", "Leaderboard", "Players"]) await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: current, exact: true })).toHaveAttribute("aria-current", "page");
  if (await menu.isVisible()) {
    await expectAccessible(page, "the nav's menu open");
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
  }
}

for (const screen of screens) {
  test(`logged out, ${screen}: landing, login and sign-up with their errors focused, 404`, async ({ newPage }) => {
    const page = await newPage(SCREENS[screen]);
    await page.goto("/");
    await expectNav(page, "Play");
    await expectAccessible(page, `landing, ${screen}`);

    await page.goto("/login/");
    await page.getByLabel("Username").fill(uniqueName("nobody"));
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    const alert = page.locator("form").getByRole("alert");
    await expect(alert).toHaveText("Wrong username or password");
    await expect(alert).toBeFocused();
    await expectAccessible(page, `login with an error, ${screen}`);

    await page.goto("/register/");
    await page.getByLabel("Username").fill("x");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Password must be at least 8 characters")).toBeVisible();
    await expect(page.getByLabel("Username")).toBeFocused();
    await expect(page.getByLabel("Username")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Username")).toHaveAccessibleDescription("Username must be 3 to 20 characters");
    await expectAccessible(page, `sign-up with errors, ${screen}`);

    // A malformed segment is a 404 like an unknown one (the server log is checked in tests/integration/foundation).
    expect((await page.goto("/users/%25/"))?.status()).toBe(404);
    await expect(page).toHaveTitle("Page not found · Online Pong");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expectAccessible(page, `404, ${screen}`);
  });
}

test("malformed and unknown addresses are 404 pages with a title", async ({ page }) => {
  for (const path of ["/duel/abc/", "/match/xyz/", "/tournaments/%25/", "/users/%E0%A4%A/", `/users/${uniqueName("ghost")}/`]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page, path).toHaveTitle("Page not found · Online Pong");
  }
});

test("the skip link is the first Tab stop and leads past the nav", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("main").getByRole("link", { name: "Create an account" })).toBeFocused();
});

for (const screen of screens) {
  test(`logged in, ${screen}: the lobby with a challenge open, a profile, the players`, async ({ newPage, request }) => {
    const [ann, ben] = [await register(request, "ann"), await register(request, "ben")];
    const [a, b] = [await newPage(SCREENS[screen]), await newPage(SCREENS[screen])];
    await loginViaUi(a, ann);
    await loginViaUi(b, ben);
    await expect(b.getByTestId("online-list")).toContainText(ann);
    await expectNav(b, "Play");

    await a.getByTestId("online-list").getByRole("button", { name: `Duel ${ben}` }).click();
    const dialog = b.getByRole("dialog", { name: `Challenge from ${ann}` });
    await expect(dialog).toBeVisible();
    await expectAccessible(b, `lobby with a challenge open, ${screen}`);
    await dialog.getByRole("button", { name: "Decline" }).click();
    await expect(a.getByTestId("outgoing-challenge")).toHaveCount(0);

    await b.goto(`/users/${ann}/`);
    await expect(b.getByTestId("profile-username")).toHaveText(ann);
    await expectAccessible(b, `profile, ${screen}`);
    await b.goto("/users/");
    await expectNav(b, "Players");
    await expectAccessible(b, `players, ${screen}`);
  });
}

test("keyboard only: sign up, challenge from the online list, accept, get ready, play; the profile explains the forfeit", async ({ page, newPage }) => {
  const amy = uniqueName("amy");
  await page.goto("/register/");
  await tabTo(page, page.getByLabel("Username"));
  await page.keyboard.type(amy);
  await page.keyboard.press("Tab");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("lobby-username")).toHaveText(amy);

  const bob = uniqueName("bob");
  const other = await newPage();
  await registerViaUi(other, bob);

  // A message of one's own in the chat: its author name is no Tab stop between the log and the input.
  await tabTo(page, page.getByLabel("Message", { exact: true }));
  await page.keyboard.type("good luck");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("chat-log").getByTestId("chat-message").last()).toContainText("good luck");
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("log", { name: "Chat messages" })).toBeFocused();

  await tabTo(page, page.getByTestId("online-list").getByRole("button", { name: `Duel ${bob}` }));
  await page.keyboard.press("Enter");
  const dialog = other.getByRole("dialog", { name: `Challenge from ${amy}` });
  await tabTo(other, dialog.getByRole("button", { name: "Accept" }), 3);
  await other.keyboard.press("Enter");
  await Promise.all([page.waitForURL(/\/match\/\d+\/$/), other.waitForURL(/\/match\/\d+\/$/)]);

  for (const player of [page, other]) {
    await tabTo(player, player.getByRole("button", { name: "Ready" }));
    await player.keyboard.press("Enter");
  }
  await expect(page.getByTestId("match-status")).toContainText(/playing/i, { timeout: 15_000 });

  // The keys that move the paddle never scroll the page, which could scroll here.
  const scroll = () => page.evaluate(() => ({ can: document.documentElement.scrollHeight > window.innerHeight, y: window.scrollY }));
  await page.evaluate(() => window.scrollTo(0, 0));
  expect((await scroll()).can, "the match page is taller than the window").toBe(true);
  for (const key of ["ArrowDown", "ArrowRight", "ArrowDown", "ArrowLeft"]) await page.keyboard.press(key);
  expect((await scroll()).y).toBe(0);

  // Amy leaves by keyboard: Bob wins by forfeit, and his history says why.
  await tabTo(page, page.getByRole("button", { name: "Leave match" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Forfeit and leave" }), 3);
  await page.keyboard.press("Enter");
  await expect(other.getByTestId("match-result")).toBeVisible();
  await other.goto(`/users/${bob}/`);
  const row = other.getByTestId("match-history").getByRole("listitem").first();
  await expect(row).toContainText("Won");
  await expect(row).toContainText(`vs ${amy}`);
  await expect(row.getByTestId("match-ended")).toHaveText(`${amy} left the match`);
  await expectAccessible(other, "profile with a forfeit in its history");
});
