import type { AuditAnchor } from "../audit/audit-anchor.js";
import type { Config } from "../config/config.js";
import type { Db } from "../db/database.js";
import { type App, buildServer } from "../http/server.js";
import { registerAllRoutes } from "./routes.js";
import { createServices, type Services } from "./services.js";
import { VERSION } from "./version.js";

/** Builds services and the HTTP server over an open, migrated database (used by `serve` and by tests). */
export async function createApp(options: {
  config: Config;
  db: Db;
  databaseKind: "pglite" | "postgres";
  logger?: boolean | object;
  clock?: () => Date;
  /** Lines for the operator (start-up progress, background work); silent when absent. */
  log?: (line: string) => void;
  /** The audit key and checkpoint file (the server always has one; tests may leave it out). */
  auditAnchor?: AuditAnchor;
}): Promise<{ app: App; services: Services }> {
  const services = createServices({
    db: options.db,
    config: options.config,
    ...(options.auditAnchor ? { auditAnchor: options.auditAnchor } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const app = await buildServer({
    config: options.config,
    authenticate: (token, ip) => services.auth.authenticate(token, ip),
    registerRoutes: (a) => registerAllRoutes(a, services, { databaseKind: options.databaseKind }),
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
    version: VERSION,
  });
  return { app, services };
}
