import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewTestbed } from "../reviews/testing/review-fixtures.js";
import type { Actor } from "../shared/actor.js";
import { createTestDatabase } from "../testing/test-db.js";
import type { Disclosure } from "./people-engine.js";

let tb: Awaited<ReturnType<typeof reviewTestbed>>;
let sec: Actor;

beforeAll(async () => {
  tb = await reviewTestbed(await createTestDatabase(), {}, () => new Date("2026-04-01T09:00:00Z"));
  sec = await tb.user(["secretariat"], "dsec");
});
afterAll(async () => {
  await tb?.close();
});

const withTalentProgramme = (submittedOn: string, name: string): Disclosure => ({
  submittedOn,
  career: [],
  affiliations: [
    {
      kind: "talent_programme",
      organisation: { name, partyId: null },
      position: "Visiting chair",
      from: "2026-01-01",
      to: null,
      effortPercent: 10,
      paid: true,
      confidentiality: false,
    },
  ],
  funds: [],
  nonMonetary: [],
  pledge: true,
});

describe("disclosures screen everything (DB)", () => {
  it("a free-text organisation becomes a party, is screened, and is matched (not duplicated) next time", async () => {
    const party = await tb.party({ kind: "person", names: [{ name: "中村 四郎" }] });
    const person = await tb.services.people.create(sec, { partyId: party.id, category: "researcher" });
    const before = (
      await tb.services.parties.list({ q: "Sample Talent Fund", page: 1, pageSize: 10 } as never)
    ).total;
    expect(before).toBe(0);
    let p = await tb.services.people.submitDisclosure(
      sec,
      person.id,
      withTalentProgramme("2026-03-01", "Sample Talent Fund"),
    );
    // Without a party link it is still screened: the list hit shows as a flag with its evidence.
    expect(p.flags.map((f) => f.id)).toContain("P-DISCLOSURE-LIST-HIT");
    expect(p.providerScreenings.map((s) => s.providerName)).toEqual(["Sample Talent Fund"]);
    const created = p.providerScreenings[0]!.partyId;
    const history = await tb.services.audit.forEntity("party", created);
    expect(history.items.map((i) => i.action)).toContain("party.created");

    // The same name again resolves to the same party: no second party.
    p = await tb.services.people.submitDisclosure(
      sec,
      person.id,
      withTalentProgramme("2026-03-15", "Sample Talent Fund"),
    );
    expect(p.providerScreenings.map((s) => s.partyId)).toEqual([created]);
    const after = (
      await tb.services.parties.list({ q: "Sample Talent Fund", page: 1, pageSize: 10 } as never)
    ).total;
    expect(after).toBe(1);
  });
});
