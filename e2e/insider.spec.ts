import { expect, type Page, test } from "@playwright/test";
import { login, logout, navLink, watchConsole } from "./helpers.js";

/** After login the saved language of the user may be English (another test may have switched it). */
async function japanese(page: Page): Promise<void> {
  await page.getByText("日本語", { exact: true }).click();
  await expect(navLink(page, "内部不正リスク")).toBeVisible();
}

test("the security office opens a demo alert, reads the evidence, triages it and reveals the name with a reason (audited); an auditor cannot reveal", async ({
  page,
}) => {
  const problems = watchConsole(page);
  await login(page, "sato");
  await japanese(page);
  await navLink(page, "内部不正リスク").click();
  await expect(page.getByRole("heading", { name: "内部不正リスク" })).toBeVisible();
  await expect(page.getByTestId("insider-dashboard")).toContainText("日別のアラート（重大度別）");

  // The demo organisation's alerts, highest risk first, people by pseudonym only.
  const alerts = page.getByTestId("insider-alerts");
  const firstRow = alerts.locator("tbody tr").first();
  await expect(firstRow).toBeVisible();
  await expect(firstRow).toContainText(/P-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  // Open a "new" alert (the demo put the top one under review).
  await page
    .locator("label")
    .filter({ hasText: /^確認中$/ })
    .click();
  await expect(page.getByRole("checkbox", { name: "確認中" })).not.toBeChecked();
  const newRow = alerts.locator("tbody tr").first();
  await expect(newRow.getByText("未対応")).toBeVisible();
  const pseudonym = (await newRow.getByRole("link", { name: /^P-/ }).textContent())?.trim() ?? "";
  await newRow.getByRole("link", { name: /^P-/ }).click();
  await expect(page.getByRole("heading", { name: `アラート：${pseudonym}` })).toBeVisible();
  const alertId = /\/insider\/alerts\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  expect(alertId).toBeTruthy();

  // Why: indicator weights plus the anomaly part add up to the score.
  const breakdown = page.getByTestId("score-breakdown");
  await expect(breakdown).toContainText("異常度（本人・同僚との比較）");
  await expect(breakdown).toContainText("合計");
  const score = (await page.getByTestId("alert-score").textContent())?.trim() ?? "";
  await expect(breakdown.locator("tbody tr").last()).toContainText(score);

  // The evidence timeline: raw events with their source file and line, recipients masked.
  const timeline = page.getByTestId("evidence-timeline");
  await expect(page.getByRole("heading", { name: /証拠タイムライン（\d+ 件）/ })).toBeVisible();
  await expect(timeline.locator("tbody tr").first()).toContainText(/\.csv:\d+/);
  expect(await timeline.locator("tbody tr").count()).toBeGreaterThan(0);

  // Triage: a decision needs a reason; then it is saved and shown in the history.
  await page
    .locator("label")
    .filter({ hasText: /^不正と確認$/ })
    .click();
  await expect(page.getByRole("radio", { name: "不正と確認" })).toBeChecked();
  await page.getByRole("button", { name: "対応状況を保存" }).click();
  await expect(page.getByText("判断の理由を記入してください")).toBeVisible();
  await page.getByRole("textbox", { name: "メモ" }).fill("USBへの大量コピーを本人の上長に確認済み");
  await page.getByRole("button", { name: "対応状況を保存" }).click();
  await expect(page.getByRole("status")).toContainText("保存しました");
  await expect(page.getByTestId("alert-status")).toHaveText("不正と確認");
  await expect(page.getByTestId("alert-history")).toContainText("USBへの大量コピーを本人の上長に確認済み");

  // Reveal: needs a written reason; the name appears and the evidence is unmasked.
  const reveal = page.getByTestId("reveal-panel");
  await expect(reveal.getByRole("button", { name: "氏名を表示する" })).toBeDisabled();
  await reveal.getByRole("textbox", { name: "表示する理由" }).fill("短い");
  await reveal.getByRole("button", { name: "氏名を表示する" }).click();
  await expect(reveal.getByText("開示の理由を10文字以上で記入してください")).toBeVisible();
  const reason = "懲戒手続きのため人事部と情報共有する必要がある";
  await reveal.getByRole("textbox", { name: "表示する理由" }).fill(reason);
  await reveal.getByRole("button", { name: "氏名を表示する" }).click();
  const identity = page.getByTestId("revealed-identity");
  await expect(identity).toContainText("監査ログに記録されました");
  const name = (await identity.locator("p").first().textContent())?.trim() ?? "";
  expect(name.length).toBeGreaterThan(0);
  expect(name).not.toBe(pseudonym);
  await expect(page.getByRole("heading", { name: `アラート：${name}` })).toBeVisible();
  await expect(page.getByText("氏名・宛先を表示中")).toBeVisible();

  // The ingestion runs page shows the demo's run.
  await page.getByRole("link", { name: "内部不正リスクへ戻る" }).click();
  await page.getByRole("link", { name: "取り込み状況" }).click();
  await expect(page.getByTestId("insider-runs")).toContainText("完了");
  await logout(page);

  // An auditor reads the alert pseudonymised, cannot reveal, and finds the reveal in the audit log.
  await login(page, "ito");
  await japanese(page);
  await page.goto(`/insider/alerts/${alertId}`);
  await expect(page.getByRole("heading", { name: `アラート：${pseudonym}` })).toBeVisible();
  await expect(page.getByTestId("reveal-not-permitted")).toContainText("事務局）のみに許可");
  await expect(page.getByRole("button", { name: "氏名を表示する" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "対応状況を保存" })).toHaveCount(0);
  const session = (await (await page.request.get("/api/auth/session")).json()) as { csrfToken: string };
  const denied = await page.request.post(`/api/insider/alerts/${alertId}/reveal`, {
    headers: { "x-csrf-token": session.csrfToken, "content-type": "application/json" },
    data: { reason: "監査のために氏名を確認したい" },
  });
  expect(denied.status()).toBe(403);

  await navLink(page, "監査ログ").click();
  await page.getByRole("textbox", { name: "キーワード" }).fill(alertId ?? "");
  const audit = page.getByTestId("audit-table");
  // Readers see labels; the code stays on the element (and in the tooltip).
  await expect(audit.locator('[data-code="insider.alert.revealed"]')).toHaveCount(1);
  await expect(audit.locator('[data-code="insider.alert.triaged"]')).toHaveCount(1);
  const revealRow = audit.locator("tr", { has: page.locator('[data-code="insider.alert.revealed"]') });
  await expect(revealRow).toContainText("佐藤 美咲");
  await revealRow.getByRole("button", { name: "詳細" }).click();
  await expect(audit).toContainText(reason);
  // The two 400s are the refused triage without a note and the refused too-short reason above.
  expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
  expect(problems.filter((p) => /status of 400/.test(p))).toHaveLength(2);
});

test("the insider pages work in English", async ({ page }) => {
  const problems = watchConsole(page);
  // People outside the security office, audit and administration do not see the module at all.
  await login(page, "tanaka");
  await page.getByText("English", { exact: true }).click();
  await expect(navLink(page, "Parties")).toBeVisible();
  await expect(navLink(page, "Insider risk")).toHaveCount(0);
  await page.goto("/insider");
  await expect(page.getByText("You do not have permission to view this page.")).toBeVisible();
  await expect(page.getByTestId("insider-alerts")).toHaveCount(0);
  await page.getByText("日本語", { exact: true }).click();
  await logout(page);

  await login(page, "admin");
  await page.getByText("English", { exact: true }).click();
  await navLink(page, "Insider risk").click();
  await expect(page.getByRole("heading", { name: "Insider risk" })).toBeVisible();
  await expect(page.getByTestId("insider-dashboard")).toContainText("Alerts per day by severity");
  await page
    .getByTestId("insider-alerts")
    .locator("tbody tr")
    .first()
    .getByRole("link", { name: /^P-/ })
    .click();
  await expect(page.getByTestId("score-breakdown")).toContainText("Anomaly (against own baseline and peers)");
  await expect(page.getByRole("heading", { name: /Evidence timeline \(\d+ events\)/ })).toBeVisible();
  // Administrators triage but may not reveal identities.
  await expect(page.getByRole("button", { name: "Save triage" })).toBeVisible();
  await expect(page.getByTestId("reveal-not-permitted")).toContainText("Only the security office");
  // The user risk page: daily score and the person's alerts.
  const heading = (await page.getByRole("heading", { level: 2 }).first().textContent()) ?? "";
  const pseudonym = heading.replace("Alert: ", "").trim();
  await page.getByRole("link", { name: pseudonym, exact: true }).click();
  await expect(page.getByRole("heading", { name: pseudonym })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Daily risk score" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^\d+\.\d$/ }).first()).toBeVisible();
  await page.getByText("日本語", { exact: true }).click();
  expect(problems).toEqual([]);
});

test("a remote-identity alert (case 7) from the demo's ECS sign-ins shows its reasons and evidence in Japanese and English", async ({
  page,
}) => {
  const problems = watchConsole(page);
  await login(page, "sato");
  await japanese(page);
  // The demo organisation has a laptop-farm insider: VPN sign-ins and process starts read from
  // remote.ecs.jsonl (ECS source.ip / geo / as, process.name).
  await page.goto("/insider?case=7");
  const row = page.getByTestId("insider-alerts").locator("tbody tr").first();
  await expect(row).toContainText("ケース7");
  await row.getByRole("link", { name: /^P-/ }).click();
  await expect(page.getByRole("heading", { name: /^アラート：P-/ })).toBeVisible();
  await expect(page.getByText(/ケース7: なりすまし IT 労働者による遠隔からのアカウント利用/)).toBeVisible();
  const breakdown = page.getByTestId("score-breakdown");
  await expect(breakdown).toContainText("本人以外による遠隔からのアカウント利用の疑い");
  await expect(breakdown).toContainText(
    /リモートデスクトップツールの使用|移動不可能な複数国からのログイン|VPS・匿名化ネットワーク経由のログイン/,
  );
  // The evidence: sign-ins with where they came from (address masked before a reveal) and the
  // remote-desktop program, each with its line in the ECS file.
  const timeline = page.getByTestId("evidence-timeline");
  await expect(timeline).toContainText(/remote\.ecs\.jsonl:\d+/);
  await expect(timeline).toContainText(/anydesk\.exe|rustdesk\.exe|remoting_host\.exe|teamviewer\.exe/);
  await expect(timeline).toContainText("プロセス");
  await expect(timeline).toContainText(/\d+\.\d+\.x\.x \([A-Z]{2} AS\d+/);

  await page.getByText("English", { exact: true }).click();
  await expect(page.getByText(/Case 7: Account used remotely under a false identity/)).toBeVisible();
  await expect(breakdown).toContainText("Account possibly used remotely by someone other than its holder");
  await expect(timeline).toContainText("Process");
  await expect(timeline).toContainText(/\d+\.\d+\.x\.x \([A-Z]{2} AS\d+/);
  await page.getByText("日本語", { exact: true }).click();
  expect(problems).toEqual([]);
});
