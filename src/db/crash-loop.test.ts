import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prepareAuditAnchor } from "../audit/audit-anchor.js";
import { createAuditRepo } from "../audit/audit-repo.js";
import { createAuditService } from "../audit/audit-service.js";
import { ROOT } from "../testing/sekimori-process.js";
import { openDatabase } from "./database.js";
import { migrateToLatest } from "./migrate.js";

/**
 * Issue 11 §2: after a series of crashes the server once would not start again ("PANIC: could not
 * locate a valid checkpoint record"). A child process writes audited rows into a file-backed
 * database and is killed with SIGKILL at random moments — during start-up and recovery, between
 * and during commits, around CHECKPOINTs — again and again. Afterwards the database must open,
 * migrate, keep every commit a child announced, and its audit log must verify against the key and
 * the checkpoints. `.ci/run` runs more rounds (CRASH_LOOP_ROUNDS).
 */
const ROUNDS = Number(process.env.CRASH_LOOP_ROUNDS ?? 4);
const dir = mkdtempSync(path.join(tmpdir(), "sekimori-crash-"));
const dataDir = path.join(dir, "data");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the child until the kill condition, kills it with SIGKILL; returns the commits it announced. */
function round(
  killAfterCommits: number,
  extraMs: number,
  killBeforeOpenMs: number | null,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        path.join(ROOT, "scripts/ts-register.mjs"),
        path.join(ROOT, "src/db/crash-loop.child.ts"),
        dataDir,
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    const committed: string[] = [];
    let buffered = "";
    let stderr = "";
    let opened = false;
    let killing = false;
    const kill = (delay: number) => {
      if (killing) return;
      killing = true;
      setTimeout(() => child.kill("SIGKILL"), delay);
    };
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      for (const line of lines) {
        // Killed while opening: PGlite start-up, WAL recovery, lock takeover, migrations.
        if (line === "opening" && killBeforeOpenMs !== null) kill(killBeforeOpenMs);
        if (line === "open") {
          opened = true;
          if (killBeforeOpenMs !== null) kill(0);
        }
        if (line.startsWith("committed ")) committed.push(line.slice(10));
      }
      if (committed.length >= killAfterCommits) kill(extraMs);
    });
    child.stderr.setEncoding("utf8").on("data", (c: string) => {
      stderr += c;
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal === "SIGKILL") resolve(committed);
      else reject(new Error(`child exited with ${code} (opened: ${opened}):\n${stderr}`));
    });
  });
}

describe("crash loop: repeated SIGKILL of a writing process", () => {
  it(`opens, migrates, keeps every announced commit and verifies after ${ROUNDS} kills`, async () => {
    const announced: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Every third round is killed while starting up (loading, recovering, migrating).
      const early = i % 3 === 2 ? Math.floor(Math.random() * 3000) : null;
      announced.push(
        ...(await round(1 + Math.floor(Math.random() * 12), Math.floor(Math.random() * 60), early)),
      );
    }
    expect(announced.length).toBeGreaterThan(0);

    const handle = await openDatabase({ dataDir, throughServer: false, waitSeconds: 60 });
    try {
      await migrateToLatest(handle.db);
      const found = await handle.db.selectFrom("parties").select("id").where("id", "in", announced).execute();
      expect(found.length).toBe(announced.length);
      const { anchor } = await prepareAuditAnchor(handle.db, {
        keyFile: path.join(dataDir, "audit.key"),
        checkpointFile: path.join(dataDir, "audit-checkpoints.jsonl"),
        by: "crash-loop test",
        mode: "create",
      });
      const result = await createAuditService({ db: handle.db, repo: createAuditRepo(), anchor }).verify();
      expect(result.problems).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.checked).toBeGreaterThanOrEqual(announced.length);
      expect(result.anchor.unsignedRows).toBe(0);
    } finally {
      await handle.close();
    }
  }, 1_800_000);
});
