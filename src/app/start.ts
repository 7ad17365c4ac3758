import type { Config } from "../config/config.js";
import { type DatabaseHandle, openDatabase } from "../db/database.js";
import { migrateToLatest } from "../db/migrate.js";
import { systemActor } from "../shared/actor.js";
import { createApp } from "./app.js";
import { DEMO_USERS, seedDemo } from "./demo.js";

/** Opens the configured database and brings its schema up to date, printing each migration applied. */
export async function openAndMigrate(config: Config, log: (line: string) => void): Promise<DatabaseHandle> {
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(handle.db, (r) => {
      if (r.status === "Success") log(`  migrated: ${r.migrationName}`);
    });
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/**
 * `sekimori serve`: migrate, create the first admin, seed the demo organisation once, listen, and
 * tell the person at the terminal where to go and how to log in.
 */
export async function startServer(config: Config, log: (line: string) => void = console.log) {
  log(`Sekimori: opening ${config.databaseUrl ? "PostgreSQL" : "embedded database (PGlite)"}…`);
  const handle = await openAndMigrate(config, log);
  const { app, services } = await createApp({ config, db: handle.db, databaseKind: handle.kind, log });
  const actor = systemActor("setup");
  // List imports cut short by a crash or kill: the embedded database has only this process, so any
  // unfinished import is stale; on a server, give another process's running import 10 minutes.
  const recovered = await services.lists.recoverInterruptedImports(
    actor,
    handle.kind === "pglite" ? 0 : 600_000,
  );
  if (recovered > 0) log(`  list imports interrupted earlier were cleaned up: ${recovered}`);
  const admin = await services.auth.ensureInitialAdmin(actor, config.adminPassword);
  // The built-in case library and training modules belong to every installation, not only the demo.
  await services.cases.installBuiltIns(actor);
  await services.training.installBuiltIns(actor);
  const banner: string[] = [];
  if (admin.created) {
    banner.push(
      admin.password
        ? `  初期管理者 / initial admin:  admin / ${admin.password}   (shown once — 一度だけ表示されます)`
        : "  初期管理者 / initial admin:  admin / (SEKIMORI_ADMIN_PASSWORD)",
    );
  }
  if (config.demo) {
    const password = config.demoPassword ?? config.adminPassword ?? admin.password;
    if (password) {
      const seeded = await seedDemo(services, actor, password, log);
      if (seeded.includes("demo.foundation")) {
        banner.push(
          `  デモ利用者 / demo users:    ${DEMO_USERS.map((u) => `${u.username} (${u.roles.join(",")})`).join(", ")}`,
          `                              password: ${config.demoPassword ? "(SEKIMORI_DEMO_PASSWORD)" : config.adminPassword ? "(same as SEKIMORI_ADMIN_PASSWORD)" : password}`,
        );
      }
    } else {
      log("  demo data: skipped (set SEKIMORI_DEMO_PASSWORD to seed demo users on an existing database)");
    }
  }
  await app.listen({ host: config.host, port: config.port });
  // The matching index builds in the background: the server answers meanwhile, screening calls wait
  // for it (or answer 503 "index being built"). Interrupted re-screenings and batch jobs resume.
  void services.screeningIndex.refresh();
  services.screeningIndex.startPolling(config.screening.pollSeconds * 1000);
  const resumedBatches = await services.screeningBatches.resumeUnfinished();
  if (resumedBatches > 0) log(`  batch screening jobs resumed: ${resumedBatches}`);
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = config.publicUrl.replace(`:${config.port}`, `:${port}`);
  log("");
  log(`  関守 Sekimori is running:  ${url}`);
  log(`  API documentation:         ${url}/api/docs`);
  log(`  Database:                  ${handle.kind} (${handle.location})`);
  for (const line of banner) log(line);
  if (!admin.created)
    log("  Log in with your account (reset a password with: npx sekimori user reset-password NAME)");
  log("");
  services.mailSender.start();
  if (!services.mailSender.configured)
    log("  E-mail: SEKIMORI_SMTP_URL is not set — notifications wait in the outbox (Admin › E-mail)");
  const purge = setInterval(() => {
    services.auth
      .purgeExpiredSessions()
      .catch((error) => app.log.warn({ err: error }, "session purge failed"));
  }, 3_600_000);
  purge.unref();
  const runTrainingReminders = () =>
    services.training
      .runReminders(systemActor("training-reminders"))
      .catch((error) => app.log.warn({ err: error }, "training reminders failed"));
  const trainingTimer = setInterval(runTrainingReminders, 6 * 3_600_000);
  trainingTimer.unref();
  void runTrainingReminders();
  // Export control: licence expiry (60/30 days), item re-checks, post-trip return checks, yearly
  // re-screening of long-term guests and the yearly self-inspection task — once every 6 hours.
  const runExportControl = async () => {
    const actor = systemActor("export-control");
    for (const [name, job] of [
      ["licence expiry", () => services.licences.runExpiryReminders(actor)],
      ["item re-check", () => services.exportItems.runRecheckReminders(actor)],
      ["hand-carry return", () => services.aftercare.runReturnReminders(actor)],
      ["re-screening", () => services.aftercare.runRescreens(actor)],
      ["self-inspection", () => services.selfInspection.runYearlyTask(actor)],
    ] as const)
      await job().catch((error: unknown) => app.log.warn({ err: error }, `export-control ${name} failed`));
  };
  const exportTimer = setInterval(() => void runExportControl(), 6 * 3_600_000);
  exportTimer.unref();
  void runExportControl();
  const stop = async () => {
    clearInterval(purge);
    clearInterval(trainingTimer);
    clearInterval(exportTimer);
    services.mailSender.stop();
    await services.screeningIndex.stop();
    await app.close();
    await handle.close();
  };
  return { app, services, url, stop };
}
