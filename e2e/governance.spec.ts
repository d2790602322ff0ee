import { expect, test } from "@playwright/test";
import { acceptInvitation, createInvitation } from "../features/tables/commands.ts";
import { recordMandate } from "../features/tables/mandates.ts";
import { addParty } from "../features/tables/parties.ts";
import { makeAccount, makeTable, testDb, unique } from "./support/data.ts";
import { messages, signIn } from "./support/pages.ts";

const nl = messages.nl;

test("a facilitator convenes a table from nothing and a vouched sex worker representative joins through the link", async ({
  page,
  browser,
}) => {
  const facilitator = await makeAccount("Noor");
  await signIn(page, facilitator);
  const title = unique("Tafel APV thuiswerk");
  const municipality = unique("Lindendam");
  const question = "Hoe herzien we het verbod op thuiswerk zonder de veiligheid van sekswerkers te schaden?";

  // Convene the table from the start page.
  await page.getByLabel(nl.home.tableTitle).fill(title);
  await page.getByRole("button", { name: nl.home.create }).click();
  await expect(page.getByRole("heading", { name: title, exact: true })).toBeVisible();
  const characteristic = (name: string) => page.locator(`[data-characteristic="${name}"]`);
  await expect(characteristic("all_parties")).toHaveAttribute("data-state", "not_met");
  await expect(characteristic("face_to_face")).toHaveAttribute("data-state", "not_assessable");
  await expect(characteristic("face_to_face")).toContainText(nl.characteristics.reasons.needsMeetings);
  await expect(characteristic("problem_and_facts_first")).toContainText(nl.characteristics.reasons.needsFactRegister);

  // Its question, municipality, languages and a public summary.
  await page.getByText(nl.tableInfo.edit, { exact: true }).click();
  await page.getByLabel(nl.tableInfo.policyQuestion).fill(question);
  await page.getByLabel(nl.tableInfo.municipality, { exact: true }).fill(municipality);
  await page.getByRole("group", { name: nl.tableInfo.languages }).getByLabel(nl.languageNames.en).check();
  await page.getByLabel(nl.tableInfo.publicSummary).check();
  await page.getByRole("button", { name: nl.tableInfo.save, exact: true }).click();
  await expect(page.getByText(nl.tableInfo.saved)).toBeVisible();
  await expect(page.locator(".facts")).toContainText(question);
  await expect(page.locator(".facts")).toContainText(`${nl.languageNames.nl}, ${nl.languageNames.en}`);

  // The parties: a sex worker organisation and the municipality, which holds decision power.
  await expect(page.getByTestId("warning-NO_SEX_WORKER_PARTY")).toContainText(nl.parties.warnings.NO_SEX_WORKER_PARTY);
  const addParty = page.locator("details", { has: page.locator("summary", { hasText: nl.parties.add }) });
  await addParty.locator("summary").click();
  await addParty.getByLabel(nl.parties.type).selectOption("sex_worker_organisation");
  await addParty.getByLabel(nl.parties.name, { exact: true }).fill("Stichting Rode Lantaarn Lindendam");
  await addParty.getByLabel(nl.parties.represents).fill("Sekswerkers in Lindendam, ook thuiswerkers");
  await addParty.getByRole("button", { name: nl.parties.add }).click();
  await expect(page.getByTestId("party-list")).toContainText("Stichting Rode Lantaarn Lindendam");
  await expect(page.getByTestId("warning-NO_SEX_WORKER_PARTY")).toHaveCount(0);
  await expect(page.getByTestId("warning-NO_DECISION_POWER")).toContainText(nl.parties.warnings.NO_DECISION_POWER);
  await addParty.getByLabel(nl.parties.type).selectOption("municipality_department");
  await addParty.getByLabel(nl.parties.name, { exact: true }).fill("Gemeente Lindendam");
  await addParty.getByLabel(nl.parties.represents).fill("Het college van B&W");
  await addParty.getByLabel(nl.parties.hasDecisionPower).check();
  await addParty.getByRole("button", { name: nl.parties.add }).click();
  await expect(page.getByTestId("warning-NO_DECISION_POWER")).toHaveCount(0);
  await expect(characteristic("all_parties")).toHaveAttribute("data-state", "met");
  await expect(page.getByTestId("missing-parties")).toContainText(nl.parties.types.operators);

  // A single-use invitation for a delegate of the sex worker organisation, whose contact vouches.
  await page.getByLabel(nl.table.invitationRole, { exact: true }).selectOption("delegate");
  await page.getByLabel(nl.table.party, { exact: true }).selectOption({ label: "Stichting Rode Lantaarn Lindendam" });
  await page.getByLabel(nl.table.vouched).check();
  await page.getByRole("button", { name: nl.table.createInvitation }).click();
  const link = (await page.getByTestId("invitation-link").textContent())?.trim() ?? "";

  // The representative opens the link in their own browser and signs up with a pseudonym only.
  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(link);
  await expect(guestPage.locator("p.lead")).toContainText(
    "namens Stichting Rode Lantaarn Lindendam aan deze tafel deel te nemen; Stichting Rode Lantaarn Lindendam staat voor je in.",
  );
  const signInName = unique("saffier").toLowerCase();
  await guestPage.getByLabel(nl.auth.signInName).fill(signInName);
  await guestPage.getByLabel(nl.auth.pseudonym).fill("Saffier");
  await guestPage.getByLabel(nl.auth.passphrase, { exact: true }).fill("lantaarn bij de oude haven");
  await guestPage.getByLabel(nl.auth.passphraseRepeat).fill("lantaarn bij de oude haven");
  await guestPage.getByRole("button", { name: nl.auth.submitSignUp }).click();
  // Wait for the table page itself (the invitation page's heading also names the table).
  await expect(guestPage.getByRole("heading", { name: title, exact: true })).toBeVisible();
  await expect(guestPage.getByText(nl.table.yourRole.replace("{role}", nl.roles.delegate))).toBeVisible();

  // Members see "Saffier (for RLL, vouched for by RLL)", in the member list and the activity log.
  await page.reload();
  const saffier = page.getByRole("listitem").filter({ hasText: "Saffier" });
  await expect(saffier).toContainText(nl.table.forParty.replace("{party}", "Stichting Rode Lantaarn Lindendam"));
  await expect(saffier).toContainText(nl.table.vouchedBy.replace("{party}", "Stichting Rode Lantaarn Lindendam"));
  const tableId = new URL(guestPage.url()).pathname.split("/")[2] ?? "";
  await page.goto(`/tables/${tableId}/activity`);
  const joined = page.getByTestId("activity-log").locator('[data-action="membership.joined"]').filter({ hasText: "Saffier" });
  await expect(joined.getByTestId("activity-message")).toHaveText(
    "Aangeschoven als afgevaardigde namens Stichting Rode Lantaarn Lindendam, ingestaan door Stichting Rode Lantaarn Lindendam",
  );
  await expect(page.getByText(signInName)).toHaveCount(0);

  // Anyone can read the public summary: the question and the parties, never who takes part.
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(`/tables/${tableId}/summary`);
  await expect(visitorPage.getByRole("heading", { name: title, exact: true })).toBeVisible();
  await expect(visitorPage.getByText(question)).toBeVisible();
  await expect(visitorPage.getByText("Stichting Rode Lantaarn Lindendam")).toBeVisible();
  await expect(visitorPage.getByText("Saffier")).toHaveCount(0);
  await expect(visitorPage.getByText("Noor")).toHaveCount(0);
  await guest.close();
  await visitor.close();
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
  const recordedByIlse = nl.mandate.recordedBy.replace("{pseudonym}", "Ilse").split("{date}")[0] ?? "";
  await expect(page.getByTestId("mandate-history").getByText(recordedByIlse)).toHaveCount(2);

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
  await expect(page.getByLabel(nl.table.changeRole.replace("{pseudonym}", "Lotte"))).toHaveValue("chair");
  const declaration = page.getByTestId("chair-list").getByRole("listitem").filter({ hasText: "Lotte" });
  await expect(declaration).toContainText(nl.chair.appointedBy.replace("{pseudonym}", "Noor"));
  await expect(declaration).toContainText(nl.chair.ties.replace("{ties}", "Geen"));
  await expect(page.getByText(nl.chair.noVote)).toBeVisible();
});

test("a chair who joined through an invitation signs their own declaration, and cannot hold political office", async ({ page }) => {
  const facilitator = await makeAccount("Noor");
  const chair = await makeAccount("Lotte");
  const table = await makeTable([{ account: facilitator, role: "facilitator" }]);
  const invitation = await createInvitation(testDb(), facilitator.id, { tableId: table.id, role: "chair" });
  await acceptInvitation(testDb(), chair.id, { token: invitation.token });
  await signIn(page, chair);
  await page.goto(`/tables/${table.id}`);
  await expect(page.locator('[data-characteristic="facilitative_chair"]')).toHaveAttribute("data-state", "not_met");
  await expect(page.getByTestId("chair-list")).toContainText(nl.chair.undeclared);

  await page.getByLabel(nl.chair.holdOfficeMyself).check();
  await page.getByRole("button", { name: nl.chair.sign }).click();
  await expect(page.getByRole("alert").filter({ hasText: nl.errors.CHAIR_HOLDS_OFFICE })).toBeVisible();

  await page.getByLabel(nl.chair.holdOfficeMyself).uncheck();
  await page.getByLabel(nl.chair.declaredTies).fill("Eerder mediator bij de gemeente, geen lopende opdrachten");
  await page.getByRole("button", { name: nl.chair.sign }).click();
  await expect(page.locator('[data-characteristic="facilitative_chair"]')).toHaveAttribute("data-state", "met");
  await expect(page.getByTestId("chair-list")).toContainText(nl.chair.appointedBy.replace("{pseudonym}", "Noor"));
  await expect(page.getByRole("button", { name: nl.chair.sign })).toHaveCount(0);
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
  await expect(page.getByTestId("dual-mandate")).toHaveText(nl.governance.dualMandate.replace("{count}", "2"));
  await expect(page.locator('[data-domain="public_order"]')).toHaveAttribute("data-state", "covered");
  await expect(page.locator('[data-domain="care"]')).toContainText("Wethouder (Zorg)");
  await expect(page.locator('[data-domain="labour_income"]')).toHaveAttribute("data-state", "uncovered");
  await expect(page.getByText("Noor")).toHaveCount(0);
});
