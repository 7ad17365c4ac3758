/**
 * Child process of crash-loop.test.ts: opens the embedded database the way every Sekimori process
 * does (data-directory lock, migrations, audit key), then writes audited rows as fast as it can,
 * announcing each commit, until the test kills it with SIGKILL.
 * `node --import ./scripts/ts-register.mjs src/db/crash-loop.child.ts DATA_DIR`
 */
import path from "node:path";
import { sql } from "kysely";
import { prepareAuditAnchor } from "../audit/audit-anchor.js";
import { createAuditRepo } from "../audit/audit-repo.js";
import { createAuditService } from "../audit/audit-service.js";
import { createPartiesRepo } from "../parties/parties-repo.js";
import { createPartiesService } from "../parties/parties-service.js";
import { createPartyReferencesRepo } from "../parties/party-references-repo.js";
import { systemActor } from "../shared/actor.js";
import { openDatabase } from "./database.js";
import { migrateToLatest } from "./migrate.js";

const dataDir = process.argv[2]!;
process.stdout.write("opening\n");
const handle = await openDatabase({ dataDir, throughServer: false, waitSeconds: 120 });
await migrateToLatest(handle.db);
const { anchor } = await prepareAuditAnchor(handle.db, {
  keyFile: path.join(dataDir, "audit.key"),
  checkpointFile: path.join(dataDir, "audit-checkpoints.jsonl"),
  by: `crash-loop pid ${process.pid}`,
  mode: "create",
});
const audit = createAuditService({ db: handle.db, repo: createAuditRepo(), anchor });
const parties = createPartiesService({
  db: handle.db,
  repo: createPartiesRepo(),
  references: createPartyReferencesRepo(),
  audit,
});
process.stdout.write("open\n");
const actor = systemActor("crash-loop");
for (let i = 0; ; i++) {
  const party = await parties.create(actor, {
    kind: "organization",
    names: [{ name: `Crash Loop ${process.pid}-${i} Trading Co.` }, { name: `クラッシュ試験${i}株式会社` }],
  });
  process.stdout.write(`committed ${party.id}\n`);
  if (i % 5 === 4) await audit.checkpoint();
  // PostgreSQL checkpoints now and then, so kills also land in and around them.
  if (i % 7 === 6) await sql`CHECKPOINT`.execute(handle.db);
}
