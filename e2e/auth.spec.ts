import { expect, test } from "@playwright/test";
import { demoAccount, makeAccount, unique } from "./support/data.ts";
import { signInOverHttp } from "./support/http-sign-in.ts";
import { completeSignUp, messages, signIn } from "./support/pages.ts";

const nl = messages.nl;

test("a new person signs up with only a sign-in name, a pseudonym and a passphrase", async ({ page }) => {
  await page.goto("/sign-up");
  // No field asks for an email address, phone number or legal name.
  await expect(page.locator("input[type=email], input[type=tel]")).toHaveCount(0);
  const signInName = unique("nieuw").toLowerCase();
  await page.getByLabel(nl.auth.signInName).fill(signInName);
  await page.getByLabel(nl.auth.pseudonym).fill("Robijn");
  await page.getByLabel(nl.auth.passphrase, { exact: true }).fill("wachtwoord");
  await page.getByLabel(nl.auth.passphraseRepeat).fill("wachtwoord");
  await page.getByRole("button", { name: nl.auth.submitSignUp }).click();
  await expect(page.getByText(nl.errors.PASSPHRASE_TOO_SHORT)).toBeVisible();

  await page.getByLabel(nl.auth.passphrase, { exact: true }).fill("password12345678");
  await page.getByLabel(nl.auth.passphraseRepeat).fill("password12345678");
  await page.getByRole("button", { name: nl.auth.submitSignUp }).click();
  await expect(page.getByText(nl.errors.PASSPHRASE_COMMON)).toBeVisible();

  await page.getByLabel(nl.auth.passphrase, { exact: true }).fill("rode lantaarn aan de gracht");
  await page.getByLabel(nl.auth.passphraseRepeat).fill("rode lantaarn aan de gracht");
  await completeSignUp(page);
  await expect(page.getByText(nl.nav.signedInAs.replace("{pseudonym}", "Robijn"))).toBeVisible();
  await expect(page.getByRole("heading", { name: nl.home.myTables })).toBeVisible();
});

test("signing in and out, with a clear message for a wrong passphrase", async ({ page }) => {
  const account = await makeAccount();
  await page.goto("/sign-in");
  await page.getByLabel(nl.auth.signInName).fill(account.signInName);
  await page.getByLabel(nl.auth.passphrase).fill("niet de goede wachtzin");
  await page.getByRole("button", { name: nl.auth.submitSignIn }).click();
  await expect(page.getByRole("alert").filter({ hasText: nl.errors.SIGN_IN_FAILED })).toBeVisible();

  await signIn(page, account);
  await page.getByRole("button", { name: nl.nav.signOut }).click();
  await expect(page.getByText(nl.auth.signedOut)).toBeVisible();
  await expect(page.getByRole("link", { name: nl.nav.signIn })).toBeVisible();

  // The session ended: a protected page sends the person to sign in again.
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings/);
});

test("the per-address sign-in limit counts the real sender, not a forwarded address it made up", async () => {
  const account = await makeAccount();
  // 30 failures from one computer, each claiming to be forwarded for another address.
  for (let i = 0; i < 30; i++) {
    const code = await signInOverHttp({
      from: "127.0.0.2",
      headers: { "x-forwarded-for": `203.0.113.${i}` },
      signInName: unique("geraden"),
      passphrase: "verkeerde zin hoor",
    });
    expect(code).toBe("SIGN_IN_FAILED");
  }
  const again = { signInName: account.signInName, passphrase: account.passphrase };
  expect(await signInOverHttp({ from: "127.0.0.2", headers: { "x-forwarded-for": "198.51.100.7" }, ...again })).toBe("SIGN_IN_THROTTLED");
  // The configured trusted proxy (127.0.0.3 in the e2e start) is believed about whom it forwards for:
  // another client gets in, the throttled computer behind the proxy is still held up.
  expect(await signInOverHttp({ from: "127.0.0.3", headers: { "x-forwarded-for": "198.51.100.7" }, ...again })).toBe("ok");
  expect(await signInOverHttp({ from: "127.0.0.3", headers: { "x-forwarded-for": "127.0.0.2" }, ...again })).toBe("SIGN_IN_THROTTLED");
});

test("a newcomer signs in to the demo with the passphrase the start printed and kept in the data folder", async ({ page }) => {
  const noor = demoAccount("noor", "Noor Hamdan");
  await page.goto("/sign-in");
  await page.getByLabel(nl.auth.signInName).fill(noor.signInName);
  await page.getByLabel(nl.auth.passphrase).fill(noor.passphrase);
  await page.getByRole("button", { name: nl.auth.submitSignIn }).click();
  await expect(page.getByText(nl.nav.signedInAs.replace("{pseudonym}", noor.pseudonym))).toBeVisible();
  await expect(page.getByRole("link", { name: "Tafel APV thuiswerk" })).toBeVisible();
});

test("a person who forgot their passphrase sets a new one with the recovery code from sign-up", async ({ page }) => {
  await page.goto("/sign-up");
  const signInName = unique("herstel").toLowerCase();
  await page.getByLabel(nl.auth.signInName).fill(signInName);
  await page.getByLabel(nl.auth.pseudonym).fill("Jade");
  await page.getByLabel(nl.auth.passphrase, { exact: true }).fill("jade loopt langs de gracht");
  await page.getByLabel(nl.auth.passphraseRepeat).fill("jade loopt langs de gracht");
  const code = await completeSignUp(page);
  await expect(page.getByText(nl.nav.signedInAs.replace("{pseudonym}", "Jade"))).toBeVisible();
  await page.getByRole("button", { name: nl.nav.signOut }).click();
  await expect(page.getByText(nl.auth.signedOut)).toBeVisible();

  await page.getByRole("link", { name: nl.auth.forgotPassphrase }).click();
  await page.getByLabel(nl.auth.signInName).fill(signInName);
  await page.getByLabel(nl.auth.recoveryCode).fill("AAAA-BBBB-CCCC-DDDD-EEEE");
  await page.getByLabel(nl.auth.newPassphrase, { exact: true }).fill("een nieuwe zin voor jade");
  await page.getByLabel(nl.auth.passphraseRepeat).fill("een nieuwe zin voor jade");
  await page.getByRole("button", { name: nl.auth.recoverSubmit }).click();
  await expect(page.getByRole("alert").filter({ hasText: nl.errors.RECOVERY_FAILED })).toBeVisible();

  // Typed again in full (in lower case, which counts the same), as after any refused attempt.
  await page.getByLabel(nl.auth.signInName).fill(signInName);
  await page.getByLabel(nl.auth.recoveryCode).fill(code.toLowerCase());
  await page.getByLabel(nl.auth.newPassphrase, { exact: true }).fill("een nieuwe zin voor jade");
  await page.getByLabel(nl.auth.passphraseRepeat).fill("een nieuwe zin voor jade");
  await page.getByRole("button", { name: nl.auth.recoverSubmit }).click();
  const next = (await page.getByTestId("recovery-code").textContent())?.trim() ?? "";
  expect(next).not.toBe(code);
  await page.getByRole("link", { name: nl.auth.recoveredSignIn }).click();
  await signIn(page, { id: "", signInName, passphrase: "een nieuwe zin voor jade", pseudonym: "Jade" });
});
