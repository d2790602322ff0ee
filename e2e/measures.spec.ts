import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { DEMO_TABLE_TITLE } from "../features/demo/seed.ts";
import { DEMO_MEASURE_TITLE } from "../features/demo/seed-measures.ts";
import { contentUpdate, paragraphs } from "../features/docs/seed.ts";
import { appendUpdate } from "../features/docs/store.ts";
import { freezeVersion, storedState } from "../features/docs/versions.ts";
import { recordAdoption } from "../features/measures/adoption.ts";
import { changeMeasureStatus, createMeasure } from "../features/measures/commands.ts";
import { openImpactCheck, respondToCheck } from "../features/measures/impact.ts";
import { IMPACT_DIMENSIONS } from "../features/measures/model.ts";
import { addIndicator, addReviewDate } from "../features/measures/monitoring.ts";
import { measureDocName } from "../features/measures/records.ts";
import { isoDate } from "../features/shared/dates.ts";
import { addParty } from "../features/tables/parties.ts";
import { pdfText } from "../test/pdf-text.ts";
import { demoAccount, makeAccount, makeTable, testDb } from "./support/data.ts";
import { messages, signedInContext, signIn } from "./support/pages.ts";

const nl = messages.nl.measures;
const DAY = 86_400_000;

type Dimension = (typeof IMPACT_DIMENSIONS)[number];
type Effect = keyof typeof nl.effects;

function editor(page: Page) {
  return page.getByTestId("measure-editor");
}

async function expectEditorReady(page: Page) {
  await expect(page.getByTestId("measure-editor-status")).toHaveAttribute("data-status", "connected");
  await expect(page.getByTestId("measure-editor-status")).toHaveAttribute("data-synced", "true");
}

/**
 * The forms only a delegate sees while a check or review is open, which the page scan in
 * accessibility.spec.ts (one facilitator) does not reach.
 */
async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Fills the impact check form: an effect per dimension given (others stay empty), with reasoning where given. */
async function fillAssessment(page: Page, effects: Partial<Record<Dimension, [Effect, string?]>>) {
  for (const [dimension, [effect, reasoning]] of Object.entries(effects) as [Dimension, [Effect, string?]][]) {
    const fieldset = page.getByTestId(`assess-${dimension}`);
    await fieldset.getByLabel(nl.effects[effect], { exact: true }).check();
    if (reasoning) await fieldset.getByLabel(nl.reasoning, { exact: true }).fill(reasoning);
  }
}

/** A table with a facilitator and a chair, a sex worker organisation and the municipality, each with a delegate. */
async function tableWithTwoParties() {
  const noor = await makeAccount("Noor");
  const lotte = await makeAccount("Lotte");
  const saffier = await makeAccount("Saffier");
  const ilse = await makeAccount("Ilse");
  const table = await makeTable([
    { account: noor, role: "facilitator" },
    { account: lotte, role: "chair" },
  ]);
  const rll = await addParty(testDb(), noor.id, table.id, { type: "sex_worker_organisation", name: "Stichting Rode Lantaarn" });
  const gemeente = await addParty(testDb(), noor.id, table.id, { type: "municipality_department", name: "Gemeente Lindendam" });
  await testDb().membership.createMany({
    data: [
      { tableId: table.id, accountId: saffier.id, role: "delegate", partyId: rll.id },
      { tableId: table.id, accountId: ilse.id, role: "delegate", partyId: gemeente.id },
    ],
  });
  return { table, noor, lotte, saffier, ilse, rll, gemeente };
}

test("two parties co-draft a measure, check its effects, the chair records a mitigation and proposes it", async ({ browser }) => {
  test.setTimeout(150_000);
  const { table, lotte, saffier, ilse } = await tableWithTwoParties();
  const a = await signedInContext(browser, saffier);
  const b = await signedInContext(browser, ilse);

  // Saffier starts the measure; the form leads to its page.
  await a.page.goto(`/tables/${table.id}/measures`);
  await expect(a.page.getByText(nl.none)).toBeVisible();
  await a.page.getByLabel(nl.fields.title, { exact: true }).fill("Protocol veilig melden");
  await a.page.getByLabel(nl.fields.kind, { exact: true }).selectOption({ label: nl.kinds.protocol });
  await a.page.getByLabel(nl.fields.purpose, { exact: true }).fill("Geweld melden zonder controle van de werkplek.");
  await a.page.getByLabel(nl.fields.responsibleBody, { exact: true }).selectOption({ label: messages.nl.mandate.bodies.mayor });
  await a.page.getByRole("button", { name: nl.create }).click();
  await expect(a.page).toHaveURL(new RegExp(`/tables/${table.id}/measures/[0-9a-f-]{36}$`));
  await expect(a.page.getByRole("heading", { level: 1 })).toHaveText("Protocol veilig melden");
  await expect(a.page.getByTestId("measure-status")).toHaveText(nl.statuses.draft);
  const url = new URL(a.page.url()).pathname;

  // Both write the text live and see each other's words.
  await b.page.goto(url);
  for (const { page } of [a, b]) await expectEditorReady(page);
  await editor(a.page).click();
  await a.page.keyboard.type("Wie geweld meldt, is melder.");
  await expect(editor(b.page)).toContainText("Wie geweld meldt, is melder.");
  await editor(b.page).click();
  await b.page.keyboard.press("End");
  await b.page.keyboard.type(" Meldingen op werknaam worden aangenomen.");
  await expect(editor(a.page)).toContainText("Wie geweld meldt, is melder. Meldingen op werknaam worden aangenomen.");

  // Ilse freezes version 1, with both sentences.
  await b.page.getByRole("button", { name: nl.freeze.replace("{number}", "1") }).click();
  await expect(b.page.getByText(nl.frozen)).toBeVisible();
  await expect(b.page.getByTestId("versions")).toContainText(messages.nl.problem.version.replace("{number}", "1"));
  await b.page.goto(`${url}?read=1`);
  await expect(b.page.getByTestId("version-html")).toHaveText("Wie geweld meldt, is melder. Meldingen op werknaam worden aangenomen.");

  // The chair opens the impact check; she answers for no party and cannot propose yet.
  const chair = await signedInContext(browser, lotte);
  await chair.page.goto(url);
  await chair.page.getByRole("button", { name: nl.openCheck }).click();
  await expect(chair.page.getByTestId("measure-status")).toHaveText(nl.statuses.impact_check);
  await expect(chair.page.getByTestId("impact-completeness")).toContainText("Stichting Rode Lantaarn, Gemeente Lindendam");
  await expect(chair.page.getByRole("button", { name: nl.saveAssessment })).toHaveCount(0);
  await expect(chair.page.getByRole("button", { name: nl.propose })).toHaveCount(0);

  // Saffier answers for her organisation, first forgetting stigma: refused, translated, nothing saved.
  await a.page.reload();
  await expect(a.page.getByRole("heading", { name: nl.answerHeading.replace("{party}", "Stichting Rode Lantaarn") })).toBeVisible();
  await expectNoSeriousAxeViolations(a.page);
  await fillAssessment(a.page, {
    safety: ["positive", "Wie zonder angst voor controle meldt, meldt eerder."],
    health: ["positive"],
    autonomy: ["positive"],
    privacy: ["negative", "Als de politie het werkadres registreert, staat iemand voor altijd in de systemen."],
    income: ["none"],
    legal_position: ["unknown"],
  });
  await a.page.getByTestId("assess-privacy").getByLabel(nl.forWhom, { exact: true }).fill("thuiswerkers");
  await a.page.getByRole("button", { name: nl.saveAssessment }).click();
  await expect(a.page.getByRole("alert").filter({ hasText: messages.nl.errors.IMPACT_EFFECT_REQUIRED })).toBeVisible();
  await expectNoSeriousAxeViolations(a.page);
  await chair.page.reload();
  await expect(chair.page.getByTestId("impact-completeness")).toContainText("Stichting Rode Lantaarn, Gemeente Lindendam");
  // What she typed is still there; she adds the missing answer.
  await expect(a.page.getByTestId("assess-privacy").getByLabel(nl.effects.negative, { exact: true })).toBeChecked();
  await fillAssessment(a.page, { stigma: ["none"] });
  await a.page.getByRole("button", { name: nl.saveAssessment }).click();
  await expect(a.page.getByText(nl.assessmentSaved)).toBeVisible();

  // One party answered: still no proposing.
  await chair.page.reload();
  await expect(chair.page.getByTestId("impact-completeness")).toHaveText(nl.impactIncomplete.replace("{missing}", "Gemeente Lindendam"));
  await expect(chair.page.getByRole("button", { name: nl.propose })).toHaveCount(0);

  // Ilse answers for the municipality.
  await b.page.goto(url);
  await expect(b.page.getByRole("heading", { name: nl.answerHeading.replace("{party}", "Gemeente Lindendam") })).toBeVisible();
  await fillAssessment(b.page, {
    safety: ["positive", "Meer meldingen geven zicht op geweld."],
    health: ["none"],
    autonomy: ["none"],
    privacy: ["none"],
    income: ["none"],
    legal_position: ["positive"],
    stigma: ["unknown"],
  });
  await b.page.getByRole("button", { name: nl.saveAssessment }).click();
  await expect(b.page.getByText(nl.assessmentSaved)).toBeVisible();

  // Complete: the summary names the negative effect that remains, the sex worker organisation's.
  await chair.page.reload();
  await expect(chair.page.getByTestId("impact-completeness")).toHaveText("Volledig: 2 partijen ingevuld, 0 afgeslagen.");
  const summary = chair.page.getByTestId("impact-summary");
  await expect(summary).toContainText(nl.summaryRemaining);
  await expect(summary.getByTestId("remaining-negative")).toHaveText(
    `${nl.dimensions.privacy}: Stichting Rode Lantaarn (${nl.forWhomShort.replace("{who}", "thuiswerkers")})`,
  );
  await expect(chair.page.getByTestId("sex-worker-negative")).toContainText("Stichting Rode Lantaarn");
  await expect(chair.page.getByRole("button", { name: nl.propose })).toBeVisible();

  // The chair records what the table agreed on privacy; the summary says every negative effect is answered.
  await chair.page.getByLabel(nl.mitigationDimension, { exact: true }).selectOption({ label: nl.dimensions.privacy });
  await chair.page.getByLabel(nl.mitigationKind, { exact: true }).selectOption({ label: nl.mitigationKinds.accompanying_action });
  await chair.page.getByLabel(nl.mitigationText, { exact: true }).fill("De politie registreert bij een melding geen werkadres.");
  await chair.page.getByRole("button", { name: nl.recordMitigation }).click();
  await expect(chair.page.getByText(nl.mitigationRecorded)).toBeVisible();
  await expect(summary.getByTestId("remaining-negative")).toHaveCount(0);
  await expect(summary).toContainText(nl.summaryAllMitigated);
  await expect(summary.getByTestId("summary-mitigation")).toHaveText(
    `${nl.dimensions.privacy} — ${nl.mitigationKinds.accompanying_action}: De politie registreert bij een melding geen werkadres.`,
  );

  // Proposed: the live text is now read-only, the frozen version speaks.
  await chair.page.getByRole("button", { name: nl.propose }).click();
  await expect(chair.page.getByTestId("measure-status")).toHaveText(nl.statuses.proposed);
  await a.page.reload();
  await expectEditorReady(a.page);
  await expect(editor(a.page)).toHaveAttribute("contenteditable", "false");
  await expect(a.page.getByRole("button", { name: nl.saveAssessment })).toHaveCount(0);

  for (const context of [a.context, b.context, chair.context]) await context.close();
});

/** A measure taken through its check and adoption to in force, with a count indicator and a review date. */
async function measureInForce(parties: Awaited<ReturnType<typeof tableWithTwoParties>>) {
  const { table, noor, lotte, saffier, ilse, rll } = parties;
  const db = testDb();
  const measure = await createMeasure(db, noor.id, table.id, {
    title: "Protocol veilig melden",
    kind: "protocol",
    responsibleBody: "mayor",
  });
  const name = measureDocName(table.id, measure.id);
  await appendUpdate(db, name, contentUpdate(await storedState(db, name), paragraphs(["Wie geweld meldt, is melder."])));
  await freezeVersion(db, noor.id, { kind: "measure", tableId: table.id, measureId: measure.id });
  await openImpactCheck(db, lotte.id, table.id, measure.id);
  for (const delegate of [saffier, ilse]) {
    await respondToCheck(db, delegate.id, table.id, measure.id, {
      declined: false,
      assessments: IMPACT_DIMENSIONS.map((dimension) => ({ dimension, effect: "none" })),
    });
  }
  await changeMeasureStatus(db, lotte.id, table.id, measure.id, { to: "proposed" });
  const yesterday = isoDate(new Date(Date.now() - DAY));
  await recordAdoption(db, ilse.id, table.id, measure.id, { body: "mayor", reference: "Besluit 2026/007", decidedOn: yesterday });
  await changeMeasureStatus(db, lotte.id, table.id, measure.id, { to: "in_force" });
  await addIndicator(db, noor.id, table.id, measure.id, {
    name: "Meldingen van geweld",
    source: "Enquête Stichting Rode Lantaarn",
    valueType: "count",
    baseline: "2",
    reporterPartyId: rll.id,
    frequency: "quarterly",
  });
  await addReviewDate(db, noor.id, table.id, measure.id, { scheduledFor: isoDate(new Date(Date.now() + 30 * DAY)) });
  return `/tables/${table.id}/measures/${measure.id}`;
}

test("at a review the sex worker organisation assesses, a value in the wrong unit is refused, and the table keeps the measure", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const parties = await tableWithTwoParties();
  const url = await measureInForce(parties);

  // The chair opens the review.
  const chair = await signedInContext(browser, parties.lotte);
  await chair.page.goto(url);
  await expect(chair.page.getByTestId("measure-status")).toHaveText(nl.statuses.in_force);
  await chair.page.getByTestId("review").getByRole("button", { name: nl.openReview }).click();
  await expect(chair.page.getByTestId("measure-status")).toHaveText(nl.statuses.under_review);
  await expect(chair.page.getByTestId("review-assessment").filter({ hasText: "Stichting Rode Lantaarn" })).toContainText(
    nl.noAssessmentYet,
  );

  // Saffier gives her organisation's assessment.
  const { context, page } = await signedInContext(browser, parties.saffier);
  await page.goto(url);
  const review = page.getByTestId("review");
  await expect(review.getByRole("heading", { name: nl.evaluateHeading.replace("{party}", "Stichting Rode Lantaarn") })).toBeVisible();
  await expectEditorReady(page);
  await expectNoSeriousAxeViolations(page);
  await review.getByLabel(nl.verdicts.partly, { exact: true }).check();
  const effectOn = (dimension: "safety" | "health" | "autonomy"): Locator =>
    review.getByRole("group", { name: nl.reviewEffect.replace("{dimension}", nl.dimensions[dimension]) });
  await effectOn("safety").getByLabel(nl.effects.positive, { exact: true }).check();
  await effectOn("health").getByLabel(nl.effects.none, { exact: true }).check();
  await effectOn("autonomy").getByLabel(nl.effects.positive, { exact: true }).check();
  await review.getByLabel(nl.reasoning, { exact: true }).fill("Meer collega's durven te melden, migranten nog niet.");
  await review.getByRole("button", { name: nl.saveReviewAssessment }).click();
  await expect(review.getByText(nl.reviewAssessmentSaved)).toBeVisible();
  const row = review.getByTestId("review-assessment").filter({ hasText: "Stichting Rode Lantaarn" });
  await expect(row).toContainText(nl.verdicts.partly);
  await expect(row).toContainText("Meer collega's durven te melden, migranten nog niet.");

  // She reports the indicator's value: a share for a count is refused and nothing is recorded.
  const indicator = page.getByTestId("indicator");
  await indicator.getByText(nl.recordValue, { exact: true }).click();
  const value = indicator.getByLabel(nl.valueIn.replace("{unit}", nl.valueTypes.count), { exact: true });
  await value.fill("12%");
  await indicator.getByRole("button", { name: nl.saveValue }).click();
  await expect(indicator.getByRole("alert").filter({ hasText: messages.nl.errors.INDICATOR_UNIT_MISMATCH })).toBeVisible();
  await expect(indicator.getByText(nl.valuesNone)).toBeVisible();
  await value.fill("12");
  await indicator.getByRole("button", { name: nl.saveValue }).click();
  await expect(indicator.getByText(nl.valueSaved)).toBeVisible();
  const values = indicator.getByTestId("indicator-values");
  await expect(values.locator("tbody tr")).toHaveCount(1);
  await expect(values.locator("tbody tr td").nth(1)).toHaveText("12");
  await expect(review).toContainText(`${nl.reviewValues}: Meldingen van geweld: 12`);

  // The chair records that the table keeps the measure: it is in force again.
  await chair.page.reload();
  const decision = chair.page.getByTestId("review");
  await decision.getByLabel(nl.outcomes.keep, { exact: true }).check();
  await decision.getByLabel(nl.decisionNote, { exact: true }).fill("Het protocol blijft; de Rode Lantaarn maakt het bekender.");
  await decision.getByRole("button", { name: nl.saveDecision }).click();
  await expect(decision.getByTestId("review-outcome")).toHaveText(
    `${nl.outcomeHeadline.keep} Het protocol blijft; de Rode Lantaarn maakt het bekender.`,
  );
  await expect(chair.page.getByTestId("measure-status")).toHaveText(nl.statuses.in_force);
  await expect(decision.getByRole("button", { name: nl.saveDecision })).toHaveCount(0);

  await context.close();
  await chair.context.close();
});

test("the demo's protocol is in force with its open stigma concern, and downloads as a PDF for the council", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, { id: "", ...demoAccount("saffier", "Saffier") });
  await page.getByRole("link", { name: DEMO_TABLE_TITLE }).click();
  await page
    .getByRole("navigation", { name: messages.nl.tableNav.label.replace("{title}", DEMO_TABLE_TITLE) })
    .getByRole("link", { name: messages.nl.tableNav.measures, exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl.title);
  const standing = page.getByTestId("measure-standing").filter({ hasText: DEMO_MEASURE_TITLE });
  await expect(standing.getByTestId("measure-status")).toHaveText(nl.statuses.in_force);
  await expect(standing.getByTestId("measure-unmitigated")).toHaveText(nl.unmitigated.replace("{dimensions}", nl.dimensions.stigma));

  await standing.getByRole("link", { name: DEMO_MEASURE_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_MEASURE_TITLE);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: nl.downloadPdf }).click()]);
  expect(download.suggestedFilename()).toBe(`${nl.pdf.filename}.pdf`);
  const bytes = readFileSync((await download.path()) as string);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const text = await pdfText(bytes);
  expect(text).toContain(DEMO_MEASURE_TITLE);
  expect(text).toContain(nl.outcomeHeadline.keep);
  await context.close();
});

test("the demo's protocol reads in English", async ({ browser }) => {
  const en = messages.en.measures;
  const context = await browser.newContext();
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: test.info().project.use.baseURL ?? "http://127.0.0.1:3103" }]);
  const page = await context.newPage();
  await signIn(page, { id: "", ...demoAccount("ilse", "Ilse Verhoef") }, "en");
  await page.getByRole("link", { name: DEMO_TABLE_TITLE }).click();
  await page
    .getByRole("navigation", { name: messages.en.tableNav.label.replace("{title}", DEMO_TABLE_TITLE) })
    .getByRole("link", { name: messages.en.tableNav.measures, exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.title);
  await expect(page.getByRole("heading", { level: 2, name: en.listHeading })).toBeVisible();
  await page.getByRole("link", { name: DEMO_MEASURE_TITLE }).click();

  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("measure-status")).toHaveText(en.statuses.in_force);
  for (const heading of [en.basisHeading, en.statusHeading, en.textHeading, en.impactHeading, en.monitoringHeading, en.timelineHeading]) {
    await expect(page.getByRole("heading", { level: 2, name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByTestId("impact-summary").getByTestId("remaining-negative")).toContainText(en.dimensions.stigma);
  await expect(page.getByTestId("review-outcome")).toContainText(en.outcomeHeadline.keep);
  await context.close();
});
