import { randomUUID } from "node:crypto";
import type { AuditWriter } from "../audit/audit-service.js";
import type { Db, Executor } from "../db/database.js";
import type { PartiesService } from "../parties/parties-service.js";
import type { ScreeningPort } from "../screening/screening-contract.js";
import type { Actor } from "../shared/actor.js";
import { hasAnyRole } from "../shared/actor.js";
import { AppError, conflict, forbidden, invalid, notFound } from "../shared/errors.js";
import type { TasksService } from "../tasks/tasks-service.js";
import {
  type ASSET_KINDS,
  type Blocker,
  CHECK_ITEM_IDS,
  CHECK_ITEMS,
  type CONTROL_STATUSES,
  csvField,
  type Label,
  type MEASURE_KINDS,
  type MEMBER_ROLES,
  type PARTNER_ROLES,
  pledgeRequiredFor,
  pledgeState,
  projectLabel,
  readinessBlockers,
  trainingRequirements,
  validateAsset,
} from "./projects-engine.js";
import type { AssetRow, ProjectsRepo } from "./projects-repo.js";

export type AssetInput = {
  kind: (typeof ASSET_KINDS)[number];
  description: string;
  controlStatus: (typeof CONTROL_STATUSES)[number];
  controlRef?: string | null | undefined;
  sharedWithPartyId?: string | null | undefined;
  sharingAgreement?: string | null | undefined;
  location?: string | null | undefined;
  accessLimits?: string | null | undefined;
  authorisedMemberIds?: string[] | undefined;
};

const PROJECT: Label = { ja: "研究プロジェクト", en: "Research project" };
const MANAGERS = ["secretariat", "unit_officer", "admin"] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type ProjectInput = {
  title: string;
  summary?: string | null | undefined;
  fundingAgency: string;
  fundingProgramme: string;
  specifiedProgramme?: boolean | undefined;
  usFederal?: boolean | undefined;
  applicationDueOn?: string | null | undefined;
  department?: string | null | undefined;
  jpTags?: string[] | undefined;
  usTags?: string[] | undefined;
  requiredModules?: string[] | undefined;
};

type TrainingPort = {
  currentTraining(
    exec: Executor,
    userIds: string[],
    slugs: string[],
    asOf: Date,
  ): Promise<Map<string, { slug: string; title: Label; current: boolean }[]>>;
};

/**
 * Funded research projects (issue 16): partners, researchers, the due-diligence checklist with
 * evidence, the mitigation plan, e-Rad pledges, and the readiness rule that stops a project being
 * marked ready for application while anything blocks it. Every change is audited in its transaction.
 */
export function createProjectsService(deps: {
  db: Db;
  repo: ProjectsRepo;
  audit: AuditWriter;
  parties: Pick<PartiesService, "createIn" | "duplicates">;
  screening: ScreeningPort;
  training: TrainingPort;
  tasks: TasksService;
  /** A list's name in both languages, so blockers and the agency summary name the list, not its id. */
  listLabels?: () => Promise<(source: string) => Label>;
  /** Affiliations/funders of a member that appear elsewhere but not in their disclosure (people module). */
  disclosureConsistency?: (
    exec: Executor,
    personId: string,
  ) => Promise<{ evidence: Label; items?: { where: Label; link: string | null }[] | undefined }[]>;
  /**
   * Training a member's own declarations require (people module: a foreign post, a talent programme
   * or 特定類型 in the disclosure), with the member's status and the reasons.
   */
  disclosureTraining?: (
    exec: Executor,
    personId: string,
  ) => Promise<{ slug: string; title: Label; current: boolean; reasons: Label[] }[]>;
  clock?: () => Date;
}) {
  const { db, repo, audit, tasks } = deps;
  const clock = deps.clock ?? (() => new Date());
  const today = () => clock().toISOString().slice(0, 10);

  function assertManager(actor: Actor) {
    if (!hasAnyRole(actor, MANAGERS)) throw forbidden();
  }

  function checkInput(input: ProjectInput) {
    const fields: { path: string; message: Label }[] = [];
    const need = (path: string, v: string | undefined | null, ja: string, en: string) => {
      if (!v?.trim())
        fields.push({ path, message: { ja: `${ja}を入力してください`, en: `Enter the ${en}` } });
    };
    need("title", input.title, "課題名", "project title");
    need("fundingAgency", input.fundingAgency, "配分機関", "funding agency");
    need("fundingProgramme", input.fundingProgramme, "事業・制度名", "funding programme");
    if (input.applicationDueOn && !DATE.test(input.applicationDueOn))
      fields.push({
        path: "applicationDueOn",
        message: { ja: "日付は YYYY-MM-DD で入力してください", en: "Use the date format YYYY-MM-DD" },
      });
    if (fields.length) throw invalid(fields);
  }

  async function lockProject(tx: Executor, id: string) {
    const row = await repo.lock(tx, id);
    if (!row) throw notFound(PROJECT);
    return row;
  }

  function assertEditable(row: { status: string }) {
    if (row.status !== "preparing")
      throw conflict("project_not_preparing", {
        ja: "準備中のプロジェクトのみ変更できます（準備完了を取り消してください）",
        en: "Only a project in preparation can be changed (reopen it first)",
      });
  }

  async function load(exec: Executor, id: string) {
    const row = await repo.find(exec, id);
    if (!row) throw notFound(PROJECT);
    const [partners, members, checks, evidence, measures, appointments] = await Promise.all([
      repo.partners(exec, id),
      repo.members(exec, id),
      repo.checks(exec, id),
      repo.evidence(exec, id),
      repo.measures(exec, id),
      repo.memberAppointments(exec, id),
    ]);
    const assets = await repo.assets(exec, id);
    const undisclosed = new Map<string, Label[]>();
    if (deps.disclosureConsistency)
      for (const m of members)
        undisclosed.set(
          m.person_id,
          (await deps.disclosureConsistency(exec, m.person_id)).map((f) => f.evidence),
        );
    const declaredTraining = new Map<
      string,
      Awaited<ReturnType<NonNullable<typeof deps.disclosureTraining>>>
    >();
    if (deps.disclosureTraining)
      for (const m of members)
        declaredTraining.set(m.person_id, await deps.disclosureTraining(exec, m.person_id));
    const personIds = members.map((m) => m.person_id);
    const [pledgeRows, disclosed] = await Promise.all([
      repo.latestPledges(exec, personIds),
      repo.hasDisclosure(exec, personIds),
    ]);
    const userIds = members.flatMap((m) => (m.user_id ? [m.user_id] : []));
    const requirements = trainingRequirements({
      requiredModules: row.required_modules,
      usFederal: row.us_federal,
    });
    const training =
      requirements.length > 0
        ? await deps.training.currentTraining(
            exec,
            userIds,
            requirements.map((r) => r.slug),
            clock(),
          )
        : new Map();
    const now = today();
    const listLabel = deps.listLabels
      ? await deps.listLabels()
      : (source: string): Label => ({ ja: source, en: source });
    const partnerViews = [];
    for (const p of partners) {
      const latest = await deps.screening.latestForParty(p.party_id);
      const liveHits = (latest?.hits ?? [])
        .filter((h) => h.match && h.decision?.status !== "false_positive")
        .map((h) => ({
          source: h.source,
          list: listLabel(h.source),
          name: h.name,
          decided: h.decision?.status === "true_match",
        }));
      partnerViews.push({
        id: p.id,
        partyId: p.party_id,
        name: p.name,
        country: p.country,
        role: p.role,
        note: p.note,
        screenedAt: latest ? latest.screenedAt : null,
        screening: latest ? { liveHits } : null,
      });
    }
    const memberViews = members.map((m) => {
      const pledge = pledgeRows.find((p) => p.person_id === m.person_id) ?? null;
      const required = requirements.map(({ slug, why }) => {
        const t = m.user_id
          ? training.get(m.user_id)?.find((x: { slug: string }) => x.slug === slug)
          : undefined;
        return { slug, title: t?.title ?? { ja: slug, en: slug }, current: t?.current ?? false, why };
      });
      // Modules the member's own declarations require, merged with the project's (reasons joined).
      for (const d of declaredTraining.get(m.person_id) ?? []) {
        const because: Label = {
          ja: d.reasons.map((r) => r.ja).join("。"),
          en: d.reasons.map((r) => r.en).join("; "),
        };
        const same = required.find((r) => r.slug === d.slug);
        if (same) same.why = { ja: `${same.why.ja}。${because.ja}`, en: `${same.why.en}; ${because.en}` };
        else required.push({ slug: d.slug, title: d.title, current: d.current, why: because });
      }
      const pledgeView = pledge ? { id: pledge.id, dueOn: pledge.due_on, givenOn: pledge.given_on } : null;
      return {
        id: m.id,
        personId: m.person_id,
        name: m.name,
        role: m.role,
        eradResearcherNumber: m.erad_researcher_number,
        pledgeRequired: m.pledge_required,
        pledge: pledgeView,
        pledgeState: pledgeState(pledgeView, now),
        disclosureDueOn: m.disclosure_due_on,
        hasDisclosure: disclosed.some((d) => d.person_id === m.person_id),
        training: required,
        noAccount: m.user_id === null,
        appointments: appointments
          .filter((a) => a.member_id === m.id)
          .map((a) => ({ partyId: a.party_id, name: a.name })),
        undisclosed: undisclosed.get(m.person_id) ?? [],
      };
    });
    const checkViews = CHECK_ITEMS.map((c) => {
      const r = checks.find((x) => x.item === c.id);
      return {
        item: c.id,
        label: c.label,
        basis: c.basis,
        status: r?.status ?? ("open" as const),
        conclusion: r?.conclusion ?? null,
        evidence: evidence
          .filter((e) => e.item === c.id)
          .map((e) => ({ id: e.id, text: e.text, url: e.url, addedAt: new Date(e.added_at).toISOString() })),
      };
    });
    const measureViews = measures.map((m) => ({
      id: m.id,
      kind: m.kind,
      description: m.description,
      ownerUserId: m.owner_user_id,
      ownerName: m.owner_name,
      dueOn: m.due_on,
      status: m.status,
      addresses: m.addresses,
    }));
    const assetViews = assets.map((a) => ({
      id: a.id,
      kind: a.kind,
      description: a.description,
      controlStatus: a.control_status,
      controlRef: a.control_ref,
      sharedWithPartyId: a.shared_with_party_id,
      sharedWithName: a.shared_with_name,
      sharingAgreement: a.sharing_agreement,
      location: a.location,
      accessLimits: a.access_limits,
      authorisedMemberIds: a.authorised_member_ids,
      authorised: a.authorised_member_ids.map((mid) => {
        const m = memberViews.find((x) => x.id === mid);
        return { memberId: mid, name: m?.name ?? "—" };
      }),
      version: a.version,
      updatedAt: new Date(a.updated_at).toISOString(),
    }));
    const blockers: Blocker[] = readinessBlockers({
      today: now,
      assets: assetViews,
      partners: partnerViews,
      members: memberViews,
      checks: checkViews.map((c) => ({ item: c.item, status: c.status, evidenceCount: c.evidence.length })),
      measures: measureViews,
    });
    return {
      id: row.id,
      number: row.number,
      title: row.title,
      summary: row.summary,
      fundingAgency: row.funding_agency,
      fundingProgramme: row.funding_programme,
      specifiedProgramme: row.specified_programme,
      usFederal: row.us_federal,
      applicationDueOn: row.application_due_on,
      department: row.department,
      jpTags: row.jp_tags,
      usTags: row.us_tags,
      requiredModules: row.required_modules,
      status: row.status,
      readyAt: row.ready_at ? new Date(row.ready_at).toISOString() : null,
      version: row.version,
      partners: partnerViews,
      members: memberViews,
      checks: checkViews,
      measures: measureViews,
      assets: assetViews,
      blockers,
    };
  }
  type ProjectView = Awaited<ReturnType<typeof load>>;

  /** Runs a change to one project under its row lock and audits it; returns the fresh view. */
  async function change(
    actor: Actor,
    id: string,
    action: string,
    fn: (tx: Executor, row: NonNullable<Awaited<ReturnType<ProjectsRepo["lock"]>>>) => Promise<unknown>,
  ): Promise<ProjectView> {
    assertManager(actor);
    await db.transaction().execute(async (tx) => {
      const row = await lockProject(tx, id);
      assertEditable(row);
      const after = await fn(tx, row);
      await repo.touch(tx, id);
      await audit.write(tx, actor, { action, entityType: "research_project", entityId: id, after });
    });
    return load(db, id);
  }

  async function create(actor: Actor, input: ProjectInput): Promise<ProjectView> {
    assertManager(actor);
    checkInput(input);
    const id = randomUUID();
    await db.transaction().execute(async (tx) => {
      await repo.insertProject(tx, {
        id,
        title: input.title.trim(),
        summary: input.summary ?? null,
        fundingAgency: input.fundingAgency.trim(),
        fundingProgramme: input.fundingProgramme.trim(),
        specifiedProgramme: input.specifiedProgramme ?? false,
        usFederal: input.usFederal ?? false,
        applicationDueOn: input.applicationDueOn ?? null,
        department: input.department ?? null,
        jpTags: input.jpTags ?? [],
        usTags: input.usTags ?? [],
        requiredModules: input.requiredModules ?? [],
        createdBy: actor.id,
      });
      await audit.write(tx, actor, {
        action: "research_project.created",
        entityType: "research_project",
        entityId: id,
        after: input,
      });
    });
    return load(db, id);
  }

  /**
   * Adds a partner: an existing party, or a new organisation by name — created in the same
   * transaction after a duplicate check (likely duplicates are refused with their names unless
   * the caller confirms it is a different organisation).
   */
  async function addPartner(
    actor: Actor,
    id: string,
    input: {
      partyId?: string | undefined;
      newParty?:
        | { name: string; country?: string | null | undefined; notDuplicate?: boolean | undefined }
        | undefined;
      role: (typeof PARTNER_ROLES)[number];
      note?: string | null | undefined;
    },
  ) {
    if (!input.partyId === !input.newParty)
      throw invalid([
        {
          path: "partyId",
          message: {
            ja: "既存の相手先か新規の名称のどちらかを指定してください",
            en: "Give either partyId or newParty",
          },
        },
      ]);
    await assertNotDuplicate(input.newParty);
    return change(actor, id, "research_project.partner_added", async (tx) => {
      let partyId = input.partyId;
      if (input.newParty) {
        const party = await deps.parties.createIn(tx, actor, {
          kind: "organization",
          names: [{ name: input.newParty.name.trim(), kind: "primary" }],
          country: input.newParty.country ?? null,
        });
        partyId = party.id;
      } else if (!(await repo.partyExists(tx, partyId!))) throw notFound({ ja: "相手先", en: "Party" });
      await repo.insertPartner(tx, {
        id: randomUUID(),
        projectId: id,
        partyId: partyId!,
        role: input.role,
        note: input.note ?? null,
      });
      return { partyId, role: input.role, created: Boolean(input.newParty) };
    });
  }

  /** A new organisation by name is refused (409, naming them) while it looks like existing ones, unless confirmed. */
  async function assertNotDuplicate(
    newParty:
      | { name: string; country?: string | null | undefined; notDuplicate?: boolean | undefined }
      | undefined,
  ) {
    if (!newParty || newParty.notDuplicate) return;
    const dups = await deps.parties.duplicates({
      kind: "organization",
      names: [{ name: newParty.name, kind: "primary" }],
      country: newParty.country ?? null,
      birthDate: null,
      identifiers: [],
    } as Parameters<PartiesService["duplicates"]>[0]);
    if (dups.length > 0)
      throw new AppError(409, "possible_duplicate", {
        ja: `既存の相手先と重複の可能性: ${dups.map((d) => d.party.primaryName).join("、")}`,
        en: `Possible duplicate of: ${dups.map((d) => d.party.primaryName).join(", ")}`,
      });
  }

  /**
   * Adds an appointment (兼務先) a researcher states for this project: an existing party, or a new
   * organisation (duplicate check as for partners). The consistency check then asks whether the
   * researcher's disclosure names it (P-UNDISCLOSED-AFFILIATION).
   */
  async function addAppointment(
    actor: Actor,
    id: string,
    memberId: string,
    input: {
      partyId?: string | undefined;
      newParty?:
        | { name: string; country?: string | null | undefined; notDuplicate?: boolean | undefined }
        | undefined;
    },
  ) {
    if (!input.partyId === !input.newParty)
      throw invalid([
        {
          path: "partyId",
          message: {
            ja: "既存の相手先か新規の名称のどちらかを指定してください",
            en: "Give either partyId or newParty",
          },
        },
      ]);
    if (input.newParty && !input.newParty.name.trim())
      throw invalid([
        { path: "newParty.name", message: { ja: "名称を入力してください", en: "Enter the name" } },
      ]);
    await assertNotDuplicate(input.newParty);
    return change(actor, id, "research_project.appointment_added", async (tx) => {
      const member = await repo.findMember(tx, id, memberId);
      if (!member) throw notFound({ ja: "研究者", en: "Member" });
      let partyId = input.partyId;
      if (input.newParty) {
        const party = await deps.parties.createIn(tx, actor, {
          kind: "organization",
          names: [{ name: input.newParty.name.trim(), kind: "primary" }],
          country: input.newParty.country ?? null,
        });
        partyId = party.id;
      } else if (!(await repo.partyExists(tx, partyId!)))
        throw invalid([
          {
            path: "partyId",
            message: { ja: "兼務先の相手先が見つかりません", en: "Appointment party not found" },
          },
        ]);
      if (!(await repo.insertAppointment(tx, memberId, partyId!)))
        throw conflict("appointment_exists", {
          ja: "この兼務先は既に登録されています",
          en: "This appointment is already recorded",
        });
      return { memberId, personId: member.person_id, partyId, created: Boolean(input.newParty) };
    });
  }

  async function removeAppointment(actor: Actor, id: string, memberId: string, partyId: string) {
    return change(actor, id, "research_project.appointment_removed", async (tx) => {
      const member = await repo.findMember(tx, id, memberId);
      if (!member || (await repo.deleteAppointment(tx, memberId, partyId)) === 0)
        throw notFound({ ja: "兼務先", en: "Appointment" });
      return { memberId, personId: member.person_id, partyId };
    });
  }

  async function removePartner(actor: Actor, id: string, partnerId: string) {
    return change(actor, id, "research_project.partner_removed", async (tx) => {
      if ((await repo.deletePartner(tx, id, partnerId)) === 0)
        throw notFound({ ja: "相手先", en: "Partner" });
      return { partnerId };
    });
  }

  /** Screens every partner against the active lists now; hits then block readiness until decided. */
  async function screenPartners(actor: Actor, id: string) {
    assertManager(actor);
    const project = await load(db, id);
    for (const p of project.partners)
      await deps.screening.screenParty(actor, p.partyId, { entityType: "research_project", entityId: id });
    await db.transaction().execute(async (tx) => {
      await audit.write(tx, actor, {
        action: "research_project.partners_screened",
        entityType: "research_project",
        entityId: id,
        after: { partners: project.partners.map((p) => p.partyId) },
      });
    });
    return load(db, id);
  }

  async function addMember(
    actor: Actor,
    id: string,
    input: {
      personId: string;
      role: (typeof MEMBER_ROLES)[number];
      pledgeRequired?: boolean | undefined;
      appointmentPartyIds?: string[] | undefined;
    },
  ) {
    return change(actor, id, "research_project.member_added", async (tx) => {
      if (!(await repo.personExists(tx, input.personId)))
        throw notFound({ ja: "人物記録", en: "Person record" });
      const exists = (await repo.members(tx, id)).some((m) => m.person_id === input.personId);
      if (exists)
        throw conflict("member_exists", {
          ja: "この研究者は既に登録されています",
          en: "This researcher is already on the project",
        });
      const pledgeRequired = input.pledgeRequired ?? pledgeRequiredFor(input.role);
      for (const [i, partyId] of (input.appointmentPartyIds ?? []).entries())
        if (!(await repo.partyExists(tx, partyId)))
          throw invalid([
            {
              path: `appointmentPartyIds.${i}`,
              message: { ja: "兼務先の相手先が見つかりません", en: "Appointment party not found" },
            },
          ]);
      await repo.insertMember(tx, {
        id: randomUUID(),
        projectId: id,
        personId: input.personId,
        role: input.role,
        pledgeRequired,
        appointmentPartyIds: input.appointmentPartyIds,
      });
      return {
        personId: input.personId,
        role: input.role,
        pledgeRequired,
        appointmentPartyIds: input.appointmentPartyIds ?? [],
      };
    });
  }

  async function removeMember(actor: Actor, id: string, memberId: string) {
    return change(actor, id, "research_project.member_removed", async (tx) => {
      await repo.dropMemberFromAssets(tx, id, memberId);
      if ((await repo.deleteMember(tx, id, memberId)) === 0) throw notFound({ ja: "研究者", en: "Member" });
      return { memberId };
    });
  }

  function cleanAsset(input: AssetInput): AssetRow {
    const t = (v: string | null | undefined) => v?.trim() || null;
    return {
      kind: input.kind,
      description: input.description.trim(),
      controlStatus: input.controlStatus,
      controlRef: t(input.controlRef),
      sharedWithPartyId: input.sharedWithPartyId ?? null,
      sharingAgreement: t(input.sharingAgreement),
      location: t(input.location),
      accessLimits: t(input.accessLimits),
      authorisedMemberIds: [...new Set(input.authorisedMemberIds ?? [])],
    };
  }

  async function checkAsset(tx: Executor, id: string, row: AssetRow) {
    const members = await repo.members(tx, id);
    const problems = validateAsset(
      { id: "", ...row },
      members.map((m) => m.id),
    );
    if (problems.length) throw invalid(problems);
    if (row.sharedWithPartyId && !(await repo.partyExists(tx, row.sharedWithPartyId)))
      throw invalid([
        { path: "sharedWithPartyId", message: { ja: "共有先が見つかりません", en: "Party not found" } },
      ]);
  }

  /** Adds data, equipment, material or software to the project's register with its access limits. */
  async function addAsset(actor: Actor, id: string, input: AssetInput) {
    const row = cleanAsset(input);
    return change(actor, id, "research_project.asset_added", async (tx) => {
      await checkAsset(tx, id, row);
      const assetId = randomUUID();
      await repo.insertAsset(tx, { id: assetId, projectId: id, ...row });
      return { assetId, ...row };
    });
  }

  /** Changes a register entry (optimistic: the caller sends the version it saw). */
  async function updateAsset(actor: Actor, id: string, assetId: string, version: number, input: AssetInput) {
    const row = cleanAsset(input);
    return change(actor, id, "research_project.asset_changed", async (tx) => {
      const before = await repo.findAsset(tx, id, assetId);
      if (!before) throw notFound({ ja: "データ・設備", en: "Register entry" });
      if (before.version !== version)
        throw conflict("stale_version", {
          ja: "他の利用者が更新しました。画面を再読み込みしてください",
          en: "Someone else changed this entry; reload it",
        });
      await checkAsset(tx, id, row);
      await repo.updateAsset(tx, assetId, row);
      return {
        assetId,
        before: {
          controlStatus: before.control_status,
          accessLimits: before.access_limits,
          authorisedMemberIds: before.authorised_member_ids,
          sharedWithPartyId: before.shared_with_party_id,
        },
        ...row,
      };
    });
  }

  async function removeAsset(actor: Actor, id: string, assetId: string) {
    return change(actor, id, "research_project.asset_removed", async (tx) => {
      if ((await repo.deleteAsset(tx, id, assetId)) === 0)
        throw notFound({ ja: "データ・設備", en: "Register entry" });
      return { assetId };
    });
  }

  async function concludeCheck(
    actor: Actor,
    id: string,
    item: string,
    input: { status: "open" | "satisfied" | "concern"; conclusion?: string | null | undefined },
  ) {
    if (!CHECK_ITEM_IDS.includes(item as never)) throw notFound({ ja: "確認項目", en: "Checklist item" });
    if (input.status !== "open" && !input.conclusion?.trim())
      throw invalid([
        { path: "conclusion", message: { ja: "結論を記入してください", en: "Write the conclusion" } },
      ]);
    return change(actor, id, "research_project.check_concluded", async (tx) => {
      await repo.upsertCheck(tx, {
        projectId: id,
        item,
        status: input.status,
        conclusion: input.conclusion?.trim() || null,
        by: actor.id,
      });
      return { item, status: input.status, conclusion: input.conclusion ?? null };
    });
  }

  async function addEvidence(
    actor: Actor,
    id: string,
    item: string,
    input: { text: string; url?: string | null | undefined },
  ) {
    if (!CHECK_ITEM_IDS.includes(item as never)) throw notFound({ ja: "確認項目", en: "Checklist item" });
    if (!input.text.trim())
      throw invalid([
        { path: "text", message: { ja: "根拠を記入してください", en: "Describe the evidence" } },
      ]);
    return change(actor, id, "research_project.evidence_added", async (tx) => {
      await repo.insertEvidence(tx, {
        id: randomUUID(),
        projectId: id,
        item,
        text: input.text.trim(),
        url: input.url ?? null,
        by: actor.id,
      });
      return { item, text: input.text.trim(), url: input.url ?? null };
    });
  }

  /** Adds a mitigation measure with its owner; the owner gets a task until it is in place. */
  async function addMeasure(
    actor: Actor,
    id: string,
    input: {
      kind: (typeof MEASURE_KINDS)[number];
      description: string;
      ownerUserId: string;
      dueOn?: string | null | undefined;
      addresses?: string[] | undefined;
    },
  ) {
    const fields: { path: string; message: Label }[] = [];
    if (!input.description.trim())
      fields.push({
        path: "description",
        message: { ja: "対策の内容を記入してください", en: "Describe the measure" },
      });
    for (const [i, a] of (input.addresses ?? []).entries())
      if (!CHECK_ITEM_IDS.includes(a as never))
        fields.push({
          path: `addresses.${i}`,
          message: { ja: `不明な確認項目: ${a}`, en: `Unknown checklist item: ${a}` },
        });
    if (input.dueOn && !DATE.test(input.dueOn))
      fields.push({
        path: "dueOn",
        message: { ja: "日付は YYYY-MM-DD で入力してください", en: "Use YYYY-MM-DD" },
      });
    if (fields.length) throw invalid(fields);
    return change(actor, id, "research_project.measure_added", async (tx, row) => {
      if (!(await repo.userExists(tx, input.ownerUserId)))
        throw invalid([
          { path: "ownerUserId", message: { ja: "担当者が見つかりません", en: "Owner not found" } },
        ]);
      const measureId = randomUUID();
      await repo.insertMeasure(tx, {
        id: measureId,
        projectId: id,
        kind: input.kind,
        description: input.description.trim(),
        ownerUserId: input.ownerUserId,
        dueOn: input.dueOn ?? null,
        addresses: input.addresses ?? [],
        by: actor.id,
      });
      await tasks.open(tx, actor, {
        kind: "projects.measure",
        title: {
          ja: `リスク低減策の実施: ${row.title}`,
          en: `Put a mitigation measure in place: ${row.title}`,
        },
        detail: { ja: input.description, en: input.description },
        link: `/projects/${id}`,
        entityType: "research_project_measure",
        entityId: measureId,
        assignee: { userId: input.ownerUserId },
        ...(input.dueOn ? { dueAt: new Date(`${input.dueOn}T00:00:00Z`) } : {}),
      });
      return { measureId, ...input };
    });
  }

  async function setMeasureStatus(
    actor: Actor,
    id: string,
    measureId: string,
    status: "planned" | "in_place",
  ) {
    return change(actor, id, "research_project.measure_status", async (tx) => {
      const m = await repo.findMeasure(tx, id, measureId);
      if (!m) throw notFound({ ja: "対策", en: "Measure" });
      await repo.setMeasureStatus(tx, measureId, status);
      if (status === "in_place")
        await tasks.closeFor(tx, actor, { entityType: "research_project_measure", entityId: measureId });
      return { measureId, before: m.status, status };
    });
  }

  /**
   * Marks the project ready for application — refused (409, with every blocker) while anything
   * blocks it. The blockers checked are stored with the decision as a snapshot.
   */
  async function markReady(actor: Actor, id: string, version: number) {
    assertManager(actor);
    const view = await load(db, id);
    await db.transaction().execute(async (tx) => {
      const row = await lockProject(tx, id);
      assertEditable(row);
      if (row.version !== version)
        throw conflict("stale_version", {
          ja: "他の利用者が更新しました。画面を再読み込みしてください",
          en: "Someone else changed the project; reload it",
        });
      if (view.blockers.length > 0)
        throw new AppError(409, "project_blocked", {
          ja: `準備完了にできません: ${view.blockers.map((b) => b.message.ja).join(" / ")}`,
          en: `Cannot mark ready: ${view.blockers.map((b) => b.message.en).join(" / ")}`,
        });
      const snapshot = {
        checkedOn: today(),
        partners: view.partners.map((p) => ({ partyId: p.partyId, screenedAt: p.screenedAt })),
        members: view.members.map((m) => ({
          personId: m.personId,
          pledge: m.pledge,
          disclosureDueOn: m.disclosureDueOn,
        })),
      };
      await repo.setStatus(tx, id, "ready", actor.id, snapshot);
      await audit.write(tx, actor, {
        action: "research_project.marked_ready",
        entityType: "research_project",
        entityId: id,
        after: snapshot,
      });
    });
    return load(db, id);
  }

  async function reopen(actor: Actor, id: string, reason: string) {
    assertManager(actor);
    if (!reason.trim())
      throw invalid([{ path: "reason", message: { ja: "理由を記入してください", en: "Give the reason" } }]);
    await db.transaction().execute(async (tx) => {
      const row = await lockProject(tx, id);
      if (row.status === "preparing") return;
      await repo.setStatus(tx, id, "preparing", null, null);
      await audit.write(tx, actor, {
        action: "research_project.reopened",
        entityType: "research_project",
        entityId: id,
        before: { status: row.status },
        after: { status: "preparing", reason },
      });
    });
    return load(db, id);
  }

  /** Requests an e-Rad pledge from a researcher by a date; the researcher's account gets a task. */
  async function requestPledge(
    actor: Actor,
    input: {
      personId: string;
      dueOn: string;
      projectId?: string | null | undefined;
      note?: string | null | undefined;
    },
  ) {
    assertManager(actor);
    if (!DATE.test(input.dueOn))
      throw invalid([
        { path: "dueOn", message: { ja: "日付は YYYY-MM-DD で入力してください", en: "Use YYYY-MM-DD" } },
      ]);
    const pledgeId = randomUUID();
    await db.transaction().execute(async (tx) => {
      if (!(await repo.personExists(tx, input.personId)))
        throw notFound({ ja: "人物記録", en: "Person record" });
      if (input.projectId && !(await repo.find(tx, input.projectId))) throw notFound(PROJECT);
      await repo.insertPledge(tx, {
        id: pledgeId,
        personId: input.personId,
        dueOn: input.dueOn,
        projectId: input.projectId ?? null,
        note: input.note ?? null,
        by: actor.id,
      });
      await audit.write(tx, actor, {
        action: "erad_pledge.requested",
        entityType: "person",
        entityId: input.personId,
        after: { pledgeId, dueOn: input.dueOn, projectId: input.projectId ?? null },
      });
    });
    return pledgeId;
  }

  /** Records that the pledge was given in e-Rad on a date (or clears it when recorded in error). */
  async function recordPledge(actor: Actor, pledgeId: string, givenOn: string | null) {
    assertManager(actor);
    if (givenOn !== null && (!DATE.test(givenOn) || givenOn > today()))
      throw invalid([
        {
          path: "givenOn",
          message: {
            ja: "誓約日は今日以前の YYYY-MM-DD で入力してください",
            en: "givenOn must be YYYY-MM-DD, not in the future",
          },
        },
      ]);
    return db.transaction().execute(async (tx) => {
      const p = await repo.findPledge(tx, pledgeId);
      if (!p) throw notFound({ ja: "誓約", en: "Pledge" });
      await repo.setPledgeGiven(tx, pledgeId, givenOn, actor.id);
      if (givenOn) await tasks.closeFor(tx, actor, { entityType: "erad_pledge", entityId: pledgeId });
      await audit.write(tx, actor, {
        action: "erad_pledge.recorded",
        entityType: "person",
        entityId: p.person_id,
        before: { pledgeId, givenOn: p.given_on },
        after: { pledgeId, givenOn },
      });
      return { id: pledgeId, personId: p.person_id, dueOn: p.due_on, givenOn };
    });
  }

  async function pledgesOf(actor: Actor, personId: string) {
    if (!hasAnyRole(actor, ["secretariat", "unit_officer", "approver", "auditor", "admin"]))
      throw forbidden();
    const now = today();
    return (await repo.pledgesOf(db, personId)).map((p) => ({
      id: p.id,
      dueOn: p.due_on,
      givenOn: p.given_on,
      projectId: p.project_id,
      note: p.note,
      state: pledgeState({ dueOn: p.due_on, givenOn: p.given_on }, now),
    }));
  }

  /**
   * Reminders for pledges not given and due within 14 days or overdue: a task for the researcher's
   * account (with e-mail) and, when overdue, one for the secretariat. De-duplicated (a repeated run
   * refreshes the open task and sends no second e-mail), so the server runs it every 6 hours.
   */
  async function sendPledgeReminders(actor: Actor) {
    const horizon = new Date(clock().getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
    const now = today();
    const open = await repo.openPledgesDueBy(db, horizon);
    await db.transaction().execute(async (tx) => {
      for (const p of open) {
        const overdue = p.due_on < now;
        const title = {
          ja: `e-Rad 誓約の提出${overdue ? "（期限超過）" : ""}: ${p.name}（期限 ${p.due_on}）`,
          en: `Give the e-Rad pledge${overdue ? " (overdue)" : ""}: ${p.name} (due ${p.due_on})`,
        };
        if (p.user_id)
          await tasks.open(tx, actor, {
            kind: "projects.pledge_due",
            title,
            link: "/me",
            entityType: "erad_pledge",
            entityId: p.id,
            assignee: { userId: p.user_id },
            dedupeKey: `pledge:${p.id}:researcher`,
            email: true,
          });
        if (overdue || !p.user_id)
          await tasks.open(tx, actor, {
            kind: "projects.pledge_overdue",
            title,
            link: p.project_id ? `/projects/${p.project_id}` : `/people/${p.person_id}`,
            entityType: "erad_pledge",
            entityId: p.id,
            assignee: { role: "secretariat" },
            dedupeKey: `pledge:${p.id}:secretariat`,
          });
      }
      // A scheduled run that finds nothing leaves no audit row (it runs every 6 hours).
      if (open.length === 0) return;
      await audit.write(tx, actor, {
        action: "erad_pledge.reminders_sent",
        entityType: "erad_pledge",
        entityId: null,
        after: { reminded: open.length },
      });
    });
    return { reminded: open.length };
  }

  /** The research-security summary for the funding agency, as CSV rows in the chosen language. */
  async function summaryCsv(actor: Actor, id: string, lang: "ja" | "en"): Promise<string> {
    const p = await get(actor, id);
    const L = (l: Label) => l[lang];
    const rows: (string | number | null)[][] = [];
    const h = lang === "ja";
    rows.push([h ? "区分" : "Section", h ? "項目" : "Item", h ? "内容" : "Value", h ? "状態" : "Status"]);
    rows.push([
      h ? "課題" : "Project",
      h ? "課題名" : "Title",
      p.title,
      projectLabel("status", p.status, lang),
    ]);
    rows.push([
      h ? "課題" : "Project",
      h ? "配分機関・制度" : "Agency / programme",
      `${p.fundingAgency} / ${p.fundingProgramme}`,
      "",
    ]);
    rows.push([
      h ? "課題" : "Project",
      h ? "技術分野" : "Technology areas",
      [...p.jpTags, ...p.usTags].join(" "),
      "",
    ]);
    for (const pt of p.partners)
      rows.push([
        h ? "相手先" : "Partner",
        `${pt.name}${pt.country ? ` (${pt.country})` : ""}`,
        projectLabel("partnerRole", pt.role, lang),
        pt.screening === null
          ? h
            ? "未スクリーニング"
            : "not screened"
          : pt.screening.liveHits.length === 0
            ? h
              ? `該当なし (${pt.screenedAt?.slice(0, 10)})`
              : `no match (${pt.screenedAt?.slice(0, 10)})`
            : pt.screening.liveHits.map((x) => `${L(x.list)}: ${x.name}`).join("; "),
      ]);
    for (const m of p.members)
      rows.push([
        h ? "研究者" : "Researcher",
        `${m.name}${m.eradResearcherNumber ? ` (e-Rad ${m.eradResearcherNumber})` : ""}`,
        projectLabel("memberRole", m.role, lang),
        `${h ? "誓約" : "pledge"}: ${m.pledgeRequired ? projectLabel("pledgeState", m.pledgeState, lang) : "-"}${m.pledge?.givenOn ? ` ${m.pledge.givenOn}` : ""}; ${h ? "申告期限" : "disclosure due"}: ${m.hasDisclosure ? (m.disclosureDueOn ?? "-") : h ? "未申告" : "none"}`,
      ]);
    for (const c of p.checks)
      rows.push([
        h ? "確認項目" : "Checklist",
        L(c.label),
        [c.conclusion ?? "", ...c.evidence.map((e) => e.text + (e.url ? ` <${e.url}>` : ""))]
          .filter(Boolean)
          .join(" | "),
        projectLabel("checkStatus", c.status, lang),
      ]);
    for (const m of p.measures)
      rows.push([
        h ? "対策" : "Measure",
        projectLabel("measureKind", m.kind, lang),
        `${m.description} (${m.ownerName}${m.dueOn ? `, ${m.dueOn}` : ""})`,
        projectLabel("measureStatus", m.status, lang),
      ]);
    for (const a of p.assets)
      rows.push([
        h ? "データ・設備" : "Data and equipment",
        `${projectLabel("assetKind", a.kind, lang)}: ${a.description}`,
        [
          a.controlRef ? `${h ? "項番" : "entry"} ${a.controlRef}` : "",
          a.location ? `${h ? "保管場所" : "kept at"}: ${a.location}` : "",
          a.accessLimits ? `${h ? "アクセス制限" : "access"}: ${a.accessLimits}` : "",
          a.authorised.length
            ? `${h ? "利用者" : "authorised"}: ${a.authorised.map((x) => x.name).join(" ")}`
            : "",
          a.sharedWithName
            ? `${h ? "共有先" : "shared with"}: ${a.sharedWithName} (${a.sharingAgreement ?? ""})`
            : "",
        ]
          .filter(Boolean)
          .join("; "),
        projectLabel("controlStatus", a.controlStatus, lang),
      ]);
    for (const b of p.blockers) rows.push([h ? "未解決" : "Blocker", b.code, L(b.message), ""]);
    return `\uFEFF${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
  }

  async function get(actor: Actor, id: string) {
    if (!hasAnyRole(actor, ["secretariat", "unit_officer", "approver", "auditor", "admin"]))
      throw forbidden();
    return load(db, id);
  }

  async function list(actor: Actor) {
    if (!hasAnyRole(actor, ["secretariat", "unit_officer", "approver", "auditor", "admin"]))
      throw forbidden();
    const rows = await repo.list(db);
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      fundingAgency: r.funding_agency,
      fundingProgramme: r.funding_programme,
      applicationDueOn: r.application_due_on,
      status: r.status,
    }));
  }

  return {
    create,
    get,
    list,
    addPartner,
    removePartner,
    screenPartners,
    addMember,
    removeMember,
    addAppointment,
    removeAppointment,
    addAsset,
    updateAsset,
    removeAsset,
    concludeCheck,
    addEvidence,
    addMeasure,
    setMeasureStatus,
    markReady,
    reopen,
    requestPledge,
    recordPledge,
    pledgesOf,
    sendPledgeReminders,
    summaryCsv,
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
