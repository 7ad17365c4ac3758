import cliProgress from "cli-progress";
import { createServices, type Services } from "../app/services.js";
import { openAndMigrate } from "../app/start.js";
import { type Config, loadConfig } from "../config/config.js";

/** Opens the database (migrating it) and builds services for one CLI command, closing them afterwards. */
export async function withServices<T>(fn: (services: Services, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = await openAndMigrate(config, (line) => process.stderr.write(`${line}\n`));
  try {
    return await fn(createServices({ db: handle.db, config }), config);
  } finally {
    await handle.close();
  }
}

/** A progress bar on stderr for long-running commands (silent when stderr is not a terminal). */
export function progressBar(label: string) {
  return new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
}

/** Reads a whole secret from standard input (for --password-stdin), without the trailing newline. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** Prints an error for the person at the terminal and sets a failing exit code. */
export function fail(message: string, code = 1): void {
  process.stderr.write(`sekimori: ${message}\n`);
  process.exitCode = code;
}
