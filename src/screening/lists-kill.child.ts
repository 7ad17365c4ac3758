/**
 * Child process of lists-kill.db.test.ts: imports a list into a file-backed PGlite database slowly,
 * announcing each stored batch on stdout, so the test can kill it with SIGKILL part-way through.
 * Run with `node --import ./scripts/ts-register.mjs src/screening/lists-kill.child.ts DIR FILE FORMAT SOURCE`.
 */
import { createAuditRepo } from "../audit/audit-repo.js";
import { createAuditService } from "../audit/audit-service.js";
import { openDatabase } from "../db/database.js";
import { migrateToLatest } from "../db/migrate.js";
import { systemActor } from "../shared/actor.js";
import { createListsRepo } from "./lists-repo.js";
import { createListsService } from "./lists-service.js";

const [dataDir, file, format, source] = process.argv.slice(2);
const handle = await openDatabase({ dataDir: dataDir! });
await migrateToLatest(handle.db);
const audit = createAuditService({ db: handle.db, repo: createAuditRepo() });
const lists = createListsService({ db: handle.db, repo: createListsRepo(), audit, batchSize: 100 });
await lists.importList(systemActor("kill-test"), {
  files: [file!],
  format: format!,
  source,
  onBatch: async (written) => {
    process.stdout.write(`batch ${written}\n`);
    await new Promise((resolve) => setTimeout(resolve, 30));
  },
});
process.stdout.write("done\n");
await handle.close();
