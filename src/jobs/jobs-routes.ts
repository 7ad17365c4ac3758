import { z } from "zod";
import { ROLE_GROUPS } from "../http/access.js";
import type { App } from "../http/server.js";
import type { JobQueue } from "./job-queue.js";

/** How much background work is waiting (for operators and `npm run bench:load`): counts only, no content. */
export function registerJobsRoutes(app: App, { jobs }: { jobs: Pick<JobQueue, "pendingCounts"> }) {
  app.get(
    "/api/jobs/status",
    {
      config: { access: ROLE_GROUPS.officers },
      schema: {
        tags: ["admin"],
        summary: "Pending background jobs per kind (e.g. approach reports' party linking and screening)",
        response: {
          200: z.object({
            pending: z.number(),
            byKind: z.array(z.object({ kind: z.string(), pending: z.number() })),
          }),
        },
      },
    },
    async () => {
      const counts = await jobs.pendingCounts();
      return {
        pending: counts.reduce((n, c) => n + c.n, 0),
        byKind: counts.map((c) => ({ kind: c.kind, pending: c.n })),
      };
    },
  );
}
