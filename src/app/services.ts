import { createApproachRepo } from "../approaches/approach-repo.js";
import { createApproachService } from "../approaches/approach-service.js";
import type { AuditAnchor } from "../audit/audit-anchor.js";
import { createAuditRepo } from "../audit/audit-repo.js";
import { createAuditService } from "../audit/audit-service.js";
import { createAuthRepo } from "../auth/auth-repo.js";
import { createAuthService } from "../auth/auth-service.js";
import { hitDecisionConflict } from "../auth/separation-of-duties-engine.js";
import { createCasesRepo } from "../cases/cases-repo.js";
import { createCasesService } from "../cases/cases-service.js";
import { createTrainingRepo } from "../cases/training-repo.js";
import { createTrainingService } from "../cases/training-service.js";
import type { Config } from "../config/config.js";
import { createDashboardRepo } from "../dashboard/dashboard-repo.js";
import { createDashboardService } from "../dashboard/dashboard-service.js";
import type { Db } from "../db/database.js";
import { createDirectoryRepo } from "../directory/directory-repo.js";
import { createDirectoryService } from "../directory/directory-service.js";
import { createAftercareService } from "../export-control/aftercare-service.js";
import { createCountryGroupsService } from "../export-control/country-groups-service.js";
import { createExportControlRepo } from "../export-control/export-control-repo.js";
import { createItemsService } from "../export-control/items-service.js";
import { licenceExpirySection } from "../export-control/licence-dashboard.js";
import { RESULT_LABELS } from "../export-control/licence-engine.js";
import { createLicencesService } from "../export-control/licences-service.js";
import { createSelfInspectionService } from "../export-control/self-inspection-service.js";
import { indicatorCatalogueFlags } from "../insider/engine/red-flags.js";
import { createInsiderRepo } from "../insider/insider-repo.js";
import { createInsiderService } from "../insider/insider-service.js";
import { createJobQueue } from "../jobs/job-queue.js";
import { createJobsRepo } from "../jobs/jobs-repo.js";
import { createOrganisationService } from "../organisation/organisation-service.js";
import { createPartiesRepo } from "../parties/parties-repo.js";
import { createPartiesService } from "../parties/parties-service.js";
import { createPartyReferencesRepo } from "../parties/party-references-repo.js";
import { createConsistencyRepo } from "../people/consistency-repo.js";
import { createPeopleRepo } from "../people/people-repo.js";
import { createPeopleService } from "../people/people-service.js";
import { createProjectsRepo } from "../projects/projects-repo.js";
import { createProjectsService } from "../projects/projects-service.js";
import { createHireWatchlistService } from "../reviews/hire-watchlist-service.js";
import { ACTIVITY_LABELS } from "../reviews/questionnaire-engine.js";
import { createReviewsRepo } from "../reviews/reviews-repo.js";
import { createReviewsService } from "../reviews/reviews-service.js";
import { STATE_LABELS } from "../reviews/workflow-engine.js";
import { createIndexManager } from "../screening/index-manager.js";
import { createListsRepo } from "../screening/lists-repo.js";
import { createListsService, type ListsService } from "../screening/lists-service.js";
import { createBatchService } from "../screening/screening-batch-service.js";
import type { ScreeningPort } from "../screening/screening-contract.js";
import { createScreeningRepo } from "../screening/screening-repo.js";
import { createScreeningService } from "../screening/screening-service.js";
import type { Actor } from "../shared/actor.js";
import { resolvePdfFont } from "../shared/pdf-font.js";
import { RED_FLAGS } from "../shared/red-flags.js";
import { loadSsoProviders } from "../sso/sso-config.js";
import { passwordLoginAllowed } from "../sso/sso-engine.js";
import { createSsoRepo } from "../sso/sso-repo.js";
import { createSsoService } from "../sso/sso-service.js";
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
  auditAnchor,
}: {
  db: Db;
  config: Config;
  clock?: () => Date;
  log?: (line: string) => void;
  /** The audit key and checkpoint file outside the database (server and CLI always pass one). */
  auditAnchor?: AuditAnchor;
}) {
  const audit = createAuditService({
    db,
    repo: createAuditRepo(),
    anchor: auditAnchor,
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
  const auth = createAuthService({
    db,
    repo: createAuthRepo(),
    audit,
    session: { idleMinutes: config.session.idleMinutes, maxHours: config.session.maxHours },
    sessionCacheMs: config.session.cacheMs,
    lockout: {
      maxFailures: config.login.maxFailures,
      lockoutMinutes: config.login.lockoutMinutes,
      backoffSeconds: config.login.backoffSeconds,
    },
    mfaRequiredFor: config.access.mfaRequiredRoles,
    revealHoldHours: config.access.revealHoldHours,
    tasks,
    passwordLoginAllowed: (username) => passwordLoginAllowed(config.sso, username),
    ...(clock ? { clock } : {}),
  });
  const sso = createSsoService({
    db,
    repo: createSsoRepo(),
    audit,
    auth,
    providers: config.sso.providersFile ? loadSsoProviders(config.sso.providersFile) : [],
    publicUrl: config.publicUrl,
    ...(clock ? { clock } : {}),
  });
  const parties = createPartiesService({
    db,
    repo: createPartiesRepo(),
    references: createPartyReferencesRepo(),
    audit,
  });
  const settings = createSettingsRepo();
  const organisation = createOrganisationService({ db, settings, audit });
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
  const mailSender = createMailSender({
    db,
    repo: tasksRepo,
    smtpUrl: config.mail.smtpUrl,
    from: config.mail.from,
  });
  const screeningRepo = createScreeningRepo();
  const reviewsRepo = createReviewsRepo();
  const peopleRepo = createPeopleRepo();
  const screening = createScreeningService({
    // Separation of duties: only the secretariat decides hits, never on its own applications' parties.
    decisionGuard: async (exec, actor, partyId) =>
      hitDecisionConflict(actor, {
        ownReviewRefs: actor.id ? await reviewsRepo.refsOfApplicantNamingParty(exec, actor.id, partyId) : [],
        isOwnPersonRecord: actor.id !== null && (await peopleRepo.userOfParty(exec, partyId)) === actor.id,
      }),
    db,
    repo: screeningRepo,
    audit,
    parties,
    tasks,
    index: screeningIndex,
    threshold: config.screening.threshold,
    ...(clock ? { clock } : {}),
    ...(log ? { log } : {}),
    // A list update's new hit on an approved hire's contractor, payee or intermediary: its own task.
    // (Called only while re-screening, after every service here is built.)
    onRescreenNewHits: async (exec, actor, party, hits) => {
      await reviews.alertApprovedHires(exec, actor, party, hits);
      // …and on a party named in someone's research-integrity disclosure (issue 16).
      await people.refreshProviderHits(exec, actor, party.id, hits);
    },
  });
  screeningIndex.onSwap((next) => screening.rescreenFor(next));
  const screeningBatches = createBatchService({
    db,
    repo: screeningRepo,
    audit,
    index: screeningIndex,
    threshold: config.screening.threshold,
    maxRows: config.screening.batchMaxRows,
    jobTimeoutMs: config.http.jobTimeoutMinutes * 60_000,
    ...(clock ? { clock } : {}),
    ...(log ? { log } : {}),
  });
  // Reviews, people and approach reports screen parties through the ScreeningPort.
  const screeningPort: ScreeningPort = screening;
  const people = createPeopleService({
    db,
    repo: peopleRepo,
    audit,
    parties,
    screening: screeningPort,
    tasks,
    consistency: createConsistencyRepo(),
    // A disclosure with a foreign post, talent programme or 特定類型 requires current training (issue 16);
    // `training` is built below and only called once requests arrive.
    training: {
      disclosureModules: (exec) => training.disclosureRequirements(exec),
      currentTraining: (exec, userIds, slugs, asOf) => training.currentTraining(exec, userIds, slugs, asOf),
    },
    disclosureIntervalMonths: config.people.disclosureIntervalMonths,
    ...(config.access.unitScope ? { unitScope: (actor: Actor) => auth.unitScopeFor(actor) } : {}),
    ...(clock ? { clock } : {}),
  });
  // Export control (issue 13): country groups, item master, licences, after-approval work, self-inspection.
  const exportRepo = createExportControlRepo();
  const countryGroups = createCountryGroupsService({ db, repo: exportRepo, audit });
  const exportItems = createItemsService({ db, repo: exportRepo, audit, tasks, ...(clock ? { clock } : {}) });
  const licences = createLicencesService({
    db,
    repo: exportRepo,
    audit,
    tasks,
    countryGroups: countryGroups.table,
    ...(clock ? { clock } : {}),
  });
  const aftercare = createAftercareService({
    db,
    repo: exportRepo,
    audit,
    tasks,
    licences,
    screening: screeningPort,
    ...(clock ? { clock } : {}),
  });
  const selfInspection = createSelfInspectionService({
    db,
    repo: exportRepo,
    audit,
    tasks,
    labels: {
      activity: (k, lang) => ACTIVITY_LABELS[k as keyof typeof ACTIVITY_LABELS]?.[lang] ?? k,
      determination: (k, lang) =>
        k === "not_applicable"
          ? lang === "ja"
            ? "対象外（輸出・技術提供なし）"
            : "Not applicable"
          : k === "none"
            ? lang === "ja"
              ? "未判定"
              : "Not determined"
            : (RESULT_LABELS[k as keyof typeof RESULT_LABELS]?.[lang] ?? k),
      outcome: (k, lang) => STATE_LABELS[k as keyof typeof STATE_LABELS]?.[lang] ?? k,
    },
    ...(clock ? { clock } : {}),
  });
  const reviews = createReviewsService({
    db,
    repo: reviewsRepo,
    audit,
    parties,
    people,
    screening: screeningPort,
    tasks,
    retentionYears: config.reviews.retentionYears,
    listLabels: () => lists.listLabels(),
    exportControl: { countryGroups: countryGroups.table, items: exportItems, licences, aftercare },
    separateApproval: config.access.separateApproval,
    ...(config.access.unitScope ? { unitScope: (actor: Actor) => auth.unitScopeFor(actor) } : {}),
    ...(clock ? { clock } : {}),
  });
  // The durable background-job queue (issue 11 §6); the server starts its worker (start.ts).
  const jobs = createJobQueue({
    db,
    repo: createJobsRepo(),
    ...(clock ? { clock } : {}),
    log: (message, error) => console.error(`[jobs] ${message}`, error ?? ""),
  });
  const approaches = createApproachService({
    db,
    repo: createApproachRepo(),
    audit,
    tasks,
    parties,
    screening: screeningPort,
    jobs,
    settings: config.approaches,
    ...(clock ? { clock } : {}),
    log: (message, error) => console.error(`[approaches] ${message}`, error),
  });
  // The red-flag catalogue the case library links to; insider indicators (I-…) join it here.
  const redFlagCatalogue = [...RED_FLAGS, ...indicatorCatalogueFlags()];
  const cases = createCasesService({ db, repo: createCasesRepo(), audit, catalogue: () => redFlagCatalogue });
  const training = createTrainingService({
    db,
    repo: createTrainingRepo(),
    audit,
    tasks,
    cases,
    users: () => auth.listUsers(),
    reminderDays: config.training.reminderDays,
    settings,
    timeZone: () => organisation.timeZone(),
    ...(clock ? { clock } : {}),
  });
  const projects = createProjectsService({
    db,
    repo: createProjectsRepo(),
    audit,
    parties,
    screening: screeningPort,
    training,
    tasks,
    listLabels: () => lists.listLabels(),
    // A member's affiliation or funder found elsewhere but not disclosed blocks readiness (issue 16).
    disclosureConsistency: (exec, personId) => people.undisclosedFor(exec, personId),
    // Training a member's own declarations require joins the project's required training.
    disclosureTraining: (exec, personId) => people.trainingRequiredFor(exec, personId),
    ...(clock ? { clock } : {}),
  });
  /** The Japanese font every PDF embeds; resolved per request so a font installed later is used. */
  const pdfFont = () => resolvePdfFont(config.pdf.fontPath);
  const insider = createInsiderService({
    db,
    repo: createInsiderRepo(),
    audit,
    settings,
    engineDefaults: { budget: config.insider.budget, detectors: config.insider.detectors },
    revealCheck: (actor) => auth.revealCheck(actor),
    ...(clock ? { clock } : {}),
  });
  // The people directory (SCIM, LDAP, HR CSV) feeds people, tasks and the insider directory/watchlist.
  const directory = createDirectoryService({
    db,
    repo: createDirectoryRepo(),
    audit,
    parties,
    tasks,
    insider,
    ...(clock ? { clock } : {}),
  });
  // Hiring → insider watchlist (issue 15 §4): the security office adds an approved hire's account.
  const hireWatchlist = createHireWatchlistService({
    db,
    audit,
    tasks,
    review: (actor, id) => reviews.get(actor, id),
    watchlist: (tx, actor, entry) => insider.putOnWatchlist(actor, entry, tx),
    ...(clock ? { clock } : {}),
  });
  // The office dashboard. Modules add sections here: the insider alert budget, and the licence
  // register's expiring licences (within 60 days, each linking to its licence).
  const dashboard = createDashboardService({
    db,
    repo: createDashboardRepo(),
    openScreeningHits: async () => (await screening.queue({ page: 1, pageSize: 1 })).total,
    timeZone: organisation.timeZone,
    sections: [licenceExpirySection(licences)],
    ...(clock ? { clock } : {}),
  });
  return {
    db,
    config,
    audit,
    auth,
    sso,
    parties,
    settings,
    organisation,
    lists,
    tasks,
    mailSender,
    screeningIndex,
    screening,
    screeningBatches,
    people,
    reviews,
    countryGroups,
    exportItems,
    licences,
    aftercare,
    selfInspection,
    approaches,
    jobs,
    cases,
    training,
    projects,
    insider,
    hireWatchlist,
    directory,
    dashboard,
    pdfFont,
  };
}

export type Services = ReturnType<typeof createServices>;
