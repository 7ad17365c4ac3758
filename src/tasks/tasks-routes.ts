import { z } from "zod";
import { actorOf, ROLE_GROUPS } from "../http/access.js";
import type { App } from "../http/server.js";
import type { TasksService } from "./tasks-service.js";

const Bilingual = z.object({ ja: z.string(), en: z.string() });
export const TaskSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: Bilingual,
  detail: Bilingual.nullable(),
  link: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  assigneeUserId: z.string().nullable(),
  assigneeRole: z.string().nullable(),
  status: z.enum(["open", "done", "cancelled"]),
  dueAt: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});

/** The inbox: each user sees tasks assigned to them or to one of their roles. */
export function registerTasksRoutes(app: App, { tasks }: { tasks: TasksService }) {
  app.get(
    "/api/tasks",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["tasks"],
        summary: "My tasks (assigned to me or to one of my roles)",
        querystring: z.object({ status: z.enum(["open", "done", "cancelled"]).default("open") }),
        response: { 200: z.object({ items: z.array(TaskSchema) }) },
      },
    },
    async (req) => ({ items: await tasks.listMine(actorOf(req), req.query.status) }),
  );

  app.get(
    "/api/tasks/count",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["tasks"],
        summary: "Number of my open tasks",
        response: { 200: z.object({ open: z.number() }) },
      },
    },
    async (req) => ({ open: await tasks.countMine(actorOf(req)) }),
  );

  app.post(
    "/api/tasks/:id/done",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["tasks"],
        summary: "Tick off one of my tasks",
        params: z.object({ id: z.uuid() }),
        response: { 200: TaskSchema },
      },
    },
    async (req) => tasks.complete(actorOf(req), req.params.id),
  );

  app.get(
    "/api/admin/outbox",
    {
      config: { access: ROLE_GROUPS.admins },
      schema: {
        tags: ["admin"],
        summary: "Recent notification e-mails and their delivery state",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                toAddress: z.string(),
                subject: z.string(),
                kind: z.string(),
                createdAt: z.string(),
                sentAt: z.string().nullable(),
                attempts: z.number(),
                lastError: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      items: (await tasks.outbox()).map((m) => ({
        id: m.id,
        toAddress: m.to_address,
        subject: m.subject,
        kind: m.kind,
        createdAt: new Date(m.created_at).toISOString(),
        sentAt: m.sent_at ? new Date(m.sent_at).toISOString() : null,
        attempts: m.attempts,
        lastError: m.last_error,
      })),
    }),
  );
}
