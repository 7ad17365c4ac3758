import { z } from "zod";
import { actorOf, ROLE_GROUPS } from "../http/access.js";
import type { App } from "../http/server.js";
import type { OrganisationService } from "./organisation-service.js";

const SettingsSchema = z.object({ timeZone: z.string() });

/** The organisation's settings: read by every logged-in user (the web app formats times with them). */
export function registerOrganisationRoutes(
  app: App,
  { organisation }: { organisation: OrganisationService },
) {
  app.get(
    "/api/organisation/settings",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["organisation"],
        summary: "The organisation's settings (time zone for times in the UI, PDFs and CSVs)",
        response: { 200: SettingsSchema },
      },
    },
    async () => organisation.get(),
  );

  app.put(
    "/api/organisation/settings",
    {
      config: { access: ROLE_GROUPS.admins },
      schema: {
        tags: ["organisation"],
        summary: "Change the organisation's settings (audited)",
        body: z.object({ timeZone: z.string().min(1).max(64) }).partial(),
        response: { 200: SettingsSchema },
      },
    },
    async (req) => organisation.update(actorOf(req), req.body),
  );

  app.get(
    "/api/organisation/time-zones",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["organisation"],
        summary: "Time-zone names this server knows",
        response: { 200: z.object({ items: z.array(z.string()) }) },
      },
    },
    async () => ({ items: [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])] }),
  );
}
