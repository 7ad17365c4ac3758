import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clusterAlert,
  linkKeys,
  linkReasons,
  normaliseEmail,
  normaliseNameKeys,
  normaliseOrganisation,
  normalisePhone,
  normaliseProfileUrl,
  type PatternReport,
  summariseCluster,
} from "./approach-pattern-engine.js";
import { fingerprint } from "./text-similarity-engine.js";

describe("link keys", () => {
  it("canonicalises profile URLs across sub-domains, case, queries and trailing slashes", () => {
    const canonical = "linkedin.com/in/kevin-lee-123";
    for (const raw of [
      "https://jp.linkedin.com/in/Kevin-Lee-123/?trk=public_profile",
      "http://www.linkedin.com/in/kevin-lee-123",
      "linkedin.com/in/kevin-lee-123/",
      "https://m.linkedin.com/in/kevin-lee-123#about",
    ]) {
      expect(normaliseProfileUrl(raw), raw).toBe(canonical);
    }
    expect(normaliseProfileUrl("https://example.com")).toBeNull();
    expect(normaliseProfileUrl("javascript:alert(1)")).toBeNull();
    expect(normaliseProfileUrl("not a url at all")).toBeNull();
  });

  it("canonicalises phone numbers written in Japanese and international styles", () => {
    for (const raw of [
      "+81 90-1234-5678",
      "090(1234)5678",
      "0081 90 1234 5678",
      "０９０－１２３４－５６７８",
    ]) {
      expect(normalisePhone(raw), raw).toBe("819012345678");
    }
    expect(normalisePhone("1234")).toBeNull();
  });

  it("strips legal forms from organisation names in several scripts", () => {
    expect(normaliseOrganisation("Acme Photonics Co., Ltd.")).toBe(normaliseOrganisation("ACME PHOTONICS"));
    expect(normaliseOrganisation("株式会社さくら精密")).toBe(normaliseOrganisation("さくら精密"));
    expect(normaliseOrganisation("潮州三环（集团）股份有限公司")).toBe(normaliseOrganisation("潮州三环"));
    expect(normaliseOrganisation("Co.")).toBeNull();
    // Legal forms are only removed as whole words.
    expect(normaliseOrganisation("Princeton Agilent Inc.")).toBe("princetonagilent");
  });

  it("matches a name in either word order and with or without a space", () => {
    const shared = (a: string, b: string) =>
      normaliseNameKeys(a).some((k) => normaliseNameKeys(b).includes(k));
    expect(shared("Kevin Lee", "LEE Kevin")).toBe(true);
    expect(shared("山田 太郎", "山田太郎")).toBe(true);
    expect(shared("Kevin Lee", "Kevin Li")).toBe(false);
    expect(normaliseNameKeys("Li")).toEqual([]);
  });

  it("never links on a webmail domain, but does on the full address", () => {
    const keys = linkKeys({ email: "Kevin.Lee@Gmail.com" });
    expect(keys).toEqual([{ kind: "email", value: "kevin.lee@gmail.com" }]);
    expect(linkKeys({ email: "k.lee@talent-bridge.example" }).map((k) => k.kind)).toEqual([
      "email",
      "email_domain",
    ]);
    expect(normaliseEmail("not-an-email")).toBeNull();
  });
});

const TEMPLATE = `Dear Dr. X, I came across your impressive profile and your work on solid-state battery electrolytes.
Our client, a fast-growing technology company, is looking for a part-time technical adviser. The role is remote,
flexible and very well paid, and all travel for an on-site visit would be covered. Could we continue on WeChat?`;

function report(
  id: string,
  reporterId: string,
  day: number,
  sender: Parameters<typeof linkKeys>[0],
  text?: string,
): PatternReport {
  return {
    id,
    reporterId,
    submittedAt: new Date(Date.UTC(2025, 5, day)).toISOString(),
    channel: "professional_network",
    department: `dept-${reporterId}`,
    keys: linkKeys(sender),
    signature: text ? (fingerprint(text)?.signature ?? null) : null,
  };
}

describe("linking and clusters", () => {
  it("gives the reasons two reports are linked, strongest first", () => {
    const a = report(
      "a",
      "u1",
      1,
      { profileUrl: "linkedin.com/in/kevin-lee-123", organisation: "Talent Bridge Ltd" },
      TEMPLATE,
    );
    const b = report(
      "b",
      "u2",
      2,
      { profileUrl: "https://jp.linkedin.com/in/Kevin-Lee-123/", organisation: "TALENT BRIDGE" },
      TEMPLATE.replace("Dr. X", "Prof. Y"),
    );
    const reasons = linkReasons(a, b);
    expect(reasons.map((r) => r.kind)).toEqual(["profile_url", "text", "organisation"]);
    expect(reasons[1]!.similarity).toBeGreaterThan(0.8);
    const unrelated = report("c", "u3", 3, {
      profileUrl: "linkedin.com/in/someone-else",
      organisation: "Other Corp",
    });
    expect(linkReasons(a, unrelated)).toEqual([]);
  });

  it("summarises a cluster by its most widely shared fact and counts distinct reporters", () => {
    const members = [
      report("r1", "alice", 1, { senderName: "Kevin Lee", email: "kevin@talent-bridge.example" }),
      report("r2", "bob", 10, { senderName: "LEE Kevin", email: "k.lee@talent-bridge.example" }),
      report("r3", "carol", 20, { senderName: "Kevin Lee", email: "recruit@talent-bridge.example" }),
      report("r4", "alice", 21, { senderName: "Kevin Lee" }),
    ];
    const s = summariseCluster(members, new Date(Date.UTC(2025, 5, 25)), 30);
    expect(s.reportCount).toBe(4);
    expect(s.reporterCount).toBe(3);
    expect(s.recentReporterCount).toBe(3);
    expect(s.headline).toMatchObject({ kind: "sender_name", reporterCount: 3 });
    expect(s.shared.find((x) => x.kind === "email_domain")).toMatchObject({
      value: "talent-bridge.example",
      reporterCount: 3,
    });
    // The two word orders of the name are one shared fact, not two.
    expect(s.shared.filter((x) => x.kind === "sender_name")).toHaveLength(1);
    const alert = clusterAlert(s);
    expect(alert.title.ja).toContain("3人が同じ送信者名");
    expect(alert.title.en).toMatch(/^3 people reported approaches with the same sender name/);
    expect(alert.title.ja).toContain("（過去30日で3人）");
    // The title names the window the summary was made with (the clustering window setting).
    const yearly = clusterAlert(summariseCluster(members, new Date(Date.UTC(2025, 5, 25)), 365));
    expect(yearly.title.ja).toContain("（過去365日で3人）");
    expect(yearly.title.en).toContain("3 in the last 365 days");
    expect(alert.detail.en).toContain("4 reports");
  });

  it("counts only recent reporters in the recent window", () => {
    const members = [
      report("r1", "alice", 1, { phone: "+81 90 1111 2222" }),
      report("r2", "bob", 2, { phone: "090-1111-2222" }),
      report("r3", "carol", 28, { phone: "09011112222" }),
    ];
    const s = summariseCluster(members, new Date(Date.UTC(2025, 5, 30)), 7);
    expect(s.reporterCount).toBe(3);
    expect(s.recentReporterCount).toBe(1);
    expect(s.headline?.kind).toBe("phone");
  });

  it("groups near-duplicate messages as one shared 'message text' fact", () => {
    const members = [
      report("r1", "alice", 1, {}, TEMPLATE),
      report("r2", "bob", 2, {}, TEMPLATE.replace("Dr. X", "Prof. Sato")),
      report("r3", "carol", 3, {}, `${TEMPLATE} Best regards, K.`),
    ];
    const s = summariseCluster(members, new Date(Date.UTC(2025, 5, 4)));
    expect(s.headline).toMatchObject({ kind: "text", reporterCount: 3, value: null });
    expect(clusterAlert(s).title.en).toContain("near-identical message text");
  });

  it("link reasons are symmetric (property)", () => {
    const sender = fc.record({
      senderName: fc.constantFrom("Kevin Lee", "Lee Kevin", "Anna Petrova", undefined),
      organisation: fc.constantFrom("Talent Bridge Ltd", "TALENT BRIDGE", "Other", undefined),
      email: fc.constantFrom("a@x-corp.example", "b@x-corp.example", "c@gmail.com", undefined),
      phone: fc.constantFrom("+81 90 1111 2222", "090-1111-2222", undefined),
    });
    fc.assert(
      fc.property(sender, sender, (s1, s2) => {
        const a = report("a", "u1", 1, s1);
        const b = report("b", "u2", 2, s2);
        expect(
          linkReasons(a, b)
            .map((r) => r.kind)
            .sort(),
        ).toEqual(
          linkReasons(b, a)
            .map((r) => r.kind)
            .sort(),
        );
      }),
    );
  });
});
