import cliProgress from "cli-progress";
import { createServices, type Services } from "../app/services.js";
import { openAndMigrate } from "../app/start.js";
import { prepareAuditAnchor } from "../audit/audit-anchor.js";
import { type Config, loadConfig } from "../config/config.js";
import type { DatabaseHandle } from "../db/database.js";
import { AppError } from "../shared/errors.js";

/**
 * Opens the database and builds services for one CLI command, closing them afterwards. With the
 * embedded database, a command run while the server is up sends its SQL through the server's admin
 * socket (the server owns the folder); otherwise it takes the data directory's lock (waiting for
 * another command to finish) and migrates. A signed checkpoint of the audit head is written after
 * the command, so what it wrote is anchored outside the database.
 *
 * auditKey: "create" (default) creates the audit key on first use; "optional" works without it
 * (`audit verify` reports a missing key itself). checkpoint: false for commands that only read.
 */
export async function withServices<T>(
  fn: (services: Services, config: Config, handle: DatabaseHandle) => Promise<T>,
  options: { auditKey?: "create" | "optional"; checkpoint?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const handle = await openAndMigrate(config, (line) => process.stderr.write(`${line}\n`), {
    role: "cli",
    onWait: (m) => process.stderr.write(`sekimori: ${m.ja}\n          ${m.en}\n`),
  });
  try {
    const viaServer = handle.access === "server";
    const { anchor } = await prepareAuditAnchor(handle.db, {
      keyFile: config.audit.keyFile,
      checkpointFile: config.audit.checkpointFile,
      by: `cli pid ${process.pid}${viaServer ? " (through the server)" : ""}`,
      mode: options.auditKey === "optional" ? "optional" : viaServer ? "require" : "create",
      ...(viaServer ? { serverKeyId: (handle.admin?.serverInfo.auditKeyId as string | null) ?? null } : {}),
    });
    const services = createServices({ db: handle.db, config, auditAnchor: anchor });
    try {
      return await fn(services, config, handle);
    } finally {
      if (options.checkpoint !== false)
        await services.audit.checkpoint().catch((error) => {
          process.stderr.write(`sekimori: audit checkpoint not written: ${describeError(error)}\n`);
        });
    }
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

/** An error as one readable text: AppErrors in Japanese and English with their fields, others give their message. */
export function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const fields =
      error.fields?.map((f) => `\n  ${f.path}: ${f.message.en} / ${f.message.ja}`).join("") ?? "";
    const { ja, en } = error.messages;
    return `${ja === en ? en : `${ja} / ${en}`}${fields}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Prints an error for the person at the terminal and sets a failing exit code. */
export function fail(error: unknown, code = 1): void {
  process.stderr.write(`sekimori: ${describeError(error)}\n`);
  process.exitCode = code;
}
