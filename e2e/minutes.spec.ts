import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { addParty } from "../features/tables/parties.ts";
import { pdfText } from "../test/pdf-text.ts";
import { makeAccount, makeTable, testDb } from "./support/data.ts";
import { messages, signedInContext } from "./support/pages.ts";

const nl = messages.nl.minutes;

async function expectMinutesReady(page: Page) {
  await expect(page.getByTestId("minutes-editor-status")).toHaveAttribute("data-status", "connected");
  await expect(page.getByTestId("minutes-editor-status")).toHaveAttribute("data-synced", "true");
}

test("the secretary and the chair co-draft the minutes, freeze them, two parties approve, and the PDF downloads", async ({ browser }) => {
  test.setTimeout(150_000);
  const noor = await makeAccount("Noor");
  const lotte = await makeAccount("Lotte");
  const sam = await makeAccount("Sam");
  const saffier = await makeAccount("Saffier");
  const henk = await makeAccount("Henk");
  const table = await makeTable([
    { account: noor, role: "facilitator" },
    { account: lotte, role: "chair" },
    { account: sam, role: "secretary" },
  ]);
  const rll = await addParty(testDb(), noor.id, table.id, { type: "sex_worker_organisation", name: "Stichting Rode Lantaarn" });
  const bewoners = await addParty(testDb(), noor.id, table.id, { type: "residents", name: "Bewoners Oude Haven" });
  await testDb().membership.createMany({
    data: [
      { tableId: table.id, accountId: saffier.id, role: "delegate", partyId: rll.id },
      { tableId: table.id, accountId: henk.id, role: "delegate", partyId: bewoners.id },
    ],
  });
  const chairMembership = await testDb().membership.findFirstOrThrow({ where: { tableId: table.id, accountId: lotte.id } });
  // A meeting that took place yesterday evening, with its attendance as the console recorded it.
  const yesterday = Date.now() - 24 * 3_600_000;
  const meeting = await testDb().meeting.create({
    data: {
      tableId: table.id,
      title: "Avondoverleg",
      startsAt: new Date(yesterday),
      endsAt: new Date(yesterday + 2 * 3_600_000),
      languages: ["nl"],
      createdBy: chairMembership.id,
    },
  });
  for (const accountId of [saffier.id, henk.id]) {
    const membership = await testDb().membership.findFirstOrThrow({ where: { tableId: table.id, accountId } });
    await testDb().attendanceMark.create({
      data: { meetingId: meeting.id, membershipId: membership.id, status: "present", recordedBy: chairMembership.id },
    });
  }
  const url = `/tables/${table.id}/meetings/${meeting.id}/minutes`;

  const secretary = await signedInContext(browser, sam);
  const chair = await signedInContext(browser, lotte);
  // The way in is the meeting page.
  await secretary.page.goto(`/tables/${table.id}/meetings/${meeting.id}`);
  await secretary.page.getByRole("link", { name: nl.link }).click();
  await expect(secretary.page).toHaveURL(new RegExp(`${url}$`));
  await chair.page.goto(url);
  for (const { page } of [secretary, chair]) await expectMinutesReady(page);

  // Pre-filled from the record: attendance by pseudonym and party.
  const editor = (page: Page) => page.getByTestId("minutes-editor");
  await expect(editor(secretary.page)).toContainText("Verslag: Avondoverleg");
  await expect(editor(secretary.page)).toContainText("Aanwezig:");
  await expect(editor(secretary.page)).toContainText("Saffier (Stichting Rode Lantaarn)");
  await expect(editor(secretary.page)).toContainText("Henk (Bewoners Oude Haven)");

  // The whole pre-fill is there, to its last section, in both editors before anyone types at its end.
  for (const page of [secretary.page, chair.page]) await expect(editor(page)).toContainText(nl.prefill.noActions);
  // Co-drafting live.
  // Each types at the end of the last paragraph (clicked, then End), wherever the click landed.
  await editor(secretary.page).locator("p").last().click();
  await secretary.page.keyboard.press("End");
  await secretary.page.keyboard.press("Enter");
  await secretary.page.keyboard.type("Afspraak: de volgende keer starten we om 19:00.");
  await expect(editor(chair.page)).toContainText("Afspraak: de volgende keer starten we om 19:00.");
  await editor(chair.page).locator("p").last().click();
  await chair.page.keyboard.press("End");
  await chair.page.keyboard.type(" Koffie staat klaar.");
  await expect(editor(secretary.page)).toContainText("19:00. Koffie staat klaar.");

  // The secretary freezes version 1; the chair circulates it.
  await secretary.page.getByRole("button", { name: nl.freeze.replace("{number}", "1") }).click();
  await expect(secretary.page.getByText(nl.frozen)).toBeVisible();
  await chair.page.reload();
  await chair.page.getByRole("button", { name: nl.circulate.replace("{number}", "1") }).click();
  await expect(chair.page.getByTestId("minutes-round")).toContainText(nl.round.replace("{version}", "1"));
  // The chair is offered no answer.
  await expect(chair.page.getByRole("button", { name: nl.giveAnswer })).toHaveCount(0);

  // Two delegates of different parties answer, each for their own party.
  for (const [account, party] of [
    [saffier, "Stichting Rode Lantaarn"],
    [henk, "Bewoners Oude Haven"],
  ] as const) {
    const { context, page } = await signedInContext(browser, account);
    await page.goto(url);
    await expect(page.getByRole("heading", { name: nl.answerHeading.replace("{party}", party) })).toBeVisible();
    if (account === henk) {
      // Requesting changes needs a reason: refused, nothing stored.
      await page.getByLabel(nl.requestChanges, { exact: true }).check();
      await page.getByRole("button", { name: nl.giveAnswer }).click();
      await expect(page.getByText(messages.nl.errors.ROUND_REASON_REQUIRED)).toBeVisible();
    }
    await page.getByLabel(nl.approve, { exact: true }).check();
    await page.getByRole("button", { name: nl.giveAnswer }).click();
    await expect(page.getByText(nl.answered)).toBeVisible();
    await context.close();
  }

  await chair.page.reload();
  const rows = chair.page.getByTestId("minutes-round-party");
  await expect(rows.filter({ hasText: "Stichting Rode Lantaarn" })).toContainText(nl.answers.support);
  await expect(rows.filter({ hasText: "Bewoners Oude Haven" })).toContainText(nl.answers.support);
  await chair.page.getByRole("button", { name: nl.closeRound }).click();
  await expect(chair.page.getByTestId("minutes-round-result")).toContainText("Goedgekeurd: 2 van 2 partijen keurden goed");

  // Approved: read-only from now on, and the approved version downloads as PDF.
  await chair.page.reload();
  await expect(chair.page.getByTestId("minutes-approved")).toContainText(nl.approvedNotice.replace("{number}", "1"));
  await expectMinutesReady(chair.page);
  await expect(editor(chair.page)).toHaveAttribute("contenteditable", "false");
  const [download] = await Promise.all([chair.page.waitForEvent("download"), chair.page.getByTestId("minutes-pdf").click()]);
  expect(download.suggestedFilename()).toBe("verslag.pdf");
  const text = await pdfText(readFileSync((await download.path()) as string));
  expect(text).toContain("Afspraak: de volgende keer starten we om 19:00. Koffie staat klaar.");
  expect(text).toContain("Stichting Rode Lantaarn: Keurt goed");

  for (const context of [secretary.context, chair.context]) await context.close();
});

test("the follow-up actions list starts empty and filters by status", async ({ browser }) => {
  const noor = await makeAccount("Noor");
  const table = await makeTable([{ account: noor, role: "facilitator" }]);
  const { context, page } = await signedInContext(browser, noor);
  await page.goto(`/tables/${table.id}/meetings`);
  await page.getByRole("link", { name: messages.nl.followUps.link }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages.nl.followUps.heading);
  await expect(page.getByTestId("actions-empty")).toHaveText(messages.nl.followUps.empty);
  await page.getByLabel(messages.nl.followUps.filter).selectOption("done");
  await page.getByRole("button", { name: messages.nl.followUps.apply }).click();
  await expect(page).toHaveURL(/status=done/);
  await context.close();
});
