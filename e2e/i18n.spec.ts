import { expect, test } from "@playwright/test";
import { messages } from "./support/pages.ts";

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
