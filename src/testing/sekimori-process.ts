import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Real `sekimori` processes for tests: the server and CLI commands run from the TypeScript sources
 * (scripts/ts-register.mjs), as separate operating-system processes — what an operator runs.
 */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function args(cli: string[]): string[] {
  return [
    "--import",
    path.join(ROOT, "scripts/ts-register.mjs"),
    path.join(ROOT, "src/testing/sekimori.entry.ts"),
    ...cli,
  ];
}

export type ProcessResult = { code: number | null; signal: NodeJS.Signals | null; out: string; err: string };

/** Runs one `sekimori …` command as its own process and collects its output. */
export function runSekimoriProcess(
  cli: string[],
  env: Record<string, string>,
  options: { input?: string } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args(cli), {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => {
      out += c;
    });
    child.stderr.setEncoding("utf8").on("data", (c: string) => {
      err += c;
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve({ code, signal, out, err }));
    child.stdin.end(options.input ?? "");
  });
}

export type ServerProcess = {
  child: ChildProcess;
  url: string;
  output(): string;
  /** SIGTERM and wait: the server stops cleanly (exit code 0). */
  stop(): Promise<number | null>;
};

/** Starts `sekimori serve` as a process and waits until it says it is running. */
export function startSekimoriServer(
  env: Record<string, string>,
  timeoutMs = 240_000,
): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args(["serve", "--no-demo"]), {
      cwd: ROOT,
      env: { ...process.env, HOST: "127.0.0.1", PORT: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the server did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (c: string) => {
      out += c;
      const m = /is running:\s+(http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          child,
          url: m[1]!,
          output: () => out,
          async stop() {
            child.kill("SIGTERM");
            return exited;
          },
        });
      }
    };
    child.stdout.setEncoding("utf8").on("data", onData);
    child.stderr.setEncoding("utf8").on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before it started:\n${out}`));
    });
  });
}
