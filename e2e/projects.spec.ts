import { expect, type Page, test } from "@playwright/test";
import { CURRICULUM_MODULES } from "../src/cases/curriculum-library.js";
import { ADMIN_PASSWORD, login, logout, navLink, watchConsole } from "./helpers.js";

/** The six due-diligence checklist items (src/projects/projects-engine.ts CHECK_ITEMS). */
const CHECK_ITEMS = [
  "partners_screened",
  "funding_sources",
  "disclosures_current",
  "talent_programmes",
  "restricted_topics",
  "data_sharing",
];

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A change through the API with the page's session (for the checklist items the test does not click). */
async function apiCall(page: Page, method: "post" | "put", path: string, data: unknown) {
  const session = (await (await page.request.get("/api/auth/session")).json()) as { csrfToken: string };
  const res = await page.request[method](path, {
    headers: { "x-csrf-token": session.csrfToken, "content-type": "application/json" },
    data,
  });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBe(200);
}

/**
 * Issue 16 in the browser: a project with one partner on a list and one researcher whose e-Rad
 * pledge is overdue shows both blockers; replacing the partner and recording the pledge (with the
 * checklist concluded) lets the secretariat mark it ready for application. Both languages.
 */
test("project readiness: a listed partner and an overdue pledge block; resolved, it becomes ready", async ({
  page,
}) => {
  const problems = watchConsole(page);
  await login(page, "sato");
  await navLink(page, "研究プロジェクト").click();
  await expect(page.getByRole("heading", { name: "研究プロジェクト（研究セキュリティ）" })).toBeVisible();
  await page.getByRole("button", { name: "プロジェクトを登録" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "課題名" }).fill("全固体電池の界面設計に関する国際共同研究");
  await dialog.getByRole("textbox", { name: "配分機関" }).fill("科学技術振興機構");
  await dialog.getByRole("textbox", { name: "事業・制度名" }).fill("戦略的創造研究推進事業");
  await dialog.getByRole("button", { name: "登録", exact: true }).click();
  await expect(page.getByRole("heading", { name: /全固体電池の界面設計に関する国際共同研究/ })).toBeVisible();
  const projectUrl = page.url();

  // One partner that is on the METI End User List (demo sample).
  const partners = page.getByTestId("project-partners");
  await partners.getByRole("combobox", { name: "相手先を追加" }).fill("Harbin");
  await page
    .getByRole("option", { name: /Harbin Institute of Technology/ })
    .first()
    .click();
  await expect(partners.getByRole("row", { name: /Harbin Institute of Technology/ })).toBeVisible();
  await partners.getByRole("button", { name: "全相手先をスクリーニング" }).click();
  await expect(partners.getByRole("row", { name: /Harbin Institute of Technology/ })).toContainText(
    /外国ユーザーリスト/,
  );

  // One researcher whose e-Rad pledge was due a month ago.
  const members = page.getByTestId("project-members");
  await members.getByRole("textbox", { name: "人物を検索" }).fill("田中");
  await members.getByRole("combobox", { name: "研究者を追加" }).click();
  await page.getByRole("option", { name: "田中 花子" }).click();
  const tanaka = members.getByRole("row", { name: /田中 花子/ });
  await expect(tanaka).toContainText("未依頼");
  const due = isoDay(-30);
  await tanaka.getByLabel("誓約の期限").fill(due);
  await tanaka.getByRole("button", { name: "誓約を依頼" }).click();
  await expect(tanaka).toContainText("期限超過");

  // Both blockers, with their reasons.
  const blockers = page.getByTestId("blockers");
  await expect(blockers).toContainText(/「Harbin Institute of Technology」が.*外国ユーザーリスト/);
  await expect(blockers).toContainText(`田中 花子: e-Rad 誓約の期限 ${due} を過ぎています`);
  await expect(page.getByRole("button", { name: "申請準備完了にする" })).toBeDisabled();

  // The checklist: one item through the screen, the others through the API (same rules).
  const first = page.getByTestId("check-partners_screened");
  await first.getByRole("textbox", { name: "根拠" }).fill("スクリーニング結果（全相手先）");
  await first.getByRole("button", { name: "根拠を追加" }).click();
  await expect(first).toContainText("スクリーニング結果（全相手先）");
  await first.getByRole("textbox", { name: "結論" }).fill("該当のある相手先は外した");
  await first.getByRole("button", { name: "問題なしとする" }).click();
  await expect(first.getByText("該当のある相手先は外した")).toBeVisible();
  const projectId = projectUrl.split("/").pop()!;
  for (const item of CHECK_ITEMS.slice(1)) {
    await apiCall(page, "post", `/api/projects/${projectId}/checks/${item}/evidence`, {
      text: `確認記録 ${item}`,
    });
    await apiCall(page, "put", `/api/projects/${projectId}/checks/${item}`, {
      status: "satisfied",
      conclusion: "確認済み",
    });
  }
  await page.reload();
  await expect(blockers.getByRole("listitem")).toHaveCount(2);

  // Resolve: replace the listed partner with one on no list, and record the pledge as given.
  await partners
    .getByRole("row", { name: /Harbin Institute of Technology/ })
    .getByRole("button", { name: "外す" })
    .click();
  await expect(partners.getByRole("row", { name: /Harbin Institute of Technology/ })).toHaveCount(0);
  await partners.getByRole("combobox", { name: "相手先を追加" }).fill("Nordic");
  await page
    .getByRole("option", { name: /Nordic Photonics AB/ })
    .first()
    .click();
  await partners.getByRole("button", { name: "全相手先をスクリーニング" }).click();
  await expect(partners.getByRole("row", { name: /Nordic Photonics AB/ })).toContainText("該当なし");
  await expect(blockers.getByRole("listitem")).toHaveCount(1);
  await tanaka.getByLabel("誓約日").fill(isoDay(-1));
  await tanaka.getByRole("button", { name: "誓約済みを記録" }).click();
  await expect(tanaka.getByRole("button", { name: "誓約済みを記録" })).toHaveCount(0);
  await expect(tanaka).toContainText("誓約済み");
  await expect(page.getByTestId("blockers")).toHaveCount(0);
  await expect(page.getByText("未解決の事項はありません")).toBeVisible();

  await page.getByRole("button", { name: "申請準備完了にする" }).click();
  await expect(page.getByRole("button", { name: "申請準備完了にする" })).toHaveCount(0);
  const readiness = page.getByTestId("readiness");
  await expect(readiness).toContainText("申請準備完了");
  await expect(page.getByRole("button", { name: "準備中に戻す" })).toBeVisible();

  // The summary for the agency: links in both languages, and the PDF is a PDF.
  await expect(page.getByRole("link", { name: "配分機関向け概要（PDF・日本語）" })).toBeVisible();
  const pdf = await page.request.get(`/api/projects/${projectId}/summary.pdf?lang=ja`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // The same file in English.
  await page.getByText("English", { exact: true }).click();
  await expect(readiness).toContainText("Ready for application");
  await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible();
  await expect(members.getByRole("row", { name: /田中 花子/ })).toContainText("Given");
  await expect(partners.getByRole("row", { name: /Nordic Photonics AB/ })).toContainText("No match");
  await expect(page.getByTestId("check-data_sharing")).toContainText("Data-sharing arrangements in place");
  // Reopening asks for the reason in a dialog (no browser prompt).
  await page.getByRole("button", { name: "Reopen" }).click();
  await page
    .getByRole("dialog")
    .getByRole("textbox", { name: "Why reopen the project?" })
    .fill("Partner list changed");
  await page.getByRole("dialog").getByRole("button", { name: "Reopen" }).click();
  await expect(readiness).toContainText("Preparing");
  await expect(page.getByRole("button", { name: "Mark ready for application" })).toBeEnabled();
  await page.getByText("日本語", { exact: true }).click();
  expect(problems).toEqual([]);
});

/** A change through the API with the page's session, answering the JSON body (200 or 201). */
async function apiJson<T>(page: Page, method: "post" | "put", path: string, data: unknown): Promise<T> {
  const session = (await (await page.request.get("/api/auth/session")).json()) as { csrfToken: string };
  const res = await page.request[method](path, {
    headers: { "x-csrf-token": session.csrfToken, "content-type": "application/json" },
    data,
  });
  expect([200, 201], `${method} ${path}: ${await res.text()}`).toContain(res.status());
  return (await res.json()) as T;
}

/**
 * Issue 16 §3 in the browser: a researcher's project names a funder and an appointment that their
 * research-integrity disclosure does not — the person's page shows the undisclosed-affiliation red
 * flag in Japanese with its evidence and a link to the project, and the project is blocked.
 */
test("an affiliation recorded on a project but missing from the disclosure is a red flag with its evidence", async ({
  page,
}) => {
  const problems = watchConsole(page);
  await login(page, "sato");
  const stamp = Date.now().toString(36);
  const funderName = `Orchid Quantum Institute ${stamp}`;
  const person = await apiJson<{ id: string }>(page, "post", "/api/people", {
    partyId: (
      await apiJson<{ id: string }>(page, "post", "/api/parties", {
        kind: "person",
        names: [{ name: `森 七海 ${stamp}`, kind: "primary" }],
      })
    ).id,
    category: "researcher",
  });
  await apiJson(page, "post", `/api/people/${person.id}/disclosures`, {
    submittedOn: isoDay(-10),
    career: [],
    affiliations: [
      {
        kind: "position",
        organisation: { name: "関守大学", partyId: null },
        position: "准教授",
        from: "2020-04-01",
        to: null,
        effortPercent: 90,
        paid: true,
        confidentiality: false,
      },
    ],
    funds: [],
    nonMonetary: [],
    pledge: true,
  });
  const project = await apiJson<{ id: string }>(page, "post", "/api/projects", {
    title: `量子計測の共同研究 ${stamp}`,
    fundingAgency: "科学技術振興機構",
    fundingProgramme: "創発的研究支援事業",
  });
  await apiJson(page, "post", `/api/projects/${project.id}/partners`, {
    newParty: { name: funderName, notDuplicate: true },
    role: "funder",
  });
  await apiJson(page, "post", `/api/projects/${project.id}/members`, {
    personId: person.id,
    role: "co_investigator",
  });

  await page.goto(`/people/${person.id}`);
  const flag = page.getByTestId("person-flag-P-UNDISCLOSED-AFFILIATION");
  await expect(flag).toContainText("申告にない所属・資金提供者が他の記録に現れている");
  await expect(flag).toContainText(
    `「${funderName}」が研究プロジェクトの資金提供者に現れていますが、最新の申告`,
  );
  await expect(flag).toContainText("内閣府");
  const evidence = flag.getByRole("link", { name: new RegExp(`量子計測の共同研究 ${stamp}.*資金提供者`) });
  await expect(evidence).toBeVisible();

  // The evidence leads to the project, where the same finding blocks readiness.
  await evidence.click();
  await expect(page.getByTestId("blockers")).toContainText(
    `「${funderName}」が研究プロジェクトの資金提供者に現れていますが`,
  );
  expect(problems).toEqual([]);
});

/**
 * Issue 16, the last parts in the browser: a researcher's disclosure declares a foreign talent
 * programme, so the research-integrity module is required — on the person's page and as a project
 * blocker with the reason — until the researcher passes it. A wrong undisclosed-affiliation flag is
 * dismissed by the secretariat with a reason (shown with who and when); an appointment added on the
 * project (the appointments form) is new evidence and raises it again.
 */
test("disclosure-required training, dismissing a wrong flag, and appointments on a project", async ({
  page,
}) => {
  // Three logins and two pages walked twice: longer than the default on a loaded machine.
  test.setTimeout(240_000);
  const problems = watchConsole(page);
  const stamp = Date.now().toString(36);
  const username = `e2e_kenkyu_${stamp}`;
  // A researcher with an account (created by the admin), who will take the module.
  await login(page, "admin");
  await apiJson(page, "post", "/api/admin/users", {
    username,
    displayName: `小川 蓮 ${stamp}`,
    roles: ["applicant"],
    department: "工学研究科",
    password: ADMIN_PASSWORD,
  });
  await logout(page);

  await login(page, "sato");
  const programme = `海外英才招聘計画 ${stamp}`;
  const funderName = `Heron Optics Foundation ${stamp}`;
  const person = await apiJson<{ id: string }>(page, "post", "/api/people", {
    partyId: (
      await apiJson<{ id: string }>(page, "post", "/api/parties", {
        kind: "person",
        names: [{ name: `小川 蓮 ${stamp}`, kind: "primary" }],
      })
    ).id,
    username,
    category: "researcher",
  });
  const affiliation = (kind: string, name: string, effortPercent: number) => ({
    kind,
    organisation: { name, partyId: null },
    position: kind === "position" ? "助教" : "研究員",
    from: "2024-04-01",
    to: null,
    effortPercent,
    paid: true,
    confidentiality: false,
  });
  await apiJson(page, "post", `/api/people/${person.id}/disclosures`, {
    submittedOn: isoDay(-5),
    career: [],
    affiliations: [affiliation("position", "関守大学", 85), affiliation("talent_programme", programme, 5)],
    funds: [],
    nonMonetary: [],
    pledge: true,
  });
  const project = await apiJson<{ id: string; number: number }>(page, "post", "/api/projects", {
    title: `光計測の国際共同研究 ${stamp}`,
    fundingAgency: "科学技術振興機構",
    fundingProgramme: "CREST",
  });
  await apiJson(page, "post", `/api/projects/${project.id}/partners`, {
    newParty: { name: funderName, notDuplicate: true },
    role: "funder",
  });
  await apiJson(page, "post", `/api/projects/${project.id}/members`, {
    personId: person.id,
    role: "co_investigator",
  });

  // The person's page: the required training with its reason, and the two flags.
  await page.goto(`/people/${person.id}`);
  const training = page.getByTestId("person-training-required");
  await expect(training).toContainText("未修了・期限切れ");
  await expect(training).toContainText(`申告に外国の人材招致プログラム「${programme}」があります`);
  await expect(page.getByTestId("person-flag-P-TRAINING-NOT-CURRENT")).toContainText(
    "必要な研修が有効でない",
  );
  const flag = page.getByTestId("person-flag-P-UNDISCLOSED-AFFILIATION");
  await expect(flag).toContainText(`「${funderName}」`);

  // The project is blocked by both, each with its reason.
  await page.goto(`/projects/${project.id}`);
  const blockers = page.getByTestId("blockers");
  await expect(blockers).toContainText(`外国の人材招致プログラム「${programme}」`);
  await expect(blockers).toContainText(`「${funderName}」が研究プロジェクトの資金提供者に現れています`);

  // Dismiss the flag as wrong: the reason is required; who, when and why stay visible.
  await page.goto(`/people/${person.id}`);
  await flag.getByRole("button", { name: "誤りとして却下" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("button", { name: "却下する" })).toBeDisabled();
  const reason = "財団は装置の貸与元で本人への資金提供ではない（契約書で確認）";
  await dialog.getByRole("textbox", { name: /却下の理由/ }).fill(reason);
  await dialog.getByRole("button", { name: "却下する" }).click();
  await expect(page.getByTestId("person-flag-P-UNDISCLOSED-AFFILIATION")).toHaveCount(0);
  const dismissed = page.getByTestId("person-dismissed-flags");
  await expect(dismissed).toContainText(reason);
  await expect(dismissed).toContainText("sato が却下");
  await page.getByText("English", { exact: true }).click();
  await expect(dismissed).toContainText("Dismissed by sato");
  await expect(training).toContainText("Not passed or expired");
  await page.getByText("日本語", { exact: true }).click();

  // On the project, the flag no longer blocks; the appointments form adds the same foundation.
  await page.goto(`/projects/${project.id}`);
  await expect(blockers).not.toContainText(`「${funderName}」が研究プロジェクトの資金提供者に現れています`);
  const row = page.getByTestId("project-members").getByRole("row", { name: new RegExp(`小川 蓮 ${stamp}`) });
  await row.getByRole("button", { name: "兼務先を追加" }).click();
  const appointments = page.getByRole("dialog");
  await appointments.getByRole("combobox", { name: "兼務先を追加" }).fill("Heron Optics");
  await page.getByRole("option", { name: new RegExp(funderName) }).click();
  await expect(appointments.getByTestId("appointment-list")).toContainText(funderName);
  await appointments.getByRole("button", { name: "閉じる" }).click();
  await expect(row).toContainText(`兼務先: ${funderName}`);
  // New evidence raises the dismissed flag again, saying it was dismissed before.
  await expect(blockers).toContainText(`「${funderName}」が研究プロジェクトで申告された兼務先`);
  await page.goto(`/people/${person.id}`);
  await expect(flag.getByTestId("flag-earlier-dismissal")).toContainText(reason);
  await expect(flag.getByTestId("flag-earlier-dismissal")).toContainText("兼務先");
  await logout(page);

  // The researcher passes the module (answers chosen by their text, not their position)…
  await login(page, username);
  const quiz = CURRICULUM_MODULES.find((m) => m.slug === "research-integrity-disclosure")!.content.quiz;
  const started = await apiJson<{
    attemptId: string;
    questions: { options: { ja: string }[] }[];
  }>(page, "post", "/api/training/modules/research-integrity-disclosure/attempts/start", {});
  const answers = started.questions.map((q, i) =>
    q.options.findIndex((o) => o.ja === quiz[i]!.options[quiz[i]!.correct]!.ja),
  );
  const result = await apiJson<{ passed: boolean }>(
    page,
    "post",
    "/api/training/modules/research-integrity-disclosure/attempts",
    { attemptId: started.attemptId, answers },
  );
  expect(result.passed).toBe(true);
  await logout(page);

  // …and the requirement is met: on the person's page and on the project.
  await login(page, "sato");
  await page.goto(`/people/${person.id}`);
  await expect(training).toContainText("修了（有効）");
  await expect(page.getByTestId("person-flag-P-TRAINING-NOT-CURRENT")).toHaveCount(0);
  await page.goto(`/projects/${project.id}`);
  await expect(blockers).not.toContainText(programme);
  expect(problems).toEqual([]);
});
