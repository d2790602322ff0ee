import { expect, type Page, test } from "@playwright/test";
import { createTranslator } from "use-intl/core";
import { docName } from "../features/docs/names.ts";
import { contentUpdate, paragraphs } from "../features/docs/seed.ts";
import { appendUpdate } from "../features/docs/store.ts";
import { freezeVersion, storedState } from "../features/docs/versions.ts";
import { scheduleMeeting } from "../features/meetings/commands.ts";
import { amsterdamInputValue } from "../features/shared/dates.ts";
import { addParty } from "../features/tables/parties.ts";
import { makeAccount, makeTable, testDb, unique } from "./support/data.ts";
import { messages, signedInContext, signIn } from "./support/pages.ts";

const nl = messages.nl.notifications;
const translate = createTranslator({ locale: "nl", messages: messages.nl, namespace: "notifications" });
const bellName = (count: number) => translate("bell", { count });

function bell(page: Page) {
  return page.getByRole("banner").getByRole("link", { name: /^Meldingen/ });
}

test("a delegate sees that a round was opened, follows the notification to the page, and the count drops", async ({ browser }) => {
  test.setTimeout(120_000);
  const noor = await makeAccount(unique("Noor"));
  const lotte = await makeAccount(unique("Lotte"));
  const saffier = await makeAccount(unique("Saffier"));
  const henk = await makeAccount(unique("Henk"));
  const table = await makeTable(
    [
      { account: noor, role: "facilitator" },
      { account: lotte, role: "chair" },
    ],
    unique("Tafel Thuiswerk"),
  );
  const partyNames = [unique("Stichting Rode Lantaarn"), unique("Bewoners Oude Haven")];
  const rll = await addParty(testDb(), noor.id, table.id, { type: "sex_worker_organisation", name: partyNames[0] as string });
  const bewoners = await addParty(testDb(), noor.id, table.id, { type: "residents", name: partyNames[1] as string });
  await testDb().membership.createMany({
    data: [
      { tableId: table.id, accountId: saffier.id, role: "delegate", partyId: rll.id },
      { tableId: table.id, accountId: henk.id, role: "delegate", partyId: bewoners.id },
    ],
  });
  const name = docName({ kind: "problem", tableId: table.id });
  await appendUpdate(testDb(), name, contentUpdate(await storedState(testDb(), name), paragraphs(["Thuiswerk is verboden."])));
  await freezeVersion(testDb(), noor.id, { kind: "problem", tableId: table.id });

  const delegate = await signedInContext(browser, saffier);
  await expect(bell(delegate.page)).toHaveAccessibleName(bellName(0));

  // The chair opens a round on the frozen version.
  const chair = await signedInContext(browser, lotte);
  await chair.page.goto(`/tables/${table.id}/problem`);
  await chair.page.getByRole("button", { name: messages.nl.problem.openRound }).click();
  await expect(chair.page.getByTestId("round")).toBeVisible();
  await expect(bell(chair.page)).toHaveAccessibleName(bellName(0));

  // Moving on to another page is enough for the delegate's bell to count it.
  await delegate.page.getByRole("link", { name: table.title }).click();
  await expect(delegate.page).toHaveURL(new RegExp(`/tables/${table.id}$`));
  await expect(bell(delegate.page)).toHaveAccessibleName(bellName(1));
  await expect(delegate.page.getByTestId("notification-bell")).toHaveAttribute("data-unread", "1");

  // The list says what happened, never where or who; looking at it marks nothing read.
  await bell(delegate.page).click();
  await expect(delegate.page.getByRole("heading", { level: 1, name: nl.title })).toBeVisible();
  const item = delegate.page.getByTestId("notification");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(nl.kinds.round_opened);
  await expect(item).toContainText(nl.unread);
  const shown = ((await delegate.page.getByRole("main").textContent()) ?? "").toLowerCase();
  for (const secret of [table.title, ...partyNames, lotte.pseudonym, henk.pseudonym, noor.pseudonym]) {
    expect(shown).not.toContain(secret.toLowerCase());
  }
  await delegate.page.reload();
  await expect(bell(delegate.page)).toHaveAccessibleName(bellName(1));

  // Opening it leads to the problem statement and marks it read.
  await delegate.page.getByRole("button", { name: nl.openLabel.replace("{text}", nl.kinds.round_opened) }).click();
  await expect(delegate.page).toHaveURL(new RegExp(`/tables/${table.id}/problem$`));
  await expect(delegate.page.getByRole("heading", { level: 1 })).toHaveText(messages.nl.problem.title.replace("{table}", table.title));
  await expect(bell(delegate.page)).toHaveAccessibleName(bellName(0));
  await delegate.page.goto("/notifications");
  await expect(item).toHaveAttribute("data-read", "true");
  await expect(item).not.toContainText(nl.unread);

  // A meeting planned by the chair: the delegate marks everything read at once.
  const at = (days: number, hours = 0) => amsterdamInputValue(new Date(Date.now() + days * 86_400_000 + hours * 3_600_000));
  await scheduleMeeting(testDb(), lotte.id, table.id, { title: unique("Avondoverleg"), startsAt: at(7), endsAt: at(7, 2) });
  await delegate.page.reload();
  await expect(bell(delegate.page)).toHaveAccessibleName(bellName(1));
  await expect(item.first()).toContainText(nl.kinds.meeting_scheduled);
  await delegate.page.getByRole("button", { name: nl.markAllRead }).click();
  await expect(delegate.page.getByText(nl.allRead)).toBeVisible();
  await expect(bell(delegate.page)).toHaveAccessibleName(bellName(0));
  await expect(delegate.page.locator('[data-testid="notification"][data-read="false"]')).toHaveCount(0);

  for (const context of [delegate.context, chair.context]) await context.close();
});

test("someone with no notifications sees the empty list, in English", async ({ browser }) => {
  const en = messages.en.notifications;
  const context = await browser.newContext();
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: test.info().project.use.baseURL ?? "http://127.0.0.1:3103" }]);
  const page = await context.newPage();
  await signIn(page, await makeAccount(unique("Iris")), "en");
  const link = page.getByRole("banner").getByRole("link", { name: "Notifications (none unread)" });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: en.title })).toBeVisible();
  await expect(page.getByTestId("notifications-empty")).toHaveText(en.empty);
  await context.close();
});
