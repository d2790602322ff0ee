import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { changeFactStatus, proposeFact, recordPosition, setCitationWording } from "../features/facts/commands.ts";
import { addParty } from "../features/tables/parties.ts";
import { pdfText } from "../test/pdf-text.ts";
import { makeAccount, makeTable, RANGE_FACT, type TestAccount, testDb } from "./support/data.ts";
import { messages, signedInContext } from "./support/pages.ts";

const nl = messages.nl;
const en = messages.en;
const fill = (template: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((text, [key, value]) => text.replace(`{${key}}`, String(value)), template);

/** A table with a facilitator, a chair and three parties, each with one delegate. */
async function factTable(language: "nl" | "en") {
  const noor = await makeAccount("Noor");
  const lotte = await makeAccount("Lotte");
  const table = await makeTable([
    { account: noor, role: "facilitator" },
    { account: lotte, role: "chair" },
  ]);
  const db = testDb();
  await db.table.update({ where: { id: table.id }, data: { languages: [language] } });
  const delegates: Record<"rll" | "bewoners" | "ggd", TestAccount> = {
    rll: await makeAccount("Saffier"),
    bewoners: await makeAccount("Henk"),
    ggd: await makeAccount("Femke"),
  };
  const names = { rll: "Stichting Rode Lantaarn", bewoners: "Bewonersvereniging Oude Haven", ggd: "GGD Regio" };
  const types = { rll: "sex_worker_organisation", bewoners: "residents", ggd: "public_health" } as const;
  for (const key of ["rll", "bewoners", "ggd"] as const) {
    const party = await addParty(db, noor.id, table.id, { type: types[key], name: names[key] });
    await db.membership.create({ data: { tableId: table.id, accountId: delegates[key].id, role: "delegate", partyId: party.id } });
  }
  return { table, noor, lotte, delegates, names };
}

async function downloadText(page: Page, linkName: string): Promise<{ head: string; text: string }> {
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: linkName }).click();
  const file = await (await downloading).path();
  const bytes = await readFile(file);
  return { head: bytes.subarray(0, 5).toString(), text: await pdfText(bytes) };
}

test("a fact with a range and a denominator is disputed by a party, agreed with its citation wording and printed on the fact sheet", async ({
  browser,
}) => {
  // Three people in their own browsers, one after the other.
  test.slow();
  const { table, noor, lotte, delegates, names } = await factTable("nl");
  const db = testDb();
  const f = nl.facts.fields;

  // The facilitator proposes the figure; a reversed range is refused and nothing is stored.
  const facilitator = await signedInContext(browser, noor);
  const page = facilitator.page;
  await page.goto(`/tables/${table.id}`);
  await page.getByRole("link", { name: nl.tableNav.facts, exact: true }).click();
  await page.getByRole("link", { name: nl.facts.add }).click();
  await page.getByLabel(f.title, { exact: true }).fill(RANGE_FACT.title);
  await page.getByLabel(f.valueKind, { exact: true }).selectOption("range");
  await page.getByLabel(f.qualifier, { exact: true }).selectOption("estimate");
  await page.getByLabel(f.valueLow, { exact: true }).fill("85");
  await page.getByLabel(f.valueHigh, { exact: true }).fill("50");
  await page.getByLabel(f.percentage).check();
  await page.getByLabel(f.unit, { exact: true }).fill("% van de sekswerkers");
  await page.getByLabel(f.denominatorDescription, { exact: true }).fill("Sekswerkers in Nederland (niet geteld)");
  await page.getByLabel(f.sampleSize, { exact: true }).fill("6");
  await page.getByLabel(f.evidenceKind, { exact: true }).selectOption("expert_opinion");
  await page.getByLabel(f.sourceTitle, { exact: true }).fill("Fact or frame? (artikel), voetnoot 3");
  await page.getByLabel(f.originalSource, { exact: true }).fill("KLPD (2008)");
  await page.getByRole("button", { name: nl.facts.propose }).click();
  await expect(page.locator("form .alert-error")).toContainText(nl.errors.FACT_RANGE_ORDER);
  await expect(page.getByLabel(f.valueLow, { exact: true })).toHaveAttribute("aria-invalid", "true");
  expect(await db.fact.count({ where: { tableId: table.id } })).toBe(0);
  await page.getByLabel(f.valueLow, { exact: true }).fill("50");
  await page.getByLabel(f.valueHigh, { exact: true }).fill("85");
  await page.getByRole("button", { name: nl.facts.propose }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(RANGE_FACT.title);
  await expect(page.getByTestId("fact-figure")).toContainText("geschat 50–85%");
  await expect(page.getByTestId("fact-figure")).toContainText("Sekswerkers in Nederland (niet geteld)");

  // Into discussion, with the sentence the table will cite.
  await page.getByRole("button", { name: fill(nl.facts.moveTo, { status: nl.facts.statuses.under_discussion }) }).click();
  await expect(page.locator("h1 + p .fact-status")).toHaveAttribute("data-status", "under_discussion");
  const wording = "Tussen 50% en 85%: schattingen van zes zedenrechercheurs (KLPD 2008), geen meting; over alle sekswerkers in Nederland.";
  await page.getByRole("textbox", { name: f.citationWording, exact: true }).fill(wording);
  await page.getByRole("button", { name: nl.facts.saveWording }).click();
  await expect(page.getByTestId("citation-wording")).toHaveText(wording);
  const factId = new URL(page.url()).pathname.split("/").at(-1) ?? "";

  // The other two parties accept (set up directly); RLL disputes from its own delegate's browser.
  await recordPosition(db, delegates.bewoners.id, table.id, factId, {
    stance: "accepts_with_caveat",
    reasoning: "Zelfrapportage telt te laag.",
  });
  await recordPosition(db, delegates.ggd.id, table.id, factId, { stance: "accepts" });
  const delegate = await signedInContext(browser, delegates.rll);
  await delegate.page.goto(`/tables/${table.id}/facts/${factId}`);
  await expect(delegate.page.getByRole("heading", { name: fill(nl.facts.yourPosition, { party: names.rll }) })).toBeVisible();
  await delegate.page.getByLabel(nl.facts.stances.disputes, { exact: true }).check();
  await delegate.page.getByRole("button", { name: nl.facts.savePosition }).click();
  await expect(delegate.page.locator("form .alert-error")).toContainText(nl.errors.FACT_REASONING_REQUIRED);
  await delegate.page.getByLabel(nl.facts.reasoning, { exact: true }).fill("Gissingen van zes rechercheurs zijn geen meting.");
  await delegate.page.getByRole("button", { name: nl.facts.savePosition }).click();
  const rllCard = delegate.page.getByTestId("positions").locator(`li[data-party="${names.rll}"]`);
  await expect(rllCard).toContainText(nl.facts.stances.disputes);
  await expect(rllCard).toContainText("Gissingen van zes rechercheurs zijn geen meting.");
  // A delegate has no status controls and no wording editor.
  await expect(delegate.page.getByRole("button", { name: nl.facts.saveWording })).toHaveCount(0);
  await expect(delegate.page.getByRole("heading", { name: nl.facts.statusTitle })).toHaveCount(0);
  const axe = await new AxeBuilder({ page: delegate.page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // The chair sees two of three counted parties accept and the dispute headlined, and agrees.
  const chair = await signedInContext(browser, lotte);
  await chair.page.goto(`/tables/${table.id}/facts/${factId}`);
  await expect(chair.page.getByText(nl.facts.sexWorkerObjection)).toBeVisible();
  await expect(chair.page.getByTestId("fact-result")).toContainText("2 van de 3");
  await chair.page.getByRole("button", { name: fill(nl.facts.moveTo, { status: nl.facts.statuses.agreed }) }).click();
  await expect(chair.page.locator("h1 + p .fact-status")).toHaveAttribute("data-status", "agreed");
  await expect(chair.page.getByTestId("citation-wording")).toHaveText(wording);
  await expect(chair.page.getByText(nl.facts.wordingFixed)).toBeVisible();

  // The register shows each party's position; the fact sheet prints the wording with its base and source.
  await chair.page.goto(`/tables/${table.id}/facts?party=&stance=disputes`);
  const row = chair.page.getByTestId("fact-register").locator("tbody tr").first();
  await expect(row.locator(`td[data-party="${names.rll}"]`)).toContainText(nl.facts.stances.disputes);
  await expect(row).toContainText(nl.facts.statuses.agreed);
  const sheet = await downloadText(chair.page, nl.facts.pdf);
  expect(sheet.head).toBe("%PDF-");
  expect(sheet.text).toContain(nl.facts.sheet.title);
  expect(sheet.text).toContain(wording);
  expect(sheet.text).toContain("Sekswerkers in Nederland (niet geteld)");
  expect(sheet.text).toContain("KLPD (2008)");
  expect(sheet.text).toContain(`${names.rll}: ${nl.facts.stances.disputes}`);
  expect(sheet.text).not.toContain("Saffier");

  // The activity log names the change of status and the party's position, not the delegate.
  await chair.page.goto(`/tables/${table.id}/activity`);
  const log = chair.page.getByTestId("activity-log");
  await expect(log.locator('[data-action="fact.status_changed"]').first()).toBeVisible();
  await expect(log.locator('[data-action="fact.position_recorded"]').first()).toContainText(names.rll);
  await expect(log).not.toContainText("Saffier");
  for (const context of [facilitator.context, delegate.context, chair.context]) await context.close();
});

test("in English: a delegate disputes a figure, the register filters by position and the fact sheet is in the table's language", async ({
  browser,
}) => {
  const { table, noor, lotte, delegates, names } = await factTable("en");
  const db = testDb();
  const { id } = await proposeFact(db, noor.id, table.id, {
    ...RANGE_FACT,
    code: "COE-03",
    language: "en",
    title: "KLPD 2008: detectives' estimates",
  });
  await proposeFact(db, noor.id, table.id, { ...RANGE_FACT, code: "VIO-02", title: "Physical violence", evidenceKind: "survey" });
  await changeFactStatus(db, lotte.id, table.id, id, { to: "under_discussion" });
  const wording = "Between 50% and 85%, estimates by six vice detectives (KLPD 2008), not a measurement.";
  await setCitationWording(db, lotte.id, table.id, id, wording);

  const delegate = await signedInContext(browser, delegates.rll);
  await delegate.context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: test.info().project.use.baseURL ?? "" }]);
  await delegate.page.goto(`/tables/${table.id}/facts`);
  await expect(delegate.page.getByRole("heading", { level: 1 })).toHaveText(fill(en.facts.title, { table: table.title }));
  // Delegates neither import the starter set nor moderate.
  await expect(delegate.page.getByRole("button", { name: en.facts.import })).toHaveCount(0);
  await delegate.page.getByRole("link", { name: "COE-03" }).click();
  await delegate.page.getByLabel(en.facts.stances.disputes, { exact: true }).check();
  await delegate.page.getByLabel(en.facts.reasoning, { exact: true }).fill("Six guesses are not a measurement.");
  await delegate.page.getByRole("button", { name: en.facts.savePosition }).click();
  await expect(delegate.page.getByTestId("positions").locator(`li[data-party="${names.rll}"]`)).toContainText(en.facts.stances.disputes);

  await delegate.page.goto(`/tables/${table.id}/facts`);
  await delegate.page.getByLabel(en.facts.party, { exact: true }).selectOption({ label: names.rll });
  await delegate.page.getByLabel(en.facts.position, { exact: true }).selectOption("disputes");
  await delegate.page.getByRole("button", { name: en.facts.filter, exact: true }).click();
  await expect(delegate.page.getByText(fill(en.facts.showing, { shown: 1, total: 2 }))).toBeVisible();
  await expect(delegate.page.getByTestId("fact-register").locator("tbody tr")).toHaveCount(1);
  await expect(delegate.page.getByTestId("fact-register")).toContainText("COE-03");

  await recordPosition(db, delegates.bewoners.id, table.id, id, { stance: "accepts" });
  await recordPosition(db, delegates.ggd.id, table.id, id, { stance: "accepts" });
  await changeFactStatus(db, lotte.id, table.id, id, { to: "agreed" });
  await delegate.page.goto(`/tables/${table.id}/facts`);
  const sheet = await downloadText(delegate.page, en.facts.pdf);
  expect(sheet.head).toBe("%PDF-");
  expect(sheet.text).toContain(en.facts.sheet.agreed);
  expect(sheet.text).toContain(wording);
  const csv = await (await delegate.page.request.get(`/tables/${table.id}/facts/register.csv`)).text();
  expect(csv).toContain(`"${en.facts.columns.code}"`);
  expect(csv).toContain(`"${names.rll}"`);
  expect(csv).toContain("Six guesses are not a measurement.");
  expect(csv).not.toContain("Saffier");
  await delegate.context.close();
});
