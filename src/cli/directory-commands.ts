import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import type { DirectoryEvent } from "../directory/directory-engine.js";
import type { SyncResult } from "../directory/directory-service.js";
import { cliActor } from "../shared/actor.js";
import { fail, withServices } from "./context.js";

/** One line per event, for previews (`--dry-run`) and apply reports. */
export function describeEvent(e: DirectoryEvent): string {
  switch (e.kind) {
    case "joiner":
      return `joiner   ${e.userName}${e.returning ? " (returning)" : ""}`;
    case "mover":
      return `mover    ${e.userName}: ${e.changes.map((c) => `${c.field} ${String(c.before ?? "-")} → ${String(c.after ?? "-")}`).join(", ")}`;
    case "updated":
      return `updated  ${e.userName}: ${e.changes.map((c) => c.field).join(", ")}`;
    case "departure":
      return `leaving  ${e.userName}: end ${e.endDate}${e.noticeDate ? `, notice ${e.noticeDate}` : ""}`;
    case "abroad":
      return `abroad   ${e.userName}: ${e.from} – ${e.until ?? "open"}`;
    case "leaver":
      return `leaver   ${e.userName} (${e.reason})`;
  }
}

function report(result: SyncResult, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  for (const e of result.events) process.stdout.write(`${describeEvent(e)}\n`);
  const c = result.counts;
  process.stdout.write(
    `${result.mode === "preview" ? "preview (nothing written)" : "applied"}: ${c.records} records, ${c.joiner} joiners, ${c.mover} movers, ${c.leaver} leavers, ${c.departure} departures, ${c.abroad} stays abroad, ${c.updated} updated, ${c.unchanged} unchanged\n`,
  );
}

/**
 * `sekimori directory …`: LDAP / Active Directory sync, HR / 学務 CSV import and SCIM tokens. Writes go
 * through the running server when there is one (withServices), so the embedded database keeps one writer.
 */
export function registerDirectoryCommands(program: Command): void {
  const directory = program
    .command("directory")
    .description("people directory: LDAP sync, HR CSV import, SCIM tokens");
  directory
    .command("sync")
    .description(
      "sync people from LDAP / Active Directory (a full snapshot: people missing from it are deactivated, never deleted)",
    )
    .requiredOption("--ldap <url>", "ldap:// or ldaps:// URL")
    .requiredOption("--base <dn>", "search base DN")
    .option("--bind-dn <dn>", "DN to bind as")
    .option("--password-file <file>", "file holding the bind password")
    .option("--filter <filter>", "LDAP filter for people entries")
    .option("--dry-run", "show joiners, movers and leavers without writing")
    .option("--allow-mass-leavers", "allow a snapshot that deactivates more than half of the LDAP people")
    .option("--json", "print the result as JSON")
    .action(async (opts) => {
      try {
        const password = opts.passwordFile
          ? (await readFile(opts.passwordFile, "utf8")).replace(/\r?\n$/, "")
          : undefined;
        await withServices(async (services) => {
          const result = await services.directory.syncLdap(cliActor(), {
            url: opts.ldap,
            baseDn: opts.base,
            bindDn: opts.bindDn,
            password,
            filter: opts.filter,
            mode: opts.dryRun ? "preview" : "apply",
            allowMassLeavers: opts.allowMassLeavers === true,
          });
          report(result, opts.json === true);
        });
      } catch (error) {
        fail(error);
      }
    });
  directory
    .command("import-csv <file>")
    .description("import an HR / 学務 CSV (UTF-8 or Shift_JIS); any bad row refuses the whole file")
    .option("--encoding <encoding>", "auto | utf8 | shift_jis", "auto")
    .option("--dry-run", "show joiners, movers and leavers without writing")
    .option(
      "--full",
      "the file is the complete roster: people from earlier CSV imports missing from it are deactivated",
    )
    .option("--allow-mass-leavers", "with --full, allow deactivating more than half of the CSV people")
    .option("--json", "print the result as JSON")
    .action(async (file: string, opts) => {
      try {
        if (!["auto", "utf8", "shift_jis"].includes(opts.encoding))
          throw new Error("--encoding must be auto, utf8 or shift_jis");
        const bytes = await readFile(file);
        await withServices(async (services) => {
          const result = await services.directory.importCsv(cliActor(), {
            file: path.basename(file),
            bytes,
            encoding: opts.encoding,
            mode: opts.dryRun ? "preview" : "apply",
            full: opts.full === true,
            allowMassLeavers: opts.allowMassLeavers === true,
          });
          if (result.ignoredColumns.length > 0 && opts.json !== true)
            process.stderr.write(`columns not read: ${result.ignoredColumns.join(", ")}\n`);
          report(result, opts.json === true);
        });
      } catch (error) {
        fail(error);
      }
    });
  const token = directory
    .command("scim-token")
    .description("bearer tokens for SCIM provisioning (stored hashed)");
  token
    .command("create")
    .description(
      "create a token for a label, revoking the label's older tokens (rotation); the token is shown once",
    )
    .requiredOption("--label <label>", "e.g. entra, okta")
    .action(async (opts) => {
      try {
        await withServices(async (services) => {
          const t = await services.directory.createScimToken(cliActor(), opts.label);
          process.stdout.write(`${t.token}\n`);
          process.stderr.write(
            `SCIM token for "${t.label}" (shown once; ${t.revoked} older token(s) revoked). Base URL: https://<host>/scim/v2\n`,
          );
        });
      } catch (error) {
        fail(error);
      }
    });
  token
    .command("revoke")
    .requiredOption("--label <label>")
    .action(async (opts) => {
      try {
        await withServices(async (services) => {
          const r = await services.directory.revokeScimToken(cliActor(), opts.label);
          process.stdout.write(`revoked: ${r.revoked}\n`);
        });
      } catch (error) {
        fail(error);
      }
    });
  token.command("list").action(async () => {
    try {
      await withServices(
        async (services) => {
          for (const t of await services.directory.listScimTokens())
            process.stdout.write(
              `${t.label}\t${t.createdAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : "active"}\tlast used ${t.lastUsedAt ?? "never"}\n`,
            );
        },
        { checkpoint: false },
      );
    } catch (error) {
      fail(error);
    }
  });
}
