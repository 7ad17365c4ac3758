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
  await expect(page.getByText("/api/parties").first()).toBeVisible();
  expect(external).toEqual([]);
  expect(problems).toEqual([]);
});
