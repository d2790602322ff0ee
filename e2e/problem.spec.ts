import { expect, type Page, test } from "@playwright/test";
import { addParty } from "../features/tables/parties.ts";
import { demoAccount, makeAccount, makeTable, testDb } from "./support/data.ts";
import { messages, signedInContext, signIn } from "./support/pages.ts";

const nl = messages.nl.problem;

function statement(page: Page) {
  return page.getByTestId("statement-editor");
}

async function expectStatementReady(page: Page) {
  await expect(page.getByTestId("statement-editor-status")).toHaveAttribute("data-status", "connected");
  await expect(page.getByTestId("statement-editor-status")).toHaveAttribute("data-synced", "true");
}

test("two delegates co-draft the statement, it is frozen, and both parties endorse it in a round", async ({ browser }) => {
  test.setTimeout(120_000);
  const noor = await makeAccount("Noor");
  const lotte = await makeAccount("Lotte");
  const saffier = await makeAccount("Saffier");
  const henk = await makeAccount("Henk");
  const table = await makeTable([
    { account: noor, role: "facilitator" },
    { account: lotte, role: "chair" },
  ]);
  const rll = await addParty(testDb(), noor.id, table.id, { type: "sex_worker_organisation", name: "Stichting Rode Lantaarn" });
  const bewoners = await addParty(testDb(), noor.id, table.id, { type: "residents", name: "Bewoners Oude Haven" });
  await testDb().membership.createMany({
    data: [
      { tableId: table.id, accountId: saffier.id, role: "delegate", partyId: rll.id },
      { tableId: table.id, accountId: henk.id, role: "delegate", partyId: bewoners.id },
    ],
  });
  const a = await signedInContext(browser, saffier);
  const b = await signedInContext(browser, henk);
  for (const { page } of [a, b]) {
    await page.goto(`/tables/${table.id}/problem`);
    await expectStatementReady(page);
  }

  // Co-drafting live in two browsers.
  await statement(a.page).click();
  await a.page.keyboard.type("Thuiswerk is verboden.");
  await expect(statement(b.page)).toContainText("Thuiswerk is verboden.");
  await statement(b.page).click();
  await b.page.keyboard.press("End");
  await b.page.keyboard.type(" Voor wie is dat een probleem?");
  await expect(statement(a.page)).toContainText("Thuiswerk is verboden. Voor wie is dat een probleem?");

  // Each party writes its own perspective and reads the other's.
  await expect(a.page.getByTestId(`perspective-editor-${rll.id}`)).toHaveAttribute("contenteditable", "true");
  await expect(a.page.getByTestId(`perspective-editor-${bewoners.id}`)).toHaveAttribute("contenteditable", "false");

  // Henk freezes version 1.
  await b.page.getByRole("button", { name: nl.freeze.replace("{number}", "1") }).click();
  await expect(b.page.getByText(nl.frozen.replace("{number}", "1"))).toBeVisible();
  await expect(b.page.getByTestId("versions")).toContainText(nl.version.replace("{number}", "1"));

  // The chair opens a round on it.
  const chair = await signedInContext(browser, lotte);
  await chair.page.goto(`/tables/${table.id}/problem`);
  await chair.page.getByRole("button", { name: nl.openRound }).click();
  await expect(chair.page.getByTestId("round")).toContainText(nl.round.replace("{version}", "1"));
  // The chair is offered no answer.
  await expect(chair.page.getByRole("button", { name: nl.giveAnswer })).toHaveCount(0);

  // Both parties answer from their own browsers.
  for (const [{ page }, party] of [
    [a, "Stichting Rode Lantaarn"],
    [b, "Bewoners Oude Haven"],
  ] as const) {
    await page.reload();
    await expect(page.getByRole("heading", { name: nl.answerHeading.replace("{party}", party) })).toBeVisible();
    await page.getByLabel(nl.answers.support, { exact: true }).check();
    await page.getByRole("button", { name: nl.giveAnswer }).click();
    await expect(page.getByText(nl.answered)).toBeVisible();
  }

  await chair.page.reload();
  const rows = chair.page.getByTestId("round-party");
  await expect(rows.filter({ hasText: "Stichting Rode Lantaarn" })).toContainText(nl.answers.support);
  await expect(rows.filter({ hasText: "Bewoners Oude Haven" })).toContainText(nl.answers.support);
  await chair.page.getByRole("button", { name: nl.closeRound }).click();
  await expect(chair.page.getByTestId("round-result")).toContainText("Aangenomen: 2 van de 2 meegetelde partijen steunen");

  // Later typing belongs to the next version: version 1 still reads as frozen.
  await statement(a.page).click();
  await a.page.keyboard.press("End");
  await a.page.keyboard.type(" En wat is overlast?");
  await expect(statement(b.page)).toContainText("En wat is overlast?");
  await b.page.goto(`/tables/${table.id}/problem?read=1`);
  await expect(b.page.getByTestId("version-html")).toHaveText("Thuiswerk is verboden. Voor wie is dat een probleem?");

  for (const context of [a.context, b.context, chair.context]) await context.close();
});

test("the demo table shows its statement in two versions, their diff and a completed round, in English", async ({ browser }) => {
  const en = messages.en.problem;
  const context = await browser.newContext();
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: test.info().project.use.baseURL ?? "http://127.0.0.1:3103" }]);
  const page = await context.newPage();
  await signIn(page, { id: "", ...demoAccount("saffier", "Saffier") }, "en");
  await page.getByRole("link", { name: "Tafel APV thuiswerk" }).click();
  await page.getByRole("link", { name: messages.en.tableNav.problem, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.title.replace("{table}", "Tafel APV thuiswerk"));
  await expect(page.getByTestId("versions").getByRole("listitem")).toHaveCount(2);
  await page.getByRole("button", { name: en.compare }).click();
  await expect(page.getByRole("heading", { name: en.diffHeading.replace("{from}", "1").replace("{to}", "2") })).toBeVisible();
  await expect(page.getByTestId("version-diff").locator("ins").first()).toBeVisible();
  await expect(page.getByTestId("round-result")).toContainText("Endorsed: 3 of 4 counted parties support");
  await expect(page.getByTestId("round-party").filter({ hasText: "Bewonersvereniging Oude Haven" })).toContainText(
    en.answers.cannot_support,
  );
  // Saffier writes the sex worker organisation's perspective, and only that one.
  await expect(
    page.getByRole("textbox", { name: en.perspectiveLabel.replace("{party}", "Stichting Rode Lantaarn Lindendam") }),
  ).toHaveAttribute("contenteditable", "true");
  await expect(page.getByRole("textbox", { name: en.perspectiveLabel.replace("{party}", "Gemeente Lindendam") })).toHaveAttribute(
    "contenteditable",
    "false",
  );
  await context.close();
});
