import { Command } from "commander";
import { startServer } from "../app/start.js";
import { VERSION } from "../app/version.js";
import { registerTrainingCommands } from "../cases/training-commands.js";
import { loadConfig } from "../config/config.js";
import { openDatabase } from "../db/database.js";
import { isSchemaCurrent, migrateToLatest } from "../db/migrate.js";
import { registerInsiderCommands } from "../insider/insider-commands.js";
import { registerPeopleCommands } from "../people/people-commands.js";
import { registerAuditCommands } from "./audit-commands.js";
import { registerBackupCommands } from "./backup-commands.js";
import { fail } from "./context.js";
import { registerDirectoryCommands } from "./directory-commands.js";
import { registerListsCommands } from "./lists-commands.js";
import { registerScreenCommands } from "./screen-commands.js";
import { registerUserCommands } from "./user-commands.js";

/** Builds the `sekimori` command tree; modules add their command groups here. */
export function buildProgram(): Command {
  const program = new Command()
    .name("sekimori")
    .description("関守 Sekimori — research security and export control (settings: see README)")
    .version(VERSION);

  program
    .command("serve")
    .description("migrate the database, seed demo data on first start, and run the web server")
    .option("--no-demo", "do not seed demo data")
    .option("-p, --port <port>", "port (overrides PORT)")
    .option("--host <host>", "interface (overrides HOST)")
    .action(async (opts) => {
      try {
        const config = loadConfig({
          ...process.env,
          ...(opts.port ? { PORT: String(opts.port) } : {}),
          ...(opts.host ? { HOST: String(opts.host) } : {}),
          ...(opts.demo === false ? { SEKIMORI_DEMO: "false" } : {}),
        });
        const server = await startServer(config);
        const shutdown = async (signal: string) => {
          process.stderr.write(`\n${signal}: stopping…\n`);
          await server.stop();
          process.exit(0);
        };
        process.once("SIGINT", () => void shutdown("SIGINT"));
        process.once("SIGTERM", () => void shutdown("SIGTERM"));
      } catch (error) {
        fail(error);
        process.exit(1);
      }
    });

  program
    .command("migrate")
    .description("bring the database schema up to date (also done by serve)")
    .action(async () => {
      try {
        const config = loadConfig();
        const handle = await openDatabase({
          databaseUrl: config.databaseUrl,
          dataDir: config.dataDir,
          role: "cli",
          onWait: (m) => process.stderr.write(`sekimori: ${m.ja}\n          ${m.en}\n`),
        });
        try {
          if (handle.access === "server") {
            // The server migrated at start; a newer program needs the server restarted to migrate.
            if (!(await isSchemaCurrent(handle.db))) {
              throw new Error(
                "the running server's schema is older than this program's: restart the server (it migrates at start) / " +
                  "稼働中のサーバーのスキーマはこのプログラムより古いため、サーバーを再起動してください（起動時に移行されます）",
              );
            }
            process.stdout.write(`schema is up to date (${handle.location})\n`);
            return;
          }
          const results = await migrateToLatest(handle.db, (r) =>
            process.stdout.write(`${r.status}: ${r.migrationName}\n`),
          );
          if (results.length === 0)
            process.stdout.write(`schema is up to date (${handle.kind}: ${handle.location})\n`);
        } finally {
          await handle.close();
        }
      } catch (error) {
        fail(error);
      }
    });

  registerUserCommands(program);
  registerAuditCommands(program);
  registerBackupCommands(program);
  registerListsCommands(program);
  registerScreenCommands(program);
  registerPeopleCommands(program);
  registerTrainingCommands(program);
  registerInsiderCommands(program);
  registerDirectoryCommands(program);
  return program;
}

/** Entry point used by bin/sekimori.js. */
export async function main(argv: string[]): Promise<void> {
  await buildProgram().parseAsync(argv);
}
