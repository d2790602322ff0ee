import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { makeAccount, makeTable } from "./support/data.ts";
import { messages, signedInContext } from "./support/pages.ts";

const nl = messages.nl;

test("a person downloads their data and erases their account; they are signed out and cannot sign in again", async ({ browser }) => {
  const noor = await makeAccount("Noor");
  const iris = await makeAccount();
  const table = await makeTable([
    { account: noor, role: "facilitator" },
    { account: iris, role: "delegate" },
  ]);
  const { context, page } = await signedInContext(browser, iris);

  await page.goto("/settings");
  await page.getByRole("link", { name: nl.settings.dataLink }).click();
  await expect(page.getByRole("heading", { level: 1, name: nl.personalData.title })).toBeVisible();
  await expect(page.getByTestId("data-account")).toContainText(iris.pseudonym);
  await expect(page.getByTestId("data-memberships")).toContainText(table.title);

  // The download is one JSON file with their own data in it.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: nl.personalData.download }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${nl.personalData.filename}.json`);
  const data = JSON.parse(readFileSync(await download.path(), "utf8"));
  expect(data.account).toMatchObject({ pseudonym: iris.pseudonym, signInName: iris.signInName });
  expect(data.memberships).toEqual([expect.objectContaining({ table: table.title, role: "delegate" })]);
  expect(JSON.stringify(data)).not.toContain(noor.pseudonym);

  // A wrong passphrase is refused, and the account stays.
  const passphrase = page.getByLabel(nl.personalData.erase.passphrase);
  await passphrase.fill("niet mijn eigen wachtzin");
  await page.getByRole("button", { name: nl.personalData.erase.confirm }).click();
  await expect(page.getByText(nl.errors.PASSPHRASE_WRONG)).toBeVisible();

  await passphrase.fill(iris.passphrase);
  await page.getByRole("button", { name: nl.personalData.erase.confirm }).click();
  await expect(page.getByRole("status").filter({ hasText: nl.home.erased })).toBeVisible();
  await expect(page).toHaveURL(/\/\?erased=1$/);
  await expect(page.getByRole("link", { name: nl.nav.signIn })).toBeVisible();

  // Signed out for good: their pages ask for a sign-in, the file is refused, the sign-in fails.
  await page.goto("/settings/data");
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await page.request.get("/settings/data/export.json")).status()).toBe(401);
  await page.getByLabel(nl.auth.signInName).fill(iris.signInName);
  await page.getByLabel(nl.auth.passphrase).fill(iris.passphrase);
  await page.getByRole("button", { name: nl.auth.submitSignIn }).click();
  await expect(page.getByRole("alert").filter({ hasText: nl.errors.SIGN_IN_FAILED })).toBeVisible();
  await context.close();

  // The table no longer lists them; the log says someone erased their account, not who.
  const facilitator = await signedInContext(browser, noor);
  await facilitator.page.goto(`/tables/${table.id}/members`);
  await expect(facilitator.page.locator("main")).not.toContainText(iris.pseudonym);
  await facilitator.page.goto(`/tables/${table.id}/activity`);
  const erased = facilitator.page.getByTestId("activity-log").locator('[data-action="membership.erased"]');
  await expect(erased).toContainText(nl.activity.formerMember);
  await expect(facilitator.page.locator("main")).not.toContainText(iris.pseudonym);
  await facilitator.context.close();
});
