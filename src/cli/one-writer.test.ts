import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLockHolder } from "../db/data-dir-lock.js";
import { runCli } from "../testing/cli-run.js";
import { runSekimoriProcess, type ServerProcess, startSekimoriServer } from "../testing/sekimori-process.js";

/**
 * Issue 11 §2: with the embedded database, `sekimori lists import` or `user add` run while the
 * server was up printed "created" and exited 0 — and the write and its audit row were gone once the
 * server stopped. Here a real server process runs on a temporary data directory; the CLI commands
 * (in this test process, and one as its own process) must go through the server, their writes and
 * audit rows must survive the server's stop, and `audit verify` must say intact. Commands that need
 * the folder itself (restore, a second server) refuse while it runs.
 */

let dir: string;
let server: ServerProcess | null = null;
const saved = { ...process.env };
let env: Record<string, string>;
const PASSWORD = "integrity-test-password-1";

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "sekimori-onewriter-"));
  env = {
    SEKIMORI_DATA_DIR: path.join(dir, "data"),
    SEKIMORI_CONFIG: path.join(dir, "none.json"),
    SEKIMORI_WEB_DIR: path.join(dir, "no-web"),
    SEKIMORI_ADMIN_PASSWORD: PASSWORD,
    SEKIMORI_DEMO: "false",
    SEKIMORI_LOG_LEVEL: "warn",
    SEKIMORI_AUDIT_CHECKPOINT_SECONDS: "1",
    SEKIMORI_SCREENING_POLL_SECONDS: "1",
  };
  Object.assign(process.env, env);
  delete process.env.DATABASE_URL;
  writeFileSync(
    path.join(dir, "watch.csv"),
    "id,name,schema,countries\nOW-1,Example Dual Use Trading Co.,organization,KP\nOW-2,Sample Procurement Ltd.,organization,IR\n",
  );
  server = await startSekimoriServer(env);
}, 300_000);

afterAll(async () => {
  if (server && server.child.exitCode === null) await server.stop();
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

async function login(username: string, password: string): Promise<number> {
  const res = await fetch(`${server!.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
}

describe("one writer: CLI commands while the server runs", () => {
  it("go through the server, and their writes and audit rows survive its stop", async () => {
    const holder = readLockHolder(env.SEKIMORI_DATA_DIR!);
    expect(holder).toMatchObject({ role: "server", pid: server!.child.pid });
    expect(statSync(holder!.adminSocket!).mode & 0o777).toBe(0o600);

    const add = await runCli("user", "add", "tanaka", "--roles", "secretariat", "--name", "田中 一郎");
    expect(add.err).toBe("");
    expect(add.code).toBe(0);
    const password = /password: (\S+)/.exec(add.out)![1]!;
    // The server sees the new account at once: the write went into its database.
    expect(await login("tanaka", password)).toBe(200);
    expect((await runCli("user", "set-roles", "tanaka", "secretariat,approver")).code).toBe(0);

    // A CLI command as its own process, the way cron runs it.
    const own = await runSekimoriProcess(
      ["user", "add", "sato", "--roles", "auditor", "--password-stdin"],
      env,
      {
        input: "sato-password-123456\n",
      },
    );
    expect(own.err).toBe("");
    expect(own.out).toContain("created sato (auditor)");
    expect(await login("sato", "sato-password-123456")).toBe(200);

    const imported = await runCli(
      "lists",
      "import",
      path.join(dir, "watch.csv"),
      "--format",
      "custom_csv",
      "--source",
      "custom:onewriter",
    );
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toMatch(/custom:onewriter v1: 2 entities .* active/);
    expect((await runCli("people", "remind")).code).toBe(0);
    expect((await runCli("training", "remind")).code).toBe(0);
    expect((await runCli("cases", "install")).out).toContain("cases added: 0");
    const demo = await runCli(
      "demo",
      "insider",
      "--out",
      path.join(dir, "insider"),
      "--users",
      "20",
      "--days",
      "30",
    );
    expect(demo.code, demo.err).toBe(0);
    const ingest = await runCli("insider", "ingest", path.join(dir, "insider"), "--json");
    expect(ingest.code, ingest.err).toBe(0);
    expect(JSON.parse(ingest.out).events).toBeGreaterThan(100);

    const verify = await runCli("audit", "verify");
    expect(verify.code, verify.out).toBe(0);
    expect(verify.out).toMatch(/^audit log intact: \d+ rows/);

    // Commands that need the folder itself refuse while the server runs, and say why.
    const restore = await runCli("restore", path.join(dir, "nothing.tar.gz"));
    expect(restore.code).toBe(1);
    expect(restore.err).toContain("stop the server before restoring");
    expect(restore.err).toContain("サーバーを停止してから");
    const second = await runSekimoriProcess(["serve", "--no-demo", "--port", "0"], env);
    expect(second.code).toBe(1);
    expect(second.err).toContain("a second server cannot run on the same data");

    // A consistent backup while the server serves.
    const backup = await runCli("backup", path.join(dir, "backup.tar.gz"));
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toMatch(/backup written: .*backup\.tar\.gz/);
    expect(statSync(path.join(dir, "backup.tar.gz")).size).toBeGreaterThan(100_000);

    expect(await server!.stop()).toBe(0);
    expect(existsSync(holder!.adminSocket!)).toBe(false);
    expect(readLockHolder(env.SEKIMORI_DATA_DIR!)).toBeNull();

    // After the stop, the CLI opens the folder itself: everything written through the server is there.
    const users = JSON.parse((await runCli("user", "list", "--json")).out) as {
      username: string;
      roles: string[];
    }[];
    expect(users.find((u) => u.username === "tanaka")?.roles).toEqual(["secretariat", "approver"]);
    expect(users.map((u) => u.username)).toContain("sato");
    const exported = await runCli("audit", "export", "--action", "user.created");
    expect(exported.out).toContain("tanaka");
    expect(exported.out).toContain("sato");
    const actions = (await runCli("audit", "export")).out;
    for (const action of ["list.imported", "insider.ingested", "user.updated"])
      expect(actions).toContain(action);
    const after = await runCli("audit", "verify", "--json");
    expect(after.code, after.out).toBe(0);
    const result = JSON.parse(after.out);
    expect(result).toMatchObject({ ok: true, problems: [] });
    expect(result.anchor).toMatchObject({ key: "ok", unsignedRows: 0 });
    // The last checkpoint (written at the server's stop) is the head: nothing can go missing unseen.
    expect(result.anchor.lastCheckpoint.id).toBe(result.headId);
  }, 900_000);

  it("restores the backup (server stopped), names what the restore lost, and verifies the audit log", async () => {
    expect(server!.child.exitCode).toBe(0);
    const late = await runCli("user", "add", "late", "--roles", "applicant");
    expect(late.code, late.err).toBe(0);
    const restored = await runCli("restore", path.join(dir, "backup.tar.gz"));
    expect(restored.code, `${restored.out}\n${restored.err}`).toBe(0);
    expect(restored.out).toMatch(/restored .*backup\.tar\.gz: audit head row \d+/);
    expect(restored.out).toMatch(
      /rows \d+–\d+ written after this backup was taken are not in the restored database/,
    );
    expect(restored.out).toMatch(/the previous database is kept in .*pglite\.before-restore-/);
    expect(restored.out).toContain("audit log intact");
    const users = JSON.parse((await runCli("user", "list", "--json")).out) as { username: string }[];
    expect(users.map((u) => u.username)).toEqual(expect.arrayContaining(["tanaka", "sato"]));
    expect(users.map((u) => u.username)).not.toContain("late");
    const verify = JSON.parse((await runCli("audit", "verify", "--json")).out);
    expect(verify.ok).toBe(true);
    expect(verify.notes.some((n: { en: string }) => n.en.startsWith("restored from a backup"))).toBe(true);
    const checkpoints = readFileSync(path.join(env.SEKIMORI_DATA_DIR!, "audit-checkpoints.jsonl"), "utf8");
    expect(checkpoints).toContain('"kind":"restore"');
  }, 600_000);

  it("refuses a file that is not a backup, changing nothing", async () => {
    writeFileSync(path.join(dir, "junk.tar.gz"), "not a backup");
    const res = await runCli("restore", path.join(dir, "junk.tar.gz"));
    expect(res.code).toBe(1);
    expect(res.err).toContain("cannot be loaded as a Sekimori embedded-database backup");
    expect(res.err).toContain("Nothing was changed");
  }, 120_000);
});
