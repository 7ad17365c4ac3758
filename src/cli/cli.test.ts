import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../testing/cli-run.js";

let dir: string;
const saved = { ...process.env };

const run = runCli;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "sekimori-cli-"));
  process.env.SEKIMORI_DATA_DIR = dir;
  process.env.SEKIMORI_CONFIG = path.join(dir, "none.json");
  delete process.env.DATABASE_URL;
});
afterAll(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe("sekimori CLI", () => {
  it("migrates, manages users and verifies and exports the audit log", async () => {
    const migrate = await run("migrate");
    expect(migrate.out).toContain("0001-foundation");

    const add = await run(
      "user",
      "add",
      "yamada",
      "--roles",
      "unit_officer,secretariat",
      "--name",
      "山田 花子",
    );
    expect(add.code).toBe(0);
    expect(add.out).toMatch(/created yamada \(unit_officer, secretariat\)/);
    expect(add.out).toMatch(/password: [A-Za-z0-9]{20}/);

    const bad = await run("user", "add", "x2", "--roles", "wizard");
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("unknown role(s): wizard");

    const roles = await run("user", "set-roles", "yamada", "approver");
    expect(roles.out).toContain("yamada: approver");

    const list = await run("user", "list", "--json");
    const users = JSON.parse(list.out);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ username: "yamada", displayName: "山田 花子", roles: ["approver"] });

    const reset = await run("user", "reset-password", "yamada");
    expect(reset.out).toMatch(/password: [A-Za-z0-9]{20}/);
    expect((await run("user", "reset-password", "nobody")).err).toContain("no user named nobody");

    const verify = await run("audit", "verify");
    expect(verify.code).toBe(0);
    // user.created, user.reveal_rights_granted (secretariat, flagged), user.updated, user.password_reset
    expect(verify.out).toMatch(/audit log intact: 4 rows/);

    const file = path.join(dir, "audit.csv");
    const exported = await run("audit", "export", "--out", file, "--action", "user.updated");
    expect(exported.code).toBe(0);
    const csv = readFileSync(file, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain("user.updated");
    expect(csv[1]).toContain("コマンドライン（"); // the CLI actor, labelled for readers (cli:USER)
  }, 180_000);

  it("resets a user's two-step login (lost phone)", async () => {
    const totp = await run("user", "reset-totp", "yamada");
    expect(totp.code).toBe(0);
    expect(totp.out).toContain("two-step login reset for yamada");
    expect((await run("user", "reset-totp", "nobody")).err).toContain("no user named nobody");
  }, 120_000);
});
