import { type Browser, type BrowserContext, expect, type Page } from "@playwright/test";
import { MESSAGES } from "../../i18n/messages.ts";
import type { TestAccount } from "./data.ts";

export const messages = MESSAGES;

/** Signs in through the real form, in the page's language (Dutch by default). */
export async function signIn(page: Page, account: TestAccount, locale: keyof typeof messages = "nl"): Promise<void> {
  const m = messages[locale];
  await page.goto("/sign-in");
  await page.getByLabel(m.auth.signInName).fill(account.signInName);
  await page.getByLabel(m.auth.passphrase).fill(account.passphrase);
  await page.getByRole("button", { name: m.auth.submitSignIn }).click();
  await expect(page.getByText(m.nav.signedInAs.replace("{pseudonym}", account.pseudonym))).toBeVisible();
}

/**
 * Finishes a filled-in sign-up form: agrees to the terms (and, unless told otherwise, to being
 * listed by pseudonym), submits, checks the recovery code is shown once, and goes on.
 */
export async function completeSignUp(page: Page, options: { listed?: boolean } = {}): Promise<string> {
  const m = messages.nl.auth;
  await page.getByLabel(m.consentTerms.replace(/<\/?link>/g, "")).check();
  if (options.listed ?? true) await page.getByLabel(m.consentListed).check();
  await page.getByRole("button", { name: m.submitSignUp }).click();
  const code = (await page.getByTestId("recovery-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  await page.getByRole("button", { name: m.recoveryCodeContinue }).click();
  return code;
}

export async function signedInContext(browser: Browser, account: TestAccount): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account);
  return { context, page };
}

export function notesEditor(page: Page) {
  return page.getByTestId("notes-editor");
}

/** Waits until the editor is connected and has the stored document. */
export async function expectNotesReady(page: Page): Promise<void> {
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-synced", "true");
}
