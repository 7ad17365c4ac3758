import { expect, type Page, test } from "@playwright/test";
import { cleanTransactionCheck } from "../src/testing/review-fixtures.js";
import { login as loginAny, logout, navLink, watchConsole } from "./helpers.js";

/**
 * Export control's own pages (issue 13) as the office uses them: the unit officer registers an item
 * in the item master with its classification and sees it listed; the secretariat registers a
 * licence and sees its expiry counted down (and on the office dashboard), looks through the
 * technology provision log, answers the yearly self-inspection and reads the country groups — in
 * Japanese, then the same pages in English. After approval, the applicant records a technology
 * provision made by video call on the approved review, and a laptop carried on a trip is checked on
 * its return.
 */

test.describe.configure({ timeout: 180_000 });

/** Logs in and makes sure the UI is in Japanese (another test may have left the user on English). */
async function login(page: Page, username: string): Promise<void> {
  await loginAny(page, username);
  await page.getByText("日本語", { exact: true }).click();
  await expect(navLink(page, "ホーム")).toBeVisible();
}

/** Picks a select option by its visible label. */
async function choose(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).first().click();
}

/** A date `days` from today (YYYY-MM-DD). */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("the unit officer registers a listed machine tool in the item master and finds it again (日本語)", async ({
  page,
}) => {
  const problems = watchConsole(page);
  await login(page, "suzuki");
  await navLink(page, "輸出管理（品目・許可）").click();
  await expect(page.getByRole("tab", { name: "品目マスタ" })).toHaveAttribute("aria-selected", "true");
  await page.getByRole("link", { name: "品目を登録" }).click();
  const form = page.getByTestId("item-form");
  await form.getByRole("textbox", { name: "品名・技術の名称" }).fill("E2E 5軸マシニングセンタ MX-500");
  await form.getByRole("textbox", { name: "型番" }).fill("MX-500");
  await form.getByRole("textbox", { name: "製造者" }).fill("E2E精機株式会社");
  // Saving without a classification or rationale names the missing fields.
  await form.getByRole("button", { name: "品目を保存" }).click();
  await expect(form).toContainText(/判定|根拠/);
  await choose(page, "判定結果", "該当（リスト規制 1〜15項）");
  await choose(page, "該当項番", "6項 材料加工");
  await form.getByRole("textbox", { name: "号（サブ項目）" }).fill("(2)");
  await choose(page, "省令の条項", "貨物等省令");
  await form.getByRole("textbox", { name: "条", exact: true }).fill("5");
  await form
    .getByRole("textbox", { name: "判定の根拠" })
    .fill("同時制御軸数5、位置決め精度がパラメータシートの基準値以下");
  await form.getByRole("textbox", { name: "再確認期限" }).fill(inDays(365));
  await form.getByRole("button", { name: "品目を保存" }).click();
  await expect(page.getByText("品目を記録しました")).toBeVisible();
  await expect(page).toHaveURL(/\/export\/items\/[0-9a-f-]{36}$/);
  const detail = page.getByTestId("item-detail");
  await expect(detail).toContainText("6項");
  await expect(detail).toContainText("鈴木");
  await expect(detail.getByRole("link", { name: "日本語 PDF" }).first()).toBeVisible();
  // The list finds it by model number, with its classification.
  await page.getByRole("link", { name: "一覧へ戻る" }).click();
  await page.getByRole("textbox", { name: "品名・型番・番号で検索" }).fill("MX-500");
  const row = page.getByTestId("items-table").getByRole("row").filter({ hasText: "MX-500" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("6項");
  // The same in English.
  await page.getByText("English", { exact: true }).click();
  await expect(page.getByRole("tab", { name: "Item master" })).toBeVisible();
  await expect(row).toContainText("Item 6");
  await row.getByRole("link").first().click();
  await expect(page.getByTestId("item-detail")).toContainText("Item 6");
  await expect(page.getByRole("button", { name: "Save item" })).toBeVisible();
  await page.getByText("日本語", { exact: true }).click();
  expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
});

test("the secretariat registers a licence, sees its expiry counted down, on the dashboard, and reads the log, checklist and country groups (日本語)", async ({
  page,
}) => {
  const problems = watchConsole(page);
  await login(page, "sato");
  await navLink(page, "輸出管理（品目・許可）").click();
  await page.getByRole("tab", { name: "許可台帳" }).click();
  await page.getByRole("link", { name: "許可・申請を登録" }).click();
  const form = page.getByTestId("licence-form");
  await form.getByRole("textbox", { name: "許可番号" }).fill("E2E-個別-2026-001");
  await form.getByRole("textbox", { name: "名義人" }).fill("国立大学法人E2E大学");
  await form.getByRole("textbox", { name: "有効期間の開始" }).fill(inDays(-10));
  await form.getByRole("textbox", { name: "有効期限" }).fill(inDays(20));
  await form.getByRole("combobox", { name: /^仕向地/ }).fill("タイ");
  await page.getByRole("option", { name: /タイ \(TH\)/ }).click();
  await page.keyboard.press("Escape");
  await choose(page, "品目を追加", /6項 材料加工/);
  await form.getByRole("button", { name: "追加", exact: true }).click();
  await expect(form).toContainText("6項");
  await form.getByRole("button", { name: "許可を保存" }).click();
  await expect(page.getByText("許可を保存しました")).toBeVisible();
  await expect(page).toHaveURL(/\/export\/licences\/[0-9a-f-]{36}$/);
  const detail = page.getByTestId("licence-detail");
  await expect(detail).toContainText("期限まで30日以内");
  await expect(detail).toContainText("タイ (TH)");
  // Record one shipment against it.
  await detail.getByRole("textbox", { name: "メモ" }).fill("E2E 初回出荷");
  await detail.getByRole("button", { name: "使用を記録" }).click();
  await expect(page.getByText("使用実績を記録しました")).toBeVisible();
  await expect(detail).toContainText("E2E 初回出荷");
  // The register counts the days down.
  await page.getByRole("link", { name: "一覧へ戻る" }).click();
  const row = page.getByTestId("licences-table").getByRole("row").filter({ hasText: "E2E-個別-2026-001" });
  await expect(row).toContainText(/残り(19|20|21)日/);
  await expect(row).toContainText("1 回使用");

  // The office dashboard's expiring-licences tile lists it and links to it.
  await navLink(page, "ホーム").click();
  const tile = page.getByTestId("tile-licences.expiring");
  await expect(tile).toBeVisible();
  await expect(tile.getByTestId("tile-label")).toContainText("日以内に期限切れ");
  const link = tile.getByRole("link", { name: /E2E-個別-2026-001/ });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByTestId("licence-detail")).toBeVisible();
  // The tile's number opens the register filtered to the expiring licences.
  await navLink(page, "ホーム").click();
  await page.getByTestId("tile-licences.expiring").getByTestId("tile-value").click();
  await expect(page).toHaveURL(/\/export\/licences\?expiring=\d+/);
  await expect(page.getByTestId("licences-table")).toContainText("E2E-個別-2026-001");
  await expect(page.getByTestId("licences-expiring-filter")).toBeVisible();

  // The technology provision log across all reviews, filtered by period.
  await page.getByRole("tab", { name: "技術提供記録" }).click();
  await expect(page.getByText("全審査の技術提供の記録")).toBeVisible();
  await page.getByRole("textbox", { name: "期間（開始）" }).fill(inDays(-30));
  await page.getByRole("textbox", { name: "期間（終了）" }).fill(inDays(0));
  await expect(page.getByRole("columnheader", { name: "提供した技術" })).toBeVisible();

  // The yearly self-inspection: answer a question with evidence and save.
  await page.getByRole("tab", { name: "自己管理チェック" }).click();
  const inspection = page.getByTestId("self-inspection");
  await expect(inspection).toBeVisible();
  await expect(inspection.getByTestId("statistics")).toContainText("年度の審査統計");
  const first = inspection.locator("[data-testid^='question-']").first();
  await first.getByText("はい", { exact: true }).click();
  await first.getByRole("textbox", { name: "根拠（規程・記録の名称）" }).fill("安全保障輸出管理規程 第3条");
  await inspection.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText("回答を保存しました")).toBeVisible();
  await page.reload();
  await expect(
    page.getByTestId("self-inspection").locator("[data-testid^='question-']").first().getByRole("textbox", {
      name: "根拠（規程・記録の名称）",
    }),
  ).toHaveValue("安全保障輸出管理規程 第3条");
  await expect(page.getByRole("link", { name: "CSV（日本語）" })).toBeVisible();

  // Country groups: the tables in force with their source; Korea is in グループA today.
  await page.getByRole("tab", { name: "国・地域グループ" }).click();
  const groups = page.getByTestId("country-groups");
  await expect(groups).toContainText("適用中の表");
  await groups
    .getByRole("button", { name: /別表第3（/ })
    .first()
    .click();
  await expect(groups).toContainText("KR");
  await expect(groups).toContainText("出典");

  // The same pages in English.
  await page.getByText("English", { exact: true }).click();
  await expect(page.getByRole("tab", { name: "Country groups" })).toBeVisible();
  await expect(page.getByTestId("country-groups")).toContainText("Source");
  await page.getByRole("tab", { name: "Licences" }).click();
  await expect(
    page.getByTestId("licences-table").getByRole("row").filter({ hasText: "E2E-個別-2026-001" }),
  ).toContainText(/(19|20|21) days left/);
  await page.getByRole("tab", { name: "Self-inspection" }).click();
  await expect(page.getByTestId("statistics")).toContainText("Review statistics of the year");
  await page.getByRole("tab", { name: "Provision log" }).click();
  await expect(page.getByRole("columnheader", { name: "Technology provided" })).toBeVisible();
  await navLink(page, "Home").click();
  await expect(page.getByTestId("tile-licences.expiring").getByTestId("tile-label")).toContainText(
    "Licences expiring within",
  );
  await page.getByText("日本語", { exact: true }).click();
  expect(problems).toEqual([]);
});

type Json = Record<string, unknown>;

/** Calls the API as the logged-in user (the session cookie and its CSRF token), failing loudly. */
async function api(page: Page, method: "GET" | "POST" | "PUT", url: string, data?: unknown): Promise<Json> {
  const session = (await (await page.request.get("/api/auth/session")).json()) as { csrfToken: string };
  const res = await page.request.fetch(url, {
    method,
    headers: { "x-csrf-token": session.csrfToken, "content-type": "application/json" },
    ...(data === undefined ? {} : { data }),
  });
  const body = (await res.json()) as Json;
  expect(res.ok(), `${method} ${url}: ${JSON.stringify(body)}`).toBe(true);
  return body;
}

/** Plain answers for a questionnaire from the reference ("no", the first option, 10, text). */
async function plainAnswers(page: Page, type: string): Promise<Json> {
  const ref = (await api(page, "GET", "/api/reviews/reference")) as {
    questionnaires: {
      type: string;
      questions: { id: string; kind: string; options?: { value: string }[] }[];
    }[];
  };
  const q = ref.questionnaires.find((x) => x.type === type)!;
  return Object.fromEntries(
    q.questions.map((x) => [
      x.id,
      x.kind === "yesno"
        ? false
        : x.kind === "select"
          ? x.options![0]!.value
          : x.kind === "number"
            ? 10
            : "テキスト",
    ]),
  );
}

async function demoParty(page: Page, name: string): Promise<string> {
  const found = (await api(page, "GET", `/api/parties?q=${encodeURIComponent(name)}`)) as {
    items: { id: string; names?: { name: string }[] }[];
  };
  expect(found.items.length, `demo party ${name}`).toBeGreaterThan(0);
  return found.items[0]!.id;
}

test("after approval the applicant records a provision by video call, and a laptop carried on a trip is checked on return (日本語・English)", async ({
  page,
}) => {
  const problems = watchConsole(page);
  // Set-up through the API, each step by its own role: a technology provision to a Group A partner,
  // classified by the unit officer, checked by the secretariat and approved by the approver.
  await login(page, "tanaka");
  const partner = await demoParty(page, "Nordic Photonics");
  const details = {
    topic: "光学薄膜の評価手法",
    dataInvolved: "評価手順書",
    startDate: inDays(1),
    endDate: inDays(90),
    purpose: "共同研究の打合せ",
  };
  let review = await api(page, "POST", "/api/reviews", {
    activityType: "technology_provision",
    title: "E2E 技術提供（ビデオ会議）",
    unit: "工学研究科",
    details,
    answers: await plainAnswers(page, "technology_provision"),
    counterparties: [{ partyId: partner, role: "recipient" }],
  });
  const id = review.id as string;
  review = await api(page, "POST", `/api/reviews/${id}/transitions`, { action: "submit" });
  await logout(page);
  await login(page, "suzuki");
  review = await api(page, "PUT", `/api/reviews/${id}/classification`, {
    version: review.version,
    classification: {
      listStatus: "not_listed",
      regime: "fx_order",
      item: null,
      subItem: null,
      provision: null,
      catchAllCategory: "16-2",
      exceptions: [],
      rationale: "評価手順は外為令別表1〜15の項に当たらない",
      reference: null,
    },
    topicTags: { jp: [], us: [] },
  });
  review = await api(page, "POST", `/api/reviews/${id}/transitions`, { action: "forward" });
  await logout(page);
  await login(page, "sato");
  if (review.status === "secretariat_review") {
    review = await api(page, "PUT", `/api/reviews/${id}/transaction-check`, {
      version: review.version,
      ...cleanTransactionCheck("懸念なし"),
    });
    review = await api(page, "POST", `/api/reviews/${id}/transitions`, { action: "complete_check" });
  }
  await logout(page);
  await login(page, "takahashi");
  review = await api(page, "POST", `/api/reviews/${id}/transitions`, { action: "approve" });
  expect(review.status).toBe("approved");
  await logout(page);

  // The applicant records, in the browser, that the technology was provided by video call.
  await login(page, "tanaka");
  await page.goto(`/reviews/${id}`);
  const provisions = page.getByTestId("provisions");
  await expect(provisions).toContainText("提供の記録はまだありません");
  await provisions
    .getByRole("textbox", { name: "提供した技術" })
    .fill("光学薄膜の評価手順（画面共有で説明）");
  await provisions.getByRole("combobox", { name: "方法", exact: true }).click();
  await page.getByRole("option", { name: "ビデオ会議・画面共有" }).click();
  await provisions.getByRole("button", { name: "提供を記録" }).click();
  await expect(page.getByText("技術提供を記録しました")).toBeVisible();
  const row = provisions.getByRole("row").filter({ hasText: "光学薄膜の評価手順" });
  await expect(row).toContainText("ビデオ会議・画面共有");
  await expect(row).toContainText("Nordic Photonics AB");

  // A trip: the laptop she carries is recorded, and on return its check is recorded.
  const host = await demoParty(page, "Nordic Photonics");
  const trip = await api(page, "POST", "/api/reviews", {
    activityType: "overseas_trip",
    title: "E2E 海外出張（携行品）",
    unit: "工学研究科",
    details,
    answers: await plainAnswers(page, "overseas_trip"),
    counterparties: [{ partyId: host, role: "host" }],
  });
  await page.goto(`/reviews/${trip.id}`);
  const carried = page.getByTestId("hand-carry");
  await expect(carried).toContainText("携行も貨物の輸出に当たります");
  await carried.getByRole("textbox", { name: "携行品", exact: true }).fill("研究用ノートPC（暗号化済み）");
  await carried.getByRole("textbox", { name: "出国日" }).fill(inDays(3));
  await carried.getByRole("textbox", { name: "帰国予定日" }).fill(inDays(10));
  await carried.getByRole("button", { name: "携行品を追加" }).click();
  const laptop = carried
    .getByText("研究用ノートPC（暗号化済み）")
    .locator("xpath=ancestor::div[contains(@class,'mantine-Paper-root')][1]");
  await expect(laptop).toContainText("持ち帰り未確認");
  await laptop.getByRole("button", { name: "確認を記録" }).click();
  await expect(laptop).toContainText("持ち帰り確認済み");

  // The same records read in English.
  await page.getByText("English", { exact: true }).click();
  await expect(page.getByTestId("hand-carry")).toContainText("Brought back");
  await page.goto(`/reviews/${id}`);
  await expect(page.getByTestId("provisions")).toContainText("Video call or screen sharing");
  await expect(page.getByRole("columnheader", { name: "Technology provided" })).toBeVisible();
  await page.getByText("日本語", { exact: true }).click();
  // The provision appears in the office-wide log too.
  await logout(page);
  await login(page, "sato");
  const log = await api(page, "GET", "/api/export/provisions");
  expect(JSON.stringify(log)).toContain("光学薄膜の評価手順");
  expect(problems).toEqual([]);
});
