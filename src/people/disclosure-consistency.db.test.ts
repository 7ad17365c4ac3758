import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewTestbed } from "../reviews/testing/review-fixtures.js";
import type { Actor } from "../shared/actor.js";
import { createTestDatabase } from "../testing/test-db.js";
import type { Disclosure } from "./people-engine.js";

let tb: Awaited<ReturnType<typeof reviewTestbed>>;
let sec: Actor;

beforeAll(async () => {
  tb = await reviewTestbed(await createTestDatabase(), {}, () => new Date("2026-04-01T09:00:00Z"));
  sec = await tb.user(["secretariat"], "csec");
});
afterAll(async () => {
  await tb?.close();
});

const disclosure = (over: Partial<Disclosure> = {}): Disclosure => ({
  submittedOn: "2026-03-01",
  career: [],
  affiliations: [
    {
      kind: "position",
      organisation: { name: "関守大学", partyId: null },
      position: "教授",
      from: "2020-04-01",
      to: null,
      effortPercent: 80,
      paid: true,
      confidentiality: false,
    },
  ],
  funds: [],
  nonMonetary: [],
  pledge: true,
  ...over,
});

async function settle() {
  for (let i = 0; i < 3; i++) {
    await tb.services.screeningIndex.idle();
    await tb.services.screening.idle();
  }
}

describe("disclosures screen everything and stay consistent (DB)", () => {
  it("career employers and individual sponsors become parties of the right kind, with how they were matched", async () => {
    const party = await tb.party({ kind: "person", names: [{ name: "高橋 一郎" }] });
    const person = await tb.services.people.create(sec, { partyId: party.id, category: "researcher" });
    const p = await tb.services.people.submitDisclosure(
      sec,
      person.id,
      disclosure({
        career: [
          { from: "2012-04-01", to: "2016-03-31", organisation: "Quill Optics Lab KK", position: "研究員" },
        ],
        nonMonetary: [
          {
            description: "Lab space",
            provider: { name: "Wen Sponsor", partyId: null, kind: "person" },
            from: null,
            confidentiality: false,
          },
        ],
      }),
    );
    const byPath = new Map(p.disclosureMatches.map((m) => [m.path, m]));
    expect([...byPath.keys()].sort()).toEqual([
      "affiliations.0.organisation",
      "career.0.organisation",
      "nonMonetary.0.provider",
    ]);
    const sponsor = await tb.services.parties.get(byPath.get("nonMonetary.0.provider")!.partyId);
    expect(sponsor.kind).toBe("person");
    const employer = await tb.services.parties.get(byPath.get("career.0.organisation")!.partyId);
    expect(employer.kind).toBe("organization");
    expect(byPath.get("career.0.organisation")!.method).toBe("created");
    // Every matched party was screened and its result is on the record.
    expect(p.providerScreenings.map((s) => s.providerName).sort()).toEqual(
      ["Quill Optics Lab KK", "Wen Sponsor", "関守大学"].sort(),
    );
  });

  it("a list update puts new hits on the declared provider and opens a task", async () => {
    const party = await tb.party({ kind: "person", names: [{ name: "小林 次郎" }] });
    const person = await tb.services.people.create(sec, { partyId: party.id, category: "researcher" });
    await tb.services.people.submitDisclosure(
      sec,
      person.id,
      disclosure({
        funds: [
          {
            title: "Sensor grant",
            programme: "",
            provider: { name: "Vireo Harbour Foundation", partyId: null },
            status: "received",
            inERad: false,
            amountJpy: null,
            from: "2026-01-01",
            to: null,
            effortPercent: 5,
            confidentiality: false,
          },
        ],
      }),
    );
    let p = await tb.services.people.get(sec, person.id);
    expect(p.flags.map((f) => f.id)).not.toContain("P-DISCLOSURE-LIST-HIT");

    const dir = mkdtempSync(path.join(os.tmpdir(), "sekimori-consistency-"));
    const file = path.join(dir, "list.csv");
    writeFileSync(
      file,
      [
        "id,name,schema,aliases,countries,birth_dates,identifiers,programs,listed_on,addresses,remarks",
        "V-1,Vireo Harbour Foundation,organization,,,,,test,,,new entry",
      ].join("\n"),
    );
    await tb.services.lists.importList(sec, { files: [file], format: "custom_csv", source: "custom:vireo" });
    await settle();
    p = await tb.services.people.get(sec, person.id);
    const flag = p.flags.find((f) => f.id === "P-DISCLOSURE-LIST-HIT");
    expect(flag?.evidence.en).toContain("Vireo Harbour Foundation");
    const hit = p.providerScreenings
      .find((s) => s.providerName === "Vireo Harbour Foundation")!
      .result.hits.find((h) => h.source === "custom:vireo");
    expect(hit?.reason?.ja.length).toBeGreaterThan(0);
    const tasks = await tb.services.db
      .selectFrom("tasks")
      .select(["kind", "entity_id"])
      .where("entity_id", "=", person.id)
      .where("kind", "=", "people.hits_to_resolve")
      .execute();
    expect(tasks.length).toBe(1);
  });

  it("a project funder and an appointment not in the disclosure are flagged with evidence and block readiness; disclosing clears them", async () => {
    const researcher = await tb.user(["applicant"], "cresearcher");
    const party = await tb.party({ kind: "person", names: [{ name: "山本 三郎" }] });
    const person = await tb.services.people.create(sec, {
      partyId: party.id,
      userId: researcher.id,
      category: "researcher",
    });
    await tb.services.people.submitDisclosure(sec, person.id, disclosure());
    const funder = await tb.party({ kind: "organization", names: [{ name: "Zeta Frontier Foundation" }] });
    const tsinghua = await tb.party({
      kind: "organization",
      names: [{ name: "清華大学" }, { name: "Tsinghua University", kind: "alias" }],
    });
    let project = await tb.services.projects.create(sec, {
      title: "量子センサの共同研究",
      fundingAgency: "JST",
      fundingProgramme: "CREST",
    });
    await tb.services.projects.addPartner(sec, project.id, { partyId: funder.id, role: "funder" });
    project = await tb.services.projects.addMember(sec, project.id, {
      personId: person.id,
      role: "co_investigator",
      appointmentPartyIds: [tsinghua.id],
    });
    expect(project.members[0]!.appointments.map((a) => a.name)).toEqual(["清華大学"]);

    let p = await tb.services.people.get(sec, person.id);
    const flags = p.flags.filter((f) => f.id === "P-UNDISCLOSED-AFFILIATION");
    expect(flags.map((f) => f.evidence.en).sort()).toEqual([
      expect.stringContaining('"Zeta Frontier Foundation" appears as funder of a project'),
      expect.stringContaining('"清華大学" appears as appointment stated on a project'),
    ]);
    for (const f of flags) expect(f.items?.[0]?.link).toBe(`/projects/${project.id}`);
    expect(flags[0]!.source).toMatch(/内閣府/);
    // The researcher sees the same flags on their own record.
    const mine = await tb.services.people.mine(researcher);
    expect(mine?.flags.filter((f) => f.id === "P-UNDISCLOSED-AFFILIATION")).toHaveLength(2);

    project = await tb.services.projects.get(sec, project.id);
    expect(project.blockers.filter((b) => b.code === "undisclosed_affiliation")).toHaveLength(2);

    // The researcher discloses the appointment (under its English name) and the funding: both clear.
    p = await tb.services.people.submitDisclosure(
      sec,
      person.id,
      disclosure({
        submittedOn: "2026-03-20",
        affiliations: [
          ...disclosure().affiliations,
          {
            kind: "outside_appointment",
            organisation: { name: "Tsinghua University", partyId: null },
            position: "Visiting professor",
            from: "2025-10-01",
            to: null,
            effortPercent: 5,
            paid: true,
            confidentiality: false,
          },
        ],
        funds: [
          {
            title: "量子センサ",
            programme: "Frontier",
            provider: { name: "Zeta Frontier Foundation", partyId: null },
            status: "applied",
            inERad: false,
            amountJpy: null,
            from: "2026-04-01",
            to: null,
            effortPercent: 10,
            confidentiality: false,
          },
        ],
      }),
    );
    expect(p.flags.map((f) => f.id)).not.toContain("P-UNDISCLOSED-AFFILIATION");
    project = await tb.services.projects.get(sec, project.id);
    expect(project.blockers.map((b) => b.code)).not.toContain("undisclosed_affiliation");

    // Dropping the appointment again without an end date is its own flag.
    p = await tb.services.people.submitDisclosure(
      sec,
      person.id,
      disclosure({ submittedOn: "2026-03-25", funds: p.disclosures[0]!.content.funds }),
    );
    expect(p.flags.map((f) => f.id)).toEqual(
      expect.arrayContaining(["P-DISCLOSURE-DROPPED", "P-UNDISCLOSED-AFFILIATION"]),
    );
  });
});
