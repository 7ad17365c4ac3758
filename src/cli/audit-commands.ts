import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Command } from "commander";
import { openAndMigrate } from "../app/start.js";
import { replaceAuditKey } from "../audit/audit-anchor.js";
import { auditCsvLines, type VerifyResult } from "../audit/audit-service.js";
import { loadConfig } from "../config/config.js";
import { fail, progressBar, withServices } from "./context.js";

/** The result of `audit verify` for the terminal: verdict, what it rests on, every problem, in English and Japanese. */
export function describeVerify(result: VerifyResult): string {
  const lines: string[] = [];
  const a = result.anchor;
  if (result.ok) {
    lines.push(`audit log intact: ${result.checked} rows, head ${result.headId} ${result.headHash}`);
    lines.push(`監査ログは完全です: ${result.checked} 行、先頭 ${result.headId}`);
  } else {
    lines.push(
      `AUDIT LOG BROKEN (${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}):`,
    );
    lines.push("監査ログに改ざんまたは欠落があります:");
    for (const p of result.problems) {
      lines.push(`  - ${p.messages.en}`);
      lines.push(`    ${p.messages.ja}`);
    }
  }
  const key =
    a.key === "ok"
      ? `key ${a.keyId} (${a.signedRows} signed rows${a.firstSignedId !== null ? ` from row ${a.firstSignedId}` : ""})`
      : a.key === "missing"
        ? "key MISSING"
        : "no key";
  const cp = a.lastCheckpoint
    ? `${a.checkpoints} checkpoints, last at row ${a.lastCheckpoint.id} (${a.lastCheckpoint.at})`
    : `${a.checkpoints} checkpoints`;
  lines.push(`anchor: ${key}; ${cp}${a.checkpointFile ? ` in ${a.checkpointFile}` : ""}`);
  for (const n of result.notes) {
    lines.push(`note: ${n.en}`);
    lines.push(`      ${n.ja}`);
  }
  return `${lines.join("\n")}\n`;
}

/** `sekimori audit verify|export|mark-restore`. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command("audit").description("verify and export the tamper-evident audit log");

  audit
    .command("verify")
    .description(
      "check the hash chain, every row's MAC (audit key) and the signed checkpoints; exits 1 and names rewritten or removed rows",
    )
    .option("--json", "print the result as JSON")
    .action(async (opts) => {
      try {
        await withServices(
          async (services) => {
            const bar = progressBar("verifying");
            let started = false;
            const result = await services.audit.verify((checked, total) => {
              if (!process.stderr.isTTY) return;
              if (!started) {
                bar.start(total, 0);
                started = true;
              }
              bar.update(checked);
            });
            if (started) bar.stop();
            if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
            else process.stdout.write(describeVerify(result));
            if (!result.ok) process.exitCode = 1;
          },
          { auditKey: "optional", checkpoint: false },
        );
      } catch (error) {
        fail(error);
      }
    });

  audit
    .command("mark-restore")
    .description(
      "record in the checkpoint file that the database was restored from a backup (after pg_restore on PostgreSQL), so verify does not report the newer checkpoints as removed rows",
    )
    .requiredOption("--note <text>", "what was restored, e.g. the backup file's name and date")
    .action(async (opts: { note: string }) => {
      try {
        await withServices(async (services) => {
          const record = await services.audit.checkpoint("restore", opts.note);
          if (!record) throw new Error("no audit key: nothing to record");
          process.stdout.write(`recorded restore at row ${record.id} (${record.at})\n`);
        });
      } catch (error) {
        fail(error);
      }
    });

  audit
    .command("replace-key")
    .description(
      "create a new audit key when the old one is lost or may have been read (server stopped); rows signed with the old key are then fixed by the new key's first checkpoint",
    )
    .requiredOption("--reason <text>", "why, recorded in the checkpoint file")
    .action(async (opts: { reason: string }) => {
      try {
        const config = loadConfig();
        const handle = await openAndMigrate(config, (line) => process.stderr.write(`${line}\n`), {
          role: "cli",
          throughServer: false,
        });
        try {
          const r = await replaceAuditKey(handle.db, {
            keyFile: config.audit.keyFile,
            checkpointFile: config.audit.checkpointFile,
            by: `cli pid ${process.pid}`,
            reason: opts.reason,
          });
          process.stdout.write(
            `new audit key ${r.anchor.key!.id} in ${config.audit.keyFile}; it fixes the log up to row ${r.head}\n` +
              (r.keptAs ? `the previous key file was kept as ${r.keptAs}\n` : "") +
              `新しい監査鍵を作成しました。安全な場所に保管し、PostgreSQL で複数のサーバーがある場合は全サーバーに配置してください\n` +
              "Store the new key safely; with PostgreSQL, install it on every application server.\n",
          );
        } finally {
          await handle.close();
        }
      } catch (error) {
        fail(error);
      }
    });

  audit
    .command("export")
    .description("write the audit log (optionally filtered) as CSV")
    .option("-o, --out <file>", "output file (default: standard output)")
    .option("--from <date>", "entries at or after this date/time (ISO 8601)")
    .option("--to <date>", "entries before this date/time (ISO 8601)")
    .option("--action <action>", "only this action, e.g. party.updated")
    .option("--entity-type <type>", "only this entity type, e.g. party")
    .option("--entity-id <id>", "only this entity")
    .option("--lang <lang>", "language of the headers and labels: ja or en", "ja")
    .action(async (opts) => {
      try {
        await withServices(
          async (services) => {
            const filter = {
              from: opts.from,
              to: opts.to,
              action: opts.action,
              entityType: opts.entityType,
              entityId: opts.entityId,
            };
            const out = opts.out ? createWriteStream(opts.out) : process.stdout;
            const total = opts.out ? (await services.audit.list(filter, 1)).total : 0;
            const bar = progressBar("exporting");
            if (opts.out) bar.start(total, 0);
            let n = 0;
            if (opts.out) out.write("\uFEFF");
            const csvOptions = {
              lang: opts.lang === "en" ? ("en" as const) : ("ja" as const),
              timeZone: await services.organisation.timeZone(),
            };
            for await (const line of auditCsvLines(services.audit.iterateLabelled(filter), csvOptions)) {
              if (!out.write(line)) await once(out, "drain");
              n += 1;
              if (opts.out && n % 500 === 0) bar.update(n - 1);
            }
            if (opts.out) {
              bar.update(total);
              bar.stop();
              await new Promise<void>((resolve, reject) =>
                (out as ReturnType<typeof createWriteStream>).end((e?: Error | null) =>
                  e ? reject(e) : resolve(),
                ),
              );
              process.stderr.write(`wrote ${n - 1} entries to ${opts.out}\n`);
            }
          },
          { auditKey: "optional", checkpoint: false },
        );
      } catch (error) {
        fail(error);
      }
    });
}
