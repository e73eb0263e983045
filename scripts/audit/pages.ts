/**
 * Page audit: visits every page as a player would, on a desktop and on a phone held both ways,
 * and prints per page the JavaScript it loads (raw and gzip bytes, and which of a few heavy pieces
 * it holds) and axe-core's serious and critical WCAG 2.1 A/AA violations.
 *
 *   npm run audit:pages                                   # starts its own server.ts (needs `npm run build`)
 *   AUDIT_URL=http://127.0.0.1:3000 npm run audit:pages   # a running server with generous sign-up/login limits
 */
import { gzipSync } from "node:zlib";
import { randomBytes } from "node:crypto";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { SCREENS, seriousViolations } from "../../e2e/screens";
import { GENEROUS_LIMITS, startServer, TEST_SECRET } from "../../tests/helpers/server";


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
  const bad = await seriousViolations(page);
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

async function signUp(page: Page, base: string, username: string) {
  await page.goto(`${base}/register/`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("correct-horse-battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByTestId("lobby-username").waitFor();
}

async function audit(browser: Browser, base: string, screen: BrowserContextOptions) {
  const rows: Row[] = [];
  const guest = await (await browser.newContext(screen)).newPage();
  rows.push(await measure(guest, "landing (logged out)", () => guest.goto(`${base}/`)));
  rows.push(await measure(guest, "login", () => guest.goto(`${base}/login/`)));
  rows.push(await measure(guest, "sign-up", () => guest.goto(`${base}/register/`)));
  rows.push(await measure(guest, "404", () => guest.goto(`${base}/users/%25/`)));

  const name = `audit_${randomBytes(3).toString("hex")}`;
  const player = await (await browser.newContext(screen)).newPage();
  await signUp(player, base, name);
  rows.push(await measure(player, "lobby", () => player.goto(`${base}/`)));
  rows.push(await measure(player, "players", () => player.goto(`${base}/users/`)));
  rows.push(await measure(player, "profile", () => player.goto(`${base}/users/${name}/`)));
  rows.push(await measure(player, "tournaments", () => player.goto(`${base}/tournaments/`)));

  // A tournament's bracket (open) and a duel's match page (waiting), created through the API.
  const headers = { origin: base };
  const created = await player.request.post(`${base}/game/tournaments/create_tournament_form/`, { headers, data: { name: "Audit cup", max_players: 4 } });
  const { tournament_id } = (await created.json()) as { tournament_id: number };
  rows.push(await measure(player, "bracket (open)", () => player.goto(`${base}/tournaments/${tournament_id}/`)));
  const opponent = `audit_${randomBytes(3).toString("hex")}`;
  const other = await (await browser.newContext(screen)).newPage();
  await signUp(other, base, opponent);
  const match = await player.request.post(`${base}/game/matches/create_match/`, { headers, data: { opponent } });
  const { match_id } = (await match.json()) as { match_id: number };
  rows.push(await measure(player, "match (waiting)", () => player.goto(`${base}/match/${match_id}/`)));
  await other.context().close();
  await player.context().close();
  await guest.context().close();

  console.log(`\nscreen ${screen.viewport?.width}x${screen.viewport?.height}${screen.isMobile ? " (phone)" : ""}`);
  console.log("| page | scripts | JS raw KB | JS gzip KB | loads | axe serious+critical rules | nodes | rules |");
  console.log("|---|---:|---:|---:|---|---:|---:|---|");
  for (const r of rows) console.log(`| ${r.page} | ${r.scripts} | ${(r.raw / 1024).toFixed(1)} | ${(r.gzip / 1024).toFixed(1)} | ${r.holds} | ${r.serious} | ${r.nodes} | ${r.rules} |`);
}

const server = process.env.AUDIT_URL ? null : await startServer({ NEXTAUTH_SECRET: TEST_SECRET, ...GENEROUS_LIMITS });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  for (const screen of Object.values(SCREENS)) await audit(browser, process.env.AUDIT_URL ?? server!.url, screen);
} finally {
  await browser.close();
  await server?.stop();
}
