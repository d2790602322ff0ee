import { expect, test } from "@playwright/test";
import { setIntendedForm } from "../features/participation/commands.ts";
import { appointChair } from "../features/tables/chair.ts";
import { addParty } from "../features/tables/parties.ts";
import { listPhases } from "../features/tables/phases.ts";
import { pdfText } from "../test/pdf-text.ts";
import { makeAccount, makeTable, testDb } from "./support/data.ts";
import { messages, signedInContext } from "./support/pages.ts";

const nl = messages.nl;
const en = messages.en;

test("a delegate records an experience, the chair sees the gap and puts it on the list for the next meeting", async ({ browser }) => {
  const noor = await makeAccount("Noor");
  const lotte = await makeAccount("Lotte");
  const saffier = await makeAccount("Saffier");
  const table = await makeTable([
    { account: noor, role: "facilitator" },
    { account: lotte, role: "observer" },
  ]);
  const db = testDb();
  const rll = await addParty(db, noor.id, table.id, { type: "sex_worker_organisation", name: "Stichting Rode Lantaarn" });
  await db.membership.create({ data: { tableId: table.id, accountId: saffier.id, role: "delegate", partyId: rll.id } });
  const lotteMembership = await db.membership.findFirstOrThrow({ where: { tableId: table.id, accountId: lotte.id } });
  await appointChair(db, noor.id, table.id, { membershipId: lotteMembership.id, holdsPoliticalOffice: false });
  const phases = await listPhases(db, table.id);
  const agenda = phases[0]?.id ?? "";
  await setIntendedForm(db, lotte.id, table.id, {
    partyId: rll.id,
    phaseId: agenda,
    form: "shared_decision_power",
    rationale: "Meebeslissen",
  });

  const delegate = await signedInContext(browser, saffier);
  await delegate.page.goto(`/tables/${table.id}/participation`);
  await delegate.page.locator("#perception-phase").selectOption({ label: nl.phases.kinds.agenda_setting });
  await delegate.page.locator("#perception-form").selectOption("informing");
  await delegate.page.getByLabel(nl.participation.explanation, { exact: true }).fill("De agenda lag al vast.");
  // She speaks as a person here, so the page may name her — and the report still must not.
  await delegate.page.locator('section[aria-labelledby="record-perception"]').getByLabel(nl.participation.asPerson).check();
  await delegate.page.getByRole("button", { name: nl.participation.save }).click();
  await expect(delegate.page.getByText(nl.participation.saved)).toBeVisible();
  const cell = delegate.page.locator('td[data-party="Stichting Rode Lantaarn"][data-phase="agenda_setting"]');
  await expect(cell).toHaveAttribute("data-gap", "serious");
  await expect(cell).toContainText(nl.participation.forms.informing);
  // A delegate may not put things on the chair's list.
  await expect(delegate.page.getByRole("button", { name: new RegExp(nl.participation.toNextMeeting) })).toHaveCount(0);

  const chair = await signedInContext(browser, lotte);
  await chair.page.goto(`/tables/${table.id}/participation`);
  const gap = chair.page.getByTestId("gap-list").getByRole("listitem").filter({ hasText: "Stichting Rode Lantaarn" });
  await expect(gap).toContainText(nl.participation.seriousGap);
  await gap.getByRole("button", { name: new RegExp(nl.participation.toNextMeeting) }).click();
  await expect(gap).toContainText(nl.participation.onList);
  // The table page flags the gap too.
  await chair.page.goto(`/tables/${table.id}`);
  await expect(chair.page.getByTestId("participation-gaps")).toContainText("Stichting Rode Lantaarn");
  await chair.page.goto(`/tables/${table.id}/participation`);

  // The chair's page names her, as she chose.
  const byHer = nl.participation.byPerson.replace("{name}", "Saffier");
  await expect(chair.page.getByTestId("assessment").filter({ hasText: byHer })).toHaveCount(1);

  // The report is the same in English, and never names a person, even one who chose to be named.
  await chair.context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: test.info().project.use.baseURL ?? "" }]);
  await chair.page.reload();
  await expect(chair.page.getByRole("heading", { name: en.participation.matrix })).toBeVisible();
  const csv = await (await chair.page.request.get(`/tables/${table.id}/participation/report.csv`)).text();
  expect(csv).toContain("Stichting Rode Lantaarn");
  expect(csv).toContain(en.participation.forms.informing);
  expect(csv).not.toContain("Saffier");
  const pdf = await chair.page.request.get(`/tables/${table.id}/participation/report.pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const pdfTextLayer = await pdfText(await pdf.body());
  expect(pdfTextLayer).toContain("Stichting Rode Lantaarn");
  expect(pdfTextLayer).toContain("De agenda lag al vast.");
  expect(pdfTextLayer).not.toContain("Saffier");

  // Within 24 hours the delegate corrects the assessment instead of adding one.
  await delegate.page.reload();
  await delegate.page.getByText("Stichting Rode Lantaarn", { exact: true }).last().click();
  await delegate.page.getByText(nl.participation.correct, { exact: true }).click();
  await delegate.page.getByLabel(nl.participation.form, { exact: true }).last().selectOption("consultation");
  await delegate.page.getByRole("button", { name: nl.participation.save }).last().click();
  await expect(cell).toHaveAttribute("data-gap", "differs");
  expect(await testDb().perception.count({ where: { tableId: table.id } })).toBe(1);
  // The earlier text is kept and shown as history.
  await expect(delegate.page.getByTestId("revisions")).toContainText(nl.participation.forms.informing);
  await delegate.context.close();
  await chair.context.close();
});
