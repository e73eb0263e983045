import { expect, loginViaUi, logoutViaUi, PASSWORD, registerViaUi, test, uniqueName } from "./helpers";

test("register, log in, see one's own profile, find another user's Duel link, log out", async ({ page, request }) => {
  const alice = uniqueName("alice");
  const bob = uniqueName("bob");

  await registerViaUi(page, alice);
  await logoutViaUi(page);
  await registerViaUi(page, bob);
  await logoutViaUi(page);

  await loginViaUi(page, alice);
  await expect(page.getByTestId("lobby-username")).toHaveText(alice);

  // Own profile: name, record, no Duel link.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: `${alice} rating 1500?`, exact: true }).click();
  await expect(page.getByTestId("profile-username")).toHaveText(alice);
  await expect(page.getByText(/Joined /)).toBeVisible();
  await expect(page.getByTestId("profile-wins")).toHaveText("0");
  await expect(page.getByTestId("no-matches")).toBeVisible();
  await expect(page.getByRole("link", { name: "Duel" })).toHaveCount(0);

  // Bob's profile, found through the players list, links the duel to Bob's id.
  await page.getByRole("link", { name: "Players" }).click();
  await page.getByLabel("Search players").fill(bob);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByTestId("user-list").getByRole("link", { name: bob }).click();
  await expect(page.getByTestId("profile-username")).toHaveText(bob);
  const bobId = (await (await request.get(`/users/${bob}/`)).text()).match(/href="\/duel\/(\d+)\/"/)?.[1];
  expect(bobId).toBeDefined();
  await expect(page.getByRole("link", { name: "Duel" })).toHaveAttribute("href", `/duel/${bobId}/`);
  await page.getByRole("link", { name: "Duel" }).click();
  await expect(page).toHaveURL(`/duel/${bobId}/`);
  await expect(page.getByTestId("duel-target")).toHaveText(`Duel ${bob}`);

  // The original client's hash link leads to the same place from any page.
  await page.goto(`/users/#/duel/${bobId}`);
  await expect(page).toHaveURL(`/duel/${bobId}/`);
  await expect(page.getByTestId("duel-target")).toHaveText(`Duel ${bob}`);

  await logoutViaUi(page);
  await page.goto(`/users/${alice}/`);
  await expect(page.getByRole("link", { name: "Sign up" })).toBeVisible();
});

test("bad inputs show clear messages and create nothing", async ({ page, request }) => {
  const taken = uniqueName("taken");
  await registerViaUi(page, taken);
  await logoutViaUi(page);

  // A username taken in another case.
  await page.goto("/register/");
  await page.getByLabel("Username").fill(taken.toUpperCase());
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This username is already taken")).toBeVisible();

  // A short password and a bad username, caught beside their fields.
  const fresh = uniqueName("fresh");
  await page.getByLabel("Username").fill(fresh);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Password must be at least 8 characters")).toBeVisible();
  await page.getByLabel("Username").fill("no spaces allowed");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Username may contain only letters, digits, _ and -")).toBeVisible();
  await expect(page).toHaveURL("/register/");

  // Nothing was created: the refused name has no profile.
  expect((await request.get(`/users/${fresh}/`)).status()).toBe(404);

  // A wrong password.
  await loginViaUi(page, taken, "not-the-password");
  await expect(page.getByText("Wrong username or password")).toBeVisible();
  await expect(page).toHaveURL(/\/login\/$/);
  await loginViaUi(page, taken);
  await expect(page.getByTestId("lobby-username")).toHaveText(taken);
});

test("an unknown user's profile is a proper 404 page", async ({ page }) => {
  const response = await page.goto(`/users/${uniqueName("nobody")}/`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("five wrong passwords lock the account out from this address, with the message saying for how long", async ({ page }) => {
  const carol = uniqueName("carol");
  await registerViaUi(page, carol);
  await logoutViaUi(page);

  for (let attempt = 0; attempt < 5; attempt++) {
    await loginViaUi(page, carol, `wrong-password-${attempt}`);
    await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong username or password");
  }
  // The right password is refused too until the lockout ends.
  await loginViaUi(page, carol);
  await expect(page.locator("form").getByRole("alert")).toHaveText("Too many attempts, try again in 1 minute");
  await expect(page).toHaveURL(/\/login\//);
});
