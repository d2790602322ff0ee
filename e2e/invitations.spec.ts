import { expect, test } from "@playwright/test";
import { makeAccount, makeTable, unique } from "./support/data.ts";
import { completeSignUp, messages, signIn } from "./support/pages.ts";

const nl = messages.nl;

test("a facilitator convenes a table and a representative joins pseudonymously through a single-use link", async ({ page, browser }) => {
  const facilitator = await makeAccount("Noor");
  await signIn(page, facilitator);
  const title = unique("Tafel APV");
  await page.getByLabel(nl.home.tableTitle).fill(title);
  await page.getByRole("button", { name: nl.home.create }).click();
  await expect(page.getByRole("heading", { name: title, exact: true })).toBeVisible();

  await page.getByRole("link", { name: nl.tableNav.members }).click();
  await page.getByLabel(nl.table.invitationRole, { exact: true }).selectOption("delegate");
  await page.getByRole("button", { name: nl.table.createInvitation }).click();
  const link = (await page.getByTestId("invitation-link").textContent())?.trim() ?? "";
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);

  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(link);
  await expect(guestPage.getByRole("heading", { name: nl.invite.title.replace("{table}", title) })).toBeVisible();
  await guestPage.getByLabel(nl.auth.signInName).fill(unique("saffier").toLowerCase());
  await guestPage.getByLabel(nl.auth.pseudonym).fill("Saffier");
  await guestPage.getByLabel(nl.auth.passphrase, { exact: true }).fill("lantaarn bij de oude haven");
  await guestPage.getByLabel(nl.auth.passphraseRepeat).fill("lantaarn bij de oude haven");
  await completeSignUp(guestPage);
  await expect(guestPage.getByRole("heading", { name: title, exact: true })).toBeVisible();
  await expect(guestPage.getByText(nl.table.yourRole.replace("{role}", nl.roles.delegate))).toBeVisible();

  // The facilitator now sees Saffier at the table, and the link no longer works.
  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: "Saffier" })).toBeVisible();
  const third = await browser.newContext();
  const thirdPage = await third.newPage();
  await thirdPage.goto(link);
  await expect(thirdPage.getByRole("alert").filter({ hasText: nl.errors.INVITATION_USED })).toBeVisible();
  await guest.close();
  await third.close();
});

test("a table is not reachable for people who are not members", async ({ page }) => {
  const outsider = await makeAccount();
  const owner = await makeAccount();
  const table = await makeTable([{ account: owner, role: "facilitator" }]);
  await signIn(page, outsider);
  await page.goto(`/tables/${table.id}`);
  await expect(page.getByRole("heading", { name: nl.notFound.title })).toBeVisible();
  await expect(page.getByText(table.title)).toHaveCount(0);
  await page.goto(`/tables/${table.id}/notes`);
  await expect(page.getByRole("heading", { name: nl.notFound.title })).toBeVisible();
});
