import { sql } from "kysely";
import type { Executor } from "../db/database.js";

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** SQL for the case library and its red-flag links. */
export function createCasesRepo() {
  return {
    async insert(
      tx: Executor,
      c: {
        id: string;
        slug: string;
        status: "draft" | "published";
        content: unknown;
        searchText: string;
        builtIn: boolean;
        by: string | null;
      },
      flags: string[],
    ): Promise<void> {
      await tx
        .insertInto("cases")
        .values({
          id: c.id,
          slug: c.slug,
          status: c.status,
          content: JSON.stringify(c.content),
          search_text: c.searchText,
          built_in: c.builtIn,
          created_by: c.by,
          updated_by: c.by,
        })
        .execute();
      await this.replaceFlags(tx, c.id, flags);
    },

    async update(
      tx: Executor,
      c: {
        id: string;
        slug: string;
        status: "draft" | "published";
        content: unknown;
        searchText: string;
        by: string | null;
      },
      flags: string[],
    ): Promise<void> {
      await tx
        .updateTable("cases")
        .set((eb) => ({
          slug: c.slug,
          status: c.status,
          content: JSON.stringify(c.content),
          search_text: c.searchText,
          updated_by: c.by,
          version: eb("version", "+", 1),
          updated_at: new Date(),
        }))
        .where("id", "=", c.id)
        .execute();
      await this.replaceFlags(tx, c.id, flags);
    },

    async replaceFlags(tx: Executor, caseId: string, flags: string[]): Promise<void> {
      await tx.deleteFrom("case_flags").where("case_id", "=", caseId).execute();
      if (flags.length > 0) {
        await tx
          .insertInto("case_flags")
          .values(flags.map((flag_id) => ({ case_id: caseId, flag_id })))
          .execute();
      }
    },

    find(db: Executor, id: string, forUpdate = false) {
      const q = db.selectFrom("cases").selectAll().where("id", "=", id);
      return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
    },

    findBySlug(db: Executor, slug: string) {
      return db.selectFrom("cases").selectAll().where("slug", "=", slug).executeTakeFirst();
    },

    slugsTaken(db: Executor, slugs: string[]) {
      if (slugs.length === 0) return Promise.resolve([] as string[]);
      return db
        .selectFrom("cases")
        .select("slug")
        .where("slug", "in", slugs)
        .execute()
        .then((r) => r.map((x) => x.slug));
    },

    list(
      db: Executor,
      q: { includeDrafts: boolean; folded?: string | undefined; flag?: string | undefined },
    ) {
      let query = db.selectFrom("cases").selectAll();
      if (!q.includeDrafts) query = query.where("status", "=", "published");
      if (q.folded) query = query.where("search_text", "like", likePattern(q.folded));
      if (q.flag) {
        const flag = q.flag;
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom("case_flags")
              .select(sql`1`.as("one"))
              .whereRef("case_flags.case_id", "=", "cases.id")
              .where("case_flags.flag_id", "=", flag),
          ),
        );
      }
      return query.orderBy("updated_at", "desc").orderBy("slug").execute();
    },

    /** Published cases with any of the flags (the candidates for "this resembles …"). */
    publishedWithFlags(db: Executor, flags: string[]) {
      if (flags.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("cases")
        .selectAll()
        .where("status", "=", "published")
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom("case_flags")
              .select(sql`1`.as("one"))
              .whereRef("case_flags.case_id", "=", "cases.id")
              .where("case_flags.flag_id", "in", flags),
          ),
        )
        .execute();
    },

    /** For each flag, the published cases that carry it. */
    flagIndex(db: Executor) {
      return db
        .selectFrom("case_flags as f")
        .innerJoin("cases as c", "c.id", "f.case_id")
        .select(["f.flag_id", "c.id", "c.slug", "c.content"])
        .where("c.status", "=", "published")
        .orderBy("f.flag_id")
        .orderBy("c.slug")
        .execute();
    },

    modulesUsingCase(db: Executor, caseId: string) {
      return db
        .selectFrom("training_module_cases as mc")
        .innerJoin("training_modules as m", "m.id", "mc.module_id")
        .select(["m.id", "m.slug", "m.content", "m.status"])
        .where("mc.case_id", "=", caseId)
        .where("m.status", "=", "published")
        .orderBy("m.slug")
        .execute();
    },
  };
}

export type CasesRepo = ReturnType<typeof createCasesRepo>;
