import { expect, type Page, test } from "@playwright/test";
import { ADMIN_PASSWORD, login as loginAny, logout, navLink, watchConsole } from "./helpers.js";

/** Logs in and makes sure the UI is in Japanese (another test may have left the user on English). */
async function login(page: Page, username: string): Promise<void> {
  await loginAny(page, username);
  await page.getByText("日本語", { exact: true }).click();
  await expect(navLink(page, "ホーム")).toBeVisible();
}

/** Answers "いいえ" to every yes/no question still unanswered on the application form. */
async function answerNoToAll(page: Page): Promise<void> {
  const groups = page.getByRole("radiogroup");
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    const group = groups.nth(i);
    const no = group.getByRole("radio", { name: "いいえ" });
    if (await no.count()) await no.check();
  }
}

/** Picks a select option by its visible label. */
async function choose(page: Page, label: string | RegExp, option: string): Promise<void> {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

async function addCounterparty(page: Page, search: string, name: string): Promise<void> {
  await page.getByRole("combobox", { name: "相手方を名前で検索" }).fill(search);
  await page.getByRole("option", { name: new RegExp(name) }).click();
  await expect(page.getByTestId("counterparties-table").getByText(name)).toBeVisible();
}

/** Runs a workflow action from the action bar through its confirmation dialog. */
async function runAction(
  page: Page,
  label: string,
  input: { comment?: string; conditions?: string } = {},
): Promise<void> {
  await page.getByRole("button", { name: label, exact: true }).click();
  const dialog = page.getByRole("dialog");
  if (input.conditions) await dialog.getByRole("textbox", { name: "承認の条件" }).fill(input.conditions);
  if (input.comment) await dialog.getByRole("textbox", { name: "理由・コメント" }).fill(input.comment);
  await dialog.getByRole("button", { name: "実行" }).click();
  await expect(dialog).toHaveCount(0);
}

/** The counterparty card of a review, by the party's name. */
function counterpartyCard(page: Page, name: string) {
  return page
    .getByTestId("counterparties")
    .locator('[data-testid^="counterparty-"]')
    .filter({ hasText: name });
}

/**
 * 取引審査: answers every checklist item "該当なし" except the given ones ("該当あり" with a note),
 * writes the conclusion and saves.
 */
async function recordTransactionCheck(
  page: Page,
  conclusion: string,
  concerns: Record<string, string> = {},
): Promise<void> {
  const panel = page.getByTestId("transaction-check");
  const groups = panel.getByRole("radiogroup");
  // The three checklists: 4 end-use, 6 明らかガイドライン and 5 end-user items.
  await expect(groups).toHaveCount(15);
  for (let i = 0; i < 15; i++) await groups.nth(i).getByRole("radio", { name: "該当なし" }).check();
  for (const [item, note] of Object.entries(concerns)) {
    const group = panel.getByTestId(`check-${item}`);
    await group.getByRole("radio", { name: "該当あり" }).check();
    await group.locator("..").getByRole("textbox", { name: "メモ" }).fill(note);
  }
  await panel.getByRole("textbox", { name: "審査の結論" }).fill(conclusion);
  await panel.getByRole("button", { name: "取引審査を記録" }).click();
  await expect(page.getByText("取引審査を記録しました")).toBeVisible();
}

test("a visitor acceptance goes from the applicant to approval; the METI End User List hit is resolved on the way and the red flags link similar cases (日本語)", async ({
  page,
}) => {
  const problems = watchConsole(page);
  await login(page, "tanaka");
  await page.goto("/reviews/new?type=acceptance");
  await expect(page.getByRole("heading", { name: /新規申請: 受入れ/ })).toBeVisible();
  await page.getByRole("textbox", { name: "件名" }).fill("客員研究員の受入れ（燃焼解析の共同研究）");
  await page.getByRole("textbox", { name: "技術・テーマ" }).fill("乱流燃焼の数値解析（公開論文の手法）");
  await page.getByRole("textbox", { name: "開始日" }).fill("2027-01-10");
  await page.getByRole("textbox", { name: "目的" }).fill("共同研究の打合せと学内セミナーでの講演");
  await choose(page, "受入れの種別", "研究者（客員・共同研究員）");
  // The visitor is new: added to the directory from the form.
  await page.getByRole("button", { name: "＋ 台帳に新規登録" }).click();
  const create = page.getByRole("dialog", { name: "取引先・関係者を登録" });
  await create.getByText("個人", { exact: true }).click();
  await create.getByRole("textbox", { name: "名前（正式名称）" }).fill("劉 静");
  await create.getByTestId("new-party-submit").click();
  await expect(page.getByTestId("counterparties-table").getByText("劉 静")).toBeVisible();
  // The home institution is in the directory (and on the demo METI End User List sample).
  // The role for the next counterparty (the last 役割 select, below the table).
  await page.getByRole("combobox", { name: "役割", exact: true }).last().click();
  await page.getByRole("option", { name: "受入者の所属機関", exact: true }).click();
  await addCounterparty(page, "北京理工", "北京理工大学");
  await answerNoToAll(page);
  await page.getByRole("button", { name: "申請する" }).click();

  // Screening ran on submit: a real hit on the METI End User List with its concern type.
  await expect(page.getByTestId("review-status")).toHaveText("部局確認中");
  const home = counterpartyCard(page, "北京理工大学");
  await expect(home).toContainText("未確認の該当候補 1 件");
  await expect(home).toContainText("経済産業省 外国ユーザーリスト");
  await expect(counterpartyCard(page, "劉 静")).toContainText("該当なし");
  await expect(page.getByTestId("flag-R-EUL")).toContainText("WMD: M");
  await expect(page.getByTestId("routing")).toContainText("本審査が必要");
  const url = page.url();
  await logout(page);

  // Unit officer: 該非判定 (not listed) and forwarding; clearing is not offered with a list hit.
  await login(page, "suzuki");
  await page.goto(url);
  await expect(page.getByRole("button", { name: "確認完了（本審査不要）" })).toHaveCount(0);
  const classification = page.getByTestId("classification");
  await classification.getByRole("combobox", { name: "判定結果" }).click();
  await page.getByRole("option", { name: "非該当", exact: true }).click();
  // A non-listed item still has its 16の項 category; the catch-all itself is decided per transaction.
  await classification.getByRole("combobox", { name: "16の項の区分" }).click();
  await page.getByRole("option", { name: /^16の項\(2\)/ }).click();
  await classification
    .getByRole("textbox", { name: "判定の根拠" })
    .fill("講演・打合せは公開済み論文の範囲に限り、提供する技術はリスト規制に該当しない");
  await classification.getByRole("button", { name: "該非判定を記録" }).click();
  await expect(page.getByTestId("classification-summary")).toContainText("非該当");
  await runAction(page, "取引審査へ回付");
  await expect(page.getByTestId("review-status")).toHaveText("取引審査中（事務局）");
  await logout(page);

  // Secretariat: the open hit blocks completion until it is resolved.
  await login(page, "sato");
  await page.goto(url);
  await recordTransactionCheck(
    page,
    "所属機関は外国ユーザーリスト掲載（ミサイル）。立入り・技術提供なしを条件に受入れ可",
    {
      "endUser-on_eul": "外国ユーザーリスト No.494（ミサイル）",
    },
  );
  await page.getByRole("button", { name: "取引審査完了・承認者へ回付", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "実行" }).click();
  await expect(page.getByRole("dialog")).toContainText("未確認のスクリーニング該当候補が 1 件あります");
  await page.getByRole("dialog").getByRole("button", { name: "キャンセル" }).click();
  const rationale = home.getByRole("textbox", { name: "判定の理由" });
  await rationale.fill("名称・所在国が外国ユーザーリスト No.494 と一致（同一機関）");
  await home.getByRole("button", { name: "一致と判定" }).click();
  await expect(home).toContainText("一致 1 件");
  await expect(home).not.toContainText("未確認の該当候補");
  await expect(
    page
      .getByTestId("flag-R-EUL")
      .filter({ hasText: "北京理工大学 → 経済産業省 外国ユーザーリスト" })
      .filter({ hasText: "一致と判定済み" }),
  ).toBeVisible();
  // The partner's defence links are recorded; the red flag shows the cases that share it.
  const attrs = page.getByTestId("transaction-check");
  await attrs.getByRole("checkbox", { name: "軍・治安機関との関係" }).last().check();
  await attrs.getByRole("button", { name: "取引審査を記録" }).click();
  await expect(page.getByTestId("flag-R-MILITARY")).toBeVisible();
  const resembles = page.getByTestId("flag-R-MILITARY").getByTestId("related-cases");
  await expect(resembles).toContainText("この事例に似ています");
  await expect(resembles.getByRole("link").first()).toHaveAttribute("href", /^\/cases\//);
  await runAction(page, "取引審査完了・承認者へ回付", {
    comment: "一致を確認。条件の遵守を前提に承認を推奨",
  });
  await expect(page.getByTestId("review-status")).toHaveText("承認待ち");
  await logout(page);

  // Approver: approves; the application is closed with its retention date.
  await login(page, "takahashi");
  await page.goto(url);
  await expect(page.getByTestId("risk-panel")).toContainText("リスク: 高");
  await runAction(page, "承認", { comment: "研究室への立入りなし・技術提供なしの範囲で承認する" });
  await expect(page.getByTestId("review-status")).toHaveText("承認");
  await expect(page.getByText("保存期限")).toBeVisible();
  await expect(page.getByTestId("review-history")).toContainText("取引審査完了・承認者へ回付");
  // The only failed request is the refusal this test provoked (completing with an open hit).
  expect(problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
});

test("listed technology to a 特定類型① resident is a deemed export: the approver cannot approve it until a licence is linked (日本語)", async ({
  page,
}) => {
  const problems = watchConsole(page);
  await login(page, "tanaka");
  await navLink(page, "審査（該非・取引）").click();
  await page.getByRole("link", { name: "新規申請" }).click();
  await page.getByTestId("type-technology_provision").click();
  await expect(page.getByRole("heading", { name: /新規申請: 技術提供/ })).toBeVisible();

  // Submitting an empty form is refused, field by field, and nothing is lost.
  await page.getByRole("button", { name: "申請する" }).click();
  await expect(page.getByText("申請内容に不足があります。各項目を確認してください")).toBeVisible();
  await expect(page.getByText("相手方を1件以上登録してください")).toBeVisible();

  await page.getByRole("textbox", { name: "件名" }).fill("山田氏への炭素繊維の製造条件の説明");
  await page
    .getByRole("textbox", { name: "技術・テーマ" })
    .fill("高強度炭素繊維の製造条件（焼成温度・張力）");
  await page.getByRole("textbox", { name: "開始日" }).fill("2026-12-01");
  await page.getByRole("textbox", { name: "目的" }).fill("共同研究に向けた技術指導");
  await addCounterparty(page, "山田", "山田 太郎");
  await choose(page, "提供方法", "口頭・打合せ");
  await choose(page, /提供先の居住性/, "居住者");
  await answerNoToAll(page);
  await page.getByRole("button", { name: "申請する" }).click();

  // The declaration drives the routing: full review, with the R-TOKUTEI red flag and its evidence.
  // (An adviser contract with a foreign company is 特定類型①, not ②: ② counts money from governments.)
  await expect(page.getByTestId("review-status")).toHaveText("部局確認中");
  await expect(page.getByTestId("routing")).toContainText("本審査が必要");
  await expect(page.getByTestId("routing")).toContainText("特定類型の申告があるため");
  await expect(page.getByTestId("flag-R-TOKUTEI")).toContainText("特定類型①の申告あり");
  await expect(page.getByTestId("tokutei-badge")).toHaveText("特定類型①の申告あり");
  const url = page.url();
  await logout(page);

  // The unit officer records the 該非判定; clearing without the full review is not offered.
  await login(page, "suzuki");
  await page.goto(url);
  await expect(page.getByRole("button", { name: "確認完了（本審査不要）" })).toHaveCount(0);
  await page.getByRole("button", { name: "取引審査へ回付" }).click();
  await page.getByRole("button", { name: "実行" }).click();
  await expect(page.getByRole("dialog").getByText("該非判定が記録されていません")).toBeVisible();
  await page.getByRole("button", { name: "キャンセル" }).click();
  const classification = page.getByTestId("classification");
  await classification.getByRole("combobox", { name: "判定結果" }).click();
  await page.getByRole("option", { name: "該当（リスト規制 1〜15項）" }).click();
  await classification.getByRole("combobox", { name: "規制区分" }).click();
  await page.getByRole("option", { name: "外国為替令 別表（技術）" }).click();
  await classification.getByRole("combobox", { name: "該当項番" }).click();
  await page.getByRole("option", { name: "5項 先端材料" }).click();
  await classification.getByRole("textbox", { name: "号（サブ項目）" }).fill("(15)");
  await classification
    .getByRole("textbox", { name: "判定の根拠" })
    .fill("製造条件は外為令別表5項の炭素繊維の製造に必要な技術に該当（パラメータシートで確認）");
  await classification.getByRole("button", { name: "該非判定を記録" }).click();
  await expect(page.getByTestId("classification-summary")).toContainText("該当: 外為令 5項 先端材料 (15)");
  // The licence determination: listed technology to a resident under 特定類型 is a deemed export.
  const licence = page.getByTestId("licence-panel");
  await expect(page.getByTestId("licence-result")).toHaveText("許可要");
  await expect(licence).toContainText("非居住者への提供とみなされます");
  await expect(licence).toContainText("外為法 第25条第1項");
  await page.getByRole("button", { name: "取引審査へ回付" }).click();
  await page.getByRole("button", { name: "実行" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("取引審査中（事務局）");
  await expect(page.getByTestId("review-history")).toContainText("取引審査へ回付");
  await logout(page);

  // Secretariat: 取引審査 and forwarding to the approver.
  await login(page, "sato");
  await page.goto(url);
  await recordTransactionCheck(
    page,
    "特定類型①該当者への提供（みなし輸出）。許可取得と提供範囲の限定を条件に承認を推奨",
  );
  // The recipient's name is on the organisation's own watchlist sample: a namesake, decided as such.
  const recipient = counterpartyCard(page, "山田 太郎");
  await expect(recipient).toContainText("自組織のウォッチリスト（CSV テンプレート）: 山田 太郎");
  await recipient
    .getByRole("textbox", { name: "判定の理由" })
    .fill("生年月日が異なる（リスト 1962-09-01、本人 1985-04-12）同姓同名の別人");
  await recipient.getByRole("button", { name: "誤検知と判定" }).click();
  await expect(recipient).toContainText("誤検知");
  await expect(recipient).not.toContainText("未確認の該当候補");
  await runAction(page, "取引審査完了・承認者へ回付");
  await expect(page.getByTestId("review-status")).toHaveText("承認待ち");
  await logout(page);

  // Approver: conditions are required, and so is a licence — neither is there yet.
  await login(page, "takahashi");
  await page.goto(url);
  const resembles = page.getByTestId("flag-R-TOKUTEI").getByTestId("related-cases");
  await expect(resembles).toContainText("この事例に似ています");
  await expect(page.getByTestId("licence-gate")).toContainText("紐付けられていません");
  await page.getByRole("button", { name: "条件付きで承認", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "実行" }).click();
  await expect(page.getByRole("dialog")).toContainText("承認の条件を入力してください");
  await page
    .getByRole("dialog")
    .getByRole("textbox", { name: "承認の条件" })
    .fill("提供は学内の管理区域内での口頭説明に限る。資料の交付・持出しは禁止");
  await page.getByRole("dialog").getByRole("button", { name: "実行" }).click();
  await expect(page.getByRole("dialog")).toContainText(
    "有効な許可（または申請中の記録）が紐付けられていません",
  );
  await page.getByRole("dialog").getByRole("button", { name: "キャンセル" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("承認待ち");
  await logout(page);

  // Secretariat: registers the licence from the review and it is linked there.
  await login(page, "sato");
  await page.goto(url);
  await page.getByTestId("review-licences").getByRole("link", { name: "許可・申請を登録" }).click();
  const form = page.getByTestId("licence-form");
  await form.getByRole("textbox", { name: "許可番号" }).fill("E2E-個別-0001");
  await form.getByRole("textbox", { name: "名義人" }).fill("デモ大学");
  await form.getByRole("textbox", { name: "有効期間の開始" }).fill("2026-01-01");
  await form.getByRole("textbox", { name: "有効期限" }).fill("2027-12-31");
  await form.getByLabel("仕向地", { exact: true }).click();
  await page.getByRole("option", { name: "全地域" }).click();
  await form.getByLabel("仕向地", { exact: true }).press("Escape");
  await form.getByRole("combobox", { name: "品目を追加" }).click();
  await page.getByRole("option", { name: "項番の全品目: 5項 先端材料" }).click();
  await form.getByRole("button", { name: "追加", exact: true }).click();
  await form.getByRole("button", { name: "許可を保存" }).click();
  await expect(page).toHaveURL(url);
  await expect(page.getByTestId("review-licences")).toContainText("E2E-個別-0001");
  await expect(page.getByTestId("review-licences")).toContainText("カバーしています");
  await expect(page.getByTestId("licence-gate")).toContainText("カバーしています");
  await logout(page);

  // Approver: now the approval goes through, and each condition is a tracked task with an owner.
  await login(page, "takahashi");
  await page.goto(url);
  await runAction(page, "条件付きで承認", {
    conditions: "提供は学内の管理区域内での口頭説明に限る。資料の交付・持出しは禁止",
  });
  await expect(page.getByTestId("review-status")).toHaveText("条件付き承認");
  await expect(page.getByTestId("review-conditions")).toContainText("管理区域内での口頭説明に限る");
  await expect(page.getByTestId("review-history")).toContainText("条件付きで承認");
  await expect(page.getByTestId("conditions")).toContainText("田中 花子");
  // The same review reads in English (once the approval's notices have closed: they cover the menu).
  await expect(page.locator(".mantine-Notification-root")).toHaveCount(0, { timeout: 30_000 });
  await page.getByText("English", { exact: true }).click();
  await expect(page.getByTestId("licence-panel")).toContainText("Export licence (Foreign Exchange Act)");
  await expect(page.getByTestId("licence-result")).toHaveText("Licence required");
  await expect(page.getByTestId("licence-gate")).toContainText("covers it");
  await page.getByText("日本語", { exact: true }).click();
  // The only failed requests are the refusals this test provoked (incomplete form, missing 該非判定,
  // approval with conditions left empty, approval without a licence).
  expect(problems.filter((p) => !/status of (400|409)/.test(p))).toEqual([]);
});

test("an applicant holding officer roles cannot review their own application (日本語)", async ({ page }) => {
  const problems = watchConsole(page);
  await login(page, "admin");
  const session = await (await page.request.get("/api/auth/session")).json();
  const created = await page.request.post("/api/admin/users", {
    headers: { "x-csrf-token": session.csrfToken },
    data: {
      username: "yamamoto",
      displayName: "山本 誠",
      roles: ["applicant", "unit_officer", "approver"],
      password: ADMIN_PASSWORD,
    },
  });
  expect(created.status()).toBe(201);
  await logout(page);

  await login(page, "yamamoto");
  await page.goto("/reviews/new?type=overseas_trip");
  await page.getByRole("textbox", { name: "件名" }).fill("国際会議での発表（公開情報のみ）");
  await page
    .getByRole("textbox", { name: "技術・テーマ" })
    .fill("光学センサの校正手法（発表済み論文の内容）");
  await page.getByRole("textbox", { name: "開始日" }).fill("2026-12-10");
  await page.getByRole("textbox", { name: "目的" }).fill("学会発表");
  await page.getByRole("textbox", { name: "渡航先（都市・機関）" }).fill("ストックホルム");
  await addCounterparty(page, "Nordic", "Nordic Photonics AB");
  await answerNoToAll(page);
  await page.getByRole("button", { name: "申請する" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("部局確認中");

  // Only withdrawing is offered; no review or approval action on one's own application.
  await expect(page.getByRole("button", { name: "取り下げる" })).toBeVisible();
  for (const action of ["取引審査へ回付", "申請者へ差し戻す", "承認", "確認完了（本審査不要）"]) {
    await expect(page.getByRole("button", { name: action, exact: true })).toHaveCount(0);
  }
  // And the server refuses it even when asked directly.
  const id = page.url().split("/").pop()!;
  const me = await (await page.request.get("/api/auth/session")).json();
  const refused = await page.request.post(`/api/reviews/${id}/transitions`, {
    headers: { "x-csrf-token": me.csrfToken },
    data: { action: "forward" },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toBe("自分の申請を審査・承認することはできません");
  // It is not in the officer's own inbox either.
  await navLink(page, "審査（該非・取引）").click();
  await page.getByRole("tab", { name: "審査待ち（自分の担当）" }).click();
  await expect(page.getByTestId("reviews-table").getByText("国際会議での発表（公開情報のみ）")).toHaveCount(
    0,
  );
  expect(problems.filter((p) => !/status of 403/.test(p))).toEqual([]);
});

test("an application in progress survives an expired session (drafts are autosaved)", async ({ page }) => {
  await login(page, "tanaka");
  await page.goto("/reviews/new?type=data_sharing");
  await page.getByRole("textbox", { name: "件名" }).fill("ゲノムデータの共同解析");
  await page.getByRole("textbox", { name: "技術・テーマ" }).fill("疾患関連遺伝子の解析手法");
  await page.waitForTimeout(2500);
  // The session ends behind the user's back (idle timeout, logout elsewhere).
  const session = await (await page.request.get("/api/auth/session")).json();
  await page.request.post("/api/auth/logout-everywhere", { headers: { "x-csrf-token": session.csrfToken } });
  await page.getByRole("textbox", { name: "目的" }).fill("共同研究");
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await login(page, "tanaka");
  await page.goto("/reviews/new?type=data_sharing");
  await expect(page.getByTestId("draft-found")).toBeVisible();
  await page.getByRole("button", { name: "復元する" }).click();
  await expect(page.getByRole("textbox", { name: "件名" })).toHaveValue("ゲノムデータの共同解析");
  await expect(page.getByRole("textbox", { name: "目的" })).toHaveValue("共同研究");
});

test("the secretariat records a 特定類型 declaration; the form computes ② from the income (日本語)", async ({
  page,
}) => {
  const problems = watchConsole(page);
  await login(page, "sato");
  await navLink(page, "人・申告").click();
  await page.getByTestId("people-table").getByRole("link", { name: "李 明" }).click();
  await page.getByRole("button", { name: "特定類型を申告" }).click();
  const form = page.getByTestId("tokutei-form");
  await form.getByRole("textbox", { name: "外国政府等からの収入（円）" }).fill("2000000");
  await form.getByRole("textbox", { name: "年間総収入（円）" }).fill("8000000");
  await expect(page.getByTestId("income-share")).toHaveText("外国からの収入の割合: 25.0% → ②に該当");
  await form.getByRole("textbox", { name: "年間総収入（円）" }).fill("8000001");
  await expect(page.getByTestId("income-share")).toContainText("②に該当しない");
  await form.getByRole("textbox", { name: "年間総収入（円）" }).fill("6000000");
  await form.getByRole("textbox", { name: "収入の出所" }).fill("外国政府（科学技術省）からの研究助成金");
  // Without the pledge and the evidence the declaration is refused, naming both.
  await form.getByRole("button", { name: "特定類型を申告" }).click();
  await expect(form.getByText("申告内容が正確である旨の誓約が必要です")).toBeVisible();
  await form.getByRole("textbox", { name: "根拠資料" }).fill("雇用契約書の写し（事務局保管）");
  await form.getByRole("checkbox", { name: /誓約します/ }).check();
  await form.getByRole("button", { name: "特定類型を申告" }).click();
  await expect(page.getByTestId("person-tokutei")).toHaveText("特定類型②に該当");
  expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
});
