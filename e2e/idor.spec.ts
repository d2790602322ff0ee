// Per-object authorization, swept over every page and file route of a table: someone who is not
// a member gets not-found (never the content, never a different error that would confirm the
// table exists), also when they put another table's record ids under their own table's address.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ROUTES, type RouteContext } from "./routes.ts";
import { makeAccount, makeTable, type TestAccount } from "./support/data.ts";
import { signedInContext, signIn } from "./support/pages.ts";
import { filledTable } from "./support/route-context.ts";

/** Every file route (CSV, PDF) of a table, with how to reach it. */
const FILE_ROUTES: { pattern: string; path: (ctx: RouteContext) => string }[] = [
  { pattern: "compensation/funder.csv", path: (c) => `/tables/${c.tableId}/compensation/funder.csv` },
  { pattern: "compensation/payout.csv", path: (c) => `/tables/${c.tableId}/compensation/payout.csv` },
  { pattern: "facts/fact-sheet.pdf", path: (c) => `/tables/${c.tableId}/facts/fact-sheet.pdf` },
  { pattern: "facts/register.csv", path: (c) => `/tables/${c.tableId}/facts/register.csv` },
  { pattern: "measures/[measureId]/measure.pdf", path: (c) => `/tables/${c.tableId}/measures/${c.measureId}/measure.pdf` },
  { pattern: "meetings/[meetingId]/minutes/minutes.pdf", path: (c) => `/tables/${c.tableId}/meetings/${c.meetingId}/minutes/minutes.pdf` },
  { pattern: "participation/report.csv", path: (c) => `/tables/${c.tableId}/participation/report.csv` },
  { pattern: "participation/report.pdf", path: (c) => `/tables/${c.tableId}/participation/report.pdf` },
];

function fileRoutes(dir = "app/tables/[tableId]", prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory()) return entry.name === "route.ts" ? [prefix] : [];
    return fileRoutes(path.join(dir, entry.name), prefix ? `${prefix}/${entry.name}` : entry.name);
  });
}

// Readable by anyone once the table made its summary public: not a member's page.
const PUBLIC = new Set(["/tables/[tableId]/summary"]);
const tablePages = ROUTES.filter((r) => r.signedIn && r.pattern.startsWith("/tables/") && !PUBLIC.has(r.pattern));

let owner: TestAccount;
let outsider: TestAccount;
let theirs: RouteContext;
let ownTableId: string;

test.beforeAll(async () => {
  owner = await makeAccount("Eigenaar");
  theirs = await filledTable(owner);
  outsider = await makeAccount("Buitenstaander");
  ownTableId = (await makeTable([{ account: outsider, role: "facilitator" }])).id;
});

test("the sweep names every file route of a table", () => {
  expect(fileRoutes().sort()).toEqual(FILE_ROUTES.map((r) => r.pattern).sort());
});

test("another table's pages and files are not found for someone who is not its member", async ({ page, browser }) => {
  test.setTimeout(Math.max(60_000, (tablePages.length + FILE_ROUTES.length) * 4_000));
  await signIn(page, outsider);
  // Their own table's address with the other table's record ids: the ids are checked against the table.
  const mixed: RouteContext = { ...theirs, tableId: ownTableId };
  const failures: string[] = [];
  for (const ctx of [theirs, mixed]) {
    for (const route of tablePages) {
      const target = route.path(ctx);
      // Pages without record ids of their own are the outsider's own pages under `mixed`.
      if (ctx === mixed && !/\[(factId|meetingId|measureId)\]/.test(route.pattern)) continue;
      const response = await page.goto(target);
      if (response?.status() !== 404) failures.push(`${target}: ${response?.status()}`);
    }
    for (const route of FILE_ROUTES) {
      if (ctx === mixed && !/\[(meetingId|measureId)\]/.test(route.pattern)) continue;
      const target = route.path(ctx);
      const response = await page.request.get(target);
      if (response.status() !== 404) failures.push(`${target}: ${response.status()}`);
      expect(await response.text()).not.toContain("Stichting Rode Lantaarn");
    }
  }
  expect(failures).toEqual([]);
  // The owner does reach them, so the sweep looks at real pages.
  const member = await signedInContext(browser, owner);
  for (const route of tablePages.slice(0, 3)) expect((await member.page.goto(route.path(theirs)))?.status()).toBe(200);
  expect((await member.page.request.get(FILE_ROUTES[3]?.path(theirs) ?? "")).status()).toBe(200);
  await member.context.close();
});
