import cliProgress from "cli-progress";
import { createServices, type Services } from "../app/services.js";
import { openAndMigrate } from "../app/start.js";
import { type Config, loadConfig } from "../config/config.js";
import { AppError } from "../shared/errors.js";

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

/** An error as one readable text: AppErrors list their fields, others give their message. */
export function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const fields =
      error.fields?.map((f) => `\n  ${f.path}: ${f.message.en} / ${f.message.ja}`).join("") ?? "";
    return `${error.messages.en}${fields}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Prints an error for the person at the terminal and sets a failing exit code. */
export function fail(error: unknown, code = 1): void {
  process.stderr.write(`sekimori: ${describeError(error)}\n`);
  process.exitCode = code;
}
