import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { proposeFromAttendance, setCompensationPolicy } from "../features/compensation/commands.ts";
import { addParty } from "../features/tables/parties.ts";
import { makeAccount, makeTable, testDb } from "./support/data.ts";
import { messages, signIn } from "./support/pages.ts";

const nl = messages.nl;
const c = nl.compensation;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

test("on a phone a participant confirms a proposal and claims travel; the treasurer approves and exports without identities", async ({
  browser,
}) => {
  const noor = await makeAccount("Noor");
  const sanne = await makeAccount("Sanne");
  const lotte = await makeAccount("Lotte");
  const saffier = await makeAccount(`Saffier ${Date.now().toString(36)}`);
  const table = await makeTable([
    { account: noor, role: "facilitator" },
    { account: sanne, role: "treasurer" },
    { account: lotte, role: "chair" },
  ]);
  const db = testDb();
  await db.table.update({ where: { id: table.id }, data: { status: "active" } });
  const rll = await addParty(db, noor.id, table.id, { type: "sex_worker_organisation", name: "Stichting Rode Lantaarn" });
  const saffierMember = await db.membership.create({
    data: { tableId: table.id, accountId: saffier.id, role: "delegate", partyId: rll.id },
  });
  const lotteMember = await db.membership.findFirstOrThrow({ where: { tableId: table.id, accountId: lotte.id } });
  const start = new Date(Date.now() - 3 * 86_400_000);
  const meeting = await db.meeting.create({
    data: {
      tableId: table.id,
      title: "Avondoverleg",
      startsAt: start,
      endsAt: new Date(start.getTime() + 150 * 60_000),
      languages: [],
      compensatesTravel: true,
      compensatesMeals: true,
      createdBy: lotteMember.id,
    },
  });
  await db.attendanceMark.create({
    data: { meetingId: meeting.id, membershipId: saffierMember.id, status: "present", recordedBy: lotteMember.id },
  });
  const policy = {
    validFrom: "2020-01-01",
    hourRate: "30",
    sessionRate: "75",
    reviewRate: "50",
    draftRate: "100",
    kmRate: "0,23",
    mealCap: "15",
    budget: "1000",
  };
  await setCompensationPolicy(db, noor.id, table.id, policy);
  await proposeFromAttendance(db, sanne.id, table.id, meeting.id);

  // The participant, on a phone: 2.5 h × €30 is proposed; she confirms it, payout via her organisation.
  const phone = await browser.newContext(PHONE);
  const page = await phone.newPage();
  await signIn(page, saffier);
  await page.goto(`/tables/${table.id}/compensation`);
  const own = page.getByTestId("own-entry");
  await expect(own).toHaveCount(2);
  const time = own.filter({ hasText: "€ 75,00" });
  await expect(time.getByTestId("entry-status")).toHaveText(c.statuses.proposed);
  await time.getByRole("button", { name: c.own.confirm }).click();
  await expect(time.getByTestId("entry-status")).toHaveText(c.statuses.confirmed);

  // A bad IBAN is refused with its message; a valid one is stored, sealed.
  await page.getByText(c.vault.title).click();
  await page.getByLabel(c.vault.iban).fill("NL92ABNA0417164300");
  await page.getByRole("button", { name: c.vault.save }).click();
  await expect(page.getByRole("alert").filter({ hasText: nl.errors.IBAN_INVALID })).toBeVisible();
  await page.getByLabel(c.vault.iban).fill("NL91 ABNA 0417 1643 00");
  await page.getByRole("button", { name: c.vault.save }).click();
  await expect(page.getByText(c.vault.saved)).toBeVisible();

  // A travel claim: a negative amount is refused, €6,40 is added.
  await page.getByText(c.claim.title).click();
  await page.getByLabel(c.fields.category).selectOption("travel");
  await page.getByLabel(c.fields.unit).selectOption("receipt");
  await page.getByLabel(c.fields.amountIfReceipt).fill("-6");
  await page.getByRole("button", { name: c.claim.submit }).click();
  await expect(page.getByRole("alert").filter({ hasText: nl.errors.COMPENSATION_AMOUNT_INVALID })).toBeVisible();
  await page.getByLabel(c.fields.amountIfReceipt).fill("6,40");
  await page.getByLabel(c.fields.meeting).selectOption(meeting.id);
  await page.getByLabel(c.fields.description).fill("Bus heen en terug");
  await page.getByRole("button", { name: c.claim.submit }).click();
  await expect(own).toHaveCount(3);
  await expect(page.getByTestId("own-total")).toContainText("€ 96,40");

  // The treasurer approves the two confirmed entries and exports.
  const treasurer = await browser.newContext(PHONE);
  const tpage = await treasurer.newPage();
  await signIn(tpage, sanne);
  await tpage.goto(`/tables/${table.id}/compensation`);
  const ledger = tpage.getByTestId("ledger-entry");
  await expect(ledger).toHaveCount(3);
  for (const amount of ["€ 75,00", "€ 6,40"]) {
    const line = ledger.filter({ hasText: amount });
    await line.getByRole("button", { name: c.ledger.approve }).click();
    await expect(line.getByTestId("entry-status")).toHaveText(c.statuses.approved);
  }
  await expect(tpage.getByTestId("budget-total-approved")).toHaveText("€ 81,40");
  // The filled-in treasurer view (budget, chart, every entry) passes axe too.
  const axe = await new AxeBuilder({ page: tpage }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  const funder = await tpage.request.get(`/tables/${table.id}/compensation/funder.csv`);
  expect(funder.status()).toBe(200);
  const funderText = await funder.text();
  expect(funderText).toContain("Stichting Rode Lantaarn – delegate");
  expect(funderText).not.toContain(saffier.pseudonym);
  expect(funderText).not.toMatch(/NL91|ABNA/);
  expect(funderText.trim().split("\r\n").at(-1)).toBe("total,,,,96.40,");
  const payout = await tpage.request.get(`/tables/${table.id}/compensation/payout.csv`);
  expect(await payout.text()).toContain("organisation,Stichting Rode Lantaarn,,,,2,81.40");

  // The chair's page holds no vault data and no one's amounts; the payout file is not theirs.
  const chair = await browser.newContext();
  const cpage = await chair.newPage();
  await signIn(cpage, lotte);
  await cpage.goto(`/tables/${table.id}/compensation`);
  await expect(cpage.getByRole("heading", { name: c.own.title })).toBeVisible();
  const html = await cpage.content();
  expect(html).not.toMatch(/NL91|ABNA|0417/);
  expect(html).not.toContain("75,00");
  expect((await cpage.request.get(`/tables/${table.id}/compensation/payout.csv`)).status()).toBe(404);
  await Promise.all([phone.close(), treasurer.close(), chair.close()]);
});
