import { z } from "zod";
import { registerApproachRoutes } from "../approaches/approach-routes.js";
import { registerAuditRoutes } from "../audit/audit-routes.js";
import { registerAuthRoutes } from "../auth/auth-routes.js";
import { registerCasesRoutes } from "../cases/cases-routes.js";
import { registerDashboardRoutes } from "../dashboard/dashboard-routes.js";
import { registerDirectoryRoutes } from "../directory/directory-routes.js";
import { registerExportControlRoutes } from "../export-control/export-control-routes.js";
import type { App } from "../http/server.js";
import { registerInsiderRoutes } from "../insider/insider-routes.js";
import { registerJobsRoutes } from "../jobs/jobs-routes.js";
import { registerOrganisationRoutes } from "../organisation/organisation-routes.js";
import { registerPartiesRoutes } from "../parties/parties-routes.js";
import { registerPeopleRoutes } from "../people/people-routes.js";
import { registerProjectsRoutes } from "../projects/projects-routes.js";
import { registerHireWatchlistRoutes } from "../reviews/hire-watchlist-routes.js";
import { registerReviewsRoutes } from "../reviews/reviews-routes.js";
import { registerListsRoutes } from "../screening/lists-routes.js";
import { registerScreeningRoutes } from "../screening/screening-routes.js";
import { registerSsoRoutes } from "../sso/sso-routes.js";
import { registerTasksRoutes } from "../tasks/tasks-routes.js";
import type { Services } from "./services.js";
import { VERSION } from "./version.js";

/** Registers every module's routes; a module adds one line here. */
export function registerAllRoutes(
  app: App,
  services: Services,
  info: { databaseKind: "pglite" | "postgres" },
) {
  app.get(
    "/api/health",
    {
      config: { access: "public", rateLimit: false },
      schema: {
        tags: ["system"],
        summary: "Liveness and readiness (answers once migrations are done)",
        response: {
          200: z.object({
            status: z.literal("ok"),
            database: z.enum(["pglite", "postgres"]),
            version: z.string(),
          }),
        },
      },
    },
    async () => ({ status: "ok" as const, database: info.databaseKind, version: VERSION }),
  );
  registerAuthRoutes(app, {
    auth: services.auth,
    cookie: {
      secure: services.config.session.cookieSecure,
      maxAgeSeconds: services.config.session.maxHours * 3600,
    },
    loginRatePerMinute: services.config.login.ratePerMinute,
  });
  registerSsoRoutes(app, {
    sso: services.sso,
    cookie: {
      secure: services.config.session.cookieSecure,
      maxAgeSeconds: services.config.session.maxHours * 3600,
    },
    passwordLogin: services.config.sso.passwordLogin,
    loginRatePerMinute: services.config.login.ratePerMinute,
  });
  registerAuditRoutes(app, { audit: services.audit, timeZone: services.organisation.timeZone });
  registerOrganisationRoutes(app, { organisation: services.organisation });
  registerDashboardRoutes(app, { dashboard: services.dashboard });
  registerPartiesRoutes(app, { parties: services.parties });
  registerListsRoutes(app, { lists: services.lists });
  registerTasksRoutes(app, { tasks: services.tasks });
  registerJobsRoutes(app, { jobs: services.jobs });
  registerScreeningRoutes(app, {
    screening: services.screening,
    batches: services.screeningBatches,
    listNamer: services.lists.listNamer,
  });
  registerReviewsRoutes(app, {
    reviews: services.reviews,
    pdfFont: services.pdfFont,
    aftercare: services.aftercare,
    print: async (lang) => ({
      timeZone: await services.organisation.timeZone(),
      listName: await services.lists.listNamer(lang),
    }),
  });
  registerHireWatchlistRoutes(app, { hireWatchlist: services.hireWatchlist });
  registerPeopleRoutes(app, { people: services.people });
  registerDirectoryRoutes(app, { directory: services.directory });
  registerExportControlRoutes(app, {
    countryGroups: services.countryGroups,
    items: services.exportItems,
    licences: services.licences,
    aftercare: services.aftercare,
    selfInspection: services.selfInspection,
    pdfFont: services.pdfFont,
    issuer: services.config.exportControl.issuer,
    timeZone: services.organisation.timeZone,
    users: async () =>
      (await services.auth.listUsers()).map((u) => ({
        id: u.id,
        displayName: u.displayName,
        roles: u.roles,
        disabled: u.disabled,
      })),
  });
  registerApproachRoutes(app, {
    approaches: services.approaches,
    attachmentMaxBytes: services.config.approaches.attachmentMaxBytes,
    pdfFont: services.pdfFont,
    timeZone: services.organisation.timeZone,
  });
  registerCasesRoutes(app, {
    cases: services.cases,
    training: services.training,
    pdfFont: services.pdfFont,
    timeZone: services.organisation.timeZone,
  });
  registerProjectsRoutes(app, {
    projects: services.projects,
    pdfFont: services.pdfFont,
    timeZone: services.organisation.timeZone,
  });
  registerInsiderRoutes(app, {
    insider: services.insider,
    ndjsonBodyLimit: services.config.http.uploadLimitBytes,
  });
}
