import { expect, test } from "@playwright/test";
import { makeAccount, makeTable } from "./support/data.ts";
import { expectNotesReady, messages, signedInContext, signIn } from "./support/pages.ts";

const nl = messages.nl;

test("a person sees where they are signed in, ends another session, and changes their passphrase", async ({ browser }) => {
  const iris = await makeAccount("Iris");
  const phone = await signedInContext(browser, iris);
  const laptop = await signedInContext(browser, iris);

  await laptop.page.goto("/settings");
  const sessions = laptop.page.getByTestId("session-list").getByRole("listitem");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: nl.settings.thisSession })).toHaveCount(1);
  // Never an address: only when each began and was last active.
  await expect(laptop.page.getByTestId("session-list")).not.toContainText("127.0.0.1");
  await sessions.filter({ hasNotText: nl.settings.thisSession }).getByRole("button").click();
  await expect(sessions).toHaveCount(1);
  await expect(laptop.page.getByText(nl.settings.noOtherSessions)).toBeVisible();
  // The phone is signed out at its next step.
  await phone.page.goto("/settings");
  await expect(phone.page).toHaveURL(/\/sign-in/);

  // A wrong current passphrase is refused with a clear message, and nothing changes.
  const form = laptop.page.locator("form").filter({ has: laptop.page.getByLabel(nl.settings.currentPassphrase) });
  await form.getByLabel(nl.settings.currentPassphrase).fill("niet mijn huidige zin");
  await form.getByLabel(nl.settings.newPassphrase, { exact: true }).fill("een nieuwe zin voor iris");
  await form.getByLabel(nl.settings.newPassphraseRepeat).fill("een nieuwe zin voor iris");
  await form.getByRole("button", { name: nl.settings.changePassphrase }).click();
  await expect(form.getByText(nl.errors.PASSPHRASE_WRONG)).toBeVisible();

  await signIn(phone.page, iris);
  await form.getByLabel(nl.settings.currentPassphrase).fill(iris.passphrase);
  await form.getByRole("button", { name: nl.settings.changePassphrase }).click();
  await expect(laptop.page.getByRole("status").filter({ hasText: "1 andere sessie is beëindigd." })).toBeVisible();
  await phone.page.goto("/settings");
  await expect(phone.page).toHaveURL(/\/sign-in/);
  // The old passphrase no longer opens the account; the new one does.
  await phone.page.getByLabel(nl.auth.signInName).fill(iris.signInName);
  await phone.page.getByLabel(nl.auth.passphrase).fill(iris.passphrase);
  await phone.page.getByRole("button", { name: nl.auth.submitSignIn }).click();
  await expect(phone.page.getByRole("alert").filter({ hasText: nl.errors.SIGN_IN_FAILED })).toBeVisible();
  await signIn(phone.page, { ...iris, passphrase: "een nieuwe zin voor iris" });
  await phone.context.close();
  await laptop.context.close();
});

test("a member leaves a table; the log keeps what happened and calls them a former member", async ({ browser }) => {
  const noor = await makeAccount("Noor");
  const robijn = await makeAccount();
  const table = await makeTable([
    { account: noor, role: "facilitator" },
    { account: robijn, role: "delegate" },
  ]);
  const member = await signedInContext(browser, robijn);
  await member.page.goto(`/tables/${table.id}/members`);
  await member.page.getByText(nl.table.leave, { exact: true }).click();
  await member.page.getByRole("button", { name: nl.table.leaveConfirm }).click();
  await expect(member.page.getByRole("status").filter({ hasText: nl.home.leftTable })).toBeVisible();
  await expect(member.page.getByRole("link", { name: table.title })).toHaveCount(0);
  await member.page.goto(`/tables/${table.id}`);
  await expect(member.page.getByRole("heading", { name: messages.nl.notFound.title })).toBeVisible();

  const facilitator = await signedInContext(browser, noor);
  await facilitator.page.goto(`/tables/${table.id}/members`);
  await expect(facilitator.page.locator(".member-list").first()).not.toContainText(robijn.pseudonym);
  await facilitator.page.goto(`/tables/${table.id}/activity`);
  const left = facilitator.page.getByTestId("activity-log").locator('[data-action="membership.left"]');
  await expect(left).toContainText(nl.activity.formerMember);
  await expect(facilitator.page.locator("main")).not.toContainText(robijn.pseudonym);
  await member.context.close();
  await facilitator.context.close();
});

test("the facilitator removes a member, whose open notes close, and can let them back in", async ({ browser }) => {
  const noor = await makeAccount("Noor");
  const kwartel = await makeAccount();
  const table = await makeTable([
    { account: noor, role: "facilitator" },
    { account: kwartel, role: "delegate" },
  ]);
  const member = await signedInContext(browser, kwartel);
  await member.page.goto(`/tables/${table.id}/notes`);
  await expectNotesReady(member.page);

  const facilitator = await signedInContext(browser, noor);
  await facilitator.page.goto(`/tables/${table.id}/members`);
  // Nobody is offered to remove themselves.
  await expect(facilitator.page.getByLabel(nl.table.removeSummary.replace("{pseudonym}", noor.pseudonym))).toHaveCount(0);
  await facilitator.page.getByLabel(nl.table.removeSummary.replace("{pseudonym}", kwartel.pseudonym)).click();
  await facilitator.page.getByRole("button", { name: nl.table.removeConfirm.replace("{pseudonym}", kwartel.pseudonym) }).click();
  const removed = facilitator.page.getByTestId("removed-members");
  await expect(removed).toContainText(kwartel.pseudonym);

  // The removed member's live document closes within the realtime server's re-check.
  await expect(member.page.getByTestId("connection-status")).toHaveAttribute("data-status", "ended");
  await member.page.goto(`/tables/${table.id}`);
  await expect(member.page.getByRole("heading", { name: nl.notFound.title })).toBeVisible();

  await removed.getByRole("button", { name: nl.table.readmitLabel.replace("{pseudonym}", kwartel.pseudonym) }).click();
  await expect(facilitator.page.getByTestId("removed-members")).toHaveCount(0);
  await member.page.goto(`/tables/${table.id}`);
  await expect(member.page.getByRole("heading", { name: table.title })).toBeVisible();
  await member.context.close();
  await facilitator.context.close();
});
