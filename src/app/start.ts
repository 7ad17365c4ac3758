import { randomBytes } from "node:crypto";
import { prepareAuditAnchor } from "../audit/audit-anchor.js";
import type { Config } from "../config/config.js";
import { dumpEmbedded } from "../db/backup.js";
import { type DatabaseHandle, type OpenOptions, openDatabase } from "../db/database.js";
import { adminSocketPath, type LocalAdminServer, startLocalAdmin } from "../db/local-admin.js";
import { isSchemaCurrent, migrateToLatest } from "../db/migrate.js";
import { systemActor } from "../shared/actor.js";
import { AppError } from "../shared/errors.js";
import { createApp } from "./app.js";
import { DEMO_USERS, seedDemo } from "./demo.js";

/**
 * Opens the configured database and brings its schema up to date, printing each migration applied.
 * A CLI command that reaches the embedded database through the running server does not migrate
 * (the server did at start); it refuses when its program expects a newer schema than the server's.
 */
export async function openAndMigrate(
  config: Config,
  log: (line: string) => void,
  options: Pick<OpenOptions, "role" | "throughServer" | "command" | "waitSeconds" | "onWait"> = {},
): Promise<DatabaseHandle> {
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, ...options });
  try {
    if (handle.access === "server") {
      if (!(await isSchemaCurrent(handle.db))) {
        throw new AppError(409, "server_schema_outdated", {
          ja: "稼働中のサーバーのデータベースはこのプログラムより古いスキーマです。サーバーを再起動（起動時に移行されます）してから再実行してください。何も変更していません",
          en: "The running server's database has an older schema than this program expects: restart the server (it migrates at start), then run the command again. Nothing was changed",
        });
      }
      return handle;
    }
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
  const handle = await openAndMigrate(config, log, { role: "server", onWait: (m) => log(`  ${m.en}`) });
  // What start-up has opened so far, closed again when a later step fails.
  const opened: { localAdmin: LocalAdminServer | null; checkpointTimer: NodeJS.Timeout | null } = {
    localAdmin: null,
    checkpointTimer: null,
  };
  try {
    return await serve();
  } catch (error) {
    if (opened.checkpointTimer) clearInterval(opened.checkpointTimer);
    await opened.localAdmin?.close();
    await handle.close();
    throw error;
  }

  async function serve() {
    const { anchor, created: keyCreated } = await prepareAuditAnchor(handle.db, {
      keyFile: config.audit.keyFile,
      checkpointFile: config.audit.checkpointFile,
      by: `server pid ${process.pid}`,
      mode: "create",
    });
    if (keyCreated)
      log(`  audit key created: ${config.audit.keyFile} (back it up separately from the database)`);
    const { app, services } = await createApp({
      config,
      db: handle.db,
      databaseKind: handle.kind,
      log,
      auditAnchor: anchor,
    });
    // CLI commands run while the server holds the embedded database send their SQL through this
    // socket: one process writes the folder, and a command never reports success for a lost write.
    if (handle.kind === "pglite" && handle.pglite && handle.lock) {
      const pglite = handle.pglite;
      const token = randomBytes(32).toString("hex");
      const localAdmin = await startLocalAdmin({
        db: handle.db,
        socketPath: adminSocketPath(config.dataDir),
        token,
        info: { auditKeyId: anchor.key?.id ?? null },
        backup: async () => {
          const dump = await dumpEmbedded(handle.db, pglite);
          anchor.append({
            kind: "checkpoint",
            id: dump.head.lastId,
            hash: dump.head.lastHash,
            note: "backup",
          });
          return dump;
        },
        log: (line) => app.log.warn(line),
      });
      opened.localAdmin = localAdmin;
      handle.lock.update({ adminSocket: localAdmin.socketPath, adminToken: token });
    }
    const writeCheckpoint = () =>
      services.audit
        .checkpoint()
        .then((record) => {
          if (record) app.log.info({ auditCheckpoint: record }, "audit checkpoint");
        })
        .catch((error) => app.log.warn({ err: error }, "audit checkpoint failed"));
    const checkpointTimer = setInterval(writeCheckpoint, config.audit.checkpointSeconds * 1000);
    checkpointTimer.unref();
    opened.checkpointTimer = checkpointTimer;
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
    // Background jobs (approach reports' party linking and screening): left-over jobs first.
    services.jobs.start();
    const jobsPurge = setInterval(() => {
      services.jobs.purgeDone().catch((error) => app.log.warn({ err: error }, "job purge failed"));
    }, 24 * 3_600_000);
    jobsPurge.unref();
    services.mailSender.start();
    if (!services.mailSender.configured)
      log("  E-mail: SEKIMORI_SMTP_URL is not set — notifications wait in the outbox (Admin › E-mail)");
    const purge = setInterval(() => {
      services.auth
        .purgeExpiredSessions()
        .catch((error) => app.log.warn({ err: error }, "session purge failed"));
      services.sso.purge().catch((error) => app.log.warn({ err: error }, "SSO flow purge failed"));
    }, 3_600_000);
    purge.unref();
    const runTrainingReminders = () =>
      services.training
        .runReminders(systemActor("training-reminders"))
        .catch((error) => app.log.warn({ err: error }, "training reminders failed"));
    const trainingTimer = setInterval(runTrainingReminders, 6 * 3_600_000);
    trainingTimer.unref();
    void runTrainingReminders();
    // e-Rad pledges due within 14 days or overdue (issue 16): tasks for the researcher and, when
    // overdue, the secretariat — de-duplicated, so a repeated run sends nothing twice.
    const runPledgeReminders = () =>
      services.projects
        .sendPledgeReminders(systemActor("pledge-reminders"))
        .catch((error) => app.log.warn({ err: error }, "pledge reminders failed"));
    const pledgeTimer = setInterval(runPledgeReminders, 6 * 3_600_000);
    pledgeTimer.unref();
    void runPledgeReminders();
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
    await writeCheckpoint();
    const stop = async () => {
      clearInterval(purge);
      clearInterval(trainingTimer);
      clearInterval(pledgeTimer);
      clearInterval(exportTimer);
      clearInterval(checkpointTimer);
      clearInterval(jobsPurge);
      await services.jobs.stop();
      services.mailSender.stop();
      await services.screeningIndex.stop();
      await app.close();
      await opened.localAdmin?.close();
      await writeCheckpoint();
      await handle.close();
    };
    return { app, services, url, stop, adminSocket: opened.localAdmin?.socketPath ?? null };
  }
}
