// A contribution made "as the organisation" never shows the person behind it. Every member other
// than its author opens every page of the app (the list in routes.ts), both report downloads and
// the measure's PDF, once before and once after the contribution, and the delegate's pseudonym must
// not appear once more than before — in the HTML or in the data the page carries for its client
// components. The member list may name her before and after: she is a member. A colleague who
// chose to speak as a person is the control: the same count rises for her, so the scan sees a name
// when one is shown.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { contentUpdate, paragraphs } from "../features/docs/seed.ts";
import { appendUpdate } from "../features/docs/store.ts";
import { freezeVersion, storedState } from "../features/docs/versions.ts";
import { createMeasure } from "../features/measures/commands.ts";
import { openImpactCheck, respondToCheck } from "../features/measures/impact.ts";
import { IMPACT_DIMENSIONS } from "../features/measures/model.ts";
import { measureDocName } from "../features/measures/records.ts";
import { recordPerception } from "../features/participation/commands.ts";
import { createInvitation } from "../features/tables/commands.ts";
import { markCommitmentBreached, recordCommitment } from "../features/tables/commitments.ts";
import type { Role } from "../features/tables/model.ts";
import { addParty } from "../features/tables/parties.ts";
import { listPhases } from "../features/tables/phases.ts";
import { pdfText } from "../test/pdf-text.ts";
import { ROUTES, type RouteContext } from "./routes.ts";
import { makeAccount, makeTable, seedMeeting, seedRegister, type TestAccount, testDb, unique } from "./support/data.ts";
import { expectNotesReady, messages, signedInContext } from "./support/pages.ts";

const nl = messages.nl;

// Every role at a table, plus a colleague from her own party (who may read more of it).
const VIEWERS = [
  "facilitator",
  "chair",
  "secretary",
  "observer",
  "treasurer",
  "delegate of another party",
  "colleague in the same party",
] as const;
type ViewerRole = (typeof VIEWERS)[number];
let saffier: TestAccount;
let orhidee: TestAccount;
const viewers = new Map<ViewerRole, TestAccount>();
let ctx: RouteContext;
let phaseId: string;
/** Per viewer and page: how often each pseudonym occurs before the contributions. */
const before = new Map<string, { saffier: number; orhidee: number }>();

test.describe.configure({ mode: "serial" });

const count = (text: string, needle: string) => text.split(needle).length - 1;

async function scan(page: Page): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for (const route of ROUTES) {
    const url = route.path(ctx);
    if (route.pattern.endsWith("/notes")) {
      // A live document fills in from the realtime server after load: read what the browser shows.
      await page.goto(url);
      await expectNotesReady(page);
      pages.set(url, await page.content());
    } else {
      // The server's HTML carries the page and the data for its client components.
      const response = await page.request.get(url);
      expect(response.status(), url).toBeLessThan(500);
      pages.set(url, await response.text());
    }
  }
  const csv = await page.request.get(`/tables/${ctx.tableId}/participation/report.csv`);
  expect(csv.ok()).toBe(true);
  pages.set("report.csv", await csv.text());
  const pdf = await page.request.get(`/tables/${ctx.tableId}/participation/report.pdf`);
  expect(pdf.ok()).toBe(true);
  pages.set("report.pdf", await pdfText(await pdf.body()));
  const measurePdf = await page.request.get(`/tables/${ctx.tableId}/measures/${ctx.measureId}/measure.pdf`);
  expect(measurePdf.ok()).toBe(true);
  pages.set("measure.pdf", await pdfText(await measurePdf.body()));
  return pages;
}

test.beforeAll(async () => {
  const db = testDb();
  // Unique pseudonyms, so every occurrence is hers and nobody else's.
  saffier = await makeAccount(unique("Saffier"));
  orhidee = await makeAccount(unique("Orhidee"));
  const noor = await makeAccount(unique("Noor"));
  const people: Record<string, TestAccount> = {
    chair: await makeAccount(unique("Lotte")),
    secretary: await makeAccount(unique("Secretaris")),
    observer: await makeAccount(unique("Bram")),
    treasurer: await makeAccount(unique("Sanne")),
  };
  const table = await makeTable([
    { account: noor, role: "facilitator" },
    ...Object.entries(people).map(([role, account]) => ({ account, role: role as Role })),
  ]);
  await db.table.update({ where: { id: table.id }, data: { publicSummary: true, municipality: "Lindendam" } });
  const rll = await addParty(db, noor.id, table.id, { type: "sex_worker_organisation", name: "Stichting Rode Lantaarn" });
  const gemeente = await addParty(db, noor.id, table.id, { type: "municipality_department", name: "Gemeente Lindendam" });
  const ilse = await makeAccount(unique("Ilse"));
  for (const [account, partyId] of [
    [saffier, rll.id],
    [orhidee, rll.id],
    [ilse, gemeente.id],
  ] as const) {
    await db.membership.create({ data: { tableId: table.id, accountId: account.id, role: "delegate", partyId } });
  }
  // A commitment of the sex worker organisation the chair marked as breached, for Saffier to answer.
  const commitment = await recordCommitment(db, noor.id, table.id, { partyId: rll.id, kind: "decisions_here" });
  await markCommitmentBreached(db, people.chair.id, table.id, { commitmentId: commitment.id, note: "Elders besproken." });
  phaseId = (await listPhases(db, table.id))[0]?.id ?? "";
  const invitation = await createInvitation(db, noor.id, { tableId: table.id, role: "observer" });
  // A measure with its impact check open, for Saffier to answer for the organisation.
  const measure = await createMeasure(db, noor.id, table.id, {
    title: "Protocol veilig melden",
    kind: "protocol",
    responsibleBody: "mayor",
  });
  const text = measureDocName(table.id, measure.id);
  await appendUpdate(db, text, contentUpdate(await storedState(db, text), paragraphs(["Wie geweld meldt, is melder."])));
  await freezeVersion(db, noor.id, { kind: "measure", tableId: table.id, measureId: measure.id });
  await openImpactCheck(db, people.chair.id, table.id, measure.id);
  ctx = {
    tableId: table.id,
    invitationToken: invitation.token,
    factId: await seedRegister(noor.id, table.id),
    meetingId: await seedMeeting(noor.id, table.id),
    measureId: measure.id,
  };
  viewers.set("facilitator", noor);
  for (const [role, account] of Object.entries(people)) viewers.set(role as ViewerRole, account);
  viewers.set("delegate of another party", ilse);
  viewers.set("colleague in the same party", orhidee);
});

async function scanAs(browser: Browser, role: ViewerRole): Promise<Map<string, string>> {
  const account = viewers.get(role);
  if (!account) throw new Error(`no ${role}`);
  const { context, page } = await signedInContext(browser, account);
  const pages = await scan(page);
  await context.close();
  return pages;
}

// One test per member, each with room for a slow machine: every page, twice per member.
for (const role of VIEWERS) {
  test(`the ${role}'s view of every page, before the contribution`, async ({ browser }) => {
    test.setTimeout(240_000);
    for (const [url, html] of await scanAs(browser, role)) {
      before.set(`${role} ${url}`, { saffier: count(html, saffier.pseudonym), orhidee: count(html, orhidee.pseudonym) });
    }
  });
}

test("a delegate records an assessment, corrects it, answers a condition, replies to a breach and answers an impact check, each as the organisation", async ({
  browser,
}) => {
  const { context, page } = await signedInContext(browser, saffier);
  await page.goto(`/tables/${ctx.tableId}/participation`);
  await page.locator("#perception-form").selectOption("consultation");
  await page.getByLabel(nl.participation.explanation, { exact: true }).fill("De agenda lag al vast.");
  // Speaking as the organisation is what the form starts with.
  await expect(page.locator('section[aria-labelledby="record-perception"]').getByLabel(nl.participation.asOrganisation)).toBeChecked();
  await page.getByRole("button", { name: nl.participation.save }).first().click();
  await expect(page.getByText(nl.participation.saved)).toBeVisible();

  await page.getByText("Stichting Rode Lantaarn", { exact: true }).last().click();
  await page.getByText(nl.participation.correct, { exact: true }).click();
  await page.getByLabel(nl.participation.form, { exact: true }).last().selectOption("informing");
  await page.getByRole("button", { name: nl.participation.save }).last().click();
  await expect(page.getByTestId("revisions")).toBeVisible();

  const answer = page.locator("details", { hasText: nl.conditions.answerFor.replace("{party}", "Stichting Rode Lantaarn") });
  await answer.locator("summary").click();
  await answer.locator("#condition-item").selectOption("INF-3");
  await answer.locator("#condition-answer").selectOption("partly");
  await answer.getByLabel(nl.conditions.evidence).fill("Factsheets alleen in het Nederlands");
  await answer.getByRole("button", { name: nl.conditions.save }).click();
  await expect(page.locator('tr[data-item="INF-3"] td[data-column="Stichting Rode Lantaarn"]')).toContainText(nl.conditions.answers.partly);

  // Her reply to the breach the chair marked, as the organisation.
  await page.goto(`/tables/${ctx.tableId}/commitments`);
  await page.getByText(nl.commitments.respond.replace("{party}", "Stichting Rode Lantaarn")).click();
  await expect(page.getByTestId("commitment-list").getByLabel(nl.commitments.asOrganisation)).toBeChecked();
  await page.getByLabel(nl.commitments.responseText).fill("Wij waren niet uitgenodigd voor dat overleg.");
  await page.getByRole("button", { name: nl.commitments.respondSubmit }).click();
  await expect(page.getByTestId("breach-responses")).toContainText("Wij waren niet uitgenodigd voor dat overleg.");
  await context.close();
  // The organisation's impact check answer, with an expected negative effect on privacy.
  await respondToCheck(testDb(), saffier.id, ctx.tableId, ctx.measureId, {
    declined: false,
    assessments: IMPACT_DIMENSIONS.map((dimension) =>
      dimension === "privacy"
        ? { dimension, effect: "negative", reasoning: "Registratie van het werkadres zet ons in de systemen." }
        : { dimension, effect: "unknown" },
    ),
  });
  // The control: her colleague speaks as a person, and may be named for it.
  await recordPerception(testDb(), orhidee.id, ctx.tableId, {
    phaseId,
    form: "informing",
    explanation: "Ik spreek voor mezelf.",
    attribution: "person",
  });
});

const named: string[] = [];
for (const role of VIEWERS) {
  test(`no page, log or export the ${role} can open names the delegate`, async ({ browser }) => {
    test.setTimeout(240_000);
    const leaks: string[] = [];
    for (const [url, html] of await scanAs(browser, role)) {
      const earlier = before.get(`${role} ${url}`);
      if (!earlier) throw new Error(`no earlier scan of ${url}`);
      const now = count(html, saffier.pseudonym);
      if (now > earlier.saffier) leaks.push(`${url} (${earlier.saffier} → ${now})`);
      if (role !== "colleague in the same party" && count(html, orhidee.pseudonym) > earlier.orhidee) named.push(`${role} ${url}`);
    }
    expect(leaks).toEqual([]);
  });
}

test("the colleague who spoke as a person is named where the scan looked — and never in a report", () => {
  // So the scan does see a name when a page shows one: on the participation page and in the
  // activity log, for every other member; reports name only parties.
  const others = VIEWERS.filter((role) => role !== "colleague in the same party");
  expect(named.sort()).toEqual(
    others.flatMap((role) => [`${role} /tables/${ctx.tableId}/activity`, `${role} /tables/${ctx.tableId}/participation`]).sort(),
  );
});
