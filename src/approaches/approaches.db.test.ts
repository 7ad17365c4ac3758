import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractPdfText } from "../reviews/pdf-text.js";
import { importTestLists } from "../reviews/testing/test-lists.js";
import { systemActor } from "../shared/actor.js";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";
import { reporterPseudonym } from "./approach-service.js";

let t: TestApp;
let alice: TestUser; // researcher
let bob: TestUser; // researcher
let carol: TestUser; // researcher
let office: TestUser; // secretariat
let auditor: TestUser;
let approver: TestUser;
let unitOfficer: TestUser;

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

/** A multipart/form-data body with the given files, as a browser would send it. */
function multipart(files: { name: string; content: Buffer; type?: string }[]) {
  const boundary = `----sekimori${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type ?? "application/octet-stream"}\r\n\r\n`,
      ),
      f.content,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

const TEMPLATE = `Dear Dr. X, I came across your impressive profile and your work on solid-state battery electrolytes.
Our client, a fast-growing technology company, is looking for a part-time technical adviser. The role is remote,
flexible and very well paid (USD 3,000 per consultation), and all travel for an on-site visit would be covered.
Could we continue this conversation on WeChat or your private e-mail? Best regards, Kevin`;

const linkedInReport = (overrides: Record<string, unknown> = {}) => ({
  channel: "professional_network",
  occurredOn: "2025-06-01",
  sender: {
    name: "Kevin Lee",
    organisation: "Talent Bridge Consulting Ltd.",
    profileUrl: "https://jp.linkedin.com/in/kevin-lee-talent/",
    email: "kevin.lee@talentbridge.example",
  },
  offered: ["adviser_role", "fee", "travel"],
  asked: ["information"],
  messageText: TEMPLATE,
  answers: { A1: "yes", A2: "yes", A5: "yes", A6: "yes", A7: "yes" },
  ...overrides,
});

async function draft(user: TestUser, body: unknown = linkedInReport()) {
  const res = await t.request(user, "POST", "/api/approaches", body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function submitted(user: TestUser, body: unknown = linkedInReport()) {
  const d = await draft(user, body);
  const res = await t.request(user, "POST", `/api/approaches/${d.id}/submit`, { version: d.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp({ SEKIMORI_APPROACH_ATTACHMENT_MAX_BYTES: "2048" });
  alice = await t.loginAs(["applicant"], "alice");
  bob = await t.loginAs(["applicant"], "bob");
  carol = await t.loginAs(["unit_officer"], "carol");
  office = await t.loginAs(["secretariat"], "office");
  await t.services.auth.updateUser(systemActor("test"), office.id, { email: "office@example.ac.jp" });
  auditor = await t.loginAs(["auditor"], "auditor");
  approver = await t.loginAs(["approver"], "approver");
  unitOfficer = await t.loginAs(["unit_officer"], "unitofficer");
});
afterAll(async () => {
  await t?.close();
});

describe("reporting", () => {
  it("assesses a LinkedIn 'technical adviser' approach as high with reasons, on the draft and live", async () => {
    const live = await t.request(alice, "POST", "/api/approaches/assess", {
      channel: "professional_network",
      offered: ["adviser_role", "fee"],
      asked: ["information"],
      answers: { A1: "yes", A2: "yes", A5: "yes", A6: "yes" },
    });
    expect(live.statusCode).toBe(200);
    expect(live.json().level).toBe("high");
    const d = await draft(alice);
    expect(d.status).toBe("draft");
    expect(d.reference).toMatch(/^AR-\d{5}$/);
    expect(d.assessment.level).toBe("high");
    expect(d.assessment.firedFlags).toEqual(["A1", "A2", "A5", "A6", "A7"]);
    expect(d.assessment.reasons.length).toBeGreaterThan(3);
    expect(d.office).toBeNull();
  });

  it("refuses bad fields with their paths and stores nothing", async () => {
    const before = (await t.request(alice, "GET", "/api/approaches/mine")).json().total;
    const res = await t.request(
      alice,
      "POST",
      "/api/approaches",
      linkedInReport({
        occurredOn: "2999-01-01",
        sender: { email: "not-an-email", profileUrl: "javascript:x" },
        answers: { A99: "yes" },
      }),
    );
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .error.fields.map((f: { path: string }) => f.path)
      .sort();
    expect(paths).toEqual(["answers.A99", "occurredOn", "sender.email", "sender.profileUrl"]);
    expect((await t.request(alice, "GET", "/api/approaches/mine")).json().total).toBe(before);
  });

  it("keeps the draft when an oversize or wrong-type attachment is refused, and accepts good files", async () => {
    const d = await draft(alice);
    const big = multipart([{ name: "screenshot.png", content: Buffer.concat([PNG, Buffer.alloc(4096)]) }]);
    const tooBig = await t.request(
      alice,
      "POST",
      `/api/approaches/${d.id}/attachments`,
      big.payload,
      big.headers,
    );
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe("attachment_refused");
    expect(tooBig.json().error.message).toContain("「screenshot.png」は大きすぎます");
    expect(tooBig.json().error.message).toContain("下書き");

    const exe = multipart([
      { name: "offer.exe", content: Buffer.from("MZ\u0090\u0000\u0003\u0000\u0000\u0000") },
    ]);
    const wrong = await t.request(
      alice,
      "POST",
      `/api/approaches/${d.id}/attachments`,
      exe.payload,
      exe.headers,
    );
    expect(wrong.statusCode).toBe(415);
    expect(wrong.json().error.message).toContain("「offer.exe」は添付できない種類のファイルです");

    // A mixed upload stores nothing: the good file is not half-saved beside the refused one.
    const mixed = multipart([
      { name: "ok.png", content: PNG },
      { name: "bad.zip", content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) },
    ]);
    const mixedRes = await t.request(
      alice,
      "POST",
      `/api/approaches/${d.id}/attachments`,
      mixed.payload,
      mixed.headers,
    );
    expect(mixedRes.statusCode).toBe(415);
    expect(mixedRes.json().error.fields.map((f: { path: string }) => f.path)).toEqual(["files.1"]);

    const still = (await t.request(alice, "GET", `/api/approaches/${d.id}`)).json();
    expect(still.status).toBe("draft");
    expect(still.sender.name).toBe("Kevin Lee");
    expect(still.messageText).toBe(TEMPLATE);
    expect(still.attachments).toEqual([]);

    const good = multipart([
      { name: "linkedin.png", content: PNG },
      { name: "message.txt", content: Buffer.from("突然のご連絡失礼いたします。技術顧問のご相談です。") },
    ]);
    const ok = await t.request(
      alice,
      "POST",
      `/api/approaches/${d.id}/attachments`,
      good.payload,
      good.headers,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(
      ok.json().attachments.map((a: { fileName: string; kind: string }) => [a.fileName, a.kind]),
    ).toEqual([
      ["linkedin.png", "screenshot"],
      ["message.txt", "message_text"],
    ]);
    const file = await t.request(
      alice,
      "GET",
      `/api/approaches/${d.id}/attachments/${ok.json().attachments[0].id}`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("image/png");
    expect(Buffer.from(file.rawPayload).equals(PNG)).toBe(true);
  });

  it("lets only the reporter change a draft, and not after submission", async () => {
    const d = await draft(alice);
    const notMine = await t.request(bob, "PUT", `/api/approaches/${d.id}`, {
      ...linkedInReport(),
      version: d.version,
    });
    expect(notMine.statusCode).toBe(404);
    const stale = await t.request(alice, "PUT", `/api/approaches/${d.id}`, {
      ...linkedInReport(),
      version: d.version + 5,
    });
    expect(stale.statusCode).toBe(409);
    const upd = await t.request(alice, "PUT", `/api/approaches/${d.id}`, {
      ...linkedInReport({ answers: {} }),
      version: d.version,
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json().assessment.level).not.toBe("high");
    const sub = await t.request(alice, "POST", `/api/approaches/${d.id}/submit`, {
      version: upd.json().version,
    });
    expect(sub.statusCode).toBe(200);
    const after = await t.request(alice, "PUT", `/api/approaches/${d.id}`, {
      ...linkedInReport(),
      version: sub.json().version,
    });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe("not_a_draft");
  });

  it("refuses to submit an empty report", async () => {
    const d = await draft(alice, { channel: "email", answers: { A1: "yes" } });
    const res = await t.request(alice, "POST", `/api/approaches/${d.id}/submit`, { version: d.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe("sender");
  });
});

describe("visibility", () => {
  it("reporters see only their own reports; the office sees all submitted ones but nobody's drafts", async () => {
    const aliceDraft = await draft(alice);
    const aliceReport = await submitted(alice);
    const bobReport = await submitted(
      bob,
      linkedInReport({
        sender: { name: "Someone Else" },
        messageText: "A different message about a conference dinner invitation next week.",
      }),
    );

    expect((await t.request(bob, "GET", `/api/approaches/${aliceReport.id}`)).statusCode).toBe(404);
    expect((await t.request(unitOfficer, "GET", `/api/approaches/${aliceReport.id}`)).statusCode).toBe(404);
    const mine = (await t.request(bob, "GET", "/api/approaches/mine?pageSize=200")).json();
    expect(mine.items.every((i: { reporterName: string | null }) => i.reporterName === null)).toBe(true);
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(bobReport.id);
    expect(mine.items.map((i: { id: string }) => i.id)).not.toContain(aliceReport.id);

    for (const reader of [office, auditor, approver]) {
      const seen = await t.request(reader, "GET", `/api/approaches/${aliceReport.id}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json().office).not.toBeNull();
      expect((await t.request(reader, "GET", `/api/approaches/${aliceDraft.id}`)).statusCode).toBe(404);
      const all = (await t.request(reader, "GET", "/api/approaches?pageSize=200")).json();
      expect(all.items.some((i: { id: string }) => i.id === aliceDraft.id)).toBe(false);
      expect(all.items.some((i: { id: string }) => i.id === bobReport.id)).toBe(true);
    }
    expect((await t.request(alice, "GET", "/api/approaches")).statusCode).toBe(403);
    expect((await t.request(unitOfficer, "GET", "/api/approaches/trends")).statusCode).toBe(403);
  });

  it("approvers and auditors read but cannot triage, note or export", async () => {
    const r = await submitted(alice);
    for (const reader of [auditor, approver]) {
      expect((await t.request(reader, "GET", `/api/approaches/${r.id}`)).json().office.canTriage).toBe(false);
      expect(
        (
          await t.request(reader, "POST", `/api/approaches/${r.id}/triage`, {
            version: r.version,
            status: "in_review",
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (await t.request(reader, "POST", `/api/approaches/${r.id}/notes`, { text: "x" })).statusCode,
      ).toBe(403);
      expect((await t.request(reader, "GET", `/api/approaches/${r.id}/pdf`)).statusCode).toBe(403);
    }
  });
});

describe("triage", () => {
  it("sets status, assignee, outcome and notes, audited, and closes the triage task", async () => {
    const r = await submitted(alice);
    const inbox = await t.services.tasks.openTasksFor("approach_report", r.id);
    expect(inbox.map((x) => x.kind)).toContain("approach.triage");
    expect(inbox.find((x) => x.kind === "approach.triage")!.title.ja).toContain("リスク：高");

    const badAssignee = await t.request(office, "POST", `/api/approaches/${r.id}/triage`, {
      version: r.version,
      assigneeId: alice.id,
    });
    expect(badAssignee.statusCode).toBe(400);
    expect(badAssignee.json().error.fields[0].path).toBe("assigneeId");

    const assigned = await t.request(office, "POST", `/api/approaches/${r.id}/triage`, {
      version: r.version,
      status: "in_review",
      assigneeId: office.id,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().office.assignee.displayName).toBe("office");

    const noted = await t.request(office, "POST", `/api/approaches/${r.id}/notes`, {
      text: "報告者に連絡済み",
    });
    expect(noted.json().office.notes.map((n: { text: string }) => n.text)).toEqual(["報告者に連絡済み"]);

    const closeWithoutOutcome = await t.request(office, "POST", `/api/approaches/${r.id}/triage`, {
      version: assigned.json().version,
      status: "closed",
    });
    expect(closeWithoutOutcome.statusCode).toBe(400);
    const stale = await t.request(office, "POST", `/api/approaches/${r.id}/triage`, {
      version: r.version,
      status: "closed",
      outcome: "no_concern",
    });
    expect(stale.statusCode).toBe(409);
    const closed = await t.request(office, "POST", `/api/approaches/${r.id}/triage`, {
      version: assigned.json().version,
      status: "closed",
      outcome: "referred_to_police",
      outcomeNote: "所轄警察署に相談",
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().office.outcome).toBe("referred_to_police");
    expect(
      (await t.services.tasks.openTasksFor("approach_report", r.id)).filter(
        (x) => x.kind === "approach.triage",
      ),
    ).toEqual([]);

    const history = (await t.request(office, "GET", `/api/approaches/${r.id}/history`)).json();
    expect(history.items.map((h: { action: string }) => h.action)).toEqual(
      expect.arrayContaining([
        "approach.draft_created",
        "approach.submitted",
        "approach.triaged",
        "approach.note_added",
      ]),
    );
    // The reporter sees the status, not the office's notes or outcome.
    const own = (await t.request(alice, "GET", `/api/approaches/${r.id}`)).json();
    expect(own.status).toBe("closed");
    expect(own.office).toBeNull();
  });

  it("links reviews and parties, records that no list is loaded yet, and never invents hits", async () => {
    const r = await submitted(
      alice,
      linkedInReport({ sender: { name: "Ivan Petrov", organisation: "Northwind Trade Office" } }),
    );
    // Linking and screening wait for the background worker: the office sees that they are pending.
    const pending = (await t.request(office, "GET", `/api/approaches/${r.id}`)).json();
    expect(pending.office.parties).toEqual([]);
    expect(pending.office.partyLinking).toMatchObject({ status: "pending", attempts: 0, finishedAt: null });
    expect(await t.services.jobs.drain()).toMatchObject({ retry: 0, failed: 0 });
    const view = (await t.request(office, "GET", `/api/approaches/${r.id}`)).json();
    expect(view.office.partyLinking).toMatchObject({ status: "done", attempts: 1, lastError: null });
    expect(view.office.parties.map((p: { name: string; role: string }) => [p.name, p.role]).sort()).toEqual([
      ["Ivan Petrov", "sender"],
      ["Northwind Trade Office", "organisation"],
    ]);
    for (const p of view.office.parties) {
      expect(p.screening.status).toBe("unavailable");
      expect(p.screening.openHitCount).toBe(0);
      expect(p.screening.message.en).toMatch(/No screening lists/);
    }
    expect(view.office.screeningFlags).toEqual([]);
    // A second report naming the same organisation links the existing party instead of a duplicate.
    await submitted(
      bob,
      linkedInReport({ sender: { organisation: "NORTHWIND TRADE OFFICE" }, messageText: null }),
    );
    await t.services.jobs.drain();
    const found = await t.services.parties.list({ q: "Northwind", page: 1, pageSize: 10 });
    expect(found.total).toBe(1);

    const reviewId = "11111111-2222-4333-8444-555555555555";
    const linked = await t.request(office, "POST", `/api/approaches/${r.id}/reviews`, { reviewId });
    expect(linked.json().office.reviewIds).toEqual([reviewId]);
    expect(await t.services.approaches.reportIdsForReview(reviewId)).toEqual([r.id]);
    const unlinked = await t.request(office, "DELETE", `/api/approaches/${r.id}/reviews/${reviewId}`);
    expect(unlinked.json().office.reviewIds).toEqual([]);
  });

  it("screens named organisations against the imported lists and raises R-LIST-HIT with a task", async () => {
    // The real screening service over small fictitious list fixtures imported by the real importers.
    await importTestLists(t.services);
    const svc = t.services.approaches;
    const actorAlice = { id: alice.id, label: "alice", roles: ["applicant" as const], locale: "ja" as const };
    const d = await svc.createDraft(actorAlice, {
      channel: "email",
      sender: { organisation: "Example Munitions Bureau" },
      description: "技術資料の提供を求められた",
    });
    await svc.submit(actorAlice, d.id, d.version);
    expect(await t.services.tasks.openTasksFor("approach_report", d.id)).not.toContainEqual(
      expect.objectContaining({ kind: "approach.screening_hit" }),
    );
    await t.services.jobs.drain();
    const officeActor = {
      id: office.id,
      label: "office",
      roles: ["secretariat" as const],
      locale: "ja" as const,
    };
    const view = await svc.get(officeActor, d.id);
    const screened = view.office!.parties[0]!.screening!;
    expect(screened).toMatchObject({ status: "screened" });
    expect(screened.openHitCount).toBeGreaterThanOrEqual(1);
    expect(screened.runId).toBeTruthy();
    expect(screened.topHits[0]).toMatchObject({
      name: "Example Munitions Bureau",
      source: "meti_eul",
      match: true,
    });
    expect(view.office!.screeningFlags).toEqual(["R-LIST-HIT"]);
    const tasks = await t.services.tasks.openTasksFor("approach_report", d.id);
    expect(tasks.map((x) => x.kind)).toContain("approach.screening_hit");
  });
});

describe("patterns across reporters", () => {
  it("clusters reports about the same recruiter from different people and alerts the security office", async () => {
    const profile = "https://www.linkedin.com/in/hana-recruit-42";
    const r1 = await submitted(
      alice,
      linkedInReport({ sender: { name: "Hana Mori", profileUrl: profile }, messageText: null }),
    );
    expect((await t.request(office, "GET", `/api/approaches/${r1.id}`)).json().office.cluster).toBeNull();
    const r2 = await submitted(
      bob,
      linkedInReport({ sender: { name: "MORI Hana", profileUrl: `${profile}/?trk=abc` }, messageText: null }),
    );
    const v2 = (await t.request(office, "GET", `/api/approaches/${r2.id}`)).json();
    expect(v2.office.cluster).toMatchObject({ reportCount: 2, reporterCount: 2 });
    expect(v2.office.links[0].reasons.map((x: { kind: string }) => x.kind)).toEqual([
      "profile_url",
      "sender_name",
    ]);
    const clusterId = v2.office.cluster.id;
    let alerts = await t.services.tasks.openTasksFor("approach_cluster", clusterId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.title.ja).toContain("2人が同じプロフィールURL");
    expect(alerts[0]!.assigneeRole).toBe("secretariat");

    // A third person reports the same recruiter by name only.
    const r3 = await submitted(carol, linkedInReport({ sender: { name: "Hana Mori" }, messageText: null }));
    const cluster = (await t.request(office, "GET", `/api/approaches/clusters/${clusterId}`)).json();
    expect(cluster.reporterCount).toBe(3);
    expect(cluster.reports.map((r: { id: string }) => r.id).sort()).toEqual([r1.id, r2.id, r3.id].sort());
    expect(cluster.alert.title.en).toMatch(/^3 people reported approaches/);
    // The title names the clustering window (SEKIMORI_APPROACH_CLUSTER_WINDOW_DAYS, 365 by default).
    expect(cluster.alert.title.ja).toContain("過去365日で");
    expect(cluster.alert.title.ja).not.toContain("過去30日");
    alerts = await t.services.tasks.openTasksFor("approach_cluster", clusterId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.title.ja).toContain("3人");
    // The office was e-mailed when the cluster appeared and again when it grew.
    const mails = (await t.services.tasks.outbox(500)).filter(
      (m) => m.kind === "approach.cluster" && m.to_address === "office@example.ac.jp",
    );
    expect(mails.map((m) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringContaining("2人が"), expect.stringContaining("3人が")]),
    );

    const listed = (await t.request(office, "GET", "/api/approaches/clusters")).json();
    expect(listed.items.some((c: { id: string }) => c.id === clusterId)).toBe(true);
    const reviewed = await t.request(office, "POST", `/api/approaches/clusters/${clusterId}/status`, {
      status: "reviewed",
    });
    expect(reviewed.json().status).toBe("reviewed");
    expect(await t.services.tasks.openTasksFor("approach_cluster", clusterId)).toEqual([]);
  });

  it("clusters near-duplicate Japanese messages with no other shared fact, and merges clusters", async () => {
    const ja = (name: string, amount: string) => `${name}先生
突然のご連絡失礼いたします。先生の全固体電池の電解質に関するご研究を拝見し、大変感銘を受けました。
弊社のクライアントが技術顧問を探しております。リモートで月数回のご相談、1回あたり${amount}の謝礼、
現地視察の旅費はすべて先方負担です。詳細は個人のメールでお話しできますでしょうか。`;
    const a = await submitted(alice, {
      channel: "email",
      sender: { email: "a1@one.example" },
      messageText: ja("田中", "30万円"),
    });
    const b = await submitted(bob, {
      channel: "email",
      sender: { email: "zz@two.example" },
      messageText: ja("佐藤", "35万円"),
    });
    const va = (await t.request(office, "GET", `/api/approaches/${a.id}`)).json();
    const vb = (await t.request(office, "GET", `/api/approaches/${b.id}`)).json();
    expect(vb.office.cluster.id).toBe(va.office.cluster.id);
    expect(vb.office.links[0].reasons[0].kind).toBe("text");

    // An unrelated message does not join.
    const c = await submitted(carol, {
      channel: "conference",
      sender: { email: "x@three.example" },
      messageText:
        "学会の懇親会でお会いした者です。来月の共同研究打ち合わせの日程について、ご都合の良い日時をお知らせください。",
    });
    expect((await t.request(office, "GET", `/api/approaches/${c.id}`)).json().office.cluster).toBeNull();

    // A report linking two separate clusters merges them into the older one.
    const d = await submitted(carol, {
      channel: "email",
      sender: { email: "solo@four.example" },
      description: "first of pair",
    });
    const e = await submitted(unitOfficer, {
      channel: "email",
      sender: { email: "solo@four.example" },
      description: "second of pair",
    });
    const pairCluster = (await t.request(office, "GET", `/api/approaches/${e.id}`)).json().office.cluster.id;
    expect(pairCluster).not.toBe(va.office.cluster.id);
    const bridge = await submitted(approver, {
      channel: "email",
      sender: { email: "solo@four.example" },
      messageText: ja("鈴木", "30万円"),
    });
    const vBridge = (await t.request(office, "GET", `/api/approaches/${bridge.id}`)).json();
    expect(vBridge.office.cluster.reportCount).toBe(5);
    expect(vBridge.office.cluster.id).toBe(va.office.cluster.id);
    const viaOld = (await t.request(office, "GET", `/api/approaches/clusters/${pairCluster}`)).json();
    expect(viaOld.id).toBe(va.office.cluster.id);
    expect(await t.services.tasks.openTasksFor("approach_cluster", pairCluster)).toEqual([]);
    void d;
  });

  it("shows trends by channel, department and month to the office", async () => {
    const res = await t.request(office, "GET", "/api/approaches/trends");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(5);
    expect(
      body.byChannel.find((c: { channel: string }) => c.channel === "professional_network").count,
    ).toBeGreaterThan(3);
    expect(body.byMonth.length).toBeGreaterThan(0);
    expect(body.byMonth[0].month).toMatch(/^\d{4}-\d{2}$/);
    expect(
      (await t.request(office, "GET", "/api/approaches/trends?from=2025-02-01&to=2025-01-01")).statusCode,
    ).toBe(400);
  });
});

describe("export", () => {
  it("exports a PDF, pseudonymising the reporter on request, and audits the export", async () => {
    const r = await submitted(alice);
    const res = await t.request(office, "GET", `/api/approaches/${r.id}/pdf?pseudonymise=true`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toContain(`${r.reference}.pdf`);
    const pdf = Buffer.from(res.rawPayload);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(5000);
    const history = await t.services.audit.forEntity("approach_report", r.id);
    const exported = history.items.find((h) => h.action === "approach.exported");
    expect(exported?.context).toMatchObject({ pseudonymised: true, format: "pdf" });
    expect(reporterPseudonym(alice.id)).toMatch(/^R-[0-9A-F]{8}$/);
    expect(reporterPseudonym(alice.id)).toBe(reporterPseudonym(alice.id));
    expect(reporterPseudonym(alice.id)).not.toBe(reporterPseudonym(bob.id));
  });

  it("hides the reporter's names inside the message and says 「非表示」 for the department, with times in JST", async () => {
    const r = await submitted(
      alice,
      linkedInReport({
        messageText: "Dear Alice, we admire your work. ALICE, could we talk on WeChat?",
        description: "alice 宛てに LinkedIn で連絡があった",
      }),
    );
    const pdfText = async (query: string) => {
      const res = await t.request(office, "GET", `/api/approaches/${r.id}/pdf?${query}`);
      expect(res.statusCode).toBe(200);
      return extractPdfText(Buffer.from(res.rawPayload)).text.replace(/\n/g, "");
    };
    const hidden = await pdfText("pseudonymise=true&lang=ja");
    expect(hidden).not.toMatch(/alice/i);
    expect(hidden).toContain("Dear ［報告者］, we admire your work. ［報告者］, could we talk on WeChat?");
    expect(hidden).toContain("所属: 非表示");
    expect(hidden).not.toContain("所属: なし");
    // Times in the organisation's zone (Asia/Tokyo), never a raw UTC ISO string.
    expect(hidden).toMatch(/報告日時: \d{4}\/\d{2}\/\d{2} \d{2}:\d{2} JST/);
    expect(hidden).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    const english = await pdfText("pseudonymise=true&lang=en");
    expect(english).toContain("Dear [reporter], we admire your work.");
    expect(english).toContain("Department: hidden");
    // Not pseudonymised: the message stays as the reporter pasted it.
    expect(await pdfText("pseudonymise=false&lang=ja")).toContain("Dear Alice, we admire your work.");
  });

  it("exportView shows a pseudonym instead of the reporter's name and department", async () => {
    const r = await submitted(alice);
    const officeActor = {
      id: office.id,
      label: "office",
      roles: ["secretariat" as const],
      locale: "ja" as const,
    };
    const named = await t.services.approaches.exportView(officeActor, r.id, { pseudonymise: false });
    expect(named.reporterLabel.ja).toBe("alice");
    const hidden = await t.services.approaches.exportView(officeActor, r.id, { pseudonymise: true });
    expect(hidden.reporterLabel.ja).toBe(`報告者 ${reporterPseudonym(alice.id)}`);
    expect(hidden.department).toBeNull();
    await expect(
      t.services.approaches.exportView({ ...officeActor, roles: ["auditor"] }, r.id, { pseudonymise: true }),
    ).rejects.toThrow(/permission/);
  });
});
