import { expect, test } from "@playwright/test";
import { watchConsole } from "./helpers.js";

test("the API documentation is served locally and runs under the CSP", async ({ page }) => {
  const problems = watchConsole(page);
  const external: string[] = [];
  page.on("request", (req) => {
    if (!req.url().startsWith("http://127.0.0.1")) external.push(req.url());
  });
  await page.goto("/api/docs");
  await expect(page.getByText("Sekimori API").first()).toBeVisible();
  // Tags start collapsed; every module's tag is listed and opens its operations.
  for (const tag of [
    "parties",
    "screening",
    "reviews",
    "people",
    "approaches",
    "insider",
    "cases",
    "training",
  ])
    await expect(page.locator(".opblock-tag", { hasText: tag }).first()).toBeVisible();
  await page.locator(".opblock-tag", { hasText: "parties" }).first().click();
  await expect(page.getByText("/api/parties", { exact: true }).first()).toBeVisible();
  expect(external).toEqual([]);
  expect(problems).toEqual([]);
});
