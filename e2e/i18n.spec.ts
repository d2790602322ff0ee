import { expect, type Page, test } from "@playwright/test";
import { AUDIT_ACTIONS } from "../features/audit/actions.ts";
import { proposeFromAttendance, setCompensationPolicy } from "../features/compensation/commands.ts";
import { pdfText } from "../test/pdf-text.ts";
import { ROUTES } from "./routes.ts";
import { makeAccount, testDb } from "./support/data.ts";
import { messages, signIn } from "./support/pages.ts";
import { filledTable } from "./support/route-context.ts";

test("Dutch by default, English on request, and the choice is remembered", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByText(messages.nl.home.privacy)).toBeVisible();

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByText(messages.en.home.privacy)).toBeVisible();

  await page.reload();
  await expect(page.getByText(messages.en.home.privacy)).toBeVisible();
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByText(messages.nl.home.privacy)).toBeVisible();
});

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const full = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [[full, value] as [string, string]] : flatten(value, full);
  });
}

const es = messages.es;
// A message next-intl cannot find shows as its key ("compensation.own.title"): no key may show.
// (The personal-data page lists the log's own action codes, and a few read like keys.)
const keys = new Set(flatten(messages.en).map(([key]) => key));
for (const action of AUDIT_ACTIONS) keys.delete(action);
// Whole English sentences and labels: none may show.
const english = flatten(messages.en)
  .map(([, text]) => text)
  .filter((text) => text.length >= 15 && !/[{}<]/.test(text));

async function expectSpanish(page: Page, heading?: string) {
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  if (heading) await expect(page.getByRole("heading", { name: heading }).first()).toBeVisible();
  // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees, not the scripts the page carries
  const text = await page.locator("body").innerText();
  expect(
    (text.match(/[\w-]+(?:\.[\w-]+)+/g) ?? []).filter((word) => keys.has(word)),
    `${page.url()}: message keys instead of texts`,
  ).toEqual([]);
  expect(
    english.filter((line) => text.includes(line)),
    `${page.url()}: English left on the page`,
  ).toEqual([]);
}

test("Español in the switch: sign-up, home, a table's overview, participation and compensation read in Spanish", async ({ page }) => {
  // A delegate of a sex worker organisation at a filled table, who attended a meeting and has
  // compensation proposed for it.
  const facilitator = await makeAccount("Noor");
  const ctx = await filledTable(facilitator);
  const db = testDb();
  await db.table.update({ where: { id: ctx.tableId }, data: { status: "active" } });
  const party = await db.party.findFirstOrThrow({ where: { tableId: ctx.tableId } });
  const delegate = await makeAccount(`Saffier ${Date.now().toString(36)}`);
  const membership = await db.membership.create({
    data: { tableId: ctx.tableId, accountId: delegate.id, role: "delegate", partyId: party.id },
  });
  const chair = await db.membership.findFirstOrThrow({ where: { tableId: ctx.tableId, accountId: facilitator.id } });
  const start = new Date(Date.now() - 3 * 86_400_000);
  const meeting = await db.meeting.create({
    data: {
      tableId: ctx.tableId,
      title: "Avondoverleg",
      startsAt: start,
      endsAt: new Date(start.getTime() + 150 * 60_000),
      languages: [],
      compensatesMeals: true,
      createdBy: chair.id,
    },
  });
  await db.attendanceMark.create({ data: { meetingId: meeting.id, membershipId: membership.id, status: "present", recordedBy: chair.id } });
  await setCompensationPolicy(db, facilitator.id, ctx.tableId, {
    validFrom: "2020-01-01",
    hourRate: "30",
    sessionRate: "75",
    reviewRate: "50",
    draftRate: "100",
    kmRate: "0,23",
    mealCap: "15",
    budget: "12500",
  });
  await proposeFromAttendance(db, facilitator.id, ctx.tableId, meeting.id);

  // Chosen before signing in, on the start page.
  await page.goto("/");
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByText(es.home.privacy)).toBeVisible();
  await expect(page.getByRole("button", { name: "Español" })).toHaveAttribute("aria-pressed", "true");
  await expectSpanish(page, es.home.title);

  await page.goto("/sign-up");
  await expectSpanish(page, es.auth.signUpTitle);
  await expect(page.getByLabel(es.auth.passphrase, { exact: true })).toBeVisible();
  await expect(page.getByLabel(es.auth.consentTerms.replace(/<\/?link>/g, ""))).toBeVisible();

  await signIn(page, delegate, "es");
  await page.goto("/");
  await expectSpanish(page, es.home.myTables);
  await expect(page.getByText(es.home.role.replace("{role}", es.roles.delegate))).toBeVisible();

  const { title } = await db.table.findUniqueOrThrow({ where: { id: ctx.tableId }, select: { title: true } });
  await page.goto(`/tables/${ctx.tableId}`);
  await expectSpanish(page, es.tableInfo.about);
  await expect(page.getByRole("navigation", { name: es.tableNav.label.replace("{title}", title) })).toBeVisible();

  await page.goto(`/tables/${ctx.tableId}/participation`);
  await expectSpanish(page, es.participation.matrix);
  await page.getByText(es.participation.definitions).click();
  await expect(page.getByText(es.participation.formDefinitions.sex_worker_led)).toBeVisible();

  // Amounts as Spanish writes them: 2.5 hours at €30 is "75,00 €".
  await page.goto(`/tables/${ctx.tableId}/compensation`);
  await expectSpanish(page, es.compensation.own.title);
  await expect(page.getByText("75,00 €").first()).toBeVisible();
  await expect(page.getByText(es.compensation.statuses.proposed).first()).toBeVisible();

  // Chosen again while signed in, the account keeps it too.
  await page.goto("/settings");
  await expectSpanish(page, es.settings.title);
  await page.getByRole("button", { name: "Español" }).first().click();
  await expect
    .poll(async () => (await db.account.findUniqueOrThrow({ where: { id: delegate.id }, select: { locale: true } })).locale)
    .toBe("es");

  // A table whose first language is Spanish exports in Spanish, whatever the reader's language.
  await db.table.update({ where: { id: ctx.tableId }, data: { languages: ["es", "nl"] } });
  await page.getByRole("button", { name: "Nederlands" }).first().click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  const sheet = await page.request.get(`/tables/${ctx.tableId}/facts/fact-sheet.pdf`);
  expect(sheet.headers()["content-disposition"]).toContain(`filename="${es.facts.sheet.filename}.pdf"`);
  const sheetText = await pdfText(await sheet.body());
  expect(sheetText).toContain(es.facts.sheet.title);
  expect(sheetText).toContain(es.facts.sheet.agreedToDisagree);
  const measure = await page.request.get(`/tables/${ctx.tableId}/measures/${ctx.measureId}/measure.pdf`);
  expect(measure.headers()["content-disposition"]).toContain(`filename="${es.measures.pdf.filename}.pdf"`);
  const measureText = await pdfText(await measure.body());
  expect(measureText).toContain(es.measures.timelineHeading);
  expect(measureText).toContain(es.measures.dimensions.safety);
  expect(english.filter((line) => measureText.includes(line) || sheetText.includes(line))).toEqual([]);
});

test("every page reads in Spanish, with no text missing or left in English", async ({ browser }) => {
  test.setTimeout(Math.max(60_000, ROUTES.length * 5_000));
  const account = await makeAccount("Noor");
  const ctx = await filledTable(account);
  const context = await browser.newContext();
  await context.addCookies([{ name: "NEXT_LOCALE", value: "es", url: test.info().project.use.baseURL ?? "http://127.0.0.1:3103" }]);
  const page = await context.newPage();
  for (const signedIn of [false, true]) {
    if (signedIn) await signIn(page, account, "es");
    for (const route of ROUTES.filter((r) => r.signedIn === signedIn)) {
      await page.goto(route.path(ctx));
      await expect(page.locator("main#content")).toBeVisible();
      await expectSpanish(page);
    }
  }
  await context.close();
});
