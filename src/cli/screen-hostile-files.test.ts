import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../testing/cli-run.js";
import { simpleXlsx, spaceBombXlsx } from "../testing/zip-builder.js";

let dir: string;
const saved = { ...process.env };

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "sekimori-cli-hostile-"));
  process.env.SEKIMORI_DATA_DIR = dir;
  process.env.SEKIMORI_CONFIG = path.join(dir, "none.json");
  process.env.LANG = "en_US.UTF-8";
  delete process.env.LC_ALL;
  delete process.env.LC_MESSAGES;
  delete process.env.DATABASE_URL;
});
afterAll(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe("sekimori screen --file with a broken or hostile workbook (issue 11 §1)", () => {
  it("a truncated XLSX ends with a message naming the file and exit code 1, leaving no file open", async () => {
    const whole = simpleXlsx([
      ["name", "country"],
      ["ACME Trading", "CN"],
      ["軍需工業部", "KP"],
    ]);
    const truncated = path.join(dir, "truncated.xlsx");
    writeFileSync(truncated, whole.subarray(0, whole.length >> 1));
    const fds = readdirSync("/proc/self/fd").length;
    const out = path.join(dir, "out.csv");
    const en = await runCli("screen", "--file", truncated, "--out", out);
    expect(en.code).toBe(1);
    expect(en.err).toMatch(/truncated\.xlsx.*not a complete ZIP \(XLSX\) file/);
    const ja = await runCli("screen", "--file", truncated, "--out", out, "--lang", "ja");
    expect(ja.code).toBe(1);
    expect(ja.err).toMatch(/truncated\.xlsx.*途中で切れた/);
    expect(readdirSync("/proc/self/fd").length).toBe(fds);
    // The first run creates and migrates the embedded database: minutes on a loaded machine.
  }, 300_000);

  it("the 1 GB zip bomb is refused without being inflated", async () => {
    const bomb = path.join(dir, "bomb.xlsx");
    writeFileSync(bomb, spaceBombXlsx());
    const heap = process.memoryUsage().heapUsed;
    const result = await runCli("screen", "--file", bomb, "--out", path.join(dir, "out.csv"));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/bomb\.xlsx.*zip bomb/);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 1024 * 1024);
  }, 300_000);
});
