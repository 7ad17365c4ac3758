import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { holderAlive, LOCK_FILE, type LockHolder, readLockHolder, tryLockDataDir } from "./data-dir-lock.js";
import { openDatabase } from "./database.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "sekimori-lock-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(String(child.stdout));
}

function writeLock(holder: Partial<LockHolder>): void {
  const full: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    role: "cli",
    command: "sekimori test",
    startedAt: new Date().toISOString(),
    processStart: null,
    ...holder,
  };
  writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(full), { mode: 0o600 });
}

describe("data directory lock", () => {
  it("is exclusive while held and free again after release", () => {
    const first = tryLockDataDir(dir, { role: "server", command: "sekimori serve" });
    expect("lock" in first).toBe(true);
    const second = tryLockDataDir(dir, { role: "cli", command: "sekimori user add x" });
    expect(second).toEqual({ holder: expect.objectContaining({ pid: process.pid, role: "server" }) });
    if ("lock" in first) first.lock.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const third = tryLockDataDir(dir, { role: "cli", command: "again" });
    expect("lock" in third).toBe(true);
    if ("lock" in third) third.lock.release();
  });

  it("takes over a lock left by a dead process", () => {
    writeLock({ pid: deadPid(), role: "server" });
    const result = tryLockDataDir(dir, { role: "cli", command: "after crash" });
    expect("lock" in result).toBe(true);
    expect(readLockHolder(dir)).toMatchObject({ pid: process.pid, command: "after crash" });
    if ("lock" in result) result.lock.release();
  });

  it("does not mistake a reused pid for the holder (process start time differs)", () => {
    expect(holderAlive({ ...readyHolder(), processStart: "1" })).toBe(false);
    expect(holderAlive(readyHolder())).toBe(true);
  });

  it("treats a holder on another host as alive (it cannot be checked from here)", () => {
    writeLock({ pid: deadPid(), hostname: `not-${os.hostname()}` });
    expect("holder" in tryLockDataDir(dir, { role: "cli", command: "x" })).toBe(true);
  });

  it("publishes the admin socket in the lock file without ever leaving it half-written", () => {
    const result = tryLockDataDir(dir, { role: "server", command: "sekimori serve" });
    if (!("lock" in result)) throw new Error("not locked");
    result.lock.update({ adminSocket: "/tmp/x.sock", adminToken: "t0k" });
    expect(readLockHolder(dir)).toMatchObject({
      adminSocket: "/tmp/x.sock",
      adminToken: "t0k",
      role: "server",
    });
    expect(existsSync(`${path.join(dir, LOCK_FILE)}.${process.pid}.update`)).toBe(false);
    result.lock.release();
  });

  it("lets exactly one of several processes racing for a stale lock win", async () => {
    writeLock({ pid: deadPid() });
    const go = path.join(dir, "..", `${path.basename(dir)}.go`);
    let ready = 0;
    const outputs = await Promise.all(
      Array.from({ length: 5 }, () => {
        const child = spawn(
          process.execPath,
          [
            "--import",
            path.join(ROOT, "scripts/ts-register.mjs"),
            path.join(ROOT, "src/db/data-dir-lock.child.ts"),
            dir,
            "3000",
            go,
          ],
          { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
        );
        let out = "";
        child.stdout.on("data", (c) => {
          out += c;
          if (String(c).includes("ready") && ++ready === 5) writeFileSync(go, "");
        });
        return new Promise<string>((resolve) =>
          child.on("exit", () => resolve(out.replace("ready\n", "").trim())),
        );
      }),
    );
    rmSync(go, { force: true });
    const winners = outputs.filter((o) => o.startsWith("won"));
    expect(winners, outputs.join(" | ")).toHaveLength(1);
    const winner = Number(winners[0]!.split(" ")[1]);
    for (const o of outputs.filter((x) => !x.startsWith("won"))) expect(o).toBe(`held-by ${winner}`);
  });

  it("makes a second command wait for the first, then refuse clearly — nothing opened, nothing lost", async () => {
    const held = tryLockDataDir(dir, { role: "cli", command: "sekimori lists import big.csv" });
    if (!("lock" in held)) throw new Error("not locked");
    const waits: string[] = [];
    const started = Date.now();
    await expect(
      openDatabase({ dataDir: dir, waitSeconds: 1, onWait: (m) => waits.push(m.en) }),
    ).rejects.toMatchObject({
      code: "data_dir_busy",
      messages: {
        en: expect.stringContaining("is in use by `sekimori lists import big.csv`"),
        ja: expect.stringContaining("使用中です"),
      },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(waits).toHaveLength(1);
    expect(existsSync(path.join(dir, "pglite"))).toBe(false);
    held.lock.release();
  });

  it("refuses a second server on the same data at once", async () => {
    const held = tryLockDataDir(dir, { role: "server", command: "sekimori serve" });
    if (!("lock" in held)) throw new Error("not locked");
    await expect(openDatabase({ dataDir: dir, role: "server" })).rejects.toMatchObject({
      code: "data_dir_busy",
      messages: { en: expect.stringContaining("a second server cannot run on the same data") },
    });
    await expect(openDatabase({ dataDir: dir, throughServer: false })).rejects.toMatchObject({
      messages: { en: expect.stringContaining("stop the server before running this command") },
    });
    held.lock.release();
  });
});

function readyHolder(): LockHolder {
  const result = tryLockDataDir(dir, { role: "cli", command: "probe" });
  if (!("lock" in result)) throw new Error("not locked");
  const holder = result.lock.holder;
  result.lock.release();
  return holder;
}
