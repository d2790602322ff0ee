import { expect, test } from "@playwright/test";
import { createInvitation } from "../features/tables/commands.ts";
import { recordCommitment } from "../features/tables/commitments.ts";
import { recordMandate } from "../features/tables/mandates.ts";
import { addParty } from "../features/tables/parties.ts";
import { makeAccount, makeTable, testDb, unique } from "./support/data.ts";
import { completeSignUp, messages, signIn } from "./support/pages.ts";

const nl = messages.nl;

test("a facilitator convenes a table from nothing and a sex worker representative joins through the link", async ({ page, browser }) => {
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
  // A new table opens on its guided setup, with all five steps still to do.
  const setup = page.getByTestId("setup");
  await expect(setup).toContainText(nl.setup.progress.replace("{done}", "0").replace("{total}", "5"));
  await expect(setup.locator('[data-done="false"]')).toHaveCount(5);

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
  await expect(setup.locator('[data-step="question"]')).toHaveAttribute("data-done", "true");

  // The setup leads to the parties' own page.
  await setup.getByRole("link", { name: nl.setup.steps.parties.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: nl.tableNav.parties })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: nl.tableNav.label.replace("{title}", title) }).getByRole("link", { name: nl.tableNav.parties }),
  ).toHaveAttribute("aria-current", "page");

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
  await expect(page.getByTestId("missing-parties")).toContainText(nl.parties.types.operators);
  await page.getByRole("link", { name: nl.tableNav.overview }).click();
  await expect(characteristic("all_parties")).toHaveAttribute("data-state", "met");
  await expect(setup.locator('[data-step="parties"]')).toHaveAttribute("data-done", "true");

  await setup.getByRole("link", { name: nl.setup.steps.invitations.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: nl.tableNav.members })).toBeVisible();

  // A single-use invitation for a delegate of the sex worker organisation. Vouching is not the
  // facilitator's to tick: the party's contact does it once the person is at the table.
  await page.getByLabel(nl.table.invitationRole, { exact: true }).selectOption("delegate");
  await page.getByLabel(nl.table.party, { exact: true }).selectOption({ label: "Stichting Rode Lantaarn Lindendam" });
  await page.getByRole("button", { name: nl.table.createInvitation }).click();
  const link = (await page.getByTestId("invitation-link").textContent())?.trim() ?? "";

  // The representative opens the link in their own browser and signs up with a pseudonym only.
  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(link);
  await expect(guestPage.locator("p.lead")).toContainText("namens Stichting Rode Lantaarn Lindendam aan deze tafel deel te nemen.");
  const signInName = unique("saffier").toLowerCase();
  await guestPage.getByLabel(nl.auth.signInName).fill(signInName);
  await guestPage.getByLabel(nl.auth.pseudonym).fill("Saffier");
  await guestPage.getByLabel(nl.auth.passphrase, { exact: true }).fill("lantaarn bij de oude haven");
  await guestPage.getByLabel(nl.auth.passphraseRepeat).fill("lantaarn bij de oude haven");
  await completeSignUp(guestPage);
  // Wait for the table page itself (the invitation page's heading also names the table).
  await expect(guestPage.getByRole("heading", { name: title, exact: true })).toBeVisible();
  await expect(guestPage.getByText(nl.table.yourRole.replace("{role}", nl.roles.delegate))).toBeVisible();

  // Members see "Saffier (for RLL)", in the member list and the activity log.
  await page.reload();
  const saffier = page.getByRole("listitem").filter({ hasText: "Saffier" });
  await expect(saffier).toContainText(nl.table.forParty.replace("{party}", "Stichting Rode Lantaarn Lindendam"));
  await expect(saffier).not.toContainText(nl.table.vouchedBy.replace("{party}", "Stichting Rode Lantaarn Lindendam"));
  const tableId = new URL(guestPage.url()).pathname.split("/")[2] ?? "";
  await page.goto(`/tables/${tableId}/activity`);
  const joined = page.getByTestId("activity-log").locator('[data-action="membership.joined"]').filter({ hasText: "Saffier" });
  await expect(joined.getByTestId("activity-message")).toHaveText(
    "Aangeschoven als afgevaardigde namens Stichting Rode Lantaarn Lindendam",
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

test("recording a mandate with its own decision power per domain, and amending it, keeps the history", async ({ page }) => {
  const facilitator = await makeAccount("Ilse");
  const table = await makeTable([{ account: facilitator, role: "facilitator" }]);
  await signIn(page, facilitator);
  await page.goto(`/tables/${table.id}/mandate`);
  await expect(page.getByTestId("mandate-standing")).toHaveText(nl.mandate.standing.none);

  await page.getByLabel(nl.mandate.issuingBody).selectOption("college");
  await page.getByLabel(nl.mandate.decisionReference).fill("LD-2025-014");
  await page.getByLabel(nl.mandate.decisionDate).fill("2025-03-03");
  await page.getByLabel(nl.mandate.scope).fill("Samen een herzien artikel en een monitoringsplan opstellen");
  // Co-decision on the by-law article (public order), advisory on care.
  const powers = page.getByRole("group", { name: nl.mandate.domainPowers });
  await powers.getByLabel(nl.mandate.domainNames.public_order).selectOption("co_decision");
  await powers.getByLabel(nl.mandate.domainNames.care).selectOption("advisory");
  await page.getByLabel(nl.mandate.termStart).fill("2025-03-03");
  await page.getByLabel(nl.mandate.termEnd).fill("2024-03-03");
  await page.locator("#m-office-0").fill("Burgemeester");
  await page.getByRole("button", { name: nl.mandate.save }).click();
  await expect(page.getByRole("alert").filter({ hasText: nl.errors.MANDATE_TERM_INVALID })).toBeVisible();

  // Every covered domain needs someone who answers for it.
  await page.getByLabel(nl.mandate.termEnd).fill("2030-03-03");
  await page.getByRole("button", { name: nl.mandate.save }).click();
  await expect(page.getByRole("alert").filter({ hasText: nl.errors.MANDATE_DOMAIN_WITHOUT_OFFICIAL })).toBeVisible();
  await page
    .getByRole("group", { name: nl.mandate.official.replace("{n}", "1") })
    .getByLabel(nl.mandate.domainNames.public_order)
    .check();
  await page.locator("#m-office-1").fill("Wethouder");
  await page
    .getByRole("group", { name: nl.mandate.official.replace("{n}", "2") })
    .getByLabel(nl.mandate.domainNames.care)
    .check();
  await page.getByRole("button", { name: nl.mandate.save }).click();
  await expect(page.getByTestId("mandate-standing")).toContainText("2030");
  const domainPower = (domain: "public_order" | "care", power: "co_decision" | "advisory") =>
    nl.mandate.domainPower.replace("{domain}", nl.mandate.domainNames[domain]).replace("{power}", nl.mandate.powers[power]);
  await expect(page.getByTestId("mandate-domains").first()).toContainText(domainPower("public_order", "co_decision"));
  await expect(page.getByTestId("mandate-domains").first()).toContainText(domainPower("care", "advisory"));
  await expect(page.getByTestId("mandate-standing")).toContainText(nl.mandate.domainNames.public_order);
  await expect(page.getByTestId("mandate-standing")).not.toContainText(nl.mandate.domainNames.care);
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
  await expect(page.getByTestId("table-mandate-domains")).toContainText(domainPower("public_order", "co_decision"));
  await expect(page.getByTestId("table-mandate-domains")).toContainText(domainPower("care", "advisory"));
  const authoritative = page.locator('[data-characteristic="authoritative"]');
  await expect(authoritative).toHaveAttribute("data-state", "met");
  await expect(authoritative).toContainText(
    nl.characteristics.reasons.mandate_authoritative_partly
      .replace("{shared}", nl.mandate.domainNames.public_order)
      .replace("{advisory}", nl.mandate.domainNames.care),
  );
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
  await page.goto(`/tables/${table.id}/chair`);
  await page.getByText(nl.chair.appoint, { exact: true }).first().click();
  await page.getByLabel(nl.chair.member, { exact: true }).selectOption({ label: `Karel (${nl.roles.delegate})` });
  await page.getByRole("button", { name: nl.chair.appoint }).click();
  await expect(page.getByRole("alert").filter({ hasText: nl.errors.CHAIR_IS_DELEGATE })).toBeVisible();

  await page.getByLabel(nl.chair.member, { exact: true }).selectOption({ label: `Lotte (${nl.roles.observer})` });
  await page.getByLabel(nl.chair.declaredTies).fill("Geen");
  await page.getByRole("button", { name: nl.chair.appoint }).click();
  const declaration = page.getByTestId("chair-list").getByRole("listitem").filter({ hasText: "Lotte" });
  await expect(declaration).toContainText(nl.chair.appointedBy.replace("{pseudonym}", "Noor"));
  await expect(declaration).toContainText(nl.chair.ties.replace("{ties}", "Geen"));
  await expect(page.getByText(nl.chair.noVote)).toBeVisible();
  await page.getByRole("link", { name: nl.tableNav.overview }).click();
  await expect(page.locator('[data-characteristic="facilitative_chair"]')).toHaveAttribute("data-state", "met");
  await page.getByRole("link", { name: nl.tableNav.members }).click();
  await expect(page.getByLabel(nl.table.changeRole.replace("{pseudonym}", "Lotte"))).toHaveValue("chair");
});

test("a chair who accepts a chair invitation signs the independence declaration as part of joining", async ({ page }) => {
  const facilitator = await makeAccount("Noor");
  const chair = await makeAccount("Lotte");
  const table = await makeTable([{ account: facilitator, role: "facilitator" }]);
  const invitation = await createInvitation(testDb(), facilitator.id, { tableId: table.id, role: "chair" });
  await signIn(page, chair);
  await page.goto(`/invite/${invitation.token}`);
  const declaration = page.getByTestId("chair-declaration");
  await expect(declaration).toContainText(nl.chair.signLead);

  // Without signing, or holding political office, accepting is refused.
  await page.getByRole("button", { name: nl.invite.accept }).click();
  await expect(page.getByRole("alert").filter({ hasText: nl.errors.CHAIR_DECLARATION_NOT_SIGNED })).toBeVisible();
  await declaration.getByLabel(nl.chair.signOnAccept).check();
  await declaration.getByLabel(nl.chair.holdOfficeMyself).check();
  await page.getByRole("button", { name: nl.invite.accept }).click();
  await expect(page.getByRole("alert").filter({ hasText: nl.errors.CHAIR_HOLDS_OFFICE })).toBeVisible();

  await declaration.getByLabel(nl.chair.holdOfficeMyself).uncheck();
  await declaration.getByLabel(nl.chair.declaredTies).fill("Eerder mediator bij de gemeente, geen lopende opdrachten");
  await page.getByRole("button", { name: nl.invite.accept }).click();
  await expect(page.getByRole("heading", { name: table.title, exact: true })).toBeVisible();
  await expect(page.locator('[data-characteristic="facilitative_chair"]')).toHaveAttribute("data-state", "met");
  // The characteristic links to where it is fixed.
  await page.locator('[data-characteristic="facilitative_chair"]').getByRole("link").click();
  const signed = page.getByTestId("chair-list").getByRole("listitem").filter({ hasText: "Lotte" });
  await expect(signed).toContainText(nl.chair.appointedBy.replace("{pseudonym}", "Noor"));
  await expect(signed).toContainText("Eerder mediator bij de gemeente");
  await expect(page.getByRole("button", { name: nl.chair.sign })).toHaveCount(0);
});

test("signing up through a chair invitation includes the declaration; without it no account is made", async ({ page }) => {
  const facilitator = await makeAccount("Noor");
  const table = await makeTable([{ account: facilitator, role: "facilitator" }]);
  const invitation = await createInvitation(testDb(), facilitator.id, { tableId: table.id, role: "chair" });
  await page.goto(`/invite/${invitation.token}`);
  const signInName = unique("lotte").toLowerCase();
  await page.getByLabel(nl.auth.signInName).fill(signInName);
  await page.getByLabel(nl.auth.pseudonym).fill("Lotte");
  await page.getByLabel(nl.auth.passphrase, { exact: true }).fill("stille voorzitter bij de haven");
  await page.getByLabel(nl.auth.passphraseRepeat).fill("stille voorzitter bij de haven");
  await page.getByRole("button", { name: nl.auth.submitSignUp }).click();
  await expect(page.getByRole("alert").filter({ hasText: nl.errors.CHAIR_DECLARATION_NOT_SIGNED })).toBeVisible();
  expect(await testDb().account.count({ where: { signInName } })).toBe(0);

  await page.getByTestId("chair-declaration").getByLabel(nl.chair.signOnAccept).check();
  await completeSignUp(page);
  await expect(page.getByRole("heading", { name: table.title, exact: true })).toBeVisible();
  await expect(page.locator('[data-characteristic="facilitative_chair"]')).toHaveAttribute("data-state", "met");
});

test("a breach shows who marked it and when, and the party replies beside the chair's note", async ({ page, browser }) => {
  const facilitator = await makeAccount("Noor");
  const chair = await makeAccount("Lotte");
  const agent = await makeAccount("Pieter");
  const table = await makeTable([
    { account: facilitator, role: "facilitator" },
    { account: chair, role: "chair" },
    { account: agent, role: "delegate" },
  ]);
  const police = await addParty(testDb(), facilitator.id, table.id, { type: "police", name: "Politie Lindendam" });
  await testDb().membership.updateMany({ where: { tableId: table.id, accountId: agent.id }, data: { partyId: police.id } });
  await recordCommitment(testDb(), facilitator.id, table.id, { partyId: police.id, kind: "decisions_here" });

  await signIn(page, chair);
  await page.goto(`/tables/${table.id}/commitments`);
  const commitments = page.getByTestId("commitment-list");
  await commitments.locator("summary", { hasText: nl.commitments.breach }).click();
  await commitments.getByLabel(nl.commitments.breachNote).fill("Het besluit is in de driehoek genomen.");
  await commitments.getByRole("button", { name: nl.commitments.breach }).click();
  await expect(page.getByTestId("breach-note")).toContainText("Het besluit is in de driehoek genomen.");
  await expect(page.getByTestId("breach-marker")).toContainText(`${nl.commitments.breachedBy.split("{by}")[0]}Lotte`);
  await page.getByRole("link", { name: nl.tableNav.overview }).click();
  const forumHopping = page.locator('[data-characteristic="no_forum_hopping"]');
  await expect(forumHopping).toContainText(nl.characteristics.reasons.commitmentBreached.replace("{parties}", "Politie Lindendam"));
  // The chair moderates; answering is the party's.
  await expect(page.getByText(nl.commitments.respond.replace("{party}", "Politie Lindendam"))).toHaveCount(0);

  const delegateContext = await browser.newContext();
  const delegatePage = await delegateContext.newPage();
  await signIn(delegatePage, agent);
  await delegatePage.goto(`/tables/${table.id}/commitments`);
  await delegatePage.getByText(nl.commitments.respond.replace("{party}", "Politie Lindendam")).click();
  await delegatePage.getByLabel(nl.commitments.responseText).fill("Dat was een spoedbesluit; het vervolg brengen we hier.");
  await delegatePage.getByRole("button", { name: nl.commitments.respondSubmit }).click();
  const replies = delegatePage.getByTestId("breach-responses");
  await expect(replies).toContainText("Dat was een spoedbesluit; het vervolg brengen we hier.");
  await expect(replies).toContainText("Politie Lindendam");
  await expect(replies).not.toContainText("Pieter");
  await expect(delegatePage.getByTestId("breach-note")).toContainText("Het besluit is in de driehoek genomen.");

  await delegatePage.goto(`/tables/${table.id}/activity`);
  const breached = delegatePage.getByTestId("activity-log").locator('[data-action="commitment.breached"]');
  await expect(breached.getByTestId("activity-message")).toContainText("Toezegging van Politie Lindendam als geschonden gemarkeerd");
  await expect(breached).toContainText("Het besluit is in de driehoek genomen.");
  await expect(breached.getByTestId("activity-actor")).toHaveText("Lotte");
  const replied = delegatePage.getByTestId("activity-log").locator('[data-action="commitment.responded"]');
  await expect(replied.getByTestId("activity-message")).toHaveText("Politie Lindendam reageerde op een geschonden toezegging");
  await expect(replied.getByTestId("activity-actor")).toHaveText("Politie Lindendam");
  await delegateContext.close();
});

test("the party's contact vouches for a newcomer of their party; the facilitator only marks who the contact is", async ({
  page,
  browser,
}) => {
  const facilitator = await makeAccount("Noor");
  const saffier = await makeAccount("Saffier");
  const robijn = await makeAccount("Robijn");
  const table = await makeTable([
    { account: facilitator, role: "facilitator" },
    { account: saffier, role: "delegate" },
    { account: robijn, role: "delegate" },
  ]);
  const rll = await addParty(testDb(), facilitator.id, table.id, { type: "sex_worker_organisation", name: "Rode Lantaarn" });
  await testDb().membership.updateMany({
    where: { tableId: table.id, accountId: { in: [saffier.id, robijn.id] } },
    data: { partyId: rll.id },
  });

  await signIn(page, facilitator);
  await page.goto(`/tables/${table.id}/members`);
  await expect(page.getByText(nl.table.vouchFor.replace("{pseudonym}", "Robijn"))).toHaveCount(0);
  await page
    .getByRole("button", { name: nl.table.contactSet.replace("{pseudonym}", "Saffier").replace("{party}", "Rode Lantaarn") })
    .click();
  await expect(page.getByTestId("party-contact")).toHaveText(nl.table.contactOf.replace("{party}", "Rode Lantaarn"));

  const contactContext = await browser.newContext();
  const contactPage = await contactContext.newPage();
  await signIn(contactPage, saffier);
  await contactPage.goto(`/tables/${table.id}/members`);
  await contactPage.getByText(nl.table.vouchFor.replace("{pseudonym}", "Robijn")).click();
  await contactPage.getByRole("button", { name: nl.table.vouchConfirm.replace("{pseudonym}", "Robijn") }).click();
  const newcomer = contactPage.getByRole("listitem").filter({ hasText: "Robijn" });
  await expect(newcomer).toContainText(nl.table.vouchedBy.replace("{party}", "Rode Lantaarn"));
  await expect(contactPage.getByText(nl.table.vouchFor.replace("{pseudonym}", "Robijn"))).toHaveCount(0);

  await page.goto(`/tables/${table.id}/activity`);
  const vouched = page.getByTestId("activity-log").locator('[data-action="membership.vouched"]');
  await expect(vouched.getByTestId("activity-message")).toHaveText("Ingestaan voor Robijn");
  await expect(vouched.getByTestId("activity-actor")).toHaveText("Rode Lantaarn");
  await contactContext.close();
});

test("the governance map and the public summary show a dual mandate and the decision power per domain", async ({ page }) => {
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
    domains: [
      { domain: "public_order", decisionPower: "co_decision" },
      { domain: "care", decisionPower: "advisory" },
    ],
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
  await expect(page.locator('tr[data-domain="public_order"]')).toHaveAttribute("data-state", "covered");
  await expect(page.locator('tr[data-domain="care"]')).toContainText("Wethouder (Zorg)");
  await expect(page.locator('tr[data-domain="labour_income"]')).toHaveAttribute("data-state", "uncovered");
  // Care is covered, but only in an advisory capacity; the by-law article is co-decided.
  await expect(page.locator('tr[data-domain="care"]')).toContainText(`${table.title} (${nl.mandate.powers.advisory})`);
  await expect(page.locator('tr[data-domain="public_order"]')).toContainText(`${table.title} (${nl.mandate.powers.co_decision})`);
  await expect(page.getByTestId("map-domains").locator('[data-domain="care"]')).toHaveAttribute("data-power", "advisory");
  await expect(page.getByText("Noor")).toHaveCount(0);

  await page.goto(`/tables/${table.id}/summary`);
  const summary = page.getByTestId("summary-domains");
  await expect(summary).toContainText(
    nl.mandate.domainPower.replace("{domain}", nl.mandate.domainNames.care).replace("{power}", nl.mandate.powers.advisory),
  );
  await expect(summary).toContainText(
    nl.mandate.domainPower.replace("{domain}", nl.mandate.domainNames.public_order).replace("{power}", nl.mandate.powers.co_decision),
  );
});
