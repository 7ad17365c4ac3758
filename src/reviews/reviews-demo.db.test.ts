import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../app/demo.js";
import { systemActor } from "../shared/actor.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe("reviews and people demo data", () => {
  it("seeds applications in several states and people with declarations, once", async () => {
    const done = await seedDemo(t.services, systemActor("demo"), "demo password 123", () => {});
    expect(done).toContain("demo.reviews_people");
    expect(done.indexOf("demo.foundation")).toBe(0);
    const sato = await t.services.auth.findByUsername("sato");
    const actor = { id: sato!.id, label: "sato", roles: sato!.roles, locale: "ja" as const };
    const all = await t.services.reviews.list(actor, { scope: "all", page: 1, pageSize: 50 });
    expect(all.items.map((i) => i.status).sort()).toEqual([
      "draft",
      "returned",
      "secretariat_review",
      "unit_review",
      "withdrawn",
    ]);
    const tech = all.items.find((i) => i.activityType === "technology_provision")!;
    expect(tech.flags).toContain("R-TOKUTEI");
    const people = await t.services.people.list(actor, { page: 1, pageSize: 50 });
    expect(people.items.map((p) => p.name).sort()).toEqual(["山田 太郎", "李 明", "田中 花子"].sort());
    expect(people.items.find((p) => p.name === "山田 太郎")!.tokuteiActive).toBe(true);
    expect(people.items.find((p) => p.name === "李 明")!.residency).toBe("non_resident");
    expect(await seedDemo(t.services, systemActor("demo"), "demo password 123", () => {})).toEqual([]);
  }, 240_000); // seeds the whole demo (reviews, people, export control); minutes on a loaded machine
});
