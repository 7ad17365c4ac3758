import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../app/demo.js";
import { systemActor } from "../shared/actor.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services, systemActor("setup"), "demo password 123", () => {});
});
afterAll(async () => {
  await t?.close();
});

describe("demo data for approaches, cases and training", () => {
  it("seeds a cluster of reports about one recruiter from different people, with an alert", async () => {
    const sato = await t.services.auth.findByUsername("sato");
    const office = { id: sato!.id, label: "sato", roles: sato!.roles, locale: "ja" as const };
    const clusters = await t.services.approaches.listClusters(office, { page: 1, pageSize: 10 });
    expect(clusters.items).toHaveLength(1);
    expect(clusters.items[0]!.reporterCount).toBe(2);
    expect(clusters.items[0]!.summary.headline?.kind).toBe("profile_url");
    const tasks = await t.services.tasks.listMine(office);
    expect(tasks.map((x) => x.kind)).toEqual(expect.arrayContaining(["approach.cluster", "approach.triage"]));
  });

  it("seeds the case library, trainings, a pass and an overdue assignment", async () => {
    const admin = systemActor("x");
    expect((await t.services.cases.list(admin, {})).length).toBeGreaterThanOrEqual(7);
    const dash = await t.services.training.dashboard({ ...admin, roles: ["secretariat"] });
    expect(dash.overdue.map((o) => o.displayName).sort()).toEqual(["小林 誠", "田中 花子"]);
    expect(dash.totals.completed).toBeGreaterThanOrEqual(0);
    expect(dash.modules.find((m) => m.slug === "routes-of-technology-leakage")!.attempts).toBe(1);
  });

  it("runs only once per database", async () => {
    expect(await seedDemo(t.services, systemActor("setup"), "demo password 123", () => {})).toEqual([]);
  });
});
