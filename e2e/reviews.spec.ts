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

test("technology provision to a person with a 特定類型② declaration is routed to the full review and forwarded by the unit officer (日本語)", async ({
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

  await page.getByRole("textbox", { name: "件名" }).fill("山田氏への固体電解質の合成条件の説明");
  await page
    .getByRole("textbox", { name: "技術・テーマ" })
    .fill("硫化物系固体電解質の合成条件（温度・雰囲気）");
  await page.getByRole("textbox", { name: "開始日" }).fill("2026-12-01");
  await page.getByRole("textbox", { name: "目的" }).fill("共同研究に向けた技術指導");
  await addCounterparty(page, "山田", "山田 太郎");
  await choose(page, "提供方法", "口頭・打合せ");
  await choose(page, /提供先の居住性/, "居住者");
  await answerNoToAll(page);
  await page.getByRole("button", { name: "申請する" }).click();

  // The declaration drives the routing: full review, with the R-TOKUTEI red flag and its evidence.
  await expect(page.getByTestId("review-status")).toHaveText("部局確認中");
  await expect(page.getByTestId("routing")).toContainText("本審査が必要");
  await expect(page.getByTestId("routing")).toContainText("特定類型の申告があるため");
  await expect(page.getByTestId("flag-R-TOKUTEI")).toContainText("特定類型②の申告あり");
  await expect(page.getByTestId("tokutei-badge")).toHaveText("特定類型②の申告あり");
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
  await page.getByRole("option", { name: "該当（リスト規制）" }).click();
  await classification.getByRole("combobox", { name: "規制区分" }).click();
  await page.getByRole("option", { name: "外国為替令 別表（技術）" }).click();
  await classification.getByRole("combobox", { name: "該当項番" }).click();
  await page.getByRole("option", { name: "5項 先端材料" }).click();
  await classification.getByRole("textbox", { name: "号（サブ項目）" }).fill("(2)");
  await classification
    .getByRole("textbox", { name: "判定の根拠" })
    .fill("合成条件は外為令別表5項(2)の製造に必要な技術に該当");
  await classification.getByRole("button", { name: "該非判定を記録" }).click();
  await expect(page.getByTestId("classification-summary")).toContainText(
    "該当（リスト規制）: 外為令 5項 先端材料 (2)",
  );
  await page.getByRole("button", { name: "取引審査へ回付" }).click();
  await page.getByRole("button", { name: "実行" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("取引審査中（事務局）");
  await expect(page.getByTestId("review-history")).toContainText("取引審査へ回付");
  // The only failed requests are the two refusals this test provoked (incomplete form, missing 該非判定).
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
  await form.getByRole("textbox", { name: "収入の出所" }).fill("海外研究機関からの研究員給与");
  // Without the pledge and the evidence the declaration is refused, naming both.
  await form.getByRole("button", { name: "特定類型を申告" }).click();
  await expect(form.getByText("申告内容が正確である旨の誓約が必要です")).toBeVisible();
  await form.getByRole("textbox", { name: "根拠資料" }).fill("雇用契約書の写し（事務局保管）");
  await form.getByRole("checkbox", { name: /誓約します/ }).check();
  await form.getByRole("button", { name: "特定類型を申告" }).click();
  await expect(page.getByTestId("person-tokutei")).toHaveText("特定類型②に該当");
  expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
});
