import { readdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { notify } from "../features/notifications/notify.ts";
import { ROUTES, type RouteContext } from "./routes.ts";
import { makeAccount, type TestAccount, testDb } from "./support/data.ts";
import { expectNotesReady, signIn } from "./support/pages.ts";
import { filledTable } from "./support/route-context.ts";

function pagePatterns(dir = "app", prefix = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith("_") && entry.name !== "api") {
      found.push(...pagePatterns(path.join(dir, entry.name), `${prefix}/${entry.name}`));
    } else if (entry.name === "page.tsx") {
      found.push(prefix || "/");
    } else if (entry.name === "not-found.tsx" && prefix === "") {
      found.push("/_not-found");
    }
  }
  return found;
}

test("the route list names every page under app/", () => {
  expect([...new Set(ROUTES.map((route) => route.pattern))].sort()).toEqual(pagePatterns().sort());
});

let account: TestAccount;
let ctx: RouteContext;

test.beforeAll(async () => {
  account = await makeAccount("Toegankelijk");
  ctx = await filledTable(account);
  const table = { id: ctx.tableId };
  // One read and one unread notification, so the notifications page renders its list.
  await testDb().$transaction((tx) =>
    notify(tx, [account.id], "round_opened", `/tables/${table.id}/problem`, new Date(Date.now() - 60_000)),
  );
  await testDb().$transaction((tx) =>
    notify(tx, [account.id], "meeting_scheduled", `/tables/${table.id}/meetings/${ctx.meetingId}`, new Date()),
  );
  await testDb().notification.updateMany({ where: { accountId: account.id, kind: "round_opened" }, data: { readAt: new Date() } });
});

for (const locale of ["nl", "en", "es"] as const) {
  test(`no serious or critical accessibility violations on any page (${locale})`, async ({ browser }) => {
    // One axe pass per page, and the list grows with every page: time in proportion to it.
    test.setTimeout(Math.max(60_000, ROUTES.length * 15_000));
    const context = await browser.newContext();
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: test.info().project.use.baseURL ?? "http://127.0.0.1:3103" }]);
    const page = await context.newPage();
    const problems: string[] = [];
    for (const signedIn of [false, true]) {
      if (signedIn) await signIn(page, account, locale);
      for (const route of ROUTES.filter((r) => r.signedIn === signedIn)) {
        await page.goto(route.path(ctx));
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        if (route.pattern.endsWith("/notes")) await expectNotesReady(page);
        if (route.pattern.endsWith("/measures/[measureId]")) {
          await expect(page.getByTestId("measure-editor-status")).toHaveAttribute("data-synced", "true");
        }
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
        for (const violation of results.violations) {
          if (violation.impact === "serious" || violation.impact === "critical") {
            problems.push(
              `${route.pattern}: ${violation.id} (${violation.impact}) ${violation.nodes.map((n) => n.target.join(" ")).join(", ")}`,
            );
          }
        }
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  });
}
