import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createAuditRepo } from "../audit/audit-repo.js";
import { createAuditService } from "../audit/audit-service.js";
import { type DatabaseHandle, openDatabase } from "../db/database.js";
import { migrateToLatest } from "../db/migrate.js";
import { systemActor } from "../shared/actor.js";
import { createListsRepo } from "./lists-repo.js";
import { createListsService } from "./lists-service.js";

/**
 * The strongest interruption: a child process importing a list into a file-backed PGlite database
 * is killed with SIGKILL part-way through. On reopening, the previous snapshot must still be the
 * active one, nothing of the half-written import may be visible to readers, and start-up recovery
 * must mark it failed and remove its rows.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = mkdtempSync(path.join(tmpdir(), "sekimori-kill-"));
const SOURCE = "custom:killtest";
const actor = systemActor("test");

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function open(): Promise<{ handle: DatabaseHandle; lists: ReturnType<typeof createListsService> }> {
  const handle = await openDatabase({ dataDir: path.join(dir, "data") });
  await migrateToLatest(handle.db);
  const audit = createAuditService({ db: handle.db, repo: createAuditRepo() });
  return { handle, lists: createListsService({ db: handle.db, repo: createListsRepo(), audit }) };
}

function watchlist(rows: number, prefix: string): string {
  const lines = ["id,name,schema,countries"];
  for (let i = 1; i <= rows; i++)
    lines.push(`${prefix}-${i},${prefix} Example Trading ${i} Co.,organization,JP`);
  return `${lines.join("\n")}\n`;
}

function runChildUntilBatches(
  file: string,
  batches: number,
): Promise<{ signal: NodeJS.Signals | null; seen: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        path.join(ROOT, "scripts/ts-register.mjs"),
        path.join(ROOT, "src/screening/lists-kill.child.ts"),
        path.join(dir, "data"),
        file,
        "custom_csv",
        SOURCE,
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let seen = 0;
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      seen += chunk.split("\n").filter((l) => l.startsWith("batch ")).length;
      if (chunk.includes("done"))
        reject(new Error("the child finished the import before it could be killed"));
      if (seen >= batches && child.exitCode === null && !child.killed) child.kill("SIGKILL");
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal === "SIGKILL") resolve({ signal, seen });
      else reject(new Error(`child exited with ${code}: ${stderr}`));
    });
  });
}

describe("a list import killed with SIGKILL", () => {
  it("leaves the previous snapshot active and nothing half-loaded visible; recovery cleans up", async () => {
    const small = path.join(dir, "v1.csv");
    writeFileSync(small, watchlist(3, "OLD"));
    const big = path.join(dir, "v2.csv");
    writeFileSync(big, watchlist(20_000, "NEW"));

    let { handle, lists } = await open();
    const v1 = await lists.importList(actor, { files: [small], format: "custom_csv", source: SOURCE });
    expect(v1).toMatchObject({ status: "active", version: 1, entityCount: 3 });
    await handle.close();

    const { signal, seen } = await runChildUntilBatches(big, 3);
    expect(signal).toBe("SIGKILL");
    expect(seen).toBeGreaterThanOrEqual(3);

    ({ handle, lists } = await open());
    try {
      const [source] = await lists.listSources();
      expect(source?.active).toMatchObject({ id: v1.id, version: 1, entityCount: 3 });
      const loading = await lists.listSnapshots({ source: SOURCE, status: "loading", page: 1, pageSize: 10 });
      expect(loading.items).toHaveLength(1);
      const interrupted = loading.items[0]!;
      // The killed import had stored some batches …
      const written = await createListsRepo().countEntities(handle.db, interrupted.id);
      expect(written).toBeGreaterThanOrEqual(300);
      expect(written).toBeLessThan(20_000);
      // … but readers of the active lists see only the previous snapshot.
      const visible: string[] = [];
      for await (const batch of lists.iterateActiveEntities()) visible.push(...batch.map((e) => e.sourceId));
      expect(visible).toEqual(["OLD-1", "OLD-2", "OLD-3"]);

      expect(await lists.recoverInterruptedImports(actor, 0)).toBe(1);
      const failed = await lists.getSnapshot(interrupted.id);
      expect(failed.status).toBe("failed");
      expect(failed.error).toMatch(/interrupted/);
      expect(await createListsRepo().countEntities(handle.db, interrupted.id)).toBe(0);
      expect(await lists.recoverInterruptedImports(actor, 0)).toBe(0);

      const v3 = await lists.importList(actor, { files: [small], format: "custom_csv", source: SOURCE });
      expect(v3).toMatchObject({ status: "active", version: 3 });
      expect((await lists.getSnapshot(v1.id)).status).toBe("superseded");
    } finally {
      await handle.close();
    }
  });
});
