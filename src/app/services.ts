import { createAuditRepo } from "../audit/audit-repo.js";
import { createAuditService } from "../audit/audit-service.js";
import { createAuthRepo } from "../auth/auth-repo.js";
import { createAuthService } from "../auth/auth-service.js";
import type { Config } from "../config/config.js";
import type { Db } from "../db/database.js";
import { createPartiesRepo } from "../parties/parties-repo.js";
import { createPartiesService } from "../parties/parties-service.js";
import { createIndexManager } from "../screening/index-manager.js";
import { createListsRepo } from "../screening/lists-repo.js";
import { createListsService, type ListsService } from "../screening/lists-service.js";
import { createBatchService } from "../screening/screening-batch-service.js";
import { createScreeningRepo } from "../screening/screening-repo.js";
import { createScreeningService } from "../screening/screening-service.js";
import { createMailSender } from "../tasks/mail-sender.js";
import { createTasksRepo } from "../tasks/tasks-repo.js";
import { createTasksService } from "../tasks/tasks-service.js";
import { createSettingsRepo } from "./settings-repo.js";

/**
 * The composition root: builds every service once with its explicit dependencies. Modules add
 * their service here; nothing else constructs services.
 */
export function createServices({
  db,
  config,
  clock,
  log,
}: {
  db: Db;
  config: Config;
  clock?: () => Date;
  log?: (line: string) => void;
}) {
  const audit = createAuditService({ db, repo: createAuditRepo(), ...(clock ? { clock } : {}) });
  const auth = createAuthService({
    db,
    repo: createAuthRepo(),
    audit,
    session: { idleMinutes: config.session.idleMinutes, maxHours: config.session.maxHours },
    lockout: { maxFailures: config.login.maxFailures, lockoutMinutes: config.login.lockoutMinutes },
    ...(clock ? { clock } : {}),
  });
  const parties = createPartiesService({ db, repo: createPartiesRepo(), audit });
  const settings = createSettingsRepo();
  const listsCore = createListsService({
    db,
    repo: createListsRepo(),
    audit,
    keepSnapshots: config.lists.keepSnapshots,
    ...(clock ? { clock } : {}),
  });
  // Screening: the matching index is rebuilt (and everyone re-screened) when an import activates a
  // snapshot — told explicitly here by wrapping importList, and by polling for other processes' imports.
  const screeningIndex = createIndexManager({
    lists: listsCore,
    threshold: config.screening.threshold,
    waitMs: config.screening.waitSeconds * 1000,
    ...(log ? { log } : {}),
  });
  const lists: ListsService = {
    ...listsCore,
    async importList(actor, input) {
      const snapshot = await listsCore.importList(actor, input);
      void screeningIndex.refresh();
      return snapshot;
    },
  };
  const tasksRepo = createTasksRepo();
  const tasks = createTasksService({
    db,
    repo: tasksRepo,
    audit,
    publicUrl: config.publicUrl,
    ...(clock ? { clock } : {}),
  });
  const mailSender = createMailSender({
    db,
    repo: tasksRepo,
    smtpUrl: config.mail.smtpUrl,
    from: config.mail.from,
  });
  const screeningRepo = createScreeningRepo();
  const screening = createScreeningService({
    db,
    repo: screeningRepo,
    audit,
    parties,
    tasks,
    index: screeningIndex,
    threshold: config.screening.threshold,
    ...(clock ? { clock } : {}),
    ...(log ? { log } : {}),
  });
  screeningIndex.onSwap((next) => screening.rescreenFor(next));
  const screeningBatches = createBatchService({
    db,
    repo: screeningRepo,
    audit,
    index: screeningIndex,
    threshold: config.screening.threshold,
    maxRows: config.screening.batchMaxRows,
    ...(clock ? { clock } : {}),
    ...(log ? { log } : {}),
  });
  return {
    db,
    config,
    audit,
    auth,
    parties,
    settings,
    lists,
    tasks,
    mailSender,
    screeningIndex,
    screening,
    screeningBatches,
  };
}

export type Services = ReturnType<typeof createServices>;
