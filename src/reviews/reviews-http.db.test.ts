import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionsChanged } from "../auth/session-cache.js";
import { SESSION_COOKIE } from "../http/server.js";
import { resolvePdfFont } from "../shared/pdf-font.js";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";
import { extractPdfText } from "./pdf-text.js";
import { completeForm } from "./testing/review-fixtures.js";

/** The reviews API as wired in the app, with the real screening service and no list imported. */
let t: TestApp;
let applicant: TestUser;
let unit: TestUser;
let partyId: string;

beforeAll(async () => {
  t = await createTestApp();
  applicant = await t.loginAs(["applicant"], "http_applicant");
  unit = await t.loginAs(["unit_officer"], "http_unit");
  const res = await t.request(applicant, "POST", "/api/parties", {
    kind: "organization",
    names: [{ name: "ハルビン工業大学" }, { name: "Harbin Institute of Technology" }],
    country: "CN",
  });
  partyId = res.json().id;
});
afterAll(async () => {
  await t?.close();
});

describe("reviews over HTTP", () => {
  it("refuses an incomplete submission with field errors in Japanese and in English", async () => {
    const created = await t.request(applicant, "POST", "/api/reviews", { activityType: "joint_research" });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const ja = await t.request(applicant, "POST", `/api/reviews/${id}/transitions`, { action: "submit" });
    expect(ja.statusCode).toBe(400);
    expect(ja.json().error.code).toBe("validation_failed");
    expect(ja.json().error.message).toBe("申請内容に不足があります。各項目を確認してください");
    const paths = ja.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(["details.topic", "counterparties", "answers.contract_type"]),
    );
    expect(ja.json().error.fields[0].message).toBe("入力してください");
    await t.request(applicant, "PUT", "/api/auth/locale", { locale: "en" });
    const en = await t.request(applicant, "POST", `/api/reviews/${id}/transitions`, { action: "submit" });
    expect(en.json().error.message).toBe("The application is incomplete; check the fields");
    expect(en.json().error.fields[0].message).toBe("Required");
    await t.request(applicant, "PUT", "/api/auth/locale", { locale: "ja" });
    // Wrong shapes are caught by the schema, naming the field.
    const bad = await t.request(applicant, "POST", "/api/reviews", {
      activityType: "spying",
      counterparties: [{ partyId: "x" }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(["activityType", "counterparties.0.partyId", "counterparties.0.role"]),
    );
  });

  it("keeps an autosaved draft across an expired session", async () => {
    const payload = { title: "来訪者の受入れ（途中）", answers: { lab_access: true } };
    const saved = await t.request(unit, "PUT", "/api/reviews/drafts/review:new:acceptance", { payload });
    expect(saved.statusCode).toBe(200);
    // The session ends (expired or logged out) before the form is saved.
    await t.services.db.deleteFrom("sessions").where("user_id", "=", unit.id).execute();
    sessionsChanged(); // deleted behind the repositories' back: tell the session cache (auth/session-cache.ts)
    const expired = await t.request(unit, "GET", "/api/reviews/drafts/review:new:acceptance");
    expect(expired.statusCode).toBe(401);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "http_unit", password: "correct horse battery staple" },
    });
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    unit = { ...unit, cookie, csrfToken: login.json().csrfToken };
    const back = await t.request(unit, "GET", "/api/reviews/drafts/review:new:acceptance");
    expect(back.statusCode).toBe(200);
    expect(back.json().payload).toEqual(payload);
    expect(
      (await t.request(unit, "GET", "/api/reviews/drafts")).json().items.map((d: { key: string }) => d.key),
    ).toContain("review:new:acceptance");
    // Drafts are private to their author.
    expect((await t.request(applicant, "GET", "/api/reviews/drafts/review:new:acceptance")).statusCode).toBe(
      404,
    );
    expect((await t.request(unit, "DELETE", "/api/reviews/drafts/review:new:acceptance")).statusCode).toBe(
      204,
    );
    expect((await t.request(unit, "GET", "/api/reviews/drafts/review:new:acceptance")).statusCode).toBe(404);
  });

  it("without any list imported, screening says so and 取引審査 cannot complete (no pretend results)", async () => {
    const created = await t.request(applicant, "POST", "/api/reviews", {
      activityType: "acceptance",
      ...completeForm("acceptance", [{ partyId, role: "home_institution" }]),
    });
    const id = created.json().id;
    const submitted = await t.request(applicant, "POST", `/api/reviews/${id}/transitions`, {
      action: "submit",
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().counterparties[0].screening).toBeNull();
    const screen = await t.request(unit, "POST", `/api/reviews/${id}/screen`, {});
    expect(screen.statusCode).toBe(409);
    expect(screen.json().error.code).toBe("no_lists");
  });

  it("prints the three forms as PDFs with Japanese text and an embedded Japanese font", async () => {
    const created = await t.request(applicant, "POST", "/api/reviews", {
      activityType: "acceptance",
      ...completeForm("acceptance", [{ partyId, role: "home_institution" }]),
      title: "客員研究員の受入れ（固体電池）",
    });
    const id = created.json().id;
    const expectations: [string, string[]][] = [
      [
        "precheck",
        ["事前確認シート", "客員研究員の受入れ（固体電池）", "ハルビン工業大学", "受入れの種別", "申請者"],
      ],
      ["classification", ["該非判定書", "判定結果", "未回答"]],
      [
        "transaction",
        ["取引審査票", "用途チェックリスト", "明らかガイドライン", "需要者チェックリスト", "未実施"],
      ],
    ];
    for (const [form, words] of expectations) {
      const res = await t.request(applicant, "GET", `/api/reviews/${id}/forms/${form}?lang=ja`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/pdf");
      const pdf = res.rawPayload;
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const { text, fonts } = extractPdfText(pdf);
      for (const w of words) expect(text.replace(/\n/g, ""), `${form}: ${w}`).toContain(w);
      expect(text).not.toContain("\uFFFD");
      expect(
        fonts.some((f) => /NotoSansCJK|BIZUDPGothic/.test(f)),
        fonts.join(),
      ).toBe(true);
    }
    const en = await t.request(applicant, "GET", `/api/reviews/${id}/forms/precheck?lang=en`);
    expect(extractPdfText(en.rawPayload).text).toContain("Pre-check sheet");
    const other = await t.loginAs(["applicant"]);
    expect((await t.request(other, "GET", `/api/reviews/${id}/forms/precheck`)).statusCode).toBe(404);
  });

  it("the bundled font prints Japanese on a machine without Noto CJK", async () => {
    const font = resolvePdfFont(undefined, () => false);
    expect(font.source).toBe("bundled");
    const { renderReviewForm } = await import("./review-forms-pdf.js");
    const created = await t.request(applicant, "POST", "/api/reviews", {
      activityType: "data_sharing",
      ...completeForm("data_sharing", [{ partyId, role: "recipient" }]),
    });
    const view = (await t.request(applicant, "GET", `/api/reviews/${created.json().id}`)).json();
    const pdf = await renderReviewForm(view, "precheck", "ja", font, new Date());
    const { text, fonts } = extractPdfText(pdf);
    expect(fonts.some((f) => f.includes("BIZUDPGothic"))).toBe(true);
    expect(text).toContain("外部へのデータ共有");
    expect(() => resolvePdfFont("/nonexistent/font.ttf")).toThrow(/SEKIMORI_PDF_FONT/);
  });
});
