import { createApp } from "../app/app.js";
import { loadConfig } from "../config/config.js";
import { kyselyForPglite, openPglite } from "../db/database.js";

/**
 * The server's OpenAPI document, built from the registered routes' Zod schemas without a data
 * directory: the web client's types are generated from it, so the route schemas are the one source
 * of truth for what the API returns (issue 14 §7).
 */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const pglite = await openPglite({});
  const db = kyselyForPglite(pglite);
  try {
    const config = loadConfig({
      SEKIMORI_CONFIG: "/nonexistent/sekimori.config.json",
      SEKIMORI_LOG_LEVEL: "silent",
      SEKIMORI_WEB_DIR: "/nonexistent/web",
      SEKIMORI_DATA_DIR: "/nonexistent/data",
    });
    const { app } = await createApp({ config, db, databaseKind: "pglite", logger: false });
    await app.ready();
    const document = app.swagger() as unknown as Record<string, unknown>;
    await app.close();
    return document;
  } finally {
    await db.destroy();
  }
}
