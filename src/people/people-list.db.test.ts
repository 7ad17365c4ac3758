import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewTestbed } from "../reviews/testing/review-fixtures.js";
import type { Actor } from "../shared/actor.js";
import { createTestDatabase } from "../testing/test-db.js";
import type { Disclosure } from "./people-engine.js";

/** Issue 14 §4: the people list filters by department, category, flags and due dates, not only name. */
let now = new Date("2026-04-01T09:00:00Z");
let tb: Awaited<ReturnType<typeof reviewTestbed>>;
let sec: Actor;
const ids: Record<string, string> = {};

const disclosure = (effort: number): Disclosure => ({
  submittedOn: "2026-04-02",
  career: [{ from: "2015-04-01", to: null, organisation: "本学", position: "教授" }],
  affiliations: [
    {
      kind: "position",
      organisation: { name: "本学", partyId: null },
      position: "教授",
      from: "2015-04-01",
      to: null,
      effortPercent: effort / 2,
      paid: true,
      confidentiality: false,
    },
    {
      kind: "outside_appointment",
      organisation: { name: "民間研究所", partyId: null },
      position: "顧問",
      from: "2020-04-01",
      to: null,
      effortPercent: effort / 2,
      paid: true,
      confidentiality: false,
    },
  ],
  funds: [],
  nonMonetary: [],
  pledge: true,
});

beforeAll(async () => {
  tb = await reviewTestbed(await createTestDatabase(), {}, () => now);
  sec = await tb.user(["secretariat"], "list_sec");
  const people: [string, string, "staff" | "student" | "researcher", string][] = [
    ["a", "青木 一郎", "staff", "工学研究科"],
    ["b", "馬場 二郎", "researcher", "医学研究科"],
    ["c", "千葉 三子", "student", "工学研究科"],
  ];
  for (const [key, name, category, department] of people) {
    const party = await tb.party({ kind: "person", names: [{ name }] });
    ids[key] = (await tb.services.people.create(sec, { partyId: party.id, category, department })).id;
  }
  // 馬場 declares more than 100 % effort (and is then due again in a year).
  await tb.services.people.submitDisclosure(sec, ids.b!, disclosure(120));
  now = new Date("2026-04-20T09:00:00Z");
  const late = await tb.party({ kind: "person", names: [{ name: "遠藤 四郎" }] });
  ids.d = (
    await tb.services.people.create(sec, { partyId: late.id, category: "staff", department: "工学研究科" })
  ).id;
  now = new Date("2026-05-10T09:00:00Z");
});
afterAll(async () => {
  await tb?.close();
});

const names = async (q: Partial<Parameters<typeof tb.services.people.list>[1]>) => {
  const res = await tb.services.people.list(sec, { page: 1, pageSize: 50, ...q });
  expect(res.total).toBe(res.items.length);
  return res.items.map((p) => p.name);
};

describe("people list filters", () => {
  it("filters by department and category", async () => {
    expect(await names({ department: "工学研究科" })).toEqual(["千葉 三子", "遠藤 四郎", "青木 一郎"]);
    expect(await names({ department: "医学研究科" })).toEqual(["馬場 二郎"]);
    expect(await names({ category: "student" })).toEqual(["千葉 三子"]);
    expect(await tb.services.people.departments(sec)).toEqual(["医学研究科", "工学研究科"]);
  });

  it("filters by flag, checked exactly", async () => {
    expect(await names({ flag: "P-EFFORT-OVER-100" })).toEqual(["馬場 二郎"]);
    // Due 2026-05-01, today 2026-05-10: overdue. 遠藤 is due 2026-05-20 and 馬場 in 2027.
    expect(await names({ flag: "P-DECLARATION-OVERDUE" })).toEqual(["千葉 三子", "青木 一郎"]);
    expect(await names({ flag: "P-TALENT-PROGRAM" })).toEqual([]);
  });

  it("filters by due date and sorts by the earliest due date", async () => {
    expect(await names({ due: "overdue" })).toEqual(["千葉 三子", "青木 一郎"]);
    expect(await names({ due: "within30" })).toEqual(["千葉 三子", "遠藤 四郎", "青木 一郎"]);
    const byDue = await tb.services.people.list(sec, { page: 1, pageSize: 50, sort: "due" });
    expect(byDue.items.map((p) => p.disclosureDueOn)).toEqual([
      "2026-05-01",
      "2026-05-01",
      "2026-05-20",
      "2027-04-02",
    ]);
  });

  it("combines filters and pages with a total", async () => {
    expect(await names({ department: "工学研究科", due: "overdue", category: "staff" })).toEqual([
      "青木 一郎",
    ]);
    const page = await tb.services.people.list(sec, { page: 2, pageSize: 2 });
    expect(page.total).toBe(4);
    expect(page.items).toHaveLength(2);
    const flagged = await tb.services.people.list(sec, {
      page: 2,
      pageSize: 1,
      flag: "P-DECLARATION-OVERDUE",
    });
    expect(flagged).toMatchObject({ total: 2 });
    expect(flagged.items.map((p) => p.name)).toEqual(["青木 一郎"]);
  });
});
