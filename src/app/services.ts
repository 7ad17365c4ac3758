import { createApproachRepo } from "../approaches/approach-repo.js";
import { createApproachService } from "../approaches/approach-service.js";
import { createAuditRepo } from "../audit/audit-repo.js";
import { createAuditService } from "../audit/audit-service.js";
import { createAuthRepo } from "../auth/auth-repo.js";
import { createAuthService } from "../auth/auth-service.js";
import { createCasesRepo } from "../cases/cases-repo.js";
import { createCasesService } from "../cases/cases-service.js";
import { createTrainingRepo } from "../cases/training-repo.js";
import { createTrainingService } from "../cases/training-service.js";
import type { Config } from "../config/config.js";
import type { Db } from "../db/database.js";
import { createInsiderRepo } from "../insider/insider-repo.js";
import { createInsiderService } from "../insider/insider-service.js";
import { createPartiesRepo } from "../parties/parties-repo.js";
import { createPartiesService } from "../parties/parties-service.js";
import { createPeopleRepo } from "../people/people-repo.js";
import { createPeopleService } from "../people/people-service.js";
import { createReviewsRepo } from "../reviews/reviews-repo.js";
import { createReviewsService } from "../reviews/reviews-service.js";
import type { ScreeningPort } from "../screening/screening-contract.js";
import { AppError } from "../shared/errors.js";
import { resolvePdfFont } from "../shared/pdf-font.js";
import { RED_FLAGS } from "../shared/red-flags.js";
import { createMailSender } from "../tasks/mail-sender.js";
import { createTasksRepo } from "../tasks/tasks-repo.js";
import { createTasksService } from "../tasks/tasks-service.js";
import { createSettingsRepo } from "./settings-repo.js";

/**
 * TEMPORARY (until the screening service lands on main): a ScreeningPort that says screening is not
 * available yet. It never pretends to screen: reviews cannot pass 取引審査 without real results.
 */
export const unavailableScreening: ScreeningPort = {
  async screenParty() {
    throw new AppError(503, "screening_unavailable", {
      ja: "リスト照合（スクリーニング）はまだ利用できません",
      en: "Screening is not yet available",
    });
  },
  async latestForParty() {
    return null;
  },
};

/**
 * The composition root: builds every service once with its explicit dependencies. Modules add
 * their service here; nothing else constructs services.
 */
export function createServices({
  db,
  config,
  clock,
  screening = unavailableScreening,
}: {
  db: Db;
  config: Config;
  clock?: () => Date;
  /** Only tests pass one (a fake); the app uses the screening service. */
  screening?: ScreeningPort;
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
  const people = createPeopleService({
    db,
    repo: createPeopleRepo(),
    audit,
    parties,
    screening,
    tasks,
    disclosureIntervalMonths: config.people.disclosureIntervalMonths,
    ...(clock ? { clock } : {}),
  });
  const reviews = createReviewsService({
    db,
    repo: createReviewsRepo(),
    audit,
    parties,
    people,
    screening,
    tasks,
    retentionYears: config.reviews.retentionYears,
    ...(clock ? { clock } : {}),
  });
  const approaches = createApproachService({
    db,
    repo: createApproachRepo(),
    audit,
    tasks,
    parties,
    screening,
    settings: config.approaches,
    ...(clock ? { clock } : {}),
    log: (message, error) => console.error(`[approaches] ${message}`, error),
  });
  // The red-flag catalogue the case library links to; insider indicators (I-…) join it here.
  const cases = createCasesService({ db, repo: createCasesRepo(), audit, catalogue: () => RED_FLAGS });
  const training = createTrainingService({
    db,
    repo: createTrainingRepo(),
    audit,
    tasks,
    cases,
    users: () => auth.listUsers(),
    reminderDays: config.training.reminderDays,
    ...(clock ? { clock } : {}),
  });
  /** The Japanese font every PDF embeds; resolved per request so a font installed later is used. */
  const pdfFont = () => resolvePdfFont(config.pdf.fontPath);
  const insider = createInsiderService({
    db,
    repo: createInsiderRepo(),
    audit,
    settings,
    ...(clock ? { clock } : {}),
  });
  return {
    db,
    config,
    audit,
    auth,
    parties,
    settings,
    tasks,
    mailSender,
    people,
    reviews,
    approaches,
    cases,
    training,
    insider,
    pdfFont,
  };
}

export type Services = ReturnType<typeof createServices>;
