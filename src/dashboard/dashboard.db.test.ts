import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SEEDERS, seedDemo } from "../app/demo.js";
import { systemActor } from "../shared/actor.js";
import { dateInZone } from "../shared/time-format.js";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";
import type { Dashboard } from "./dashboard-engine.js";
import { createDashboardRepo } from "./dashboard-repo.js";

let t: TestApp;
let office: TestUser;
let dashboard: Dashboard;

const tile = (key: string) => {
  const found = dashboard.sections.flatMap((s) => s.tiles).find((x) => x.key === key);
  if (!found) throw new Error(`no tile ${key}`);
  return found;
};

async function insertAlert(severity: string, status: string, createdAt: string) {
  const subject = `s-${randomUUID()}`;
  await sql`
    INSERT INTO insider_subjects (id, subject_key, pseudonym)
    VALUES (${randomUUID()}, ${subject}, ${`P-${randomUUID().slice(0, 8)}`})`.execute(t.services.db);
  await sql`
    INSERT INTO insider_alerts (id, engine_key, subject_key, status, severity, score, anomaly, cases,
      indicators, first_day, last_day, created_at, updated_at)
    VALUES (${randomUUID()}, ${randomUUID()}, ${subject}, ${status}, ${severity}, 50, 3, ${[1]},
      ${JSON.stringify([])}, '2026-01-01', '2026-01-02', ${createdAt}, ${createdAt})`.execute(t.services.db);
}

beforeAll(async () => {
  t = await createTestApp();
  const wanted = new Set([
    "demo.foundation",
    "demo.screening",
    "demo.reviews_people",
    "demo.approaches",
    "demo.training",
  ]);
  await seedDemo(
    t.services,
    systemActor("demo"),
    "demo password 123",
    () => {},
    DEMO_SEEDERS.filter((s) => wanted.has(s.key)),
  );
  await t.services.screeningIndex.refresh();
  await insertAlert("critical", "new", new Date().toISOString());
  await insertAlert("high", "reviewing", new Date().toISOString());
  await insertAlert("low", "confirmed", new Date().toISOString());
  office = await t.loginAs(["secretariat"]);
  const res = await t.request(office, "GET", "/api/dashboard");
  expect(res.statusCode, res.body).toBe(200);
  dashboard = res.json();
});
afterAll(async () => {
  await t?.close();
});

describe("the office dashboard", () => {
  it("is for the office (secretariat, admin, auditor), not for applicants", async () => {
    expect((await t.request(await t.loginAs(["applicant"]), "GET", "/api/dashboard")).statusCode).toBe(403);
    expect((await t.request(await t.loginAs(["auditor"]), "GET", "/api/dashboard")).statusCode).toBe(200);
    expect((await t.request(null, "GET", "/api/dashboard")).statusCode).toBe(401);
  });

  it("counts exactly what the linked, filtered list shows", async () => {
    const total = async (url: string) => {
      const res = await t.request(office, "GET", url);
      expect(res.statusCode, url).toBe(200);
      return res.json().total as number;
    };
    expect(tile("screening.open_hits").link).toBe("/screening/review");
    expect(tile("screening.open_hits").value).toBe(await total("/api/screening/queue?page=1&pageSize=1"));
    expect(tile("screening.open_hits").value).toBeGreaterThan(0); // the demo parties hit the demo lists
    for (const status of ["unit_review", "secretariat_review", "approval"]) {
      const x = tile(`reviews.${status}`);
      expect(x.link).toBe(`/reviews?scope=all&status=${status}`);
      expect(x.value, status).toBe(await total(`/api/reviews?scope=all&status=${status}`));
    }
    expect(tile("reviews.unit_review").value).toBe(1);
    expect(tile("reviews.unit_review").detail?.ja).toMatch(/^最長 \d+ 日・中央値 \d+ 日$/);
    for (const status of ["new", "in_review"]) {
      expect(tile(`approaches.${status}`).link).toBe(`/approaches/all?status=${status}`);
      expect(tile(`approaches.${status}`).value).toBe(await total(`/api/approaches?status=${status}`));
    }
    expect(tile("approaches.new").value).toBe(3);
    expect(tile("approaches.clusters").value).toBe(1);
    expect(tile("insider.new").value).toBe(1);
    expect(tile("insider.critical")).toMatchObject({
      value: 1,
      link: "/insider?severity=critical",
      tone: "danger",
    });
    expect(tile("insider.critical").value).toBe(
      await total("/api/insider/alerts?severity=critical&status=new,reviewing"),
    );
    expect(tile("insider.high").value).toBe(1);
    const training = (await t.request(office, "GET", "/api/training/dashboard")).json();
    expect(tile("training.overdue").value).toBe(training.totals.overdue);
    // Overdue declarations: people whose due dates have passed, today in Tokyo.
    const today = dateInZone(new Date(), "Asia/Tokyo");
    const people = (await t.request(office, "GET", "/api/people?pageSize=200")).json().items as {
      disclosureDueOn: string | null;
      tokuteiReviewOn: string | null;
    }[];
    const overdue = people.filter(
      (p) =>
        (p.disclosureDueOn && p.disclosureDueOn < today) || (p.tokuteiReviewOn && p.tokuteiReviewOn < today),
    ).length;
    expect(tile("people.overdue")).toMatchObject({ value: overdue, link: "/people?due=overdue" });
  });

  it("draws the last 30 days, today in the organisation's time zone", () => {
    const { days, series } = dashboard.trends;
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toBe(dateInZone(new Date(), "Asia/Tokyo"));
    expect(dashboard.today).toBe(days.at(-1));
    expect(series.map((s) => s.key)).toEqual([
      "screening.new_hits",
      "reviews.submitted",
      "reviews.decided",
      "approaches.submitted",
      "insider.alerts",
    ]);
    for (const s of series) expect(s.values).toHaveLength(30);
    expect(series.find((s) => s.key === "approaches.submitted")!.values.reduce((a, b) => a + b, 0)).toBe(3);
    expect(series.find((s) => s.key === "insider.alerts")!.values.at(-1)).toBe(3);
    expect(
      series.find((s) => s.key === "reviews.submitted")!.values.reduce((a, b) => a + b, 0),
    ).toBeGreaterThan(0);
  });

  it("counts a day as the organisation's zone does (00:30 in Tokyo is the next day)", async () => {
    await insertAlert("low", "new", "2025-06-14T15:30:00Z");
    const repo = createDashboardRepo();
    const from = new Date("2025-06-01T00:00:00Z");
    const to = new Date("2025-06-30T00:00:00Z");
    expect(await repo.insiderAlertsPerDay(t.services.db, "Asia/Tokyo", from, to)).toEqual([
      { day: "2025-06-15", n: 1 },
    ]);
    expect(await repo.insiderAlertsPerDay(t.services.db, "UTC", from, to)).toEqual([
      { day: "2025-06-14", n: 1 },
    ]);
  });
});
