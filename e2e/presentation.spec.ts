// What people see on screen: messages that say everything that is wrong, copy that reads as one
// sentence, icons that ship with the app, and layouts that stay inside their column.
import { expect, type Locator, test } from "@playwright/test";
import { recordPerception, setIntendedForm } from "../features/participation/commands.ts";
import { appointChair } from "../features/tables/chair.ts";
import { createInvitation } from "../features/tables/commands.ts";
import { markCommitmentBreached, recordCommitment } from "../features/tables/commitments.ts";
import { addParty } from "../features/tables/parties.ts";
import { addPhase, listPhases } from "../features/tables/phases.ts";
import { makeAccount, makeTable, testDb, unique } from "./support/data.ts";
import { messages, signedInContext } from "./support/pages.ts";

const nl = messages.nl;

test("sign-up names every problem at once: a short passphrase and a repetition that differs", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel(nl.auth.signInName).fill(unique("iris").toLowerCase());
  await page.getByLabel(nl.auth.pseudonym).fill("Iris");
  await page.getByLabel(nl.auth.passphrase, { exact: true }).fill("te kort");
  await page.getByLabel(nl.auth.passphraseRepeat).fill("iets anders");
  await page.getByRole("button", { name: nl.auth.submitSignUp }).click();
  await expect(page.locator("#field-passphrase-error")).toHaveText(nl.errors.PASSPHRASE_TOO_SHORT);
  await expect(page.locator("#field-passphraseRepeat-error")).toHaveText(nl.errors.PASSPHRASE_MISMATCH);
  // The terms were not agreed to either: said in the same answer.
  await expect(page.locator("#field-terms-error")).toHaveText(nl.errors.TERMS_REQUIRED);
});

test("an invitation for a party says so in one sentence, and the facilitator's list of open links names the party", async ({ browser }) => {
  const noor = await makeAccount("Noor");
  const table = await makeTable([{ account: noor, role: "facilitator" }]);
  const db = testDb();
  const party = await addParty(db, noor.id, table.id, { type: "sex_worker_organisation", name: "Stichting Rode Lantaarn" });
  const invitation = await createInvitation(db, noor.id, { tableId: table.id, role: "delegate", partyId: party.id });

  const facilitator = await signedInContext(browser, noor);
  await facilitator.page.goto(`/tables/${table.id}/members`);
  const open = facilitator.page.locator('section[aria-labelledby="invitations"] .plain-list li');
  await expect(open).toHaveCount(1);
  await expect(open).toContainText(`${nl.roles.delegate} namens Stichting Rode Lantaarn, geldig tot`);

  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(`/invite/${invitation.token}`);
  await expect(guestPage.locator("p.lead")).toHaveText(
    "Je bent uitgenodigd om als afgevaardigde namens Stichting Rode Lantaarn aan deze tafel deel te nemen.",
  );
  await expect(guestPage).toHaveTitle(new RegExp(`^${nl.invite.metaTitle}`));
  await guest.close();
  await facilitator.context.close();
});

/** A table convened by Noor (facilitator) with Lotte as its declared chair. */
async function tableWithChair() {
  const noor = await makeAccount("Noor");
  const lotte = await makeAccount("Lotte");
  const table = await makeTable([
    { account: noor, role: "facilitator" },
    { account: lotte, role: "observer" },
  ]);
  const lotteMembership = await testDb().membership.findFirstOrThrow({ where: { tableId: table.id, accountId: lotte.id } });
  await appointChair(testDb(), noor.id, table.id, { membershipId: lotteMembership.id, holdsPoliticalOffice: false });
  return { noor, lotte, table };
}

/** How far an element's content runs past its box (0 when it fits). */
async function overflow(locator: Locator): Promise<number> {
  return locator.evaluate((element) => element.scrollWidth - element.clientWidth);
}

test("the participation matrix stays inside its column, its gap badges keep their text inside, and its icons are SVG", async ({
  browser,
}) => {
  const { noor, lotte, table } = await tableWithChair();
  const db = testDb();
  // Many phases and long names: the widest matrix a table is likely to have.
  for (const name of ["Evaluatie en bijstelling van de verordening", "Monitoring van de uitvoering"]) {
    await addPhase(db, noor.id, table.id, { name });
  }
  const parties = [
    await addParty(db, noor.id, table.id, { type: "sex_worker_organisation", name: "Belangenvereniging van sekswerkers Lindendam" }),
    await addParty(db, noor.id, table.id, { type: "municipality_department", name: "Gemeente Lindendam, afdeling Openbare Orde" }),
  ];
  const phases = await listPhases(db, table.id);
  for (const party of parties) {
    for (const phase of phases) {
      await setIntendedForm(db, lotte.id, table.id, { partyId: party.id, phaseId: phase.id, form: "shared_decision_power" });
    }
  }
  const delegate = await makeAccount("Saffier");
  await db.membership.create({ data: { tableId: table.id, accountId: delegate.id, role: "delegate", partyId: parties[0]?.id } });
  await recordPerception(db, delegate.id, table.id, { phaseId: phases[0]?.id ?? "", form: "informing" });
  await recordPerception(db, delegate.id, table.id, { phaseId: phases[1]?.id ?? "", form: "consultation" });

  const chair = await signedInContext(browser, lotte);
  await chair.page.goto(`/tables/${table.id}/participation`);
  const matrix = chair.page.getByTestId("participation-matrix");
  await expect(matrix).toBeVisible();
  expect(await overflow(matrix.locator(".."))).toBeLessThanOrEqual(0);
  const mainRight = await chair.page.locator("main").evaluate((main) => main.getBoundingClientRect().right);
  expect(await matrix.evaluate((element) => element.getBoundingClientRect().right)).toBeLessThanOrEqual(mainRight + 1);

  const cell = matrix.locator(`td[data-gap="serious"]`).first();
  const badge = cell.locator(".badge");
  await expect(badge).toContainText(nl.participation.seriousGap);
  expect(await overflow(badge)).toBeLessThanOrEqual(0);
  const fits = await badge.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const cellBox = (element.closest("td") as HTMLElement).getBoundingClientRect();
    const radius = Number.parseFloat(getComputedStyle(element).borderTopLeftRadius);
    // A pill's rounded ends cut into the text once it wraps: the corners stay small beside its height.
    return { inside: box.left >= cellBox.left && box.right <= cellBox.right, radius };
  });
  expect(fits.inside).toBe(true);
  expect(fits.radius).toBeLessThanOrEqual(12);

  // The consultation chip carries an SVG icon, not a symbol the font may lack.
  const consultation = matrix.locator(".form-consultation").first();
  await expect(consultation.locator('svg[data-icon="message"]')).toHaveCount(1);
  expect(await matrix.textContent()).not.toMatch(/[\p{Extended_Pictographic}\u25A0-\u27BF]/u);
  await chair.context.close();
});

test("in the commitments list the status badge always stands at the right, with or without an action beside it", async ({ browser }) => {
  const { noor, lotte, table } = await tableWithChair();
  const db = testDb();
  const party = await addParty(db, noor.id, table.id, { type: "municipality_department", name: "Gemeente Lindendam" });
  const kept = await recordCommitment(db, noor.id, table.id, { partyId: party.id, kind: "decisions_here", text: "Besluiten hier." });
  const broken = await recordCommitment(db, noor.id, table.id, { partyId: party.id, kind: "share_data", text: "Cijfers delen." });
  await markCommitmentBreached(db, lotte.id, table.id, { commitmentId: broken.id, note: "Niets gedeeld." });
  expect(kept.id).not.toBe(broken.id);

  const chair = await signedInContext(browser, lotte);
  await chair.page.goto(`/tables/${table.id}/commitments`);
  const items = chair.page.getByTestId("commitment-list").getByRole("listitem");
  await expect(items).toHaveCount(2);
  for (const item of await items.all()) {
    const gap = await item.evaluate((li) => {
      const badge = li.querySelector(".badge") as HTMLElement;
      return li.getBoundingClientRect().right - badge.getBoundingClientRect().right;
    });
    expect(gap).toBeLessThanOrEqual(1);
  }
  await chair.context.close();
});
