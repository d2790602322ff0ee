import { expect, test } from "@playwright/test";
import { recordMandate } from "../features/tables/mandates.ts";
import { addParty } from "../features/tables/parties.ts";
import { makeAccount, makeTable, testDb, unique } from "./support/data.ts";
import { messages, signIn } from "./support/pages.ts";

const nl = messages.nl;

test("a facilitator adds a sex worker organisation and its vouched delegate joins through the link", async ({ page, browser }) => {
  const facilitator = await makeAccount("Noor");
  const table = await makeTable([{ account: facilitator, role: "facilitator" }]);
  await signIn(page, facilitator);
  await page.goto(`/tables/${table.id}`);
  await expect(page.getByText(nl.parties.warnings.NO_SEX_WORKER_PARTY)).toBeVisible();

  await page.getByText(nl.parties.add, { exact: true }).first().click();
  await page.getByLabel(nl.parties.type).selectOption("sex_worker_organisation");
  await page.getByLabel(nl.parties.name, { exact: true }).fill("Stichting Rode Lantaarn");
  await page.getByRole("button", { name: nl.parties.add }).click();
  await expect(page.getByTestId("party-list")).toContainText("Stichting Rode Lantaarn");
  await expect(page.getByText(nl.parties.warnings.NO_SEX_WORKER_PARTY)).toHaveCount(0);

  await page.getByLabel(nl.table.invitationRole, { exact: true }).selectOption("delegate");
  await page.getByLabel(nl.table.party).selectOption({ label: "Stichting Rode Lantaarn" });
  await page.getByLabel(nl.table.vouched).check();
  await page.getByRole("button", { name: nl.table.createInvitation }).click();
  const link = (await page.getByTestId("invitation-link").textContent())?.trim() ?? "";

  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(link);
  await expect(guestPage.getByText(nl.table.vouchedBy.replace("{party}", "Stichting Rode Lantaarn"))).toBeVisible();
  await guestPage.getByLabel(nl.auth.signInName).fill(unique("saffier").toLowerCase());
  await guestPage.getByLabel(nl.auth.pseudonym).fill("Saffier");
  await guestPage.getByLabel(nl.auth.passphrase, { exact: true }).fill("lantaarn bij de oude haven");
  await guestPage.getByLabel(nl.auth.passphraseRepeat).fill("lantaarn bij de oude haven");
  await guestPage.getByRole("button", { name: nl.auth.submitSignUp }).click();
  // Wait for the table page itself (the invitation page's heading also names the table).
  await expect(guestPage.getByRole("heading", { name: table.title, exact: true })).toBeVisible();
  await expect(guestPage.getByText(nl.table.yourRole.replace("{role}", nl.roles.delegate))).toBeVisible();

  await page.reload();
  const saffier = page.getByRole("listitem").filter({ hasText: "Saffier" });
  await expect(saffier).toContainText(nl.table.forParty.replace("{party}", "Stichting Rode Lantaarn"));
  await expect(saffier).toContainText(nl.table.vouchedBy.replace("{party}", "Stichting Rode Lantaarn"));
  await guest.close();
});

test("recording a mandate and amending it keeps the history", async ({ page }) => {
  const facilitator = await makeAccount("Ilse");
  const table = await makeTable([{ account: facilitator, role: "facilitator" }]);
  await signIn(page, facilitator);
  await page.goto(`/tables/${table.id}/mandate`);
  await expect(page.getByTestId("mandate-standing")).toHaveText(nl.mandate.standing.none);

  await page.getByLabel(nl.mandate.issuingBody).selectOption("college");
  await page.getByLabel(nl.mandate.decisionReference).fill("LD-2025-014");
  await page.getByLabel(nl.mandate.decisionDate).fill("2025-03-03");
  await page.getByLabel(nl.mandate.scope).fill("Samen een herzien artikel en een monitoringsplan opstellen");
  await page.getByRole("group", { name: nl.mandate.domains }).getByLabel(nl.mandate.domainNames.public_order).check();
  await page.getByLabel(nl.mandate.decisionPower).selectOption("binding_recommendation");
  await page.getByLabel(nl.mandate.termStart).fill("2025-03-03");
  await page.getByLabel(nl.mandate.termEnd).fill("2024-03-03");
  await page.locator("#m-office-0").fill("Burgemeester");
  await page.getByRole("button", { name: nl.mandate.save }).click();
  await expect(page.getByRole("alert").filter({ hasText: nl.errors.MANDATE_TERM_INVALID })).toBeVisible();

  await page.getByLabel(nl.mandate.termEnd).fill("2030-03-03");
  await page.getByRole("button", { name: nl.mandate.save }).click();
  await expect(page.getByTestId("mandate-standing")).toContainText("2030");
  await expect(
    page
      .getByTestId("mandate-history")
      .getByRole("listitem")
      .filter({ hasText: nl.mandate.version.replace("{version}", "1") }),
  ).toBeVisible();

  await page.getByLabel(nl.mandate.termEnd).fill("2031-03-03");
  await page.getByLabel(nl.mandate.amendmentNote).fill("Verlengd na de tussenevaluatie");
  await page.getByRole("button", { name: nl.mandate.save }).click();
  await expect(page.getByTestId("mandate-standing")).toContainText("2031");
  await expect(page.getByRole("heading", { name: nl.mandate.version.replace("{version}", "2") })).toBeVisible();
  await expect(page.getByRole("heading", { name: nl.mandate.version.replace("{version}", "1") })).toBeVisible();
  await expect(page.getByText("Verlengd na de tussenevaluatie")).toBeVisible();

  await page.goto(`/tables/${table.id}`);
  await expect(page.locator('[data-characteristic="authoritative"]')).toHaveAttribute("data-state", "met");
});

test("a delegate of a party cannot be appointed chair; an independent member can, with a declaration", async ({ page }) => {
  const facilitator = await makeAccount("Noor");
  const delegate = await makeAccount("Karel");
  const independent = await makeAccount("Lotte");
  const table = await makeTable([
    { account: facilitator, role: "facilitator" },
    { account: delegate, role: "delegate" },
    { account: independent, role: "observer" },
  ]);
  await signIn(page, facilitator);
  await page.goto(`/tables/${table.id}`);
  await page.getByText(nl.chair.appoint, { exact: true }).first().click();
  await page.getByLabel(nl.chair.member, { exact: true }).selectOption({ label: `Karel (${nl.roles.delegate})` });
  await page.getByRole("button", { name: nl.chair.appoint }).click();
  await expect(page.getByRole("alert").filter({ hasText: nl.errors.CHAIR_IS_DELEGATE })).toBeVisible();

  await page.getByLabel(nl.chair.member, { exact: true }).selectOption({ label: `Lotte (${nl.roles.observer})` });
  await page.getByLabel(nl.chair.declaredTies).fill("Geen");
  await page.getByRole("button", { name: nl.chair.appoint }).click();
  await expect(page.locator('[data-characteristic="facilitative_chair"]')).toHaveAttribute("data-state", "met");
  await expect(page.getByRole("listitem").filter({ hasText: "Lotte" }).locator("select")).toHaveValue("chair");
});

test("the governance map shows a dual mandate of mayor and alderman", async ({ page }) => {
  const facilitator = await makeAccount("Noor");
  const table = await makeTable([{ account: facilitator, role: "facilitator" }]);
  const municipality = unique("Lindendam");
  await testDb().table.update({ where: { id: table.id }, data: { municipality, publicSummary: true } });
  await addParty(testDb(), facilitator.id, table.id, { type: "sex_worker_organisation", name: "Stichting Rode Lantaarn" });
  await recordMandate(testDb(), facilitator.id, table.id, {
    issuingBody: "college",
    decisionReference: "LD-2025-014",
    decisionDate: "2025-03-03",
    scope: "Herzien APV-artikel",
    domains: ["public_order", "care"],
    decisionPower: "binding_recommendation",
    termStart: "2025-03-03",
    termEnd: "2030-03-03",
    officials: [
      { office: "Burgemeester", portfolio: "Openbare orde", domains: ["public_order"] },
      { office: "Wethouder", portfolio: "Zorg", domains: ["care"] },
    ],
  });
  // Signed out: public tables are on the map, but nobody's name is.
  await page.goto(`/governance?municipality=${encodeURIComponent(municipality)}`);
  await expect(page.getByTestId("map-officials")).toContainText("Burgemeester — Openbare orde");
  await expect(page.getByTestId("map-officials")).toContainText("Wethouder — Zorg");
  await expect(page.locator('[data-domain="public_order"]')).toHaveAttribute("data-state", "covered");
  await expect(page.locator('[data-domain="care"]')).toContainText("Wethouder (Zorg)");
  await expect(page.locator('[data-domain="labour_income"]')).toHaveAttribute("data-state", "uncovered");
  await expect(page.getByText("Noor")).toHaveCount(0);
});
