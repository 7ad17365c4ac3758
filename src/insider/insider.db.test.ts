import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliActor } from "../shared/actor.js";
import { redFlag } from "../shared/red-flags.js";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";
import type { GeneratedSummary } from "./demo/generator.js";
import { writeDemoDataset } from "./demo/write-dataset.js";
import { redFlagsForIndicators } from "./engine/red-flags.js";
import type { IngestReport } from "./insider-service.js";

let t: TestApp;
let dir: string;
let summary: GeneratedSummary;
let first: IngestReport;
let officer: TestUser;
let auditor: TestUser;
let admin: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  dir = mkdtempSync(path.join(tmpdir(), "sekimori-insider-db-"));
  // 70 days: the departing-employee case compares with the person's own previous 8 weeks.
  summary = writeDemoDataset(dir, { users: 60, days: 70, seed: 9 });
  first = await t.services.insider.ingestPath(cliActor(), dir);
  officer = await t.loginAs(["secretariat"]);
  auditor = await t.loginAs(["auditor"]);
  admin = await t.loginAs(["admin"]);
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("ingesting a CERT-format directory", () => {
  it("reports files, malformed rows with file and line, and raises alerts for the seeded insiders", async () => {
    expect(first.files.map((f) => f.file).sort()).toEqual([
      "device.csv",
      "email.csv",
      "file.csv",
      "http.csv",
      "logon.csv",
      // Case 7: VPN / identity-provider sign-ins and process starts in Elastic Common Schema.
      "remote.ecs.jsonl",
    ]);
    expect(first.events).toBeGreaterThan(20_000);
    expect(first.malformed).toBe(9);
    expect(first.problems.filter((p) => p.file.endsWith(".csv")).every((p) => p.line > 1)).toBe(true);
    expect(first.unknownUsers).toBe(2);
    expect(first.alertsNew).toBeGreaterThan(0);
    const insiders = new Set(summary.insiders.map((i) => i.user));
    const { rows } = await t.services.db
      .selectFrom("insider_alerts")
      .select(["subject_key"])
      .execute()
      .then((r) => ({ rows: r }));
    const alerted = new Set(rows.map((r) => r.subject_key));
    expect([...insiders].filter((u) => alerted.has(u)).length).toBe(insiders.size);
  });

  it("does not double-count when the same directory is ingested again", async () => {
    const count = async () => ({
      days: (
        await t.services.db
          .selectFrom("insider_user_days")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
      evidence: (
        await t.services.db
          .selectFrom("insider_evidence")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
      alerts: await t.services.db
        .selectFrom("insider_alerts")
        .select(["engine_key", "score", "evidence_count"])
        .orderBy("engine_key")
        .execute(),
    });
    const before = await count();
    const again = await t.services.insider.ingestPath(cliActor(), dir);
    expect(again.events).toBe(0);
    expect(again.duplicates).toBe(first.events);
    expect(again.alertsNew + again.alertsUpdated).toBe(0);
    expect(await count()).toEqual(before);
    const runs = await t.services.insider.listRuns();
    expect(runs.items.filter((r) => r.status === "committed")).toHaveLength(2);
    const audit = await t.services.audit.list({ action: "insider.ingested" }, 10);
    expect(audit.total).toBe(2);
  });
});

describe("the insider API", () => {
  async function topAlert() {
    const res = await t.request(officer, "GET", "/api/insider/alerts?pageSize=5");
    expect(res.statusCode).toBe(200);
    return res.json().items[0];
  }

  it("serves the dashboard with insiders' alerts on top", async () => {
    const res = await t.request(auditor, "GET", "/api/insider/dashboard");
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.topAlerts.length).toBeGreaterThan(0);
    expect(d.topAlerts[0].score).toBeGreaterThanOrEqual(d.topAlerts[d.topAlerts.length - 1].score);
    expect(d.topIndicators[0].id).toMatch(/^I-/);
    expect(d.alertsPerDay.length).toBeGreaterThan(0);
    expect(d.data.userDays).toBeGreaterThan(1000);
    // The budget in force (the default: top 0.1 % of user-days, at least 20 points) and the open workload.
    expect(d.budget).toEqual({
      mode: "percentile",
      percentile: 99.9,
      windowDays: 90,
      perDay: null,
      threshold: null,
      floor: 20,
    });
    expect(d.openAlerts).toBe(d.byStatus.new + d.byStatus.reviewing);
    expect(d.openAlerts).toBe(
      Object.values(d.openBySeverity as Record<string, number>).reduce((a, b) => a + b, 0),
    );
    expect(d.openAlerts).toBeGreaterThan(0);
    const insiders = new Set(summary.insiders.map((i) => i.user));
    const subjects = await t.services.db
      .selectFrom("insider_subjects")
      .select(["pseudonym", "subject_key"])
      .execute();
    const keyOf = new Map(subjects.map((s) => [s.pseudonym, s.subject_key]));
    expect(insiders.has(keyOf.get(d.topAlerts[0].pseudonym)!)).toBe(true);
  });

  it("shows alerts pseudonymised: no account names, real names or internal addresses", async () => {
    const top = await topAlert();
    const res = await t.request(officer, "GET", `/api/insider/alerts/${top.id}`);
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    const subject = await t.services.db
      .selectFrom("insider_subjects")
      .selectAll()
      .where("id", "=", top.subjectId)
      .executeTakeFirstOrThrow();
    expect(res.body).not.toContain(subject.subject_key);
    if (subject.display_name) expect(res.body).not.toContain(subject.display_name);
    if (subject.email) expect(res.body.toLowerCase()).not.toContain(subject.email.toLowerCase());
    expect(detail.indicators.length).toBeGreaterThan(0);
    expect(detail.indicators[0]).toMatchObject({
      id: expect.stringMatching(/^I-/),
      label: { ja: expect.any(String), en: expect.any(String) },
    });
    // The detectors that fired, in the shared red-flag vocabulary the case library links to.
    expect(detail.redFlags).toEqual(
      redFlagsForIndicators(detail.indicators.map((i: { id: string }) => i.id)),
    );
    expect(top.redFlags).toEqual(detail.redFlags);
    const listed = (await t.request(officer, "GET", "/api/insider/alerts?pageSize=100")).json().items;
    const withCases = listed.filter((a: { cases: number[] }) => a.cases.length > 0);
    expect(withCases.length).toBeGreaterThan(0);
    for (const a of withCases) expect(a.redFlags.length, a.id).toBeGreaterThan(0);
    for (const id of detail.redFlags) expect(redFlag(id)?.module).toBe("insider");
    expect(detail.evidence.length).toBeGreaterThan(0);
    expect(detail.evidence[0].source.line).toBeGreaterThan(1);
    const sum =
      detail.indicators.reduce((s: number, i: { weight: number }) => s + i.weight, 0) + detail.anomaly;
    expect(detail.score).toBeCloseTo(sum, 0);
    const series = await t.request(officer, "GET", `/api/insider/alerts/${top.id}/series`);
    expect(series.statusCode).toBe(200);
    const s = series.json();
    expect(s.user).toHaveLength(8);
    expect(s.user[0]).toHaveLength(s.days.length);
    expect(s.peers[0]).toHaveLength(s.days.length);
  });

  it("has a user risk page", async () => {
    const top = await topAlert();
    const res = await t.request(auditor, "GET", `/api/insider/subjects/${top.subjectId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ pseudonym: top.pseudonym, openRisk: top.score });
    expect(res.json().daily.length).toBeGreaterThan(10);
    const list = await t.request(auditor, "GET", "/api/insider/subjects?pageSize=3");
    expect(list.json().items[0].openRisk).toBe(top.score);
  });

  it("triages with states, a required note for decisions, optimistic locking and an audit trail", async () => {
    const top = await topAlert();
    const url = `/api/insider/alerts/${top.id}/triage`;
    expect(
      (await t.request(auditor, "POST", url, { status: "reviewing", version: top.version })).statusCode,
    ).toBe(403);
    const reviewing = await t.request(officer, "POST", url, { status: "reviewing", version: top.version });
    expect(reviewing.statusCode).toBe(200);
    expect(reviewing.json().status).toBe("reviewing");
    const stale = await t.request(officer, "POST", url, {
      status: "confirmed",
      note: "USB copies confirmed with manager",
      version: top.version,
    });
    expect(stale.statusCode).toBe(409);
    const noNote = await t.request(admin, "POST", url, {
      status: "confirmed",
      version: reviewing.json().version,
    });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.fields[0].path).toBe("note");
    const done = await t.request(admin, "POST", url, {
      status: "confirmed",
      note: "USB copies confirmed with manager",
      version: reviewing.json().version,
    });
    expect(done.statusCode).toBe(200);
    const detail = (await t.request(officer, "GET", `/api/insider/alerts/${top.id}`)).json();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual([
      "insider.alert.triaged",
      "insider.alert.triaged",
    ]);
  });

  it("reveals a person only to the security office, with a written reason, and audits it", async () => {
    const top = await topAlert();
    const url = `/api/insider/alerts/${top.id}/reveal`;
    expect((await t.request(auditor, "POST", url, { reason: "I want to know who this is" })).statusCode).toBe(
      403,
    );
    expect((await t.request(admin, "POST", url, { reason: "I want to know who this is" })).statusCode).toBe(
      403,
    );
    expect((await t.request(officer, "POST", url, { reason: "why" })).statusCode).toBe(400);
    const res = await t.request(officer, "POST", url, {
      reason: "Case opened after confirmed USB copies (ref SEC-2024-17)",
    });
    expect(res.statusCode).toBe(200);
    const subject = await t.services.db
      .selectFrom("insider_subjects")
      .selectAll()
      .where("id", "=", top.subjectId)
      .executeTakeFirstOrThrow();
    expect(res.json().identity).toMatchObject({
      subjectKey: subject.subject_key,
      name: subject.display_name,
    });
    const audit = await t.services.audit.list({ action: "insider.alert.revealed" }, 5);
    expect(audit.items[0]!.context).toMatchObject({
      reason: "Case opened after confirmed USB copies (ref SEC-2024-17)",
    });
    expect(audit.items[0]!.actorLabel).toBe(officer.username);
    const who = await t.request(officer, "POST", `/api/insider/subjects/${top.subjectId}/reveal`, {
      reason: "Interview scheduled with HR present",
    });
    expect(who.json().subjectKey).toBe(subject.subject_key);
  });

  it("keeps everyone else out of the module", async () => {
    const applicant = await t.loginAs(["applicant", "unit_officer", "approver"]);
    for (const url of [
      "/api/insider/dashboard",
      "/api/insider/alerts",
      "/api/insider/subjects",
      "/api/insider/runs",
    ]) {
      expect((await t.request(applicant, "GET", url)).statusCode, url).toBe(403);
    }
  });

  it("validates the asset registry and refuses nationality-like directory fields", async () => {
    const bad = await t.request(officer, "PUT", "/api/insider/assets", {
      assets: [{ id: "A", kind: "printer", pattern: "x" }, { kind: "path" }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      "assets.0.kind",
      "assets.1.id",
      "assets.1.pattern",
    ]);
    const dirRes = await t.request(officer, "PUT", "/api/insider/directory", {
      rows: [{ user_id: "X1", nationality: "XX" }],
    });
    expect(dirRes.statusCode).toBe(400);
    expect(dirRes.json().error.fields[0].path).toBe("rows.0.nationality");
    const ok = await t.request(officer, "GET", "/api/insider/assets");
    expect(ok.json().items.length).toBeGreaterThan(10);
  });
});

describe("the NDJSON batch endpoint", () => {
  const line = (o: Record<string, unknown>) => JSON.stringify(o);
  const post = (
    user: TestUser,
    body: string,
    query = "source=proxy-1&final=true",
    type = "application/x-ndjson",
  ) =>
    t.app.inject({
      method: "POST",
      url: `/api/insider/ingest?${query}`,
      payload: body,
      headers: {
        "content-type": type,
        cookie: `sekimori_session=${user.cookie}`,
        "x-csrf-token": user.csrfToken,
      },
    });

  it("ingests events, reports bad lines by number, and ignores a retried batch", async () => {
    const body = [
      line({ id: "e1", time: "2010-05-03T09:00:00", user: "NEWUSER1", host: "PC-9999", kind: "logon" }),
      "{broken",
      line({
        id: "e2",
        time: "2010-05-03T09:05:00",
        user: "NEWUSER1",
        kind: "http",
        object: "http://www.wikileaks.org/submit",
      }),
      line({ time: "2010-05-03T09:06:00", user: "NEWUSER1", kind: "print" }),
    ].join("\n");
    const res = await post(admin, body);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ malformed: 2, duplicates: 0 });
    expect(r.problems.map((p: { line: number }) => p.line)).toEqual([2, 4]);
    // Whether these count as new or late depends on the engine's watermark from the CERT data; either is reported.
    expect(r.events + r.late).toBe(2);
    const again = await post(admin, body);
    expect(again.json()).toMatchObject({ duplicates: 2, events: 0, late: 0 });
  });

  it("refuses other content types with a clear error", async () => {
    const res = await post(admin, JSON.stringify({ a: 1 }), "source=x", "application/json");
    expect(res.statusCode).toBe(415);
  });
});

describe("the watchlist API for other modules", () => {
  it("puts an account on a watchlist with source and reason, audited, and keeps it across a new ingest", async () => {
    const res = await t.request(admin, "POST", "/api/insider/watchlist", {
      userId: "NEWHIRE1",
      list: "remote_identity",
      from: "2024-05-01",
      source: "hiring-review",
      reason: "contractor identity not verified in person",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      userId: "NEWHIRE1",
      list: "remote_identity",
      from: "2024-05-01",
      to: null,
    });
    const subject = await t.services.db
      .selectFrom("insider_subjects")
      .select(["watchlists"])
      .where("subject_key", "=", "NEWHIRE1")
      .executeTakeFirstOrThrow();
    expect(subject.watchlists).toContain("remote_identity");
    const audited = await t.services.db
      .selectFrom("audit_log")
      .select(["action", "entity_id"])
      .where("action", "=", "insider.watchlist.added")
      .execute();
    expect(audited.map((a) => a.entity_id)).toContain("NEWHIRE1");
    // A person from the dataset's directory keeps an API entry when the dataset is ingested again.
    const someone = summary.insiders[0]!.user;
    await t.services.insider.putOnWatchlist(cliActor(), {
      userId: someone,
      list: "departing",
      from: "2024-05-01",
      to: "2024-06-30",
      source: "directory-sync",
      reason: "notice given",
    });
    await t.services.insider.ingestPath(cliActor(), dir);
    const after = await t.services.db
      .selectFrom("insider_subjects")
      .select(["watchlists"])
      .where("subject_key", "=", someone)
      .executeTakeFirstOrThrow();
    expect(after.watchlists).toContain("departing");
  });

  it("refuses an unknown list or a bad date with the field named, and writes nothing", async () => {
    const bad = await t.request(admin, "POST", "/api/insider/watchlist", {
      userId: "X9",
      list: "nationality",
      to: "2024-13-40",
      source: "hiring-review",
    });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json().error.fields as { path: string }[]).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["list", "to"]));
    const none = await t.services.db
      .selectFrom("insider_subjects")
      .select("subject_key")
      .where("subject_key", "=", "X9")
      .execute();
    expect(none).toHaveLength(0);
    const denied = await t.request(auditor, "POST", "/api/insider/watchlist", {
      userId: "X9",
      list: "departing",
      source: "x",
    });
    expect(denied.statusCode).toBe(403);
  });
});
