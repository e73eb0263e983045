import { expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";

export const PASSWORD = "correct-horse-battery";

export function uniqueName(base: string): string {
  return `${base}_${randomBytes(3).toString("hex")}`;
}

/** Registers through the form; ends logged in, on the lobby. */
export async function registerViaUi(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto("/register/");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("lobby-username")).toHaveText(username);
}

export async function loginViaUi(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto("/login/");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

export async function logoutViaUi(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log in" })).toBeVisible();
}

/** Fails the test on any console error or uncaught page error. */
export function failOnConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}
