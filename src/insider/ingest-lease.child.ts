/**
 * Child process of ingest-lease.test.ts: starts `insider ingest` of a dataset on a file-backed
 * database with a short lease, says when it is under way, and is killed with SIGKILL there.
 * `node --import ./scripts/ts-register.mjs src/insider/ingest-lease.child.ts DATA_DIR DATASET`
 */

import { createSettingsRepo } from "../app/settings-repo.js";
import { createAuditRepo } from "../audit/audit-repo.js";
import { createAuditService } from "../audit/audit-service.js";
import { openDatabase } from "../db/database.js";
import { migrateToLatest } from "../db/migrate.js";
import { systemActor } from "../shared/actor.js";
import { createInsiderRepo } from "./insider-repo.js";
import { createInsiderService } from "./insider-service.js";

const [dataDir, dataset] = process.argv.slice(2);
const handle = await openDatabase({ dataDir: dataDir!, throughServer: false, waitSeconds: 120 });
await migrateToLatest(handle.db);
const audit = createAuditService({ db: handle.db, repo: createAuditRepo() });
const insider = createInsiderService({
  db: handle.db,
  repo: createInsiderRepo(),
  audit,
  settings: createSettingsRepo(),
  ingestLease: { renewMs: 200, expireMs: 2000 },
});
let told = false;
await insider.ingestPath(systemActor("lease-test"), dataset!, {
  onProgress: () => {
    if (told) return;
    told = true;
    process.stdout.write("ingesting\n");
  },
});
process.stdout.write("done\n");
