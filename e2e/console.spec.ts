import { expect, test } from "@playwright/test";
import { addParty } from "../features/tables/parties.ts";
import { makeAccount, makeTable, seedMeeting, testDb } from "./support/data.ts";
import { messages, signedInContext } from "./support/pages.ts";

const nl = messages.nl;
const c = nl.console;

test("the chair runs an item from the console while two delegates take part from their own devices", async ({ browser }) => {
  const noor = await makeAccount("Noor");
  const lotte = await makeAccount("Lotte");
  const saffier = await makeAccount("Saffier");
  const henk = await makeAccount("Henk");
  const table = await makeTable([
    { account: noor, role: "facilitator" },
    { account: lotte, role: "chair" },
  ]);
  const db = testDb();
  const rll = await addParty(db, noor.id, table.id, { type: "sex_worker_organisation", name: "Stichting Rode Lantaarn" });
  const bewoners = await addParty(db, noor.id, table.id, { type: "residents", name: "Bewonersvereniging Oude Haven" });
  await db.membership.create({ data: { tableId: table.id, accountId: saffier.id, role: "delegate", partyId: rll.id } });
  await db.membership.create({ data: { tableId: table.id, accountId: henk.id, role: "delegate", partyId: bewoners.id } });
  const meetingId = await seedMeeting(noor.id, table.id);
  const url = `/tables/${table.id}/meetings/${meetingId}/console`;

  const chair = await signedInContext(browser, lotte);
  await chair.page.goto(`/tables/${table.id}/meetings/${meetingId}`);
  await chair.page.getByTestId("console-link").click();
  await expect(chair.page.getByTestId("console-status")).toHaveText(c.status.open);
  await expect(chair.page.getByText(c.notOpened)).toBeVisible();
  const delegateA = await signedInContext(browser, saffier);
  const delegateB = await signedInContext(browser, henk);
  for (const { page } of [delegateA, delegateB]) {
    await page.goto(url);
    await expect(page.getByTestId("console-status")).toHaveText(c.status.open);
    // Delegates take part but do not run the meeting.
    await expect(page.getByRole("button", { name: c.openMeeting })).toHaveCount(0);
  }

  await chair.page.getByRole("button", { name: c.openMeeting }).click();
  await chair.page.getByRole("button", { name: new RegExp(`^${c.startItem}`) }).click();
  for (const { page } of [chair, delegateA, delegateB]) await expect(page.getByTestId("item-timer")).toBeVisible();

  // Hands go up from the delegates' own devices, one with the keyboard; the queue is the same everywhere.
  const raiseA = delegateA.page.getByRole("button", { name: c.raiseHand });
  await raiseA.focus();
  await delegateA.page.keyboard.press("Enter");
  await expect(delegateA.page.getByRole("button", { name: c.lowerHand })).toBeVisible();
  await delegateB.page.getByRole("button", { name: c.raiseHand }).click();
  for (const { page } of [chair, delegateA, delegateB]) {
    await expect(page.getByTestId("console-queue").getByRole("listitem")).toHaveText([/Saffier/, /Henk/]);
  }
  await chair.page.getByLabel(c.guestLabel).fill("Mira");
  await chair.page.getByLabel(c.guestParty).selectOption({ label: "Stichting Rode Lantaarn" });
  await chair.page.getByRole("button", { name: c.add }).click();
  await expect(delegateB.page.getByTestId("console-queue").getByRole("listitem")).toHaveCount(3);

  await chair.page.getByRole("button", { name: c.nextSpeaker }).click();
  for (const { page } of [chair, delegateA, delegateB]) await expect(page.getByTestId("console-speaker")).toContainText("Saffier");

  // Attendance, as the chair records it; the balance counts the parties present.
  await chair.page.getByLabel(c.attendanceOf.replace("{name}", "Saffier")).selectOption({ label: c.attendanceStatuses.present });
  await expect(delegateB.page.getByTestId("console-attendance")).toContainText(
    `Saffier (Stichting Rode Lantaarn): ${c.attendanceStatuses.present}`,
  );
  await chair.page.getByLabel(c.attendanceOf.replace("{name}", "Henk")).selectOption({ label: c.attendanceStatuses.online });
  await expect(delegateA.page.getByTestId("console-balance").getByRole("row", { name: /Bewonersvereniging/ })).toContainText(c.unheard);

  // A consensus check on everyone's device, answered per party; the answers appear live.
  await chair.page.getByLabel(c.proposal).fill("Handhaving op thuiswerk wordt opgeschort");
  await chair.page.getByRole("button", { name: c.openCheck }).click();
  await delegateA.page.getByLabel(c.answer, { exact: true }).selectOption("support");
  await delegateA.page.getByRole("button", { name: c.send }).click();
  await expect(chair.page.getByTestId("console-check")).toContainText(`Stichting Rode Lantaarn: ${nl.problem.answers.support}`);
  // A reservation without its reason is refused with a translated error.
  await delegateB.page.getByLabel(c.answer, { exact: true }).selectOption("stand_aside");
  await delegateB.page.getByRole("button", { name: c.send }).click();
  await expect(delegateB.page.getByTestId("console-message")).toContainText(nl.errors.ROUND_REASON_REQUIRED);
  await delegateB.page.getByLabel(c.reason).fill("Wij wachten de evaluatie af");
  await delegateB.page.getByRole("button", { name: c.send }).click();
  await expect(delegateA.page.getByTestId("console-check")).toContainText(
    `Bewonersvereniging Oude Haven: ${nl.problem.answers.stand_aside}`,
  );
  await expect(chair.page.getByRole("button", { name: c.endMeeting })).toBeVisible();
  await chair.page.getByRole("button", { name: c.endMeeting }).click();
  await expect(chair.page.getByTestId("console-message")).toContainText(nl.errors.MEETING_CHECK_OPEN);
  await chair.page.getByRole("button", { name: c.closeCheck }).click();
  await expect(delegateB.page.getByTestId("check-result")).toBeVisible();

  // Without a mandate in force the decision can only be recorded as advisory only, and says so.
  await chair.page.getByRole("button", { name: c.record }).click();
  await expect(chair.page.getByTestId("console-message")).toContainText(nl.errors.DECISION_ADVISORY_UNCONFIRMED);
  await chair.page.getByLabel(c.advisoryConfirm).check();
  await chair.page.getByRole("button", { name: c.record }).click();
  for (const { page } of [chair, delegateA]) {
    await expect(page.getByTestId("console-decisions")).toContainText(`${c.advisoryOnly} (${c.advisoryReasons.no_mandate})`);
  }
  await chair.page.getByRole("button", { name: c.endMeeting }).click();
  for (const { page } of [chair, delegateA, delegateB]) await expect(page.getByText(c.ended)).toBeVisible();

  // The decision and its standing are on the meeting's record.
  await delegateB.page.goto(`/tables/${table.id}/meetings/${meetingId}`);
  await expect(delegateB.page.getByTestId("meeting-decisions")).toContainText(c.advisoryOnly);
  for (const ctx of [chair, delegateA, delegateB]) await ctx.context.close();
});
