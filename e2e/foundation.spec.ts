import { expect, test } from "@playwright/test";
import { login, logout, navLink, watchConsole } from "./helpers.js";

test("log in, switch ja↔en (remembered), create a Japanese-named party, find it, see its audit entry", async ({
  page,
}) => {
  const problems = watchConsole(page);
  await login(page, "admin");
  await expect(page.getByRole("heading", { name: /ようこそ/ })).toBeVisible();
  await expect(navLink(page, "取引先・関係者")).toBeVisible();

  // Switch to English; the choice is stored for the user and survives a reload and a new login.
  await page.getByText("English", { exact: true }).click();
  await expect(navLink(page, "Parties")).toBeVisible();
  await page.reload();
  await expect(navLink(page, "Parties")).toBeVisible();
  await logout(page);
  await login(page, "admin");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.getByText("日本語", { exact: true }).click();
  await expect(page.getByRole("heading", { name: /ようこそ/ })).toBeVisible();

  // Create a party with a Japanese name and an English alias.
  await navLink(page, "取引先・関係者").click();
  await page.getByRole("link", { name: "新規登録" }).click();
  await page.getByRole("textbox", { name: "正式名称" }).fill("東都精密機器株式会社");
  await page.getByRole("button", { name: "＋ 名前を追加" }).click();
  await page.getByRole("textbox", { name: "別名 1" }).fill("Toto Precision Instruments Co., Ltd.");
  await page.getByRole("textbox", { name: "ウェブサイト" }).fill("https://toto-seimitsu.example.jp");
  await page.getByRole("button", { name: "登録", exact: true }).click();
  await expect(page.getByRole("heading", { name: "東都精密機器株式会社" })).toBeVisible();

  // Find it by part of its Japanese name.
  await navLink(page, "取引先・関係者").click();
  await page.getByRole("textbox", { name: "名前で検索" }).fill("精密機器");
  const table = page.getByTestId("parties-table");
  await expect(table.getByRole("link", { name: "東都精密機器株式会社" })).toBeVisible();
  await expect(table.getByRole("link")).toHaveCount(1);
  await table.getByRole("link", { name: "東都精密機器株式会社" }).click();
  await expect(page.getByTestId("party-history").getByText("登録")).toBeVisible();

  // The audit log shows who created it.
  await navLink(page, "監査ログ").click();
  await page.getByRole("textbox", { name: "キーワード" }).fill("東都精密");
  const audit = page.getByTestId("audit-table");
  // Readers see labels; the code stays on the element (and in the tooltip).
  await expect(audit.locator('[data-code="party.created"]')).toHaveCount(1);
  await expect(audit.getByTestId("audit-actor").filter({ hasText: "管理者" }).first()).toBeVisible();
  await page.getByRole("button", { name: "改ざん検査" }).click();
  await expect(page.getByTestId("verify-result")).toContainText("改ざんは検出されませんでした");

  expect(problems).toEqual([]);
});

test("the same pages work in English", async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto("/login");
  await page.getByText("English", { exact: true }).click();
  await expect(page.getByRole("button", { name: "Log in" })).toBeVisible();
  await page.getByLabel("Username").fill("sato");
  await page.getByRole("textbox", { name: "Password" }).fill("wrong password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toContainText("Wrong username or password");
  await login(page, "sato");
  // sato's saved language is Japanese; switching to English is remembered for sato.
  await page.getByText("English", { exact: true }).click();
  await navLink(page, "Parties").click();
  await page.getByRole("textbox", { name: "Search by name" }).fill("harbin");
  await expect(
    page.getByTestId("parties-table").getByRole("link", { name: "Harbin Institute of Technology" }),
  ).toBeVisible();
  // Every module of sato's roles is in the navigation, in English.
  for (const label of [
    "Screening",
    "Reviews",
    "People & declarations",
    "Approach reports",
    "Cases & training",
  ])
    await expect(navLink(page, label)).toBeVisible();
  expect(problems).toEqual([]);
});
