import { sql } from "kysely";
import type { Executor } from "../db/database.js";

/** Reads and writes installation-wide settings in `app_settings`. */
export function createSettingsRepo() {
  return {
    async get<T>(db: Executor, key: string): Promise<T | undefined> {
      const row = await db
        .selectFrom("app_settings")
        .select("value")
        .where("key", "=", key)
        .executeTakeFirst();
      return row?.value as T | undefined;
    },
    async set(db: Executor, key: string, value: unknown): Promise<void> {
      await db
        .insertInto("app_settings")
        .values({ key, value: JSON.stringify(value) })
        .onConflict((oc) =>
          oc.column("key").doUpdateSet({ value: JSON.stringify(value), updated_at: sql`now()` }),
        )
        .execute();
    },
  };
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
