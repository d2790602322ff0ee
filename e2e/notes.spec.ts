import { expect, test } from "@playwright/test";
import { makeAccount, makeTable } from "./support/data.ts";
import { expectNotesReady, messages, notesEditor, signedInContext } from "./support/pages.ts";

const nl = messages.nl;
const REALTIME_PORT = Number(process.env.E2E_REALTIME_PORT ?? 3104);

test("two members co-edit the notes live; presence is off until both switch it on", async ({ browser }) => {
  const noor = await makeAccount("Noor");
  const ilse = await makeAccount("Ilse");
  const table = await makeTable([
    { account: noor, role: "facilitator" },
    { account: ilse, role: "delegate" },
  ]);
  const a = await signedInContext(browser, noor);
  const b = await signedInContext(browser, ilse);
  for (const { page } of [a, b]) {
    await page.goto(`/tables/${table.id}/notes`);
    await expectNotesReady(page);
  }

  await notesEditor(a.page).click();
  await a.page.keyboard.type("Is thuiswerk een probleem?");
  await expect(notesEditor(b.page)).toContainText("Is thuiswerk een probleem?");
  await notesEditor(b.page).click();
  await b.page.keyboard.press("End");
  await b.page.keyboard.type(" Voor wie?");
  await expect(notesEditor(a.page)).toContainText("Is thuiswerk een probleem? Voor wie?");

  // Presence is off by default: nobody's name appears in the document.
  await expect(a.page.locator(".collaboration-carets__label")).toHaveCount(0);
  await expect(b.page.locator(".collaboration-carets__label")).toHaveCount(0);

  for (const { page } of [a, b]) {
    await page.getByLabel(nl.notes.presence).check();
    // The editor reconnects with presence on; wait for that editor, not the one it replaces.
    await expect(page.getByTestId("connection-status")).toHaveAttribute("data-presence", "on");
    await expectNotesReady(page);
  }
  await notesEditor(a.page).click();
  await a.page.keyboard.type("!");
  await notesEditor(b.page).click();
  await b.page.keyboard.type("?");
  await expect(a.page.locator(".collaboration-carets__label", { hasText: "Ilse" })).toBeVisible();
  await expect(b.page.locator(".collaboration-carets__label", { hasText: "Noor" })).toBeVisible();

  // Presence is remembered per account.
  await a.page.goto("/settings");
  await expect(a.page.getByLabel(nl.notes.presence)).toBeChecked();
  await a.context.close();
  await b.context.close();
});

test("an observer follows the notes live but cannot change them", async ({ browser }) => {
  const noor = await makeAccount("Noor");
  const bram = await makeAccount("Bram");
  const table = await makeTable([
    { account: noor, role: "facilitator" },
    { account: bram, role: "observer" },
  ]);
  const writer = await signedInContext(browser, noor);
  const observer = await signedInContext(browser, bram);
  await writer.page.goto(`/tables/${table.id}/notes`);
  await observer.page.goto(`/tables/${table.id}/notes`);
  await expectNotesReady(writer.page);
  await expectNotesReady(observer.page);
  await expect(observer.page.getByTestId("read-only-notice")).toHaveText(nl.notes.readOnly);
  await expect(notesEditor(observer.page)).toHaveAttribute("contenteditable", "false");

  await notesEditor(writer.page).click();
  await writer.page.keyboard.type("Alleen leden met schrijfrechten typen hier.");
  await expect(notesEditor(observer.page)).toContainText("Alleen leden met schrijfrechten typen hier.");

  await notesEditor(observer.page).click();
  await observer.page.keyboard.type("poging");
  await writer.page.reload();
  await expectNotesReady(writer.page);
  await expect(notesEditor(writer.page)).toContainText("Alleen leden met schrijfrechten typen hier.");
  await expect(notesEditor(writer.page)).not.toContainText("poging");
  await writer.context.close();
  await observer.context.close();
});

test("the text survives a crash of the realtime server, which the start command restarts", async ({ browser, request }) => {
  const noor = await makeAccount("Noor");
  const table = await makeTable([{ account: noor, role: "facilitator" }]);
  const { page, context } = await signedInContext(browser, noor);
  await page.goto(`/tables/${table.id}/notes`);
  await expectNotesReady(page);
  await notesEditor(page).click();
  await page.keyboard.type("Voor de herstart.");
  // Wait until another browser sees it, which means the server stored it.
  const other = await signedInContext(browser, noor);
  await other.page.goto(`/tables/${table.id}/notes`);
  await expect(notesEditor(other.page)).toContainText("Voor de herstart.");
  await other.context.close();

  const health = await (await request.get(`http://127.0.0.1:${REALTIME_PORT}/health`)).json();
  process.kill(health.pid, "SIGKILL");
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "disconnected");
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected", { timeout: 30_000 });
  await expect
    .poll(async () => (await (await request.get(`http://127.0.0.1:${REALTIME_PORT}/health`)).json()).pid, { timeout: 30_000 })
    .not.toBe(health.pid);

  await page.keyboard.press("End");
  await page.keyboard.type(" Na de herstart.");
  await page.reload();
  await expectNotesReady(page);
  await expect(notesEditor(page)).toContainText("Voor de herstart. Na de herstart.");
  await context.close();
});
