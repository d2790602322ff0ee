// Reach: many people will use Tafel on a phone, and some only with a keyboard. The pages people
// use most fit a narrow screen without sideways scrolling, and signing in and finding one's table
// works with the keyboard alone, with the focus always visible.
import { expect, test } from "@playwright/test";
import type { RouteContext } from "./routes.ts";
import { makeAccount, type TestAccount } from "./support/data.ts";
import { messages, signIn } from "./support/pages.ts";
import { filledTable } from "./support/route-context.ts";

const nl = messages.nl;
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

let account: TestAccount;
let ctx: RouteContext;

test.beforeAll(async () => {
  account = await makeAccount("Telefoon");
  ctx = await filledTable(account);
});

const MOST_USED = (c: RouteContext) => [
  "/",
  `/tables/${c.tableId}`,
  `/tables/${c.tableId}/participation`,
  `/tables/${c.tableId}/problem`,
  `/tables/${c.tableId}/facts`,
  `/tables/${c.tableId}/meetings/${c.meetingId}`,
  `/tables/${c.tableId}/measures`,
  `/tables/${c.tableId}/measures/${c.measureId}`,
  `/tables/${c.tableId}/compensation`,
  "/notifications",
  "/settings",
  "/settings/data",
];

test("the pages people use most fit a phone's width without sideways scrolling", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto("/sign-up");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport.width);
  await signIn(page, account);
  const wide: string[] = [];
  for (const path of MOST_USED(ctx)) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > PHONE.viewport.width) wide.push(`${path}: ${width}px`);
  }
  expect(wide).toEqual([]);
  await context.close();
});

test("signing in and opening one's table work with the keyboard alone, the focus always visible", async ({ page }) => {
  await page.goto("/sign-in");
  const focusVisible = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return false;
      const style = getComputedStyle(el);
      return style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0;
    });
  // Tab to the sign-in name field, checking that every stop on the way shows where the focus is.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    expect(await focusVisible()).toBe(true);
    if (await page.getByLabel(nl.auth.signInName).evaluate((el) => el === document.activeElement)) break;
  }
  await page.keyboard.type(account.signInName);
  await page.keyboard.press("Tab");
  await page.keyboard.type(account.passphrase);
  await page.keyboard.press("Enter");
  await expect(page.getByText(nl.nav.signedInAs.replace("{pseudonym}", account.pseudonym))).toBeVisible();
  // Tab to the table's link and open it with Enter.
  const tableLink = page.locator(`a[href="/tables/${ctx.tableId}"]`).first();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await tableLink.evaluate((el) => el === document.activeElement)) break;
  }
  expect(await focusVisible()).toBe(true);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/tables/${ctx.tableId}$`));
});
