import { expect, test } from "@playwright/test";
import { login, logout, navLink, watchConsole } from "./helpers.js";

/**
 * Issue 14 §4 and issue 11 §3 in the browser: a party a submitted review uses is locked for the
 * applicant and changed by the secretariat with a reason (kept as a version); entering a party that
 * already exists under another spelling warns and offers the existing record; the people list
 * filters by department.
 */
test("parties: locked when a submitted review uses them, versioned changes, duplicate warning", async ({
  page,
}) => {
  const problems = watchConsole(page);
  await login(page, "tanaka");
  await navLink(page, "取引先・関係者").click();
  await page.getByRole("textbox", { name: "名前で検索" }).fill("李 明");
  await page.getByTestId("parties-table").getByRole("link", { name: "李 明" }).click();
  await expect(page.getByRole("heading", { name: "李 明" })).toBeVisible();
  // The demo's submitted acceptance review names 李 明: the applicant may not change the record.
  const usage = page.getByTestId("party-usage");
  await expect(usage).toContainText("提出済みの審査");
  await expect(usage).toContainText("北京理工大学からの客員研究員の受入れ");
  await expect(usage).toContainText("変更は事務局のみが行えます");
  await expect(page.getByRole("link", { name: "編集", exact: true })).toHaveCount(0);
  const partyUrl = page.url();

  // Entering the same person again, family name last: warned, with the reason, and sent to the record.
  await navLink(page, "取引先・関係者").click();
  await page.getByRole("link", { name: "新規登録" }).click();
  await expect(page.getByRole("heading", { name: "取引先・関係者の新規登録" })).toBeVisible();
  await page.locator(".mantine-SegmentedControl-root").getByText("個人", { exact: true }).click();
  await page.getByRole("textbox", { name: "正式名称" }).fill("Ming Li");
  const warning = page.getByTestId("duplicate-warning");
  await expect(warning).toContainText("既に登録されている可能性");
  await expect(warning.getByRole("link", { name: "李 明" })).toBeVisible();
  await expect(warning).toContainText("LI Ming");
  await warning.getByRole("button", { name: "この記録を使う" }).click();
  await expect(page.getByRole("heading", { name: "李 明" })).toBeVisible();
  await logout(page);

  // The secretariat corrects the record, giving the reason; the party page shows the new version.
  await login(page, "sato");
  await page.goto(partyUrl);
  await page.getByRole("link", { name: "編集", exact: true }).click();
  const reason = page.getByTestId("party-change-reason");
  await expect(reason).toBeVisible();
  await page.getByLabel("生年月日").fill("1988-07-15");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText("変更の理由")).toBeVisible();
  await reason.fill("旅券の写しで生年月日を確認");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  const versions = page.getByTestId("party-versions");
  await expect(versions).toContainText("旅券の写しで生年月日を確認");
  await expect(versions.getByTestId("party-version-2")).toContainText("更新");
  await expect(versions.getByTestId("party-version-2")).toContainText("生年月日: — → 1988-07-15");

  // The same page in English.
  await page.getByText("English", { exact: true }).click();
  await expect(page.getByText("Versions", { exact: true })).toBeVisible();
  await expect(versions.getByTestId("party-version-2")).toContainText("Date of birth: — → 1988-07-15");
  await page.getByText("日本語", { exact: true }).click();
  expect(problems).toEqual([]);
});

test("people list filters by department and due date", async ({ page }) => {
  const problems = watchConsole(page);
  await login(page, "sato");
  await page.goto("/people");
  const table = page.getByTestId("people-table");
  await expect(table.getByRole("link", { name: "山田 太郎" })).toBeVisible();
  await expect(table.getByRole("link", { name: "李 明" })).toBeVisible();
  await page.getByRole("combobox", { name: "部局" }).click();
  await page.getByRole("option", { name: "客員研究員", exact: true }).click();
  await expect(table.getByRole("link", { name: "山田 太郎" })).toBeVisible();
  await expect(table.getByRole("link", { name: "李 明" })).toHaveCount(0);
  await expect(page.getByTestId("people-count")).toHaveText("1 人");
  expect(page.url()).toContain("department=");
  // Nobody in the demo is overdue: the due filter empties the list rather than ignoring itself.
  await page.getByRole("combobox", { name: "申告期限" }).click();
  await page.getByRole("option", { name: "期限切れ", exact: true }).click();
  await expect(page.getByTestId("people-count")).toHaveText("0 人");
  expect(problems).toEqual([]);
});
