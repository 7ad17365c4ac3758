import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { createSettingsRepo } from "../app/settings-repo.js";
import { createAuditRepo } from "../audit/audit-repo.js";
import { createAuditService } from "../audit/audit-service.js";
import { openDatabase } from "../db/database.js";
import { migrateToLatest } from "../db/migrate.js";
import { systemActor } from "../shared/actor.js";
import { ROOT } from "../testing/sekimori-process.js";
import { writeDemoDataset } from "./demo/write-dataset.js";
import { createInsiderRepo } from "./insider-repo.js";
import { createInsiderService } from "./insider-service.js";

/**
 * Issue 11 §2: a killed `sekimori insider ingest` left its run "running", and every re-run was
 * refused for 6 hours ("Another ingestion is running"). Runs now hold a lease their process renews;
 * a lease not renewed in time is taken over. Here an ingestion in a child process is killed with
 * SIGKILL part-way: while its lease is fresh a new ingestion is refused, once it has expired the
 * new one takes over, marks the dead run failed and completes.
 */
const dir = mkdtempSync(path.join(tmpdir(), "sekimori-lease-"));
const dataDir = path.join(dir, "data");
const dataset = path.join(dir, "dataset");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function killWhileIngesting(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        path.join(ROOT, "scripts/ts-register.mjs"),
        path.join(ROOT, "src/insider/ingest-lease.child.ts"),
        dataDir,
        dataset,
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => {
      if (c.includes("ingesting")) child.kill("SIGKILL");
      if (c.includes("done")) reject(new Error("the ingestion finished before it could be killed"));
    });
    child.stderr.setEncoding("utf8").on("data", (c: string) => {
      stderr += c;
    });
    child.on("exit", (code, signal) =>
      signal === "SIGKILL" ? resolve() : reject(new Error(`child exited with ${code}: ${stderr}`)),
    );
  });
}

describe("insider ingestion lease", () => {
  it("blocks re-runs only while the killed run's lease is fresh, then takes it over", async () => {
    writeDemoDataset(dataset, { users: 120, days: 60, seed: 7 });
    await killWhileIngesting();

    const handle = await openDatabase({ dataDir, throughServer: false, waitSeconds: 60 });
    try {
      await migrateToLatest(handle.db);
      const [dead] = await createInsiderRepo().runningRuns(handle.db);
      expect(dead?.status).toBe("running");
      const serviceWith = (expireMs: number) =>
        createInsiderService({
          db: handle.db,
          repo: createInsiderRepo(),
          audit: createAuditService({ db: handle.db, repo: createAuditRepo() }),
          settings: createSettingsRepo(),
          ingestLease: { renewMs: 200, expireMs },
        });
      const actor = systemActor("lease-test");
      // Within its lease (here: an hour) the killed run still counts as running.
      await expect(serviceWith(3_600_000).ingestPath(actor, dataset)).rejects.toMatchObject({
        code: "ingest_running",
        messages: { en: "Another ingestion is running; try again when it has finished" },
      });
      // The lease is measured from the last heartbeat, not from the start: a heartbeat renewed
      // just now keeps even an old run alive.
      await sql`UPDATE insider_runs SET started_at = now() - interval '7 hours', heartbeat_at = now()
        WHERE id = ${dead!.id}`.execute(handle.db);
      await expect(serviceWith(60_000).ingestPath(actor, dataset)).rejects.toMatchObject({
        code: "ingest_running",
      });
      // Not renewed for longer than the lease: taken over at once, and the new run completes.
      await sql`UPDATE insider_runs SET heartbeat_at = now() - interval '3 minutes' WHERE id = ${dead!.id}`.execute(
        handle.db,
      );
      const report = await serviceWith(120_000).ingestPath(actor, dataset);
      expect(report.events).toBeGreaterThan(1000);
      const runs = await createInsiderRepo().listRuns(handle.db, 10);
      expect(runs.find((r) => r.id === dead!.id)).toMatchObject({
        status: "failed",
        stats: { abandoned: true },
      });
      expect(runs.find((r) => r.id === report.runId)?.status).toBe("committed");
    } finally {
      await handle.close();
    }
  }, 900_000);
});
