import { expect, test } from "@playwright/test";
import { amsterdamInputValue } from "../features/shared/dates.ts";
import { addParty } from "../features/tables/parties.ts";
import { makeAccount, makeTable, testDb } from "./support/data.ts";
import { messages, signedInContext } from "./support/pages.ts";

const nl = messages.nl;
const m = nl.meetings;
const inDays = (days: number, hours = 0) => amsterdamInputValue(new Date(Date.now() + days * 86_400_000 + hours * 3_600_000));

test("the chair asks when people can come, a delegate answers, the chosen time becomes the meeting with its agenda", async ({
  browser,
}) => {
  const noor = await makeAccount("Noor");
  const lotte = await makeAccount("Lotte");
  const saffier = await makeAccount("Saffier");
  const table = await makeTable([
    { account: noor, role: "facilitator" },
    { account: lotte, role: "chair" },
  ]);
  const db = testDb();
  const rll = await addParty(db, noor.id, table.id, { type: "sex_worker_organisation", name: "Stichting Rode Lantaarn" });
  await db.membership.create({ data: { tableId: table.id, accountId: saffier.id, role: "delegate", partyId: rll.id } });

  // The chair proposes an evening and a Sunday afternoon; a time in the past is refused.
  const chair = await signedInContext(browser, lotte);
  await chair.page.goto(`/tables/${table.id}/meetings`);
  await expect(chair.page.getByText(m.noUpcoming)).toBeVisible();
  await chair.page.getByText(m.newPoll, { exact: true }).click();
  await chair.page.getByLabel(m.fields.title, { exact: true }).first().fill("Overleg over thuiswerk");
  await chair.page.locator("#slot-start-0").fill(inDays(-1));
  await chair.page.locator("#slot-end-0").fill(inDays(-1, 2));
  await chair.page.getByRole("button", { name: m.proposePoll }).click();
  await expect(chair.page.getByRole("alert").filter({ hasText: nl.errors.MEETING_SLOT_PAST })).toBeVisible();
  await chair.page.locator("#slot-start-0").fill(inDays(8));
  await chair.page.locator("#slot-end-0").fill(inDays(8, 2));
  await chair.page.locator("#slot-start-1").fill(inDays(11));
  await chair.page.locator("#slot-end-1").fill(inDays(11, 2));
  await chair.page.getByRole("button", { name: m.proposePoll }).click();
  await expect(chair.page.getByTestId("poll")).toHaveCount(1);
  await expect(chair.page.getByTestId("poll-slot")).toHaveCount(2);

  // The delegate answers from her own device, under her pseudonym.
  const delegate = await signedInContext(browser, saffier);
  await delegate.page.goto(`/tables/${table.id}/meetings`);
  const slots = delegate.page.getByTestId("poll-slot");
  await slots.nth(0).getByLabel(m.answers.no, { exact: true }).check();
  await slots.nth(1).getByLabel(m.answers.yes, { exact: true }).check();
  await delegate.page.getByRole("button", { name: m.saveAnswers }).click();
  await expect(delegate.page.getByText(m.answersSaved)).toBeVisible();

  await chair.page.reload();
  const tally = m.tally.replace("{yes}", "1").replace("{ifNeedBe}", "0").replace("{no}", "0");
  await expect(chair.page.getByTestId("slot-tally").nth(1)).toHaveText(tally);
  await chair.page.locator("summary", { hasText: m.whoAnswered }).click();
  await expect(chair.page.getByRole("row").filter({ hasText: "Saffier" })).toContainText(m.answers.yes);
  await chair.page.getByLabel(m.chosenSlot).selectOption({ index: 1 });
  await chair.page.getByRole("button", { name: m.choose }).click();
  await expect(chair.page.getByRole("heading", { level: 1, name: "Overleg over thuiswerk" })).toBeVisible();

  // Place and safety agreements; the address is for those who come.
  await chair.page.getByText(m.editDetails, { exact: true }).click();
  await chair.page.getByLabel(m.fields.address).fill("Havenstraat 12, achteringang");
  await chair.page.getByLabel(m.fields.safetyNotes).fill("Geen foto's, alleen voornamen");
  await chair.page.getByRole("button", { name: m.save, exact: true }).click();
  await expect(chair.page.getByTestId("meeting-address")).toHaveText("Havenstraat 12, achteringang");
  const meetingUrl = chair.page.url();

  await delegate.page.goto(meetingUrl);
  await expect(delegate.page.getByTestId("meeting-address")).toHaveText(m.addressAfterReply);
  await expect(delegate.page.getByTestId("meeting-details")).toContainText("Geen foto's, alleen voornamen");
  await delegate.page.getByRole("button", { name: m.attend, exact: true }).click();
  await expect(delegate.page.getByTestId("meeting-address")).toHaveText("Havenstraat 12, achteringang");
  await expect(delegate.page.getByTestId("my-reply")).toHaveText(m.youAttend);

  // The delegate puts an item on the agenda for her party; the chair's time box must be positive.
  await delegate.page.locator("summary", { hasText: m.addItem }).click();
  await delegate.page.getByLabel(m.fields.itemTitle).fill("Veiligheid bij thuiswerk");
  await delegate.page.getByLabel(m.fields.timebox).fill("30");
  await delegate.page.getByRole("button", { name: m.addItem }).click();
  const agenda = delegate.page.getByTestId("agenda");
  await expect(agenda).toContainText(m.proposedBy.replace("{party}", "Stichting Rode Lantaarn"));
  await expect(agenda).not.toContainText("Saffier");

  await chair.page.reload();
  await chair.page.locator("summary", { hasText: m.addItem }).click();
  await chair.page.getByLabel(m.fields.itemTitle).fill("Opening");
  await chair.page.getByLabel(m.fields.purpose).selectOption("inform");
  await chair.page.getByLabel(m.fields.timebox).fill("0");
  await chair.page.getByRole("button", { name: m.addItem }).click();
  await expect(chair.page.getByRole("alert").filter({ hasText: nl.errors.AGENDA_TIMEBOX_INVALID })).toBeVisible();
  await chair.page.getByLabel(m.fields.timebox).fill("5");
  await chair.page.getByRole("button", { name: m.addItem }).click();
  await expect(chair.page.getByTestId("agenda").getByRole("listitem")).toHaveCount(2);
  await chair.page.getByRole("button", { name: m.moveUp.replace("{title}", "Opening") }).click();
  await expect(chair.page.getByTestId("agenda").getByRole("listitem").first()).toContainText("Opening");
  await expect(chair.page.getByText(m.totalMinutes.replace("{minutes}", "35"))).toBeVisible();
  await chair.context.close();
  await delegate.context.close();
});
