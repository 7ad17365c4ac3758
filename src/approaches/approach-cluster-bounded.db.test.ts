import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobQueue } from "../jobs/job-queue.js";
import { createJobsRepo } from "../jobs/jobs-repo.js";
import type { Actor } from "../shared/actor.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { summariseCluster } from "./approach-pattern-engine.js";
import { createApproachRepo } from "./approach-repo.js";
import { type ApproachService, createApproachService } from "./approach-service.js";

/**
 * Issue 11 §6: the cost of one submission stays bounded however large the cluster and the
 * clustering window grow. The hostile case of the load bench — every report shares the mail
 * domain, the request and nearly the whole message, so one cluster grows with every submission —
 * is driven through the real service and database with small candidate caps, and the rows the
 * clustering step reads per submission are counted (rows, not time).
 */
const CAPS = { perKey: 4, perToken: 3, maxFuzzy: 6 };
const N = 40;

let t: TestApp;
let service: ApproachService;
let actors: Actor[];
const fetched = { profiles: 0, patternRows: 0 };

const words =
  "please review our offer consultation fee travel covered private email urgent sample data drawings".split(
    " ",
  );
const body = (i: number) => ({
  channel: "email" as const,
  sender: {
    name: `Kevin Lee ${i}`,
    organisation: `Talent Bridge Consulting ${i} Ltd.`,
    email: `sender${i}@talent-bridge.example`,
  },
  offered: ["fee" as const, "travel" as const],
  asked: ["information" as const],
  messageText: `Dear Dr. ${i}, about your work on solid-state electrolytes: ${words.join(" ")} ${words[i % words.length]}.`,
  answers: { A1: "yes" as const },
});

beforeAll(async () => {
  t = await createTestApp();
  const repo = createApproachRepo();
  const counting: typeof repo = {
    ...repo,
    // Clustering reads its candidates in one statement: the reports found through blocking tokens
    // carry link profiles, every candidate its pattern row.
    async clusterCandidates(tx, q) {
      const rows = await repo.clusterCandidates(tx, q);
      fetched.profiles += rows.filter((r) => r.token).length;
      fetched.patternRows += rows.length;
      return rows;
    },
    async patternReports(db, ids) {
      const rows = await repo.patternReports(db, ids);
      fetched.patternRows += rows.length;
      return rows;
    },
  };
  service = createApproachService({
    db: t.services.db,
    repo: counting,
    audit: t.services.audit,
    tasks: t.services.tasks,
    parties: t.services.parties,
    screening: t.services.screening,
    jobs: createJobQueue({ db: t.services.db, repo: createJobsRepo() }),
    settings: { ...t.config.approaches, clusterWindowDays: 365 },
    clusterCaps: CAPS,
  });
  actors = [];
  for (const name of ["bound_a", "bound_b", "bound_c"]) {
    const u = await t.loginAs(["applicant"], name);
    actors.push({ id: u.id, label: name, roles: ["applicant"], locale: "ja" });
  }
});
afterAll(async () => {
  await t?.close();
});

describe("approach submission cost under a growing cluster", () => {
  it("reads a bounded number of reports per submission and keeps one cluster with the full summary", async () => {
    const perSubmission: { profiles: number; patternRows: number }[] = [];
    let last = "";
    for (let i = 0; i < N; i++) {
      const actor = actors[i % actors.length]!;
      const draft = await service.createDraft(actor, body(i));
      const before = { ...fetched };
      const view = await service.submit(actor, draft.id, draft.version);
      perSubmission.push({
        profiles: fetched.profiles - before.profiles,
        patternRows: fetched.patternRows - before.patternRows,
      });
      last = view.id;
    }
    // Self + at most maxFuzzy candidates' link profiles (plus the profile read for blocking tokens
    // when saving), and self + capped key/band/fuzzy candidates' pattern rows (plus self again
    // after linking): fixed numbers, not the window.
    expect(Math.max(...perSubmission.map((p) => p.profiles))).toBeGreaterThan(0);
    const keyCount = 6; // email, email_domain, organisation, two name orders at most
    const bandCount = 32;
    const maxProfiles = 2 + 1 + CAPS.maxFuzzy;
    const maxPatternRows = 1 + keyCount * CAPS.perKey + bandCount * CAPS.perKey + CAPS.maxFuzzy + 1;
    for (const p of perSubmission) {
      expect(p.profiles).toBeLessThanOrEqual(maxProfiles);
      expect(p.patternRows).toBeLessThanOrEqual(maxPatternRows);
    }
    // Not growing with the window: the last submissions read no more link profiles than the ones
    // just past the cap (the full scan this replaces read every report in the window).
    const atCap = perSubmission.slice(10, 20);
    const late = perSubmission.slice(N - 10);
    expect(Math.max(...late.map((p) => p.profiles))).toBeLessThanOrEqual(
      Math.max(...atCap.map((p) => p.profiles)),
    );

    // What clustering decided is unchanged by the caps: one cluster of all N reports, and its
    // stored (incremental) summary agrees with the full recomputation over every member.
    const office: Actor = { id: null, label: "office", roles: ["secretariat"], locale: "ja" };
    const report = await service.get(office, last);
    const clusterId = report.office!.cluster!.id;
    const cluster = await service.getCluster(office, clusterId);
    expect(cluster.reportCount).toBe(N);
    expect(cluster.reporterCount).toBe(actors.length);
    const repo = createApproachRepo();
    const memberIds = await repo.clusterMemberIds(t.services.db, [clusterId]);
    expect(memberIds).toHaveLength(N);
    const members = await repo.patternReports(t.services.db, memberIds);
    const links = (await repo.linksOf(t.services.db, memberIds)).map((l) => ({
      reportId: l.report_id,
      linkedReportId: l.linked_report_id,
      reasons: l.reasons as never,
    }));
    const full = summariseCluster(members, new Date(cluster.lastAt), 365, undefined, links);
    const stored = cluster.summary;
    expect(stored.reportCount).toBe(full.reportCount);
    expect(stored.reporterCount).toBe(full.reporterCount);
    expect(stored.headline?.kind).toBe(full.headline?.kind);
    expect(stored.headline?.reporterCount).toBe(full.headline?.reporterCount);
    const count = (s: typeof full, kind: string) => s.shared.find((f) => f.kind === kind);
    expect(count(stored, "email_domain")).toMatchObject({ reportCount: N, reporterCount: actors.length });
    expect(count(full, "email_domain")?.reportIds).toHaveLength(N);
  });

  it("keeps one consistent cluster when reports are submitted at the same time", async () => {
    const drafts = [];
    for (let i = 0; i < 6; i++) {
      const actor = actors[i % actors.length]!;
      const d = await service.createDraft(actor, {
        channel: "email",
        sender: { name: `Concurrent ${i}`, email: `c${i}@same-campaign.example` },
        messageText: `Concurrent report ${i}`,
      });
      drafts.push({ actor, d });
    }
    const views = await Promise.all(drafts.map(({ actor, d }) => service.submit(actor, d.id, d.version)));
    const office: Actor = { id: null, label: "office", roles: ["secretariat"], locale: "ja" };
    const clusterIds = new Set(
      await Promise.all(views.map(async (v) => (await service.get(office, v.id)).office?.cluster?.id)),
    );
    expect(clusterIds.size).toBe(1);
    const cluster = await service.getCluster(office, [...clusterIds][0]!);
    expect(cluster.reportCount).toBe(6);
    expect(cluster.reports).toHaveLength(6);
    expect(cluster.summary.shared.find((f) => f.kind === "email_domain")).toMatchObject({
      value: "same-campaign.example",
      reportCount: 6,
      reporterCount: actors.length,
    });
  });
});

describe("links stored per submission in a growing cluster", () => {
  /** Submits the same flood through a service storing at most `maxLinks` links per joining report. */
  async function flood(maxLinks: number, n: number) {
    const app = await createTestApp();
    let tick = Date.UTC(2026, 5, 1);
    try {
      const svc = createApproachService({
        db: app.services.db,
        repo: createApproachRepo(),
        audit: app.services.audit,
        tasks: app.services.tasks,
        parties: app.services.parties,
        screening: app.services.screening,
        jobs: createJobQueue({ db: app.services.db, repo: createJobsRepo() }),
        settings: { ...app.config.approaches, clusterWindowDays: 365 },
        clusterCaps: { ...CAPS, maxLinks },
        // The same times in both runs, so their summaries compare.
        clock: () => {
          tick += 60_000;
          return new Date(tick);
        },
      });
      const users: Actor[] = [];
      for (const name of ["flood_a", "flood_b", "flood_c"]) {
        const u = await app.loginAs(["applicant"], name);
        users.push({ id: u.id, label: name, roles: ["applicant"], locale: "ja" });
      }
      for (let i = 0; i < n; i++) {
        const d = await svc.createDraft(users[i % users.length]!, body(i));
        await svc.submit(users[i % users.length]!, d.id, d.version);
      }
      const db = app.services.db;
      const numbers = new Map(
        (await db.selectFrom("approach_reports").select(["id", "number", "cluster_id"]).execute()).map(
          (r) => [r.id, r],
        ),
      );
      const num = (id: string) => numbers.get(id)!.number;
      const links = await db
        .selectFrom("approach_cluster_links")
        .select(["report_id", "linked_report_id"])
        .execute();
      const perReport = new Map<number, number>();
      for (const l of links) perReport.set(num(l.report_id), (perReport.get(num(l.report_id)) ?? 0) + 1);
      const facts = (await db.selectFrom("approach_cluster_facts").selectAll().execute())
        .map((f) => ({
          fact: f.fact,
          value: f.value,
          reportCount: f.report_count,
          reporterCount: f.reporter_count,
          samples: (f.sample_ids as string[]).map(num).sort((a, b) => a - b),
        }))
        .sort((a, b) => a.fact.localeCompare(b.fact));
      const members = (
        await db.selectFrom("approach_cluster_fact_members").select(["fact", "report_id"]).execute()
      )
        .map((m) => `${m.fact} ${num(m.report_id)}`)
        .sort();
      const clusters = await db
        .selectFrom("approach_clusters")
        .select(["report_count", "reporter_count", "summary"])
        .where("merged_into", "is", null)
        .execute();
      return {
        perReport,
        facts,
        members,
        // The summary as the office sees it, with report ids as report numbers (the ids differ by app).
        clusters: clusters.map((c) =>
          JSON.parse(
            JSON.stringify(c).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) =>
              String(num(id)),
            ),
          ),
        ),
      };
    } finally {
      await app.close();
    }
  }

  it("stores a few links per report, with the same cluster, facts and fact members as storing all", async () => {
    const n = 24;
    const all = await flood(Number.POSITIVE_INFINITY, n);
    const bounded = await flood(2, n);
    expect(bounded.clusters).toEqual(all.clusters);
    expect(bounded.clusters).toEqual([expect.objectContaining({ report_count: n, reporter_count: 3 })]);
    expect(bounded.facts).toEqual(all.facts);
    expect(bounded.members).toEqual(all.members);
    // Storing all, the late reports link to many members; bounded, to the two strongest and
    // newest plus those that bring a fact member (the new report's first text or fuzzy link).
    const late = (m: Map<number, number>) => Math.max(...[...m].filter(([k]) => k > n - 8).map(([, v]) => v));
    expect(late(all.perReport)).toBeGreaterThan(8);
    expect(late(bounded.perReport)).toBeLessThanOrEqual(4);
  }, 240_000);
});
