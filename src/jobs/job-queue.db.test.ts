import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Executor } from "../db/database.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { createJobQueue, jobRetryDelaySeconds } from "./job-queue.js";
import { createJobsRepo, type JobRow } from "./jobs-repo.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** A clock the test moves by hand. */
function manualClock(start = new Date("2026-12-07T09:00:00Z")) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

async function jobsOf(kind: string): Promise<JobRow[]> {
  return t.services.db.selectFrom("background_jobs").selectAll().where("kind", "=", kind).execute();
}

describe("background job queue", () => {
  it("retries a failed job with back-off, records the error, and gives up after its last attempt", async () => {
    const clock = manualClock();
    const queue = createJobQueue({ db: t.services.db, repo: createJobsRepo(), clock: clock.now });
    let calls = 0;
    queue.register("test.flaky", async () => {
      calls++;
      if (calls === 1) throw new Error("first attempt fails");
    });
    queue.register("test.broken", async () => {
      throw new Error("always fails");
    });
    await t.services.db.transaction().execute(async (tx) => {
      expect(await queue.enqueue(tx, { kind: "test.flaky", entityType: "test", entityId: "a" })).toBe(true);
      // At most one pending job per kind and entity.
      expect(await queue.enqueue(tx, { kind: "test.flaky", entityType: "test", entityId: "a" })).toBe(false);
      await queue.enqueue(tx, { kind: "test.broken", entityType: "test", entityId: "b", maxAttempts: 2 });
    });
    expect(await queue.drain()).toEqual({ done: 0, retry: 2, failed: 0 });
    const [flaky] = await jobsOf("test.flaky");
    expect(flaky).toMatchObject({ status: "pending", attempts: 1, last_error: "first attempt fails" });
    expect(new Date(flaky!.next_attempt_at).getTime() - clock.now().getTime()).toBe(
      jobRetryDelaySeconds(0) * 1000,
    );
    // Not due yet: nothing happens.
    expect(await queue.drain()).toEqual({ done: 0, retry: 0, failed: 0 });
    clock.advance(jobRetryDelaySeconds(1) * 1000);
    expect(await queue.drain()).toEqual({ done: 1, retry: 0, failed: 1 });
    expect((await jobsOf("test.flaky"))[0]).toMatchObject({ status: "done", attempts: 2, last_error: null });
    expect((await jobsOf("test.broken"))[0]).toMatchObject({ status: "failed", attempts: 2 });
    expect(calls).toBe(2);
    // Back-off grows and is capped.
    expect([0, 1, 2, 3].map(jobRetryDelaySeconds)).toEqual([5, 10, 20, 40]);
    expect(jobRetryDelaySeconds(30)).toBe(900);
  });

  it("tells once, in the job's transaction, when a job gives up — never on a retry", async () => {
    const clock = manualClock();
    const queue = createJobQueue({ db: t.services.db, repo: createJobsRepo(), clock: clock.now });
    const told: { id: string; attempts: number; error: string }[] = [];
    queue.register(
      "test.doomed",
      async (tx: Executor, job) => {
        // Undone with the failed attempt: only what onGiveUp writes stays.
        await tx
          .insertInto("app_settings")
          .values({ key: `doomed:${job.entity_id}`, value: "1" })
          .execute();
        throw new Error("still broken");
      },
      undefined,
      async (tx, job, error) => {
        told.push({ id: job.entity_id, attempts: job.attempts + 1, error });
        await tx
          .insertInto("app_settings")
          .values({ key: `gave-up:${job.entity_id}`, value: JSON.stringify(error) })
          .execute();
      },
    );
    queue.register(
      "test.doomed-loudly",
      async () => {
        throw new Error("broken");
      },
      undefined,
      async () => {
        throw new Error("telling fails too");
      },
    );
    await t.services.db.transaction().execute(async (tx) => {
      await queue.enqueue(tx, { kind: "test.doomed", entityType: "test", entityId: "d", maxAttempts: 3 });
      await queue.enqueue(tx, {
        kind: "test.doomed-loudly",
        entityType: "test",
        entityId: "e",
        maxAttempts: 1,
      });
    });
    for (let i = 0; i < 3; i++) {
      await queue.drain();
      clock.advance(3_600_000);
    }
    expect(told).toEqual([{ id: "d", attempts: 3, error: "still broken" }]);
    const kept = await t.services.db
      .selectFrom("app_settings")
      .select(["key", "value"])
      .where("key", "in", ["doomed:d", "gave-up:d"])
      .execute();
    expect(kept).toEqual([{ key: "gave-up:d", value: "still broken" }]);
    expect((await jobsOf("test.doomed"))[0]).toMatchObject({ status: "failed", attempts: 3 });
    // A failing onGiveUp is logged; the job is still recorded as given up.
    expect((await jobsOf("test.doomed-loudly"))[0]).toMatchObject({ status: "failed", attempts: 1 });
  });

  it("undoes everything a failed attempt wrote, and keeps the job", async () => {
    const queue = createJobQueue({ db: t.services.db, repo: createJobsRepo() });
    queue.register("test.half", async (tx: Executor, job) => {
      await tx
        .insertInto("app_settings")
        .values({ key: `half:${job.entity_id}`, value: "1" })
        .execute();
      throw new Error("fails after writing");
    });
    await t.services.db
      .transaction()
      .execute((tx) => queue.enqueue(tx, { kind: "test.half", entityType: "test", entityId: "h" }));
    await queue.drain();
    const written = await t.services.db
      .selectFrom("app_settings")
      .select("key")
      .where("key", "=", "half:h")
      .execute();
    expect(written).toEqual([]);
    expect((await jobsOf("test.half"))[0]).toMatchObject({ status: "pending", attempts: 1 });
  });

  it("two workers draining at once never do the same job (FOR UPDATE SKIP LOCKED on PostgreSQL)", async () => {
    const seen = new Map<string, number>();
    const handler = async (tx: Executor, job: JobRow) => {
      seen.set(job.entity_id, (seen.get(job.entity_id) ?? 0) + 1);
      // Hold the job's row a little, so the other worker runs while it is locked.
      await tx.selectFrom("background_jobs").select("id").where("id", "=", job.id).execute();
      await new Promise((r) => setTimeout(r, 5));
    };
    const a = createJobQueue({ db: t.services.db, repo: createJobsRepo() });
    const b = createJobQueue({ db: t.services.db, repo: createJobsRepo() });
    a.register("test.shared", handler);
    b.register("test.shared", handler);
    const n = 40;
    await t.services.db.transaction().execute(async (tx) => {
      for (let i = 0; i < n; i++)
        await a.enqueue(tx, { kind: "test.shared", entityType: "test", entityId: `s${i}` });
    });
    const [ra, rb] = await Promise.all([a.drain(), b.drain()]);
    expect(ra.done + rb.done).toBe(n);
    expect([...seen.values()].every((c) => c === 1)).toBe(true);
    expect(seen.size).toBe(n);
    const rows = await jobsOf("test.shared");
    expect(rows.every((r) => r.status === "done" && r.attempts === 1)).toBe(true);
    if (process.env.TEST_DATABASE_URL) {
      // On PostgreSQL both workers really worked (a pool of connections), not one after the other.
      expect(ra.done).toBeGreaterThan(0);
      expect(rb.done).toBeGreaterThan(0);
    }
  });

  it("tells officers how many jobs are pending, per kind, and nobody else", async () => {
    const officer = await t.loginAs(["secretariat"], "jobs_officer");
    const applicant = await t.loginAs(["applicant"], "jobs_applicant");
    const queue = createJobQueue({ db: t.services.db, repo: createJobsRepo() });
    await t.services.db.transaction().execute(async (tx) => {
      await queue.enqueue(tx, { kind: "test.count", entityType: "test", entityId: "c1" });
      await queue.enqueue(tx, { kind: "test.count", entityType: "test", entityId: "c2" });
    });
    const res = await t.request(officer, "GET", "/api/jobs/status");
    expect(res.statusCode).toBe(200);
    expect(res.json().byKind).toContainEqual({ kind: "test.count", pending: 2 });
    expect(res.json().pending).toBeGreaterThanOrEqual(2);
    expect((await t.request(applicant, "GET", "/api/jobs/status")).statusCode).toBe(403);
  });

  it("a started worker drains jobs left behind, and whenIdle says when it is done", async () => {
    const done: string[] = [];
    const queue = createJobQueue({ db: t.services.db, repo: createJobsRepo() });
    queue.register("test.left", async (_tx, job) => {
      done.push(job.entity_id);
    });
    await t.services.db.transaction().execute(async (tx) => {
      await queue.enqueue(tx, { kind: "test.left", entityType: "test", entityId: "l1" });
      await queue.enqueue(tx, { kind: "test.left", entityType: "test", entityId: "l2" });
    });
    queue.start(60_000);
    await queue.whenIdle();
    await queue.stop();
    expect(done.sort()).toEqual(["l1", "l2"]);
  });
});
