import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";

/**
 * Issue 14 §5: a campaign that misspells its sender (Michael / Micheal Chen), shortens its
 * organisation to initials (PRTA), omits the e-mail or rewords its message in the other language
 * still forms one cluster, every link saying why — and an unrelated report stays out.
 */
let t: TestApp;
let reporters: TestUser[];
let office: TestUser;

const JA = `突然のご連絡失礼いたします。パシフィック・リムのチェンと申します。貴殿の全固体電池の固体電解質に関する
ご研究を拝見しました。1時間のオンライン面談で、製造工程についてご知見を伺えませんか。謝礼として3万円をお支払いします。`;
const EN = `Dear Professor, I am reaching out on behalf of our client. We would value one hour of your time to discuss
solid-state battery electrolyte manufacturing. The call is paid: JPY 30,000 for the hour, by bank transfer.`;
const EN_NO_SENDER = `Hello. A quick paid consultation (¥30,000, one hour) about solid electrolyte processing for
solid-state batteries. Please reply to this message; no need to involve your office.`;

const report = (over: Record<string, unknown>) => ({
  channel: "email",
  occurredOn: "2026-03-01",
  offered: ["fee"],
  asked: ["information"],
  answers: { A1: "yes", A3: "yes" },
  ...over,
});

async function submit(user: TestUser, body: unknown) {
  const d = await t.request(user, "POST", "/api/approaches", body);
  expect(d.statusCode, d.body).toBe(201);
  const s = await t.request(user, "POST", `/api/approaches/${d.json().id}/submit`, {
    version: d.json().version,
  });
  expect(s.statusCode, s.body).toBe(200);
  return s.json() as { id: string };
}

beforeAll(async () => {
  t = await createTestApp();
  reporters = [];
  for (const name of ["rw_a", "rw_b", "rw_c", "rw_d"]) reporters.push(await t.loginAs(["applicant"], name));
  office = await t.loginAs(["secretariat"], "rw_office");
});
afterAll(async () => {
  await t?.close();
});

describe("clusters that find reworded campaigns", () => {
  it("links a misspelt sender, an acronym, a missing e-mail and the other language; keeps the unrelated out", async () => {
    const r1 = await submit(
      reporters[0]!,
      report({
        sender: {
          name: "Michael Chen",
          organisation: "Pacific Rim Technology Advisors",
          email: "michael.chen@prta.org",
        },
        messageText: JA,
      }),
    );
    const r2 = await submit(
      reporters[1]!,
      report({
        channel: "professional_network",
        sender: { name: "Micheal Chen", organisation: "PRTA" },
        messageText: EN,
      }),
    );
    const r3 = await submit(reporters[2]!, report({ sender: {}, messageText: EN_NO_SENDER }));
    const unrelated = await submit(
      reporters[3]!,
      report({
        channel: "headhunter",
        sender: { name: "Sarah Jones", organisation: "Northwind Recruiting" },
        offered: ["job"],
        asked: ["introductions"],
        messageText:
          "We are hiring engineers for a battery plant in Europe. Salary negotiable. Can you introduce colleagues?",
      }),
    );

    const v2 = (await t.request(office, "GET", `/api/approaches/${r2.id}`)).json();
    expect(v2.office.cluster).not.toBeNull();
    const clusterId = v2.office.cluster.id as string;
    const cluster = (await t.request(office, "GET", `/api/approaches/clusters/${clusterId}`)).json();
    expect(cluster.reports.map((r: { id: string }) => r.id).sort()).toEqual([r1.id, r2.id, r3.id].sort());
    expect(cluster.reporterCount).toBe(3);

    const reasons = (a: string, b: string) =>
      (
        cluster.links as {
          reportId: string;
          linkedReportId: string;
          reasons: { kind: string; detail?: { ja: string; en: string } }[];
        }[]
      )
        .filter(
          (l) => (l.reportId === a && l.linkedReportId === b) || (l.reportId === b && l.linkedReportId === a),
        )
        .flatMap((l) => l.reasons);
    const r1r2 = reasons(r1.id, r2.id);
    expect(r1r2.map((r) => r.kind)).toEqual(
      expect.arrayContaining(["similar_sender", "organisation_acronym", "same_request"]),
    );
    // Every fuzzy link says why, in both languages.
    for (const r of r1r2.filter((x) => x.kind !== "text")) {
      expect(r.detail?.ja, r.kind).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(r.detail?.en, r.kind).toMatch(/[A-Za-z]/);
    }
    const r3links = [...reasons(r3.id, r1.id), ...reasons(r3.id, r2.id)];
    expect(r3links.map((r) => r.kind)).toContain("same_request");
    expect(r3links.find((r) => r.kind === "same_request")!.detail!.ja).toContain("全固体電池");

    // The cluster's summary names what its reports share beyond exact keys.
    expect(cluster.summary.shared.map((s: { kind: string }) => s.kind)).toEqual(
      expect.arrayContaining(["same_request", "similar_sender", "organisation_acronym"]),
    );
    const alerts = await t.services.tasks.openTasksFor("approach_cluster", clusterId);
    expect(alerts).toHaveLength(1);

    // Precision: the headhunter about a battery plant shares a topic word but not the request.
    const u = (await t.request(office, "GET", `/api/approaches/${unrelated.id}`)).json();
    expect(u.office.cluster).toBeNull();
    expect(u.office.links).toEqual([]);
  });
});
