import { expect, test } from "@playwright/test";
import { codeAt } from "../features/identity/second-factor.ts";
import { makeAccount, makeTable, testDb } from "./support/data.ts";
import { messages, signIn } from "./support/pages.ts";

const nl = messages.nl;

test("a facilitator past the grace period can only set up a second factor, then signs in with a code", async ({ page }) => {
  const noor = await makeAccount("Noor");
  const table = await makeTable([{ account: noor, role: "facilitator" }]);
  await signIn(page, noor);

  // Within the grace period every page reminds them, and everything still works.
  const banner = page.getByRole("complementary", { name: nl.secondFactor.title });
  await expect(banner).toContainText(nl.secondFactor.bannerDue.split("{at}")[0] as string);
  await page.goto(`/tables/${table.id}`);
  await expect(page.getByRole("heading", { level: 1, name: table.title })).toBeVisible();

  // After it, pages, files and actions all lead to the second factor's page.
  await testDb().account.update({ where: { id: noor.id }, data: { secondFactorDueAt: new Date(Date.now() - 1000) } });
  await page.goto(`/tables/${table.id}/members`);
  await expect(page).toHaveURL(/\/settings\/second-factor$/);
  await expect(page.getByRole("alert").filter({ hasText: nl.secondFactor.requiredNotice })).toBeVisible();
  const file = await page.request.get(`/tables/${table.id}/participation/report.csv`, { maxRedirects: 0 });
  expect(file.status()).toBe(307);
  expect(file.headers().location).toMatch(/\/settings\/second-factor$/);

  // Setting it up: a QR code, the key to type in, and a first code from the app.
  await page.getByRole("button", { name: nl.secondFactor.start }).click();
  await expect(page.getByRole("img", { name: nl.secondFactor.qrLabel })).toBeVisible();
  const secret = ((await page.getByTestId("second-factor-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const code = page.getByLabel(nl.secondFactor.code);
  await code.fill("12345");
  await page.getByRole("button", { name: nl.secondFactor.confirm }).click();
  await expect(code).toHaveAccessibleDescription(new RegExp(nl.errors.SECOND_FACTOR_CODE_INVALID));
  await code.fill(codeAt(secret, new Date()));
  await page.getByRole("button", { name: nl.secondFactor.confirm }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^Aan sinds/ })).toBeVisible();
  await expect(page.getByText(nl.secondFactor.removeNotAllowed)).toBeVisible();
  await expect(page.getByRole("complementary", { name: nl.secondFactor.title })).toHaveCount(0);

  await page.goto(`/tables/${table.id}/members`);
  await expect(page).toHaveURL(new RegExp(`/tables/${table.id}/members$`));

  // Signing in now asks for the code after the passphrase; a wrong one is refused on its field.
  await page.getByRole("button", { name: nl.nav.signOut }).click();
  await expect(page.getByRole("link", { name: nl.nav.signIn })).toBeVisible();
  await page.goto("/sign-in");
  await page.getByLabel(nl.auth.signInName).fill(noor.signInName);
  await page.getByLabel(nl.auth.passphrase).fill(noor.passphrase);
  await page.getByRole("button", { name: nl.auth.submitSignIn }).click();
  await expect(page.getByRole("alert").filter({ hasText: nl.errors.SIGN_IN_CODE_REQUIRED })).toBeVisible();
  const signInCode = page.getByLabel(nl.auth.code);
  await expect(signInCode).toBeFocused();
  await signInCode.fill("000000");
  await page.getByRole("button", { name: nl.auth.submitSignIn }).click();
  await expect(signInCode).toHaveAccessibleDescription(new RegExp(nl.errors.SIGN_IN_CODE_INVALID));
  // The code the app shows next: the one confirmed above may not be used twice.
  await signInCode.fill(codeAt(secret, new Date(Date.now() + 30_000)));
  await page.getByRole("button", { name: nl.auth.submitSignIn }).click();
  await expect(page.getByText(nl.nav.signedInAs.replace("{pseudonym}", noor.pseudonym))).toBeVisible();
});
