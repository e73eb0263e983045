/**
 * Page audit: visits every page of a running server as a player would and reports, per page,
 * the JavaScript it loads (raw and gzip bytes, and which of a few heavy pieces it holds) and axe-core's serious and critical violations.
 *
 *   AUDIT_URL=http://127.0.0.1:3000 npx tsx scripts/audit/pages.ts
 *
 * The server needs generous sign-up and login limits (SIGNUP_MAX_PER_ADDRESS, LOGIN_MAX_PER_ADDRESS).
 */
import { gzipSync } from "node:zlib";
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Page } from "@playwright/test";

const base = process.env.AUDIT_URL ?? "http://127.0.0.1:3000";
const viewport = process.env.AUDIT_VIEWPORT ? parseViewport(process.env.AUDIT_VIEWPORT) : { width: 1366, height: 800 };

function parseViewport(text: string): { width: number; height: number } {
  const [width = 1366, height = 800] = text.split("x").map(Number);
  return { width, height };
}

type Row = { page: string; scripts: number; raw: number; gzip: number; serious: number; nodes: number; rules: string; holds: string };

/** Code a page should load only where it is needed, found by a string its minified chunk keeps. */
const MARKERS: Record<string, string> = {
  "socket.io-client": "io server disconnect",
  "lobby chat": "Say something, or /duel",
  zod: "ZodError",
};

async function measure(page: Page, name: string, visit: () => Promise<unknown>): Promise<Row> {
  const bodies = new Map<string, Promise<Buffer>>();
  const onResponse = (response: import("@playwright/test").Response) => {
    if (response.request().resourceType() === "script") bodies.set(response.url(), response.body());
  };
  page.on("response", onResponse);
  await visit();
  await page.waitForLoadState("networkidle");
  page.off("response", onResponse);
  const buffers = await Promise.all(bodies.values());
  const texts = buffers.map((buffer) => buffer.toString("utf8"));
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  return {
    page: name,
    scripts: buffers.length,
    raw: buffers.reduce((sum, b) => sum + b.length, 0),
    gzip: buffers.reduce((sum, b) => sum + gzipSync(b).length, 0),
    serious: bad.length,
    nodes: bad.reduce((sum, v) => sum + v.nodes.length, 0),
    rules: bad.map((v) => `${v.id}(${v.nodes.length})`).join(" "),
    holds: Object.entries(MARKERS)
      .filter(([, marker]) => texts.some((text) => text.includes(marker)))
      .map(([label]) => label)
      .join(", "),
  };
}

async function signUp(page: Page, username: string) {
  await page.goto(`${base}/register/`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("correct-horse-battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByTestId("lobby-username").waitFor();
}

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  const rows: Row[] = [];
  const guest = await (await browser.newContext({ viewport })).newPage();
  rows.push(await measure(guest, "landing (logged out)", () => guest.goto(`${base}/`)));
  rows.push(await measure(guest, "login", () => guest.goto(`${base}/login/`)));
  rows.push(await measure(guest, "sign-up", () => guest.goto(`${base}/register/`)));
  rows.push(await measure(guest, "404", () => guest.goto(`${base}/users/%25/`)));

  const name = `audit_${randomBytes(3).toString("hex")}`;
  const player = await (await browser.newContext({ viewport })).newPage();
  await signUp(player, name);
  rows.push(await measure(player, "lobby", () => player.goto(`${base}/`)));
  rows.push(await measure(player, "players", () => player.goto(`${base}/users/`)));
  rows.push(await measure(player, "profile", () => player.goto(`${base}/users/${name}/`)));
  rows.push(await measure(player, "tournaments", () => player.goto(`${base}/tournaments/`)));
  await browser.close();

  console.log(`viewport ${viewport.width}x${viewport.height}`);
  console.log("| page | scripts | JS raw KB | JS gzip KB | loads | axe serious+critical rules | nodes | rules |");
  console.log("|---|---:|---:|---:|---|---:|---:|---|");
  for (const r of rows) console.log(`| ${r.page} | ${r.scripts} | ${(r.raw / 1024).toFixed(1)} | ${(r.gzip / 1024).toFixed(1)} | ${r.holds} | ${r.serious} | ${r.nodes} | ${r.rules} |`);
}

await main();
