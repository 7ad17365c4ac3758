import { vi } from "vitest";
import { buildProgram } from "../cli/index.js";

export type CliResult = { out: string; err: string; code: number };

/**
 * Runs one `sekimori …` command in-process and returns what it printed and its exit code, so CLI
 * tests check the real commands (argument parsing, services, database) without spawning Node.
 */
export async function runCli(...args: string[]): Promise<CliResult> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const e = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  process.exitCode = 0;
  try {
    await buildProgram()
      .exitOverride()
      .parseAsync(["node", "sekimori", ...args]);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, code };
}
