import { expect, test } from "@playwright/test";
import { makeAccount, makeTable } from "./support/data.ts";
import { messages, signIn } from "./support/pages.ts";

const nl = messages.nl;

test("a facilitator closes and archives a table; it stays readable and moves to the archived tables", async ({ page }) => {
  const noor = await makeAccount("Noor");
  const table = await makeTable([{ account: noor, role: "facilitator" }]);
  await signIn(page, noor);
  await page.goto(`/tables/${table.id}`);

  // Archiving is offered only once the table is closed.
  await expect(page.getByRole("button", { name: nl.tableInfo.archive })).toHaveCount(0);
  await page.getByLabel(nl.tableInfo.status).selectOption("closed");
  await page.getByRole("button", { name: nl.tableInfo.changeStatus }).click();
  await expect(page.getByTestId("table-status")).toHaveText(nl.statuses.closed);

  await page.getByRole("button", { name: nl.tableInfo.archive }).click();
  await expect(page.getByText(nl.tableInfo.archivedNotice.split("{at}")[0] as string)).toBeVisible();
  // An archived table keeps its status until it is taken out of the archive.
  await expect(page.getByRole("button", { name: nl.tableInfo.changeStatus })).toHaveCount(0);
  await expect(page.getByRole("button", { name: nl.tableInfo.unarchive })).toBeVisible();

  await page.goto("/");
  await expect(page.getByRole("link", { name: table.title })).toBeHidden();
  await page.getByText("1 gearchiveerde tafel").click();
  await page.getByTestId("archived-tables").getByRole("link", { name: table.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: table.title })).toBeVisible();
});
