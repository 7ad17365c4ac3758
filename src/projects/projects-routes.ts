import { z } from "zod";
import { actorOf, ROLE_GROUPS } from "../http/access.js";
import type { App } from "../http/server.js";
import type { PdfFont } from "../shared/pdf-font.js";
import {
  ASSET_KINDS,
  CONTROL_STATUSES,
  MEASURE_KINDS,
  MEMBER_ROLES,
  PARTNER_ROLES,
} from "./projects-engine.js";
import type { ProjectsService } from "./projects-service.js";
import { renderProjectSummaryPdf } from "./projects-summary-pdf.js";

const Bi = z.object({ ja: z.string(), en: z.string() });
const DateStr = z.string().max(10);
const MANAGERS = ["secretariat", "unit_officer", "admin"] as const;
const Id = z.object({ id: z.uuid() });

const ProjectSchema = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  summary: z.string().nullable(),
  fundingAgency: z.string(),
  fundingProgramme: z.string(),
  specifiedProgramme: z.boolean(),
  usFederal: z.boolean(),
  applicationDueOn: z.string().nullable(),
  department: z.string().nullable(),
  jpTags: z.array(z.string()),
  usTags: z.array(z.string()),
  requiredModules: z.array(z.string()),
  status: z.string(),
  readyAt: z.string().nullable(),
  version: z.number(),
  partners: z.array(
    z.object({
      id: z.string(),
      partyId: z.string(),
      name: z.string(),
      country: z.string().nullable(),
      role: z.string(),
      note: z.string().nullable(),
      screenedAt: z.string().nullable(),
      screening: z
        .object({
          liveHits: z.array(
            z.object({ source: z.string(), list: Bi, name: z.string(), decided: z.boolean() }),
          ),
        })
        .nullable(),
    }),
  ),
  members: z.array(
    z.object({
      id: z.string(),
      personId: z.string(),
      name: z.string(),
      role: z.string(),
      eradResearcherNumber: z.string().nullable(),
      pledgeRequired: z.boolean(),
      pledge: z.object({ id: z.string(), dueOn: z.string(), givenOn: z.string().nullable() }).nullable(),
      pledgeState: z.enum(["given", "pending", "overdue", "missing"]),
      disclosureDueOn: z.string().nullable(),
      hasDisclosure: z.boolean(),
      training: z.array(z.object({ slug: z.string(), title: Bi, current: z.boolean(), why: Bi.optional() })),
      noAccount: z.boolean(),
      appointments: z.array(z.object({ partyId: z.string(), name: z.string() })),
      undisclosed: z.array(Bi),
    }),
  ),
  checks: z.array(
    z.object({
      item: z.string(),
      label: Bi,
      basis: z.string(),
      status: z.string(),
      conclusion: z.string().nullable(),
      evidence: z.array(
        z.object({ id: z.string(), text: z.string(), url: z.string().nullable(), addedAt: z.string() }),
      ),
    }),
  ),
  measures: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      description: z.string(),
      ownerUserId: z.string(),
      ownerName: z.string(),
      dueOn: z.string().nullable(),
      status: z.string(),
      addresses: z.array(z.string()),
    }),
  ),
  assets: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      description: z.string(),
      controlStatus: z.string(),
      controlRef: z.string().nullable(),
      sharedWithPartyId: z.string().nullable(),
      sharedWithName: z.string().nullable(),
      sharingAgreement: z.string().nullable(),
      location: z.string().nullable(),
      accessLimits: z.string().nullable(),
      authorisedMemberIds: z.array(z.string()),
      authorised: z.array(z.object({ memberId: z.string(), name: z.string() })),
      version: z.number(),
      updatedAt: z.string(),
    }),
  ),
  blockers: z.array(z.object({ code: z.string(), subject: z.string(), message: Bi })),
});

/** A data / equipment register entry as a form sends it. */
const AssetBody = z.object({
  kind: z.enum(ASSET_KINDS),
  description: z.string().max(1000),
  controlStatus: z.enum(CONTROL_STATUSES),
  controlRef: z.string().max(200).nullable().optional(),
  sharedWithPartyId: z.uuid().nullable().optional(),
  sharingAgreement: z.string().max(1000).nullable().optional(),
  location: z.string().max(500).nullable().optional(),
  accessLimits: z.string().max(2000).nullable().optional(),
  authorisedMemberIds: z.array(z.uuid()).max(200).optional(),
});

const ProjectBody = z.object({
  title: z.string().max(500),
  summary: z.string().max(10_000).nullable().optional(),
  fundingAgency: z.string().max(200),
  fundingProgramme: z.string().max(300),
  specifiedProgramme: z.boolean().optional(),
  usFederal: z.boolean().optional(),
  applicationDueOn: DateStr.nullable().optional(),
  department: z.string().max(200).nullable().optional(),
  jpTags: z.array(z.string().max(60)).max(40).optional(),
  usTags: z.array(z.string().max(60)).max(40).optional(),
  requiredModules: z.array(z.string().max(100)).max(20).optional(),
});

const PledgeSchema = z.object({
  id: z.string(),
  dueOn: z.string(),
  givenOn: z.string().nullable(),
  projectId: z.string().nullable(),
  note: z.string().nullable(),
  state: z.string(),
});

/** Funded research projects and e-Rad pledges (issue 16). */
export function registerProjectsRoutes(
  app: App,
  {
    projects,
    pdfFont,
    timeZone,
  }: { projects: ProjectsService; pdfFont: () => PdfFont; timeZone: () => Promise<string> },
) {
  const read = { access: ROLE_GROUPS.officersAndAuditors };
  const write = { access: MANAGERS };
  const tags = ["projects"];

  app.get(
    "/api/projects",
    {
      config: read,
      schema: {
        tags,
        summary: "Funded research projects",
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              number: z.number(),
              title: z.string(),
              fundingAgency: z.string(),
              fundingProgramme: z.string(),
              applicationDueOn: z.string().nullable(),
              status: z.string(),
            }),
          ),
        },
      },
    },
    (req) => projects.list(actorOf(req)),
  );
  app.post(
    "/api/projects",
    {
      config: write,
      schema: {
        tags,
        summary: "Create a research project",
        body: ProjectBody,
        response: { 201: ProjectSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await projects.create(actorOf(req), req.body)),
  );
  app.get(
    "/api/projects/:id",
    {
      config: read,
      schema: {
        tags,
        summary: "A project with its partners, researchers, checklist, plan and blockers",
        params: Id,
        response: { 200: ProjectSchema },
      },
    },
    (req) => projects.get(actorOf(req), req.params.id),
  );
  app.post(
    "/api/projects/:id/partners",
    {
      config: write,
      schema: {
        tags,
        summary: "Add a partner (an existing party, or a new organisation after a duplicate check)",
        params: Id,
        body: z.object({
          partyId: z.uuid().optional(),
          newParty: z
            .object({
              name: z.string().min(1).max(500),
              country: z.string().max(2).nullable().optional(),
              notDuplicate: z.boolean().optional(),
            })
            .optional(),
          role: z.enum(PARTNER_ROLES),
          note: z.string().max(2000).nullable().optional(),
        }),
        response: { 200: ProjectSchema },
      },
    },
    (req) => projects.addPartner(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    "/api/projects/:id/partners/:partnerId",
    {
      config: write,
      schema: {
        tags,
        summary: "Remove a partner",
        params: z.object({ id: z.uuid(), partnerId: z.uuid() }),
        response: { 200: ProjectSchema },
      },
    },
    (req) => projects.removePartner(actorOf(req), req.params.id, req.params.partnerId),
  );
  app.post(
    "/api/projects/:id/screen",
    {
      config: write,
      schema: { tags, summary: "Screen every partner now", params: Id, response: { 200: ProjectSchema } },
    },
    (req) => projects.screenPartners(actorOf(req), req.params.id),
  );
  app.post(
    "/api/projects/:id/members",
    {
      config: write,
      schema: {
        tags,
        summary: "Add a researcher or student (a person record)",
        params: Id,
        body: z.object({
          personId: z.uuid(),
          role: z.enum(MEMBER_ROLES),
          pledgeRequired: z.boolean().optional(),
          /** Other posts the researcher states for this project (兼務先), as parties. */
          appointmentPartyIds: z.array(z.uuid()).max(20).optional(),
        }),
        response: { 200: ProjectSchema },
      },
    },
    (req) => projects.addMember(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    "/api/projects/:id/members/:memberId",
    {
      config: write,
      schema: {
        tags,
        summary: "Remove a member",
        params: z.object({ id: z.uuid(), memberId: z.uuid() }),
        response: { 200: ProjectSchema },
      },
    },
    (req) => projects.removeMember(actorOf(req), req.params.id, req.params.memberId),
  );
  app.post(
    "/api/projects/:id/members/:memberId/appointments",
    {
      config: write,
      schema: {
        tags,
        summary: "Add an appointment (兼務先) the member states: an existing party or a new organisation",
        params: z.object({ id: z.uuid(), memberId: z.uuid() }),
        body: z.object({
          partyId: z.uuid().optional(),
          newParty: z
            .object({
              name: z.string().min(1).max(500),
              country: z.string().max(2).nullable().optional(),
              notDuplicate: z.boolean().optional(),
            })
            .optional(),
        }),
        response: { 200: ProjectSchema },
      },
    },
    (req) => projects.addAppointment(actorOf(req), req.params.id, req.params.memberId, req.body),
  );
  app.delete(
    "/api/projects/:id/members/:memberId/appointments/:partyId",
    {
      config: write,
      schema: {
        tags,
        summary: "Remove an appointment (兼務先) from a member",
        params: z.object({ id: z.uuid(), memberId: z.uuid(), partyId: z.uuid() }),
        response: { 200: ProjectSchema },
      },
    },
    (req) => projects.removeAppointment(actorOf(req), req.params.id, req.params.memberId, req.params.partyId),
  );
  app.put(
    "/api/projects/:id/checks/:item",
    {
      config: write,
      schema: {
        tags,
        summary: "Conclude a due-diligence checklist item",
        params: z.object({ id: z.uuid(), item: z.string().max(60) }),
        body: z.object({
          status: z.enum(["open", "satisfied", "concern"]),
          conclusion: z.string().max(5000).nullable().optional(),
        }),
        response: { 200: ProjectSchema },
      },
    },
    (req) => projects.concludeCheck(actorOf(req), req.params.id, req.params.item, req.body),
  );
  app.post(
    "/api/projects/:id/checks/:item/evidence",
    {
      config: write,
      schema: {
        tags,
        summary: "Add evidence to a checklist item",
        params: z.object({ id: z.uuid(), item: z.string().max(60) }),
        body: z.object({ text: z.string().max(5000), url: z.string().max(2000).nullable().optional() }),
        response: { 200: ProjectSchema },
      },
    },
    (req) => projects.addEvidence(actorOf(req), req.params.id, req.params.item, req.body),
  );
  app.post(
    "/api/projects/:id/assets",
    {
      config: write,
      schema: {
        tags,
        summary: "Add data, equipment, material or software to the register, with its access limits",
        params: Id,
        body: AssetBody,
        response: { 200: ProjectSchema },
      },
    },
    (req) => projects.addAsset(actorOf(req), req.params.id, req.body),
  );
  app.put(
    "/api/projects/:id/assets/:assetId",
    {
      config: write,
      schema: {
        tags,
        summary: "Change a register entry (send the version you saw)",
        params: z.object({ id: z.uuid(), assetId: z.uuid() }),
        body: AssetBody.extend({ version: z.number().int() }),
        response: { 200: ProjectSchema },
      },
    },
    (req) => {
      const { version, ...input } = req.body;
      return projects.updateAsset(actorOf(req), req.params.id, req.params.assetId, version, input);
    },
  );
  app.delete(
    "/api/projects/:id/assets/:assetId",
    {
      config: write,
      schema: {
        tags,
        summary: "Remove a register entry",
        params: z.object({ id: z.uuid(), assetId: z.uuid() }),
        response: { 200: ProjectSchema },
      },
    },
    (req) => projects.removeAsset(actorOf(req), req.params.id, req.params.assetId),
  );
  app.post(
    "/api/projects/:id/measures",
    {
      config: write,
      schema: {
        tags,
        summary: "Add a mitigation measure with its owner (the owner gets a task)",
        params: Id,
        body: z.object({
          kind: z.enum(MEASURE_KINDS),
          description: z.string().max(5000),
          ownerUserId: z.uuid(),
          dueOn: DateStr.nullable().optional(),
          addresses: z.array(z.string().max(60)).max(10).optional(),
        }),
        response: { 200: ProjectSchema },
      },
    },
    (req) => projects.addMeasure(actorOf(req), req.params.id, req.body),
  );
  app.put(
    "/api/projects/:id/measures/:measureId/status",
    {
      config: write,
      schema: {
        tags,
        summary: "Set a measure planned or in place",
        params: z.object({ id: z.uuid(), measureId: z.uuid() }),
        body: z.object({ status: z.enum(["planned", "in_place"]) }),
        response: { 200: ProjectSchema },
      },
    },
    (req) => projects.setMeasureStatus(actorOf(req), req.params.id, req.params.measureId, req.body.status),
  );
  app.post(
    "/api/projects/:id/ready",
    {
      config: write,
      schema: {
        tags,
        summary: "Mark ready for application (409 with every blocker while any remains)",
        params: Id,
        body: z.object({ version: z.number().int() }),
        response: { 200: ProjectSchema },
      },
    },
    (req) => projects.markReady(actorOf(req), req.params.id, req.body.version),
  );
  app.post(
    "/api/projects/:id/reopen",
    {
      config: write,
      schema: {
        tags,
        summary: "Reopen a ready project for changes",
        params: Id,
        body: z.object({ reason: z.string().max(2000) }),
        response: { 200: ProjectSchema },
      },
    },
    (req) => projects.reopen(actorOf(req), req.params.id, req.body.reason),
  );
  app.get(
    "/api/projects/:id/summary.csv",
    {
      config: read,
      schema: {
        tags,
        summary: "Research-security summary for the funding agency (CSV, ?lang=ja|en)",
        params: Id,
        querystring: z.object({ lang: z.enum(["ja", "en"]).default("ja") }),
      },
    },
    async (req, reply) => {
      const csv = await projects.summaryCsv(actorOf(req), req.params.id, req.query.lang);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header(
          "content-disposition",
          `attachment; filename="research-security-${req.params.id}-${req.query.lang}.csv"`,
        )
        .send(csv);
    },
  );
  app.get(
    "/api/projects/:id/summary.pdf",
    {
      config: read,
      schema: {
        tags,
        summary: "Research-security summary for the funding agency (PDF with the Japanese font, ?lang=ja|en)",
        params: Id,
        querystring: z.object({ lang: z.enum(["ja", "en"]).default("ja") }),
      },
    },
    async (req, reply) => {
      const view = await projects.get(actorOf(req), req.params.id);
      const pdf = await renderProjectSummaryPdf(
        view,
        req.query.lang,
        pdfFont(),
        new Date(),
        await timeZone(),
      );
      return reply
        .type("application/pdf")
        .header(
          "content-disposition",
          `inline; filename="research-security-${view.number}-${req.query.lang}.pdf"`,
        )
        .send(pdf);
    },
  );
  app.get(
    "/api/people/:id/pledges",
    {
      config: read,
      schema: {
        tags,
        summary: "A person's e-Rad pledges",
        params: Id,
        response: { 200: z.array(PledgeSchema) },
      },
    },
    (req) => projects.pledgesOf(actorOf(req), req.params.id),
  );
  app.post(
    "/api/pledges",
    {
      config: write,
      schema: {
        tags,
        summary: "Request an e-Rad pledge from a researcher by a date",
        body: z.object({
          personId: z.uuid(),
          dueOn: DateStr,
          projectId: z.uuid().nullable().optional(),
          note: z.string().max(2000).nullable().optional(),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => reply.code(201).send({ id: await projects.requestPledge(actorOf(req), req.body) }),
  );
  app.put(
    "/api/pledges/:id",
    {
      config: write,
      schema: {
        tags,
        summary: "Record the date the pledge was given in e-Rad (null clears it)",
        params: Id,
        body: z.object({ givenOn: DateStr.nullable() }),
        response: {
          200: z.object({
            id: z.string(),
            personId: z.string(),
            dueOn: z.string(),
            givenOn: z.string().nullable(),
          }),
        },
      },
    },
    (req) => projects.recordPledge(actorOf(req), req.params.id, req.body.givenOn),
  );
  app.post(
    "/api/pledges/reminders",
    {
      config: write,
      schema: {
        tags,
        summary: "Send reminders for pledges due within 14 days or overdue",
        response: { 200: z.object({ reminded: z.number() }) },
      },
    },
    (req) => projects.sendPledgeReminders(actorOf(req)),
  );
}
