import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Command } from "commander";
import { auditCsvLines } from "../audit/audit-service.js";
import { fail, progressBar, withServices } from "./context.js";

/** `sekimori audit verify|export`. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command("audit").description("verify and export the tamper-evident audit log");

  audit
    .command("verify")
    .description("recompute the hash chain; exits 1 and names the first broken row if it was tampered with")
    .option("--json", "print the result as JSON")
    .action(async (opts) => {
      try {
        await withServices(async (services) => {
          const bar = progressBar("verifying");
          let started = false;
          const result = await services.audit.verify((checked, total) => {
            if (!started) {
              bar.start(total, 0);
              started = true;
            }
            bar.update(checked);
          });
          if (started) bar.stop();
          if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          else if (result.ok) {
            process.stdout.write(
              `audit log intact: ${result.checked} rows, head ${result.headId} ${result.headHash}\n`,
            );
          } else {
            process.stdout.write(
              `AUDIT LOG BROKEN at row ${result.broken!.id}: ${result.broken!.reason} — ${result.broken!.detail}\n` +
                `(${result.checked} rows before it are intact)\n`,
            );
          }
          if (!result.ok) process.exitCode = 1;
        });
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
        await withServices(async (services) => {
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
        });
      } catch (error) {
        fail(error);
      }
    });
}
