import { existsSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { createAuditAnchor, loadAuditKey } from "../audit/audit-anchor.js";
import { createAuditRepo } from "../audit/audit-repo.js";
import { createAuditService, type VerifyResult } from "../audit/audit-service.js";
import { type Config, loadConfig } from "../config/config.js";
import { dumpEmbedded, loadBackupBeside, swapInRestored, writeFileAtomically } from "../db/backup.js";
import { describeHolder, tryLockDataDir } from "../db/data-dir-lock.js";
import { type Db, kyselyForPglite, openDatabase, openPglite } from "../db/database.js";
import { migrateToLatest } from "../db/migrate.js";
import { AppError } from "../shared/errors.js";
import { describeVerify } from "./audit-commands.js";
import { fail } from "./context.js";

const POSTGRES_BACKUP = {
  ja: 'PostgreSQL のバックアップは pg_dump で取得してください: pg_dump --format=custom --file FILE "$DATABASE_URL"。復元は pg_restore --clean --if-exists --dbname "$DATABASE_URL" FILE の後に sekimori audit mark-restore --note FILE と sekimori audit verify（README「バックアップ」）',
  en: 'Back up PostgreSQL with pg_dump: pg_dump --format=custom --file FILE "$DATABASE_URL". Restore with pg_restore --clean --if-exists --dbname "$DATABASE_URL" FILE, then sekimori audit mark-restore --note FILE and sekimori audit verify (README, "Backups")',
};

function anchorFor(config: Config, by: string) {
  return createAuditAnchor({
    key: loadAuditKey(config.audit.keyFile),
    keyFile: config.audit.keyFile,
    checkpointFile: config.audit.checkpointFile,
    by,
  });
}

async function verifyDb(db: Db, config: Config): Promise<VerifyResult> {
  const audit = createAuditService({
    db,
    repo: createAuditRepo(),
    anchor: anchorFor(config, `cli pid ${process.pid} (restore)`),
  });
  return audit.verify();
}

/** `sekimori backup FILE` and `sekimori restore FILE` for the embedded database. */
export function registerBackupCommands(program: Command): void {
  program
    .command("backup")
    .description(
      "write a consistent copy of the embedded database to FILE (also while the server runs); PostgreSQL: use pg_dump",
    )
    .argument("<file>", "backup file to write (gzip tarball), e.g. sekimori-2026-01-31.tar.gz")
    .option("--force", "overwrite FILE if it exists")
    .action(async (file: string, opts: { force?: boolean }) => {
      try {
        const config = loadConfig();
        if (config.databaseUrl) throw new AppError(400, "use_pg_dump", POSTGRES_BACKUP);
        const target = path.resolve(file);
        if (existsSync(target) && !opts.force) {
          throw new AppError(409, "backup_exists", {
            ja: `${target} は既にあります。上書きするには --force を付けてください（日付入りの名前を推奨します）`,
            en: `${target} already exists; add --force to overwrite it (dated file names are recommended)`,
          });
        }
        const handle = await openDatabase({
          dataDir: config.dataDir,
          role: "cli",
          onWait: (m) => process.stderr.write(`sekimori: ${m.ja}\n          ${m.en}\n`),
        });
        let head: { lastId: number; lastHash: string };
        let written: { bytes: number; sha256: string };
        try {
          if (handle.access === "server" && handle.admin) {
            const admin = handle.admin;
            let result: Awaited<ReturnType<typeof admin.backup>> | undefined;
            written = await writeFileAtomically(target, async (append) => {
              result = await admin.backup((chunk) => append(chunk));
            });
            head = result!.head;
          } else {
            const dump = await dumpEmbedded(handle.db, handle.pglite!);
            written = await writeFileAtomically(target, async (append) => append(dump.bytes));
            head = dump.head;
            anchorFor(config, `cli pid ${process.pid}`).append({
              kind: "checkpoint",
              id: head.lastId,
              hash: head.lastHash,
              note: "backup",
            });
          }
        } finally {
          await handle.close();
        }
        process.stdout.write(
          `backup written: ${target} (${(written.bytes / 1048576).toFixed(1)} MB, sha256 ${written.sha256})\n` +
            `audit head in the backup: row ${head.lastId}\n` +
            `バックアップを書き出しました。監査鍵ファイル ${config.audit.keyFile} は別に保管してください（復元後の検証に必要です）\n` +
            `Keep the audit key file ${config.audit.keyFile} in a separate safe place (restores are verified with it).\n`,
        );
      } catch (error) {
        fail(error, error instanceof AppError && error.code === "use_pg_dump" ? 2 : 1);
      }
    });

  program
    .command("restore")
    .description(
      "replace the embedded database with a backup, after checking the backup's audit log; refuses while the server runs",
    )
    .argument("<file>", "backup file written by `sekimori backup`")
    .option("--force", "restore even if the backup's audit log does not verify (the problems are recorded)")
    .action(async (file: string, opts: { force?: boolean }) => {
      try {
        const config = loadConfig();
        if (config.databaseUrl) throw new AppError(400, "use_pg_dump", POSTGRES_BACKUP);
        const attempt = tryLockDataDir(config.dataDir, {
          role: "cli",
          command: `sekimori restore ${file}`,
        });
        if ("holder" in attempt) {
          const who = describeHolder(attempt.holder);
          throw new AppError(409, "data_dir_busy", {
            ja: `データディレクトリ ${config.dataDir} は ${who.ja} が使用中です。復元はサーバーを停止してから実行してください。何も変更していません`,
            en: `The data directory ${config.dataDir} is in use by ${who.en}; stop the server before restoring. Nothing was changed`,
          });
        }
        const lock = attempt.lock;
        try {
          const source = path.resolve(file);
          process.stderr.write(
            `loading ${source} beside the data (the current database is not touched yet)…\n`,
          );
          const loaded = await loadBackupBeside(config.dataDir, source);
          let check: VerifyResult;
          try {
            await migrateToLatest(loaded.db);
            check = await verifyDb(loaded.db, config);
          } catch (error) {
            await loaded.discard();
            throw error;
          }
          // Checkpoints newer than the backup are expected: they name what the restore loses.
          const lost = check.problems.filter((p) => p.reason === "truncated");
          const problems = check.problems.filter((p) => p.reason !== "truncated");
          if (problems.length > 0 && !opts.force) {
            await loaded.discard();
            throw new AppError(422, "backup_audit_broken", {
              ja: `バックアップの監査ログを検証できません。復元を中止しました（何も変更していません）:\n${problems.map((p) => `  - ${p.messages.ja}`).join("\n")}\n問題を承知で復元するには --force を付けてください`,
              en: `The backup's audit log does not verify; the restore was stopped (nothing was changed):\n${problems.map((p) => `  - ${p.messages.en}`).join("\n")}\nAdd --force to restore it anyway`,
            });
          }
          await loaded.close();
          const stamp = new Date().toISOString().replace(/[:.]/g, "-");
          const { previous } = swapInRestored(config.dataDir, loaded.dir, stamp);
          const anchor = anchorFor(config, `cli pid ${process.pid} (restore)`);
          anchor.append({
            kind: "restore",
            id: check.headId,
            hash: check.headHash,
            note: `${path.basename(source)} sha256:${loaded.sha256.slice(0, 16)}${problems.length > 0 ? ` (restored with --force: ${problems.map((p) => p.reason).join(", ")})` : ""}`,
          });
          // Verify again where the data now lives, with the restore recorded.
          const pglite = await openPglite({ dataDir: path.join(config.dataDir, "pglite") });
          const db = kyselyForPglite(pglite);
          let after: VerifyResult;
          try {
            after = await verifyDb(db, config);
          } finally {
            await db.destroy();
          }
          process.stdout.write(`restored ${source}: audit head row ${check.headId}\n`);
          for (const l of lost) {
            process.stdout.write(
              `rows ${l.id}–${l.lastId} written after this backup was taken are not in the restored database\n` +
                `バックアップ取得後に書かれた ${l.id}〜${l.lastId}行目は復元したデータベースにありません\n`,
            );
          }
          if (previous) {
            process.stdout.write(
              `the previous database is kept in ${previous} (delete it when you are satisfied)\n` +
                `以前のデータベースは ${previous} に残しています（確認後に削除してください）\n`,
            );
          }
          process.stdout.write(describeVerify(after));
          if (!after.ok) process.exitCode = 1;
        } finally {
          lock.release();
        }
      } catch (error) {
        fail(error, error instanceof AppError && error.code === "use_pg_dump" ? 2 : 1);
      }
    });
}
