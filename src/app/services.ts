import { createAuditRepo } from "../audit/audit-repo.js";
import { createAuditService } from "../audit/audit-service.js";
import { createAuthRepo } from "../auth/auth-repo.js";
import { createAuthService } from "../auth/auth-service.js";
import type { Config } from "../config/config.js";
import type { Db } from "../db/database.js";
import { createPartiesRepo } from "../parties/parties-repo.js";
import { createPartiesService } from "../parties/parties-service.js";
import { createListsRepo } from "../screening/lists-repo.js";
import { createListsService } from "../screening/lists-service.js";
import { createMailSender } from "../tasks/mail-sender.js";
import { createTasksRepo } from "../tasks/tasks-repo.js";
import { createTasksService } from "../tasks/tasks-service.js";
import { createSettingsRepo } from "./settings-repo.js";

/**
 * The composition root: builds every service once with its explicit dependencies. Modules add
 * their service here; nothing else constructs services.
 */
export function createServices({ db, config, clock }: { db: Db; config: Config; clock?: () => Date }) {
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
  const lists = createListsService({
    db,
    repo: createListsRepo(),
    audit,
    keepSnapshots: config.lists.keepSnapshots,
    ...(clock ? { clock } : {}),
  });
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
  return { db, config, audit, auth, parties, settings, lists, tasks, mailSender };
}

export type Services = ReturnType<typeof createServices>;
