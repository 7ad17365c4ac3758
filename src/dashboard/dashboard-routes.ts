import { z } from "zod";
import { actorOf } from "../http/access.js";
import type { App } from "../http/server.js";
import { DASHBOARD_READERS, type DashboardService } from "./dashboard-service.js";

const Bilingual = z.object({ ja: z.string(), en: z.string() });

const DashboardSchema = z.object({
  generatedAt: z.string(),
  timeZone: z.string(),
  today: z.string(),
  sections: z.array(
    z.object({
      key: z.string(),
      title: Bilingual,
      tiles: z.array(
        z.object({
          key: z.string(),
          label: Bilingual,
          value: z.number(),
          link: z.string(),
          tone: z.enum(["neutral", "attention", "danger"]),
          detail: Bilingual.nullable(),
          entries: z
            .array(
              z.object({
                label: Bilingual,
                link: z.string(),
                tone: z.enum(["neutral", "attention", "danger"]),
              }),
            )
            .optional(),
        }),
      ),
    }),
  ),
  trends: z.object({
    days: z.array(z.string()),
    series: z.array(z.object({ key: z.string(), label: Bilingual, values: z.array(z.number()) })),
  }),
});

/** The security / export-control office's dashboard. */
export function registerDashboardRoutes(app: App, { dashboard }: { dashboard: DashboardService }) {
  app.get(
    "/api/dashboard",
    {
      config: { access: [...DASHBOARD_READERS] },
      schema: {
        tags: ["dashboard"],
        summary:
          "The office's numbers (each with the link to its filtered list) and the last 30 days' daily trends",
        response: { 200: DashboardSchema },
      },
    },
    async (req) => dashboard.get(actorOf(req)),
  );
}
