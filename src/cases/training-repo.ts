import type { Executor } from "../db/database.js";
import type { Role } from "../db/schema.js";

export type ModuleRecord = {
  id: string;
  slug: string;
  status: "draft" | "published";
  content: unknown;
  passPercent: number;
  dueDays: number;
  renewMonths: number | null;
  requiredFor: Role[];
  builtIn: boolean;
};

/** SQL for training modules, assignments and completion records. */
export function createTrainingRepo() {
  return {
    async insertModule(tx: Executor, m: ModuleRecord, caseIds: string[]): Promise<void> {
      await tx
        .insertInto("training_modules")
        .values({
          id: m.id,
          slug: m.slug,
          status: m.status,
          content: JSON.stringify(m.content),
          pass_percent: m.passPercent,
          due_days: m.dueDays,
          renew_months: m.renewMonths,
          required_for: m.requiredFor,
          built_in: m.builtIn,
        })
        .execute();
      await this.replaceCases(tx, m.id, caseIds);
    },

    async updateModule(tx: Executor, m: Omit<ModuleRecord, "builtIn">, caseIds: string[]): Promise<void> {
      await tx
        .updateTable("training_modules")
        .set((eb) => ({
          slug: m.slug,
          status: m.status,
          content: JSON.stringify(m.content),
          pass_percent: m.passPercent,
          due_days: m.dueDays,
          renew_months: m.renewMonths,
          required_for: m.requiredFor,
          version: eb("version", "+", 1),
          updated_at: new Date(),
        }))
        .where("id", "=", m.id)
        .execute();
      await this.replaceCases(tx, m.id, caseIds);
    },

    async replaceCases(tx: Executor, moduleId: string, caseIds: string[]): Promise<void> {
      await tx.deleteFrom("training_module_cases").where("module_id", "=", moduleId).execute();
      if (caseIds.length > 0) {
        await tx
          .insertInto("training_module_cases")
          .values(caseIds.map((case_id, position) => ({ module_id: moduleId, case_id, position })))
          .execute();
      }
    },

    findModule(db: Executor, id: string, forUpdate = false) {
      const q = db.selectFrom("training_modules").selectAll().where("id", "=", id);
      return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
    },

    findModuleBySlug(db: Executor, slug: string) {
      return db.selectFrom("training_modules").selectAll().where("slug", "=", slug).executeTakeFirst();
    },

    listModules(db: Executor, includeDrafts: boolean) {
      let q = db.selectFrom("training_modules").selectAll();
      if (!includeDrafts) q = q.where("status", "=", "published");
      return q.orderBy("created_at").orderBy("slug").execute();
    },

    casesOfModules(db: Executor, moduleIds: string[]) {
      if (moduleIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("training_module_cases as mc")
        .innerJoin("cases as c", "c.id", "mc.case_id")
        .select(["mc.module_id", "c.id", "c.slug", "c.content", "c.status"])
        .where("mc.module_id", "in", moduleIds)
        .orderBy("mc.position")
        .execute();
    },

    // — completions —
    async insertCompletion(
      tx: Executor,
      c: {
        id: string;
        moduleId: string;
        moduleVersion: number;
        moduleTitle: string;
        userId: string;
        userDisplayName: string;
        userDepartment: string | null;
        score: number;
        maxScore: number;
        percent: number;
        passed: boolean;
        answers: unknown;
        completedAt: Date;
        attemptId?: string | null;
        expiresAt?: Date | null;
      },
    ): Promise<void> {
      await tx
        .insertInto("training_completions")
        .values({
          id: c.id,
          module_id: c.moduleId,
          module_version: c.moduleVersion,
          module_title: c.moduleTitle,
          user_id: c.userId,
          user_display_name: c.userDisplayName,
          user_department: c.userDepartment,
          score: c.score,
          max_score: c.maxScore,
          percent: c.percent,
          passed: c.passed,
          answers: JSON.stringify(c.answers),
          completed_at: c.completedAt,
          attempt_id: c.attemptId ?? null,
          expires_at: c.expiresAt ?? null,
        })
        .execute();
    },

    completionsOf(db: Executor, userId: string) {
      return db
        .selectFrom("training_completions")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("completed_at", "desc")
        .execute();
    },

    /** The latest pass per (user, module). */
    latestPasses(db: Executor) {
      return db
        .selectFrom("training_completions")
        .select(["user_id", "module_id", (eb) => eb.fn.max("completed_at").as("passed_at")])
        .where("passed", "=", true)
        .groupBy(["user_id", "module_id"])
        .execute();
    },

    attemptStats(db: Executor) {
      return db
        .selectFrom("training_completions")
        .select([
          "module_id",
          (eb) => eb.fn.countAll<number>().as("attempts"),
          (eb) => eb.fn.count<number>("id").filterWhere("passed", "=", true).as("passes"),
        ])
        .groupBy("module_id")
        .execute();
    },

    async *allCompletions(db: Executor, batch = 1000) {
      let offset = 0;
      for (;;) {
        const rows = await db
          .selectFrom("training_completions")
          .selectAll()
          .orderBy("completed_at")
          .orderBy("id")
          .limit(batch)
          .offset(offset)
          .execute();
        if (rows.length === 0) return;
        yield* rows;
        offset += rows.length;
      }
    },

    // — assignments —
    async insertAssignment(
      tx: Executor,
      a: {
        id: string;
        moduleId: string;
        userId: string;
        assignedBy: string | null;
        assignedAt: Date;
        dueAt: Date;
      },
    ): Promise<boolean> {
      const r = await tx
        .insertInto("training_assignments")
        .values({
          id: a.id,
          module_id: a.moduleId,
          user_id: a.userId,
          assigned_by: a.assignedBy,
          assigned_at: a.assignedAt,
          due_at: a.dueAt,
        })
        .onConflict((oc) =>
          oc
            .columns(["module_id", "user_id"])
            .where("completed_at", "is", null)
            .where("cancelled_at", "is", null)
            .doNothing(),
        )
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    openAssignments(
      db: Executor,
      filter: { userId?: string | undefined; moduleId?: string | undefined } = {},
    ) {
      let q = db
        .selectFrom("training_assignments")
        .selectAll()
        .where("completed_at", "is", null)
        .where("cancelled_at", "is", null);
      if (filter.userId) q = q.where("user_id", "=", filter.userId);
      if (filter.moduleId) q = q.where("module_id", "=", filter.moduleId);
      return q.orderBy("due_at").orderBy("id").execute();
    },

    assignmentsOf(db: Executor, userId: string) {
      return db
        .selectFrom("training_assignments")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("assigned_at", "desc")
        .execute();
    },

    allAssignments(db: Executor) {
      return db
        .selectFrom("training_assignments as a")
        .innerJoin("users as u", "u.id", "a.user_id")
        .selectAll("a")
        .select(["u.display_name", "u.department", "u.disabled_at"])
        .execute();
    },

    async completeAssignments(
      tx: Executor,
      userId: string,
      moduleId: string,
      completionId: string,
      at: Date,
    ): Promise<string[]> {
      const rows = await tx
        .updateTable("training_assignments")
        .set({ completed_at: at, completion_id: completionId })
        .where("user_id", "=", userId)
        .where("module_id", "=", moduleId)
        .where("completed_at", "is", null)
        .where("cancelled_at", "is", null)
        .returning("id")
        .execute();
      return rows.map((r) => r.id);
    },

    // — attempts (seeded answer order per attempt) —
    async insertAttempt(
      tx: Executor,
      a: {
        id: string;
        moduleId: string;
        moduleVersion: number;
        userId: string;
        seed: string;
        layout: unknown;
        startedAt: Date;
      },
    ): Promise<void> {
      await tx
        .insertInto("training_attempts")
        .values({
          id: a.id,
          module_id: a.moduleId,
          module_version: a.moduleVersion,
          user_id: a.userId,
          seed: a.seed,
          layout: JSON.stringify(a.layout),
          started_at: a.startedAt,
        })
        .execute();
    },

    findAttempt(db: Executor, id: string, forUpdate = false) {
      const q = db.selectFrom("training_attempts").selectAll().where("id", "=", id);
      return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
    },

    async markAttemptSubmitted(tx: Executor, id: string, at: Date): Promise<void> {
      await tx.updateTable("training_attempts").set({ submitted_at: at }).where("id", "=", id).execute();
    },

    findCompletion(db: Executor, id: string) {
      return db.selectFrom("training_completions").selectAll().where("id", "=", id).executeTakeFirst();
    },

    /** The latest pass per (user, module) among these users and modules, with its expiry. */
    async passesOf(db: Executor, userIds: string[], moduleIds: string[]) {
      if (userIds.length === 0 || moduleIds.length === 0) return [];
      const rows = await db
        .selectFrom("training_completions")
        .select(["user_id", "module_id", "completed_at", "expires_at"])
        .where("passed", "=", true)
        .where("user_id", "in", userIds)
        .where("module_id", "in", moduleIds)
        .orderBy("completed_at", "desc")
        .execute();
      const seen = new Set<string>();
      return rows.filter((r) => {
        const key = `${r.user_id}:${r.module_id}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    },

    async markReminded(tx: Executor, id: string, at: Date): Promise<void> {
      await tx
        .updateTable("training_assignments")
        .set((eb) => ({ last_reminded_at: at, reminder_count: eb("reminder_count", "+", 1) }))
        .where("id", "=", id)
        .execute();
    },
  };
}

export type TrainingRepo = ReturnType<typeof createTrainingRepo>;
