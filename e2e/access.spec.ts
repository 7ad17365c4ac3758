import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type APIRequestContext, expect, request, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { ADMIN_PASSWORD, E2E_PORT, login, logout, watchConsole } from "./helpers.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The code an authenticator app would show now (or for a later 30-second step). */
function code(secret: string, stepsAhead = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({
    timestamp: Date.now() + stepsAhead * 30_000,
  });
}

test.describe("two-step login (its own server, with the default: required for admin and secretariat)", () => {
  const port = E2E_PORT + 1;
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess;
  let dataDir: string;

  test.beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "sekimori-e2e-mfa-"));
    server = spawn("node", ["bin/sekimori.js", "serve"], {
      cwd: root,
      stdio: "ignore",
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        SEKIMORI_DATA_DIR: dataDir,
        SEKIMORI_ADMIN_PASSWORD: ADMIN_PASSWORD,
        SEKIMORI_DEMO: "false",
        SEKIMORI_RATE_PER_MINUTE: "0",
        SEKIMORI_LOGIN_RATE_PER_MINUTE: "1000",
        SEKIMORI_CONFIG: "/nonexistent/sekimori.config.json",
      },
    });
    for (let i = 0; i < 240; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error("the second-factor test server did not start");
  });
  test.afterAll(async () => {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("the administrator sets up the authenticator app, then logs in with a code", async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(`${base}/login`);
    await page.getByLabel(/ユーザー名|Username/).fill("admin");
    await page.getByRole("textbox", { name: /パスワード|Password/ }).fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: /ログイン|Log in/ }).click();
    // Nothing else is reachable before the second factor is set up.
    await expect(page.getByRole("heading", { name: "二段階認証の設定" })).toBeVisible();
    await expect(page.getByText("設定が終わるまで他の画面は使えません")).toBeVisible();
    await page.getByRole("button", { name: "設定を始める" }).click();
    await expect(page.getByTestId("totp-qr")).toBeVisible();
    const secret = (await page.getByTestId("totp-secret").innerText()).trim();
    await page.getByLabel("確認コード").fill(code(secret));
    await page.getByRole("button", { name: "有効にする" }).click();
    const recovery = page.getByTestId("recovery-codes");
    await expect(recovery).toBeVisible();
    expect((await recovery.innerText()).split(/\s+/).filter(Boolean)).toHaveLength(10);
    await page.getByRole("button", { name: "保管しました" }).click();
    await expect(page.getByTestId("user-menu")).toBeVisible();

    // Log out; the next login asks for the code (in English this time).
    await logout(page);
    await page.getByText("English", { exact: true }).click();
    await page.getByLabel(/Username/).fill("admin");
    await page.getByRole("textbox", { name: /Password/ }).fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: /Log in/ }).click();
    await expect(page.getByRole("heading", { name: "Two-step login" })).toBeVisible();
    await page.getByLabel("Code").fill("000000");
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByRole("alert")).toContainText("Wrong code");
    await page.getByLabel("Code").fill(code(secret, 1));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByTestId("user-menu")).toBeVisible();
    // The account page shows the state.
    await page.goto(`${base}/account`);
    // After login the account's saved language (Japanese) applies again.
    await expect(page.getByTestId("second-factor-panel")).toContainText(
      /二段階認証は有効です|Two-step login is on/,
    );
    expect(problems.filter((p) => !/status of (400|401|403)/.test(p))).toEqual([]);
  });
});

/** A logged-in API client (the browser's own request context is not needed for set-up). */
async function apiAs(
  username: string,
  password = ADMIN_PASSWORD,
): Promise<APIRequestContext & { csrf: string }> {
  const ctx = await request.newContext({ baseURL: `http://127.0.0.1:${E2E_PORT}` });
  const res = await ctx.post("/api/auth/login", { data: { username, password } });
  expect(res.status(), await res.text()).toBe(200);
  return Object.assign(ctx, { csrf: (await res.json()).csrfToken as string });
}

test("four eyes: whoever did the 取引審査 and decided the hit cannot approve the review", async ({
  page,
}) => {
  const problems = watchConsole(page);
  const admin = await apiAs("admin");
  const h = { "x-csrf-token": admin.csrf };
  const mk = async (username: string, roles: string[], department: string) => {
    const r = await admin.post("/api/admin/users", {
      headers: h,
      data: { username, displayName: username, roles, department, password: ADMIN_PASSWORD },
    });
    expect(r.status(), await r.text()).toBe(201);
  };
  await mk("e2e_applicant", ["applicant"], "工学研究科 材料工学専攻");
  await mk("e2e_dual", ["secretariat", "approver"], "研究推進部");
  const applicant = await apiAs("e2e_applicant");
  const ah = { "x-csrf-token": applicant.csrf };
  const partyId = (
    await (
      await applicant.post("/api/parties", {
        headers: ah,
        data: { kind: "organization", names: [{ name: "軍需工業部" }], country: "KP" },
      })
    ).json()
  ).id;
  const ref = await (await applicant.get("/api/reviews/reference")).json();
  const q = ref.questionnaires.find((x: { type: string }) => x.type === "acceptance");
  const answers = Object.fromEntries(
    q.questions.map((x: { id: string; kind: string; options?: { value: string }[] }) => [
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
  const created = await applicant.post("/api/reviews", {
    headers: ah,
    data: {
      activityType: "acceptance",
      title: "四つの目のテスト",
      unit: "工学研究科",
      details: {
        topic: "材料",
        dataInvolved: "なし",
        startDate: "2026-04-01",
        endDate: "2026-09-30",
        purpose: "打合せ",
      },
      answers,
      notes: {},
      counterparties: [{ partyId, role: "home_institution" }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const id = (await created.json()).id;
  expect(
    (
      await applicant.post(`/api/reviews/${id}/transitions`, { headers: ah, data: { action: "submit" } })
    ).status(),
  ).toBe(200);
  const unit = await apiAs("suzuki");
  const uh = { "x-csrf-token": unit.csrf };
  let view = await (await unit.get(`/api/reviews/${id}`)).json();
  const classified = await unit.put(`/api/reviews/${id}/classification`, {
    headers: uh,
    data: {
      version: view.version,
      classification: {
        listStatus: "not_listed",
        regime: "fx_order",
        item: null,
        subItem: null,
        provision: null,
        catchAllCategory: "16-2",
        exceptions: [
          {
            code: "basic_research",
            use: "basic_research",
            basis: "原理の究明を目的とし特定の製品の設計・製造を目的としない",
          },
        ],
        rationale: "基礎科学分野の研究活動",
        reference: null,
      },
      topicTags: { jp: [], us: [] },
    },
  });
  expect(classified.status(), await classified.text()).toBe(200);
  expect(
    (
      await unit.post(`/api/reviews/${id}/transitions`, { headers: uh, data: { action: "forward" } })
    ).status(),
  ).toBe(200);
  const dual = await apiAs("e2e_dual");
  const dh = { "x-csrf-token": dual.csrf };
  const latest = (await (await dual.get(`/api/screening/parties/${partyId}/latest`)).json()).result;
  for (const hit of latest.hits.filter((x: { match: boolean }) => x.match)) {
    const d = await dual.post("/api/screening/decisions", {
      headers: dh,
      data: { partyId, entityId: hit.entityId, status: "true_match", rationale: "同一の団体" },
    });
    expect(d.status(), await d.text()).toBe(201);
  }
  view = await (await dual.get(`/api/reviews/${id}`)).json();
  const checklist = (items: { id: string }[]) => Object.fromEntries(items.map((i) => [i.id, false]));
  const check = await dual.put(`/api/reviews/${id}/transaction-check`, {
    headers: dh,
    data: {
      version: view.version,
      endUse: checklist(ref.checklists.endUse),
      akiraka: checklist(ref.checklists.akiraka),
      endUser: checklist(ref.checklists.endUser),
      notes: {},
      conclusion: "確認済み",
      counterpartyAttributes: {},
    },
  });
  expect(check.status(), await check.text()).toBe(200);
  const completed = await dual.post(`/api/reviews/${id}/transitions`, {
    headers: dh,
    data: { action: "complete_check" },
  });
  expect(completed.status(), await completed.text()).toBe(200);

  // In the browser: the dual-role user sees why they cannot approve, and no approve button.
  await login(page, "e2e_dual");
  await page.goto(`/reviews/${id}`);
  const notice = page.getByTestId("separation-of-duties");
  await expect(notice).toContainText("四つの目の原則");
  await expect(notice).toContainText("取引審査");
  await expect(notice).toContainText("該当候補");
  await expect(page.getByRole("button", { name: /^承認$/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^不承認$/ })).toBeVisible();
  await logout(page);
  // Another approver sees the approve button.
  await login(page, "takahashi");
  await page.goto(`/reviews/${id}`);
  await expect(page.getByRole("button", { name: /^(承認|Approve)$/ })).toBeVisible();
  await expect(page.getByTestId("separation-of-duties")).toHaveCount(0);
  expect(problems).toEqual([]);
});
