import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Page, test } from "@playwright/test";
import { login, navLink, watchConsole } from "./helpers.js";

const demoLists = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "demo", "lists");

/** Logs in and makes sure the UI is in the wanted language (another test may have switched the user's). */
async function loginIn(page: Page, username: string, lang: "ja" | "en"): Promise<void> {
  await login(page, username);
  await page.getByText(lang === "ja" ? "日本語" : "English", { exact: true }).click();
  await expect(navLink(page, lang === "ja" ? "スクリーニング" : "Screening")).toBeVisible();
}

test("screen 軍需工業部 in Japanese and find the UN's MUNITIONS INDUSTRY DEPARTMENT with an explanation", async ({
  page,
}) => {
  const problems = watchConsole(page);
  await loginIn(page, "sato", "ja");
  await navLink(page, "スクリーニング").click();
  await expect(page.getByTestId("index-state")).toContainText("国連安保理");

  await page.getByTestId("screening-query").fill("軍需工業部");
  const results = page.getByTestId("search-results");
  const first = results.getByTestId("hit").first();
  await expect(first.getByRole("button", { name: "MUNITIONS INDUSTRY DEPARTMENT" })).toBeVisible();
  await expect(first).toContainText("KPe.028");
  await expect(first.getByText("一致の可能性", { exact: true })).toBeVisible();
  const score = Number(await first.getByTestId("hit-score").textContent());
  expect(score).toBeGreaterThanOrEqual(0.7);
  expect(score).toBeLessThan(1);
  // The explanation: which query name met which list name, and each feature's contribution.
  const explanation = first.getByTestId("hit-explanation");
  await expect(explanation).toContainText("照会名「軍需工業部」 ↔ 掲載名「MUNITIONS INDUSTRY DEPARTMENT」");
  await expect(explanation.getByRole("cell", { name: "名前の類似度" })).toBeVisible();
  await expect(explanation).toContainText("組織語彙の翻訳");
  // every cross-script step is shown: which characters became which English word, and how
  await expect(explanation.getByTestId("cross-script")).toContainText("読み・翻訳");
  await expect(
    explanation.getByTestId("cross-script-step").filter({ hasText: "軍需 → munitions" }),
  ).toContainText("語彙表");

  // The full list entry in a drawer.
  await first.getByRole("button", { name: "掲載内容" }).click();
  const entry = page.getByTestId("list-entry");
  await expect(entry.getByRole("heading", { name: "MUNITIONS INDUSTRY DEPARTMENT" })).toBeVisible();
  await expect(entry).toContainText("Military Supplies Industry Department");
  await expect(entry).toContainText("KPe.028");
  await page.getByRole("button", { name: "閉じる" }).click();
  await expect(entry).toBeHidden();

  expect(problems).toEqual([]);
});

test("mark a party's hit as a false positive with a rationale; the decision is remembered and in the history", async ({
  page,
}) => {
  const problems = watchConsole(page);
  await loginIn(page, "sato", "ja");
  await navLink(page, "取引先・関係者").click();
  await page.getByRole("textbox", { name: "名前で検索" }).fill("山田 太郎");
  await page.getByTestId("parties-table").getByRole("link", { name: "山田 太郎" }).click();

  const panel = page.getByTestId("party-screening");
  await panel.getByRole("button", { name: "今すぐ照合" }).click();
  await expect(panel.getByTestId("party-screening-summary")).toContainText("手動");
  const hit = panel.getByTestId("hit").filter({ hasText: "DEMO-W-001" });
  await expect(hit).toBeVisible();
  // The watchlist's 山田 太郎 was born in 1962, this visitor in 1985: the explanation says so.
  await expect(hit.getByTestId("hit-explanation")).toContainText("生年月日");

  await hit.getByRole("button", { name: "非該当" }).click();
  const dialog = page.getByRole("dialog", { name: "非該当と判定" });
  const rationale = "生年月日が異なる（1985年生まれ、リストは1962年生まれ）。同姓同名の別人";
  await dialog.getByRole("textbox", { name: "理由" }).fill(rationale);
  await dialog.getByRole("button", { name: "判定を記録" }).click();
  await expect(dialog).toBeHidden();
  await expect(hit.getByTestId("hit-decision-status")).toHaveText("非該当（別人・別団体）");
  await expect(hit).toContainText(rationale);

  // Screening again does not raise the pair again: the decision is remembered.
  await panel.getByRole("button", { name: "今すぐ照合" }).click();
  await expect(panel.getByTestId("screening-runs").getByRole("row").filter({ hasText: "手動" })).toHaveCount(
    2,
  );
  await expect(hit.getByTestId("hit-decision-status")).toHaveText("非該当（別人・別団体）");
  await page.reload();
  await expect(hit.getByTestId("hit-decision-status")).toHaveText("非該当（別人・別団体）");
  const history = panel.getByTestId("decision-history");
  await expect(history.getByRole("row").filter({ hasText: rationale })).toContainText("sato");

  // The review queue no longer lists this hit.
  await navLink(page, "スクリーニング").click();
  await page.getByRole("tab", { name: "判定待ちの候補" }).click();
  await expect(page.getByTestId("review-queue")).toBeVisible();
  await expect(
    page.getByTestId("review-queue").getByRole("row").filter({ hasText: "DEMO-W-001" }),
  ).toHaveCount(0);

  expect(problems).toEqual([]);
});

test("upload a batch CSV, watch the job finish, download the results", async ({ page }) => {
  const problems = watchConsole(page);
  await loginIn(page, "sato", "ja");
  await navLink(page, "スクリーニング").click();
  await page.getByRole("tab", { name: "一括照合" }).click();
  await page.locator('input[type="file"]').setInputFiles({
    name: "取引先一覧.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("名前,国\n軍需工業部,KP\nハルビン工業大学,CN\n株式会社さくら精密,JP\n", "utf8"),
  });
  await page.getByRole("button", { name: "照合を開始" }).click();

  const detail = page.getByTestId("batch-detail");
  await expect(detail.getByTestId("batch-status")).toHaveText("完了");
  await expect(detail).toContainText("3 行 · 一致の可能性 2 行");
  const rows = detail.getByTestId("batch-rows");
  await expect(rows.getByRole("row").filter({ hasText: "軍需工業部" })).toContainText(
    "MUNITIONS INDUSTRY DEPARTMENT",
  );
  await expect(
    rows.getByRole("row").filter({ hasText: "軍需工業部" }).getByTestId("cross-script-step").first(),
  ).toBeVisible();
  await expect(rows.getByRole("row").filter({ hasText: "ハルビン工業大学" })).toContainText(
    "Harbin Institute of Technology",
  );
  await expect(rows.getByRole("row").filter({ hasText: "株式会社さくら精密" })).toContainText("該当なし");

  const downloading = page.waitForEvent("download");
  await detail.getByTestId("batch-download").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("取引先一覧-スクリーニング結果.csv");
  const csv = readFileSync(await download.path(), "utf8");
  expect(csv.startsWith("\uFEFF行,参照番号,照会名")).toBe(true);
  const lines = csv.trim().split("\r\n");
  expect(lines).toHaveLength(4);
  expect(lines.find((l) => l.includes("軍需工業部"))).toContain("KPe.028");

  // The job is listed with its results.
  await page.getByRole("link", { name: "一括照合の一覧へ" }).click();
  await expect(
    page.getByTestId("batch-jobs").getByRole("row").filter({ hasText: "取引先一覧.csv" }),
  ).toContainText("完了");

  expect(problems).toEqual([]);
});

test("Admin › Lists shows the snapshots and imports a new version", async ({ page }) => {
  const problems = watchConsole(page);
  await loginIn(page, "admin", "ja");
  await navLink(page, "管理").click();
  await page.getByRole("tab", { name: "リスト" }).click();
  await expect(page).toHaveURL(/\/admin\/lists/);
  const sources = page.getByTestId("list-sources");
  await expect(sources.getByRole("row").filter({ hasText: "国連安保理" })).toContainText("6 件");
  await expect(page.getByTestId("list-snapshots").getByText("有効", { exact: true }).first()).toBeVisible();

  await page
    .locator('input[type="file"]')
    .setInputFiles(path.join(demoLists, "own-watchlist-DEMO-SAMPLE.csv"));
  await page.getByTestId("list-format").click();
  await page.getByRole("option", { name: "自組織のウォッチリスト（CSV テンプレート）" }).click();
  await page.getByRole("textbox", { name: "リストの識別子" }).fill("custom:demo-watchlist");
  await page.getByRole("button", { name: "取り込む" }).click();
  await expect(page.getByTestId("list-imported")).toContainText(
    "自組織のウォッチリスト（CSV テンプレート） の第 2 版を取り込みました（3 件）",
  );
  const snapshots = page.getByTestId("list-snapshots");
  const version = (v: string) =>
    snapshots
      .getByRole("row")
      .filter({ hasText: "自組織のウォッチリスト" })
      .filter({ has: page.getByRole("cell", { name: v, exact: true }) });
  await expect(version("v2")).toContainText("有効");
  await expect(version("v1")).toContainText("旧版");
  // The import re-screened every party.
  await expect(page.getByTestId("rescreens").getByRole("row").first()).toContainText("完了");
  await expect(page.getByTestId("rescreens").getByRole("row").first()).toContainText(/(\d+) 件中 \1 件/);

  expect(problems).toEqual([]);
});

test("screening works in English", async ({ page }) => {
  const problems = watchConsole(page);
  await loginIn(page, "suzuki", "en");
  await navLink(page, "Screening").click();
  await page.getByTestId("screening-query").fill("ハルビン工業大学");
  const first = page.getByTestId("search-results").getByTestId("hit").first();
  await expect(first.getByRole("button", { name: /Harbin Institute of Technology/ })).toBeVisible();
  await expect(first.getByText("Possible match", { exact: true })).toBeVisible();
  await expect(
    first.getByTestId("hit-explanation").getByRole("cell", { name: "Name similarity" }),
  ).toBeVisible();
  await expect(first.getByTestId("hit-explanation")).toContainText('Query name "ハルビン工業大学"');
  expect(problems).toEqual([]);
});

test("in English, a katakana Korean name and a kanji company name show how their characters were read", async ({
  page,
}) => {
  const problems = watchConsole(page);
  await loginIn(page, "sato", "en");
  await navLink(page, "Screening").click();
  await page.getByTestId("screening-query").fill("朝鮮鉱業開発貿易会社");
  const hit = page.getByTestId("search-results").getByTestId("hit").filter({ hasText: "KPe.001" });
  await expect(hit.getByTestId("cross-script")).toContainText("Read or translated:");
  await expect(hit.getByTestId("cross-script-step").filter({ hasText: "鉱業 → mining" })).toContainText(
    "(vocabulary)",
  );
  await page.getByText("日本語", { exact: true }).click();
  expect(problems).toEqual([]);
});
