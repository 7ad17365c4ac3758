import { expect, test } from "@playwright/test";
import { login, logout, navLink, watchConsole } from "./helpers.js";

/**
 * Issue 6 in a real browser, in Japanese: a researcher reports a LinkedIn "technical adviser"
 * approach, gets "high" with reasons and a link to a similar case; a refused attachment keeps the
 * draft; the security office sees the report in a cluster with two earlier reports about the same
 * recruiter from other people (demo data) and exports a PDF.
 */
test("researcher reports a LinkedIn 'technical adviser' approach; the security office sees the cluster and exports a PDF", async ({
  page,
}) => {
  const problems = watchConsole(page);
  await login(page, "tanaka");
  await navLink(page, "不審な接触の報告").click();
  await page.getByRole("link", { name: "新しく報告する" }).click();
  await expect(page.getByRole("heading", { name: "不審な接触を報告する" })).toBeVisible();

  await page.getByRole("combobox", { name: "接触の経路" }).click();
  await page.getByRole("option", { name: "ビジネスSNS・SNS（LinkedIn など）" }).click();
  await page.getByRole("textbox", { name: "相手の名前" }).fill("Kevin Lee");
  await page.getByRole("textbox", { name: "相手の組織・会社" }).fill("TalentBridge Partners");
  await page
    .getByRole("textbox", { name: "プロフィールURL" })
    .fill("https://jp.linkedin.com/in/kevin-lee-talentbridge/");
  await page.getByRole("checkbox", { name: "顧問・アドバイザー" }).check();
  await page.getByRole("checkbox", { name: "謝礼・報酬" }).check();
  await page.getByRole("checkbox", { name: "情報・説明" }).check();
  for (const flag of ["A1", "A2", "A5", "A6", "A7"]) {
    await page.getByTestId(`answer-${flag}`).getByText("はい", { exact: true }).click();
  }
  await page
    .getByRole("textbox", { name: "受け取ったメッセージ（貼り付け）" })
    .fill(
      "田中先生、非常勤の技術顧問としてご協力いただけませんか。謝礼は1回30万円、詳細は WeChat でお話しできますか。",
    );

  // The live estimate: high, with reasons, what to do now, and a similar case.
  const risk = page.getByTestId("risk-panel");
  await expect(risk.getByTestId("risk-level")).toHaveText("危険度：高");
  await expect(risk.getByTestId("risk-reasons")).toContainText("一方的な接触");
  await expect(risk.getByTestId("risk-advice")).toContainText("個人のメールやメッセージアプリ");
  await expect(page.getByTestId("related-cases").getByRole("link", { name: /積水化学工業/ })).toBeVisible();

  // A wrong-type attachment is refused with a clear message; the report is kept as a draft.
  await page.locator("input[type=file]").setInputFiles({
    name: "offer.exe",
    mimeType: "application/octet-stream",
    buffer: Buffer.from("MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000"),
  });
  await page.getByRole("button", { name: "送信する" }).click();
  await expect(page.getByRole("alert", { name: "エラー" })).toContainText(
    "「offer.exe」は添付できない種類のファイルです",
  );
  await expect(page.getByTestId("kept-as-draft")).toBeVisible();
  await expect(page).toHaveURL(/\/approaches\/[0-9a-f-]+\/edit$/);
  // The URL changes before the draft's form replaces the new-report form: choose the file on the draft's.
  await expect(page.locator('[data-testid="report-form"][data-form-for="draft"]')).toBeVisible();
  await expect(page.getByRole("textbox", { name: "相手の名前" })).toHaveValue("Kevin Lee");

  // Replace it with a screenshot and send.
  await page.locator("input[type=file]").setInputFiles({
    name: "linkedin-message.png",
    mimeType: "image/png",
    buffer: Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]),
  });
  await page.getByRole("button", { name: "送信する" }).click();
  await expect(page.getByTestId("report-received")).toBeVisible();
  await expect(page.getByTestId("risk-level").first()).toHaveText("危険度：高");
  await expect(page.getByRole("link", { name: "linkedin-message.png" })).toBeVisible();
  const related = page.getByTestId("related-cases");
  await related.getByRole("link", { name: /積水化学工業/ }).click();
  await expect(page.getByRole("heading", { name: /積水化学工業/ })).toBeVisible();
  // The flag by its title; the id (A5) stays behind it, for the tooltip.
  await expect(page.getByTestId("case-flags").locator('[data-flag-id="A5"]')).toBeVisible();
  await logout(page);

  // The security office: the report is in a cluster with the two earlier reports from other people.
  await login(page, "sato");
  await navLink(page, "不審な接触の報告").click();
  await page.getByText("パターン（クラスター）", { exact: true }).click();
  const cluster = page.getByTestId("clusters").getByRole("link", { name: /3人が同じプロフィールURL/ });
  await expect(cluster).toBeVisible();
  await cluster.click();
  const rows = page.getByTestId("cluster-reports").getByRole("row");
  await expect(rows).toHaveCount(4); // header + 3 reports
  for (const name of ["田中 花子", "小林 誠", "渡辺 由美"]) {
    await expect(page.getByTestId("cluster-reports")).toContainText(name);
  }
  await page
    .getByTestId("cluster-reports")
    .getByRole("row")
    .filter({ hasText: "田中 花子" })
    .getByRole("link")
    .first()
    .click();
  await expect(page.getByTestId("office-panel")).toBeVisible();
  await expect(page.getByTestId("cluster-panel")).toContainText("3人から3件の報告がつながっています");
  // The named sender and organisation are linked and screened by the server's background worker after
  // submission: the page says so while pending and refreshes itself until the worker is done.
  await expect(page.getByTestId("party-linking-done")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("party-linking-done")).toContainText("自動の紐付け・リスト照合は");

  // Export the PDF for the police, with the reporter pseudonymised.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "PDF を出力" }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^AR-\d{5}\.pdf$/);
  const path = await pdf.path();
  const { readFileSync } = await import("node:fs");
  expect(readFileSync(path!).subarray(0, 5).toString()).toBe("%PDF-");

  // The browser logs the refused upload (415) it was told about; nothing else may go wrong.
  expect(problems.filter((p) => !/status of 415/.test(p))).toEqual([]);
});

test("the case library, red flags and training work in English", async ({ page }) => {
  const problems = watchConsole(page);
  await login(page, "suzuki");
  await page.getByText("English", { exact: true }).click();
  await navLink(page, "Cases & training").click();
  await expect(page.getByTestId("case-list").getByRole("link", { name: /Sekisui Chemical/ })).toBeVisible();
  await page
    .getByTestId("case-list")
    .getByRole("link", { name: /SoftBank/ })
    .click();
  await expect(
    page.getByTestId("case-flags").getByText("Chance meeting followed by dinners and gifts"),
  ).toBeVisible();
  await page.getByRole("link", { name: "Friendly contacts, dinners and cash" }).click();
  const quiz = page.getByTestId("quiz");
  await expect(quiz.getByRole("radiogroup").first()).toBeVisible();
  for (const group of await quiz.getByRole("radiogroup").all()) {
    await group.getByRole("radio").first().check();
  }
  await quiz.getByRole("button", { name: "Submit answers" }).click();
  await expect(quiz.getByTestId("quiz-result")).toBeVisible();
  await page.getByText("Red flags", { exact: true }).click();
  await expect(page.getByTestId("flags-table")).toContainText("A12");
  await page.getByText("日本語", { exact: true }).click();
  expect(problems).toEqual([]);
});
