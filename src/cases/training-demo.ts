import type { DemoSeeder } from "../app/demo.js";
import type { Role } from "../db/schema.js";
import type { Actor } from "../shared/actor.js";
import { BUILT_IN_MODULES } from "./training-library.js";

const asActor = (u: { id: string; username: string; roles: Role[] }): Actor => ({
  id: u.id,
  label: u.username,
  roles: u.roles,
  locale: "ja",
});

/**
 * Demo training records: one officer has passed the overview module, and the LinkedIn module was
 * assigned with a date already past, so the dashboard and the reminders have something to show.
 */
export const trainingDemoSeeder: DemoSeeder = {
  key: "demo.training",
  async seed({ services, actor, log }) {
    await services.cases.installBuiltIns(actor);
    await services.training.installBuiltIns(actor);
    const overview = BUILT_IN_MODULES.find((m) => m.slug === "routes-of-technology-leakage")!;
    const suzuki = await services.auth.findByUsername("suzuki");
    if (suzuki) {
      await services.training.attempt(
        asActor(suzuki),
        overview.slug,
        overview.content.quiz.map((q) => q.correct),
      );
    }
    const linkedIn = await services.training.getModule(actor, "professional-network-adviser-offers");
    const users = await services.auth.listUsers();
    const overdue = users.filter((u) => ["tanaka", "kobayashi"].includes(u.username)).map((u) => u.id);
    if (overdue.length > 0) {
      const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
      await services.training.assign(actor, { moduleId: linkedIn.id, userIds: overdue, dueAt: tenDaysAgo });
    }
    log("  demo: training records and an overdue assignment");
  },
};
