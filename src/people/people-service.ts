import { randomUUID } from "node:crypto";
import type { AuditService, AuditWriter } from "../audit/audit-service.js";
import { inUnitScope } from "../auth/separation-of-duties-engine.js";
import type { Db, Executor } from "../db/database.js";
import type { PartiesService } from "../parties/parties-service.js";
import type { PartyScreeningResult, ScreeningPort } from "../screening/screening-contract.js";
import { type Actor, hasAnyRole } from "../shared/actor.js";
import { AppError, conflict, type FieldError, forbidden, invalid, notFound } from "../shared/errors.js";
import { redFlag } from "../shared/red-flags.js";
import type { TasksService } from "../tasks/tasks-service.js";
import {
  type Appearance,
  applyDismissals,
  type ConsistencyFinding,
  consistencyFindings,
  disclosedItems,
  evidenceKey,
  findingKey,
  type ReportedApproach,
} from "./consistency-engine.js";
import type { ConsistencyRepo } from "./consistency-repo.js";
import {
  type DisclosureTrainingRequirement,
  disclosureTrainingRequirements,
  disclosureTrainingTriggers,
} from "./disclosure-training-engine.js";
import {
  addMonths,
  chooseDisclosedParty,
  type Disclosure,
  determineResidency,
  disclosureChanges,
  disclosureProviders,
  dueState,
  eRadCsv,
  type FieldProblem,
  type HitFact,
  type Label,
  liveHits,
  type PersonFact,
  type ResidencyBasis,
  type ScreeningFact,
  summariseTokutei,
  type TokuteiForm,
  totalEffort,
  unlinkedProviders,
  validateDisclosure,
  validateResidencyBasis,
  validateTokutei,
} from "./people-engine.js";
import type { PeopleRepo } from "./people-repo.js";
import { toScreeningFact } from "./screening-facts.js";

export const PERSON_CATEGORIES = ["staff", "student", "visitor", "researcher", "other"] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];

export type PersonInput = {
  partyId: string;
  userId?: string | null | undefined;
  /** Alternative to userId: the account's username. */
  username?: string | null | undefined;
  category: PersonCategory;
  department?: string | null | undefined;
  email?: string | null | undefined;
  eradResearcherNumber?: string | null | undefined;
};

export type PersonFlag = {
  id: string;
  title: Label;
  evidence: Label;
  source: string;
  /** Where the evidence was found, with links (consistency flags); `confidential` items are for officers only. */
  items?: { where: Label; link: string | null; confidential?: boolean }[] | undefined;
  /** Consistency flags: the key an officer dismisses the flag by (flag and organisation). */
  key?: string | undefined;
  /** Raised again after an earlier dismissal because of new evidence (officers only). */
  earlier?:
    | { reason: string; by: string; at: string; newEvidence: { where: Label; link: string | null }[] }
    | undefined;
};

/** A consistency flag an officer dismissed as wrong: who, when, why, and the evidence it was dismissed for. */
export type DismissedFlag = {
  dismissalId: string;
  key: string;
  id: string;
  title: Label;
  evidence: Label;
  items: { where: Label; link: string | null; confidential?: boolean | undefined }[];
  reason: string;
  dismissedBy: string;
  dismissedAt: string;
};

/** The consistency flags an officer may dismiss (the others clear when their cause does). */
export const DISMISSABLE_FLAGS = [
  "P-UNDISCLOSED-AFFILIATION",
  "P-DISCLOSURE-DROPPED",
  "P-APPROACH-CONNECTION",
];

export type Person = {
  id: string;
  partyId: string;
  name: string;
  userId: string | null;
  username: string | null;
  category: string;
  department: string | null;
  email: string | null;
  eradResearcherNumber: string | null;
  disclosureDueOn: string | null;
  tokuteiReviewOn: string | null;
  version: number;
  residency: {
    status: "resident" | "non_resident";
    effectiveFrom: string;
    basis: ResidencyBasis | null;
    reason: Label | null;
    note: string | null;
    recordedAt: string;
  }[];
  tokutei: {
    id: string;
    declaredOn: string;
    types: string[];
    incomeShare: number | null;
    nextReviewOn: string;
    active: boolean;
    content: TokuteiForm;
    recordedAt: string;
  }[];
  disclosures: {
    id: string;
    version: number;
    submittedOn: string;
    totalEffort: number;
    content: Disclosure;
    recordedAt: string;
  }[];
  providerScreenings: { partyId: string; providerName: string; screenedAt: string; result: ScreeningFact }[];
  /** How each free-text name of the latest disclosure became a party (matched or created), with reasons. */
  disclosureMatches: {
    path: string;
    name: string;
    partyId: string;
    method: "chosen" | "identifier" | "exact" | "similar" | "created" | "relinked";
    score: number | null;
    reasons: Label[];
  }[];
  flags: PersonFlag[];
  /** Training the declarations require (foreign post, talent programme, 特定類型), with the person's status. */
  trainingRequired: DisclosureTrainingRequirement[];
  /** Consistency flags dismissed as wrong, still shown with who, when and why (officers only). */
  dismissedFlags: DismissedFlag[];
};

const PERSON: Label = { ja: "人物記録", en: "Person record" };
const OFFICERS = ["unit_officer", "secretariat", "approver", "auditor", "admin"] as const;
const MANAGERS = ["secretariat", "unit_officer", "admin"] as const;

const toFields = (problems: FieldProblem[], prefix = ""): FieldError[] =>
  problems.map((p) => ({ path: prefix ? `${prefix}.${p.path}` : p.path, message: p.message }));

const iso = (d: Date | string) => new Date(d).toISOString();
const today = (clock: () => Date) => clock().toISOString().slice(0, 10);

/** The last due date a due-date filter includes: before today for overdue, else today + N days. */
function dueLimit(now: string, due: "overdue" | "within30" | "within90"): string {
  const d = new Date(`${now}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + (due === "overdue" ? -1 : due === "within30" ? 30 : 90));
  return d.toISOString().slice(0, 10);
}

/**
 * Person records for staff, students and visitors, with residency, 特定類型 self-declarations and
 * research-integrity disclosures kept as history. Declared affiliations and funders are screened;
 * reminders go out yearly and on change; reviews ask this service what it knows about a person.
 */
export function createPeopleService(deps: {
  db: Db;
  repo: PeopleRepo;
  audit: AuditWriter & Pick<AuditService, "forEntity">;
  parties: Pick<PartiesService, "get" | "duplicates" | "createIn">;
  screening: ScreeningPort;
  tasks: TasksService;
  /** Cross-record consistency (project roles, outside posts, approach reports); absent: not checked. */
  consistency?: ConsistencyRepo | undefined;
  disclosureIntervalMonths: number;
  clock?: () => Date;
  /** A unit officer's departments (null: institution-wide); absent: no department scoping. */
  unitScope?: ((actor: Actor) => Promise<readonly string[] | null>) | undefined;
  /**
   * Training (cases module): the modules a disclosure with a foreign post, talent programme or
   * 特定類型 requires, and whether users hold a current pass; absent: not checked.
   */
  training?:
    | {
        disclosureModules(exec: Executor): Promise<string[]>;
        currentTraining(
          exec: Executor,
          userIds: string[],
          slugs: string[],
          asOf: Date,
        ): Promise<Map<string, { slug: string; title: Label; current: boolean; expiresAt: string | null }[]>>;
      }
    | undefined;
}) {
  const { db, repo, audit, tasks } = deps;
  const clock = deps.clock ?? (() => new Date());

  async function load(exec: Executor, id: string): Promise<Person> {
    const row = await repo.find(exec, id);
    if (!row) throw notFound(PERSON);
    const [residency, tokutei, disclosures, screenings] = [
      await repo.residencyHistory(exec, id),
      await repo.tokuteiHistory(exec, id),
      await repo.disclosures(exec, id),
      await repo.providerScreenings(exec, id),
    ];
    const person: Person = {
      id: row.id,
      partyId: row.party_id,
      name: row.name,
      userId: row.user_id,
      username: row.user_id ? ((await repo.usernameOf(exec, row.user_id))?.username ?? null) : null,
      category: row.category,
      department: row.department,
      email: row.email,
      eradResearcherNumber: row.erad_researcher_number,
      disclosureDueOn: row.disclosure_due_on,
      tokuteiReviewOn: row.tokutei_review_on,
      version: row.version,
      residency: residency.map((r) => {
        const basis = r.basis ? (JSON.parse(r.basis) as ResidencyBasis) : null;
        return {
          status: r.status,
          effectiveFrom: r.effective_from,
          basis,
          reason: basis ? determineResidency(basis, r.effective_from).reason : null,
          note: r.note,
          recordedAt: iso(r.recorded_at),
        };
      }),
      tokutei: tokutei.map((t) => ({
        id: t.id,
        declaredOn: t.declared_on,
        types: [...(t.type1 ? ["1"] : []), ...(t.type2 ? ["2"] : []), ...(t.type3 ? ["3"] : [])],
        incomeShare: t.income_share,
        nextReviewOn: t.next_review_on,
        active: t.superseded_at === null && (t.type1 || t.type2 || t.type3),
        content: t.content as TokuteiForm,
        recordedAt: iso(t.recorded_at),
      })),
      disclosures: disclosures.map((d) => ({
        id: d.id,
        version: d.version,
        submittedOn: d.submitted_on,
        totalEffort: Number(d.total_effort),
        content: d.content as Disclosure,
        recordedAt: iso(d.recorded_at),
      })),
      providerScreenings: screenings.map((s) => ({
        partyId: s.party_id,
        providerName: s.provider_name,
        screenedAt: iso(s.screened_at),
        result: s.result as ScreeningFact,
      })),
      disclosureMatches: [],
      flags: [],
      trainingRequired: [],
      dismissedFlags: [],
    };
    const latestVersion = person.disclosures[0]?.version;
    const [latestMatches, previousMatches] = [
      latestVersion ? await repo.disclosureMatches(exec, id, latestVersion) : [],
      person.disclosures[1] ? await repo.disclosureMatches(exec, id, person.disclosures[1].version) : [],
    ];
    person.disclosureMatches = latestMatches.map((m) => ({
      path: m.path,
      name: m.name,
      partyId: m.party_id,
      method: m.method,
      score: m.score,
      reasons: (m.reasons ?? []) as Label[],
    }));
    person.flags = flagsOf(person, today(clock));
    person.trainingRequired = await trainingOf(exec, person, latestMatches);
    for (const r of person.trainingRequired.filter((x) => !x.current)) {
      const def = redFlag("P-TRAINING-NOT-CURRENT");
      person.flags.push({
        id: "P-TRAINING-NOT-CURRENT",
        title: def?.title ?? { ja: "P-TRAINING-NOT-CURRENT", en: "P-TRAINING-NOT-CURRENT" },
        evidence: {
          ja: `研修「${r.title.ja}」の有効な修了が${person.userId ? "ありません（未修了または期限切れ）" : "確認できません（アカウント未連携）"} — ${r.reasons.map((x) => x.ja).join("。")}`,
          en: `No current pass of "${r.title.en}" ${person.userId ? "(not passed or expired)" : "(cannot be checked: no account)"} — ${r.reasons.map((x) => x.en).join("; ")}`,
        },
        source: def?.source ?? "",
      });
    }
    if (deps.consistency && person.disclosures[0]) {
      const dismissals = (await repo.dismissals(exec, id)).map((d) => ({
        ...d,
        orgKey: d.org_key,
        evidenceKeys: d.evidence_keys,
      }));
      const split = applyDismissals(
        await consistencyOf(exec, person, latestMatches, previousMatches),
        dismissals,
      );
      for (const r of split.raised)
        person.flags.push({
          ...consistencyFlag(r.finding),
          ...(r.earlier
            ? {
                earlier: {
                  reason: r.earlier.reason,
                  by: r.earlier.dismissed_by_label,
                  at: iso(r.earlier.dismissed_at),
                  newEvidence: r.newEvidence.map((e) => ({ where: e.where, link: e.link })),
                },
              }
            : {}),
        });
      person.dismissedFlags = split.dismissed.map(({ finding, dismissal }) => {
        const f = consistencyFlag(finding);
        return {
          dismissalId: dismissal.id,
          key: f.key!,
          id: f.id,
          title: f.title,
          evidence: f.evidence,
          items: f.items ?? [],
          reason: dismissal.reason,
          dismissedBy: dismissal.dismissed_by_label,
          dismissedAt: iso(dismissal.dismissed_at),
        };
      });
    }
    return person;
  }

  /**
   * The training the person's declarations require (latest disclosure, active 特定類型), with their
   * status; empty when nothing requires it or training is not wired in.
   */
  async function trainingOf(
    exec: Executor,
    p: Person,
    latestMatches: { path: string; party_id: string }[],
  ): Promise<DisclosureTrainingRequirement[]> {
    if (!deps.training) return [];
    const latest = p.disclosures[0]?.content ?? null;
    const partyOf = (i: number) =>
      latest?.affiliations[i]?.organisation.partyId ??
      latestMatches.find((m) => m.path === `affiliations.${i}.organisation`)?.party_id ??
      null;
    const partyIds = (latest?.affiliations ?? []).flatMap((_, i) => {
      const id = partyOf(i);
      return id ? [id] : [];
    });
    const countries = await repo.partyCountries(exec, partyIds);
    const active = p.tokutei.find((t) => t.active) ?? null;
    const triggers = disclosureTrainingTriggers({
      today: today(clock),
      disclosure: latest,
      organisationCountry: (i) => {
        const id = partyOf(i);
        return id ? (countries.get(id) ?? null) : null;
      },
      tokutei: active ? { types: active.types, declaredOn: active.declaredOn } : null,
    });
    if (triggers.length === 0) return [];
    const modules = await deps.training.disclosureModules(exec);
    const status = p.userId
      ? ((await deps.training.currentTraining(exec, [p.userId], modules, clock())).get(p.userId) ?? [])
      : [];
    return disclosureTrainingRequirements(triggers, modules, (slug) => {
      const s = status.find((x) => x.slug === slug);
      return s ? { title: s.title, current: s.current, expiresAt: s.expiresAt } : null;
    });
  }

  /** Gathers what other records say about the person and asks the consistency engine. */
  async function consistencyOf(
    exec: Executor,
    p: Person,
    latestMatches: { path: string; party_id: string }[],
    previousMatches: { path: string; party_id: string }[],
  ): Promise<ConsistencyFinding[]> {
    const c = deps.consistency!;
    const memberships = await c.memberships(exec, p.id);
    const projectIds = [...new Set(memberships.map((m) => m.project_id))];
    const [appointments, partners, posts, asSender, reported] = await Promise.all([
      c.appointments(
        exec,
        memberships.map((m) => m.member_id),
      ),
      c.partners(exec, projectIds),
      p.userId ? c.outsidePosts(exec, p.userId) : Promise.resolve([]),
      c.approachesAsSender(exec, p.partyId),
      p.userId ? c.approachesReported(exec, p.userId) : Promise.resolve([]),
    ]);
    const latest = p.disclosures[0]!;
    const previous = p.disclosures[1] ?? null;
    const partyIds = [
      ...memberships.flatMap((m) => (m.affiliation_party_id ? [m.affiliation_party_id] : [])),
      ...appointments.map((a) => a.party_id),
      ...partners.map((x) => x.party_id),
      ...posts.map((x) => x.party_id),
      ...asSender.flatMap((x) => (x.party_id ? [x.party_id] : [])),
      ...reported.flatMap((x) => (x.party_id ? [x.party_id] : [])),
      ...latestMatches.map((m) => m.party_id),
      ...previousMatches.map((m) => m.party_id),
      ...disclosureProviders(latest.content).flatMap((x) => (x.partyId ? [x.partyId] : [])),
      ...(previous
        ? disclosureProviders(previous.content).flatMap((x) => (x.partyId ? [x.partyId] : []))
        : []),
    ];
    const names = await c.names(exec, partyIds);
    const ref = (partyId: string | null, name: string) => ({
      partyId,
      name,
      names: partyId ? (names.get(partyId) ?? []) : [],
    });
    const project = (m: (typeof memberships)[number]) => ({
      ja: `研究プロジェクト #${m.number}「${m.title}」`,
      en: `Research project #${m.number} "${m.title}"`,
    });
    const appearances: (Appearance & { confidential?: boolean })[] = [];
    for (const m of memberships) {
      const where = project(m);
      const link = `/projects/${m.project_id}`;
      if (m.affiliation_party_id && m.affiliation_name)
        appearances.push({
          org: ref(m.affiliation_party_id, m.affiliation_name),
          source: "project_affiliation",
          where: { ja: `${where.ja}の所属`, en: `${where.en}: stated affiliation` },
          link,
        });
      for (const a of appointments.filter((x) => x.member_id === m.member_id))
        appearances.push({
          org: ref(a.party_id, a.name),
          source: "project_appointment",
          where: { ja: `${where.ja}の兼務先`, en: `${where.en}: stated appointment` },
          link,
        });
      // The project's funders are the researcher's funding when they must disclose (pledging roles).
      if (m.pledge_required)
        for (const f of partners.filter((x) => x.project_id === m.project_id && x.role === "funder"))
          appearances.push({
            org: ref(f.party_id, f.name),
            source: "project_funder",
            where: { ja: `${where.ja}の資金提供者`, en: `${where.en}: funder` },
            link,
          });
    }
    for (const r of posts)
      if (r.kind === "organization")
        appearances.push({
          org: ref(r.party_id, r.name),
          source: "outside_post_review",
          where: {
            ja: `兼業の審査 ${r.ref_no}「${r.title}」`,
            en: `Outside-post review ${r.ref_no} "${r.title}"`,
          },
          link: `/reviews/${r.review_id}`,
        });
    for (const r of asSender) {
      const name = r.name ?? r.sender_organisation?.trim();
      if (!name) continue;
      appearances.push({
        org: ref(r.party_id, name),
        source: "approach_sender",
        where: {
          ja: `接触報告 #${r.number}（本人が相手方として記載）`,
          en: `Approach report #${r.number} (names the researcher as sender)`,
        },
        link: `/approaches/${r.report_id}`,
        // Who reported whom stays with the office: the researcher never sees this evidence.
        confidential: true,
      });
    }
    const reportedApproaches: ReportedApproach[] = reported.flatMap((r) => {
      const name = r.name ?? r.sender_organisation?.trim();
      return name
        ? [
            {
              org: ref(r.party_id, name),
              where: { ja: `本人の接触報告 #${r.number}`, en: `Own approach report #${r.number}` },
              link: `/approaches/${r.report_id}`,
            },
          ]
        : [];
    });
    const projectPartners = partners.flatMap((x) => {
      const m = memberships.find((y) => y.project_id === x.project_id);
      return m
        ? [{ org: ref(x.party_id, x.name), where: project(m), link: `/projects/${x.project_id}` }]
        : [];
    });
    const byPath = (ms: { path: string; party_id: string }[]) => new Map(ms.map((m) => [m.path, m.party_id]));
    const namesOf = (id: string) => names.get(id) ?? [];
    const findings = consistencyFindings({
      latest: {
        submittedOn: latest.submittedOn,
        items: disclosedItems(latest.content, byPath(latestMatches), namesOf),
      },
      previous: previous
        ? {
            submittedOn: previous.submittedOn,
            items: disclosedItems(previous.content, byPath(previousMatches), namesOf),
          }
        : null,
      appearances,
      reportedApproaches,
      projectPartners,
    });
    const confidentialLinks = new Set(appearances.filter((a) => a.confidential).map((a) => a.link));
    return findings.map((f) => ({
      ...f,
      evidence: f.evidence.map((e) =>
        f.flag === "P-UNDISCLOSED-AFFILIATION" && confidentialLinks.has(e.link)
          ? { ...e, confidential: true }
          : e,
      ),
    }));
  }

  function consistencyFlag(f: ConsistencyFinding): PersonFlag {
    const def = redFlag(f.flag);
    return {
      id: f.flag,
      title: def?.title ?? { ja: f.flag, en: f.flag },
      evidence: f.message,
      source: def?.source ?? "",
      items: f.evidence,
      key: findingKey(f),
    };
  }

  /**
   * The researcher reading their own record sees their consistency flags, but not evidence that
   * comes from someone else's approach report (the reporter stays protected).
   */
  function forReader(actor: Actor, p: Person): Person {
    if (hasAnyRole(actor, OFFICERS)) return p;
    // Dismissals and their reasons are the office's working notes (they may cite confidential
    // evidence): the researcher sees the flags that stand, not why others were set aside.
    const flags = p.flags.flatMap((raw) => {
      const { earlier: _earlier, ...f } = raw;
      if (!f.items) return [f];
      const items = f.items.filter((i) => !i.confidential);
      if (items.length === f.items.length) return [f];
      if (items.length === 0) return [];
      const evidence = {
        ja: `${f.title.ja}: ${items.map((i) => i.where.ja).join("、")}`,
        en: `${f.title.en}: ${items.map((i) => i.where.en).join("; ")}`,
      };
      return [{ ...f, items, evidence }];
    });
    return { ...p, flags, dismissedFlags: [] };
  }

  function flagsOf(p: Person, now: string): PersonFlag[] {
    const flags: PersonFlag[] = [];
    const add = (id: string, evidence: Label) => {
      const def = redFlag(id);
      flags.push({ id, title: def?.title ?? { ja: id, en: id }, evidence, source: def?.source ?? "" });
    };
    const fact = factOf(p, now);
    if (fact.declarationOverdue)
      add("P-DECLARATION-OVERDUE", {
        ja: `申告期限: 研究インテグリティ ${p.disclosureDueOn ?? "—"} / 特定類型 ${p.tokuteiReviewOn ?? "—"}`,
        en: `Due: integrity disclosure ${p.disclosureDueOn ?? "—"} / 特定類型 ${p.tokuteiReviewOn ?? "—"}`,
      });
    for (const h of fact.disclosureHits)
      add("P-DISCLOSURE-LIST-HIT", {
        ja: `「${h.provider}」が ${h.source} と${h.confirmed ? "一致" : "該当候補（未確認）"}`,
        en: `"${h.provider}" ${h.confirmed ? "matches" : "may match (open)"} ${h.source}`,
      });
    if (fact.effortTotal !== null && fact.effortTotal > 100)
      add("P-EFFORT-OVER-100", {
        ja: `エフォート合計 ${fact.effortTotal}%`,
        en: `Total effort ${fact.effortTotal}%`,
      });
    if (fact.talentProgramme)
      add("P-TALENT-PROGRAM", {
        ja: "外国の人材招致プログラムへの参加を申告",
        en: "Declared participation in a foreign talent programme",
      });
    return flags;
  }

  function factOf(p: Person, now: string): PersonFact {
    const activeTokutei = p.tokutei.find((t) => t.active) ?? null;
    const latest = p.disclosures[0]?.content ?? null;
    const currentResidency = p.residency.find((r) => r.effectiveFrom <= now) ?? p.residency[0] ?? null;
    const disclosureHits = p.providerScreenings.flatMap((s) =>
      liveHits(s.result).map((h) => ({
        provider: s.providerName,
        source: h.source,
        confirmed: h.decision === "true_match",
      })),
    );
    return {
      personId: p.id,
      tokutei: {
        active: activeTokutei !== null,
        types: activeTokutei?.types ?? [],
        declaredOn: activeTokutei?.declaredOn ?? null,
      },
      declarationOverdue:
        dueState(p.disclosureDueOn, now) === "overdue" || dueState(p.tokuteiReviewOn, now) === "overdue",
      disclosureHits,
      effortTotal: latest ? totalEffort(latest) : null,
      talentProgramme:
        latest?.affiliations.some((a) => a.kind === "talent_programme" && (!a.to || a.to >= now)) ?? false,
      residency: currentResidency?.status ?? null,
    };
  }

  /** True when the actor may act on a record of this department as a unit officer (0800). */
  async function unitCovers(actor: Actor, department: string | null): Promise<boolean> {
    if (!deps.unitScope) return true;
    return inUnitScope(await deps.unitScope(actor), department);
  }
  const OUTSIDE_UNIT = () =>
    forbidden({
      ja: "この人物記録はあなたの担当部局のものではありません",
      en: "This person record is not in your department",
    });

  /** The person themself, institution-wide officers, and unit officers for their departments. */
  async function assertMayRead(
    actor: Actor,
    p: { user_id: string | null; department: string | null } | Person,
  ): Promise<void> {
    const userId = "userId" in p ? p.userId : p.user_id;
    if (userId && userId === actor.id) return;
    if (
      hasAnyRole(
        actor,
        OFFICERS.filter((r) => r !== "unit_officer"),
      )
    )
      return;
    if (hasAnyRole(actor, ["unit_officer"])) {
      if (await unitCovers(actor, p.department)) return;
      throw OUTSIDE_UNIT();
    }
    throw forbidden();
  }
  /** Managing a record (create, edit, residency): the secretariat or admin, or a unit officer for their departments. */
  async function assertMayManage(actor: Actor, department: string | null): Promise<void> {
    if (hasAnyRole(actor, ["secretariat", "admin"])) return;
    if (!hasAnyRole(actor, ["unit_officer"])) throw forbidden();
    if (!(await unitCovers(actor, department))) throw OUTSIDE_UNIT();
  }
  /**
   * A declaration or disclosure (with its pledge, 誓約) is the person's own statement: only the
   * person, or the secretariat recording it on their behalf (e.g. from a signed paper form), files it.
   */
  function assertMayDeclare(actor: Actor, p: { user_id: string | null }): void {
    if (p.user_id && p.user_id === actor.id) return;
    if (hasAnyRole(actor, ["secretariat"])) return;
    throw forbidden({
      ja: "本人または事務局のみが申告を登録できます",
      en: "Only the person or the secretariat can record a declaration",
    });
  }

  async function lockPerson(tx: Executor, id: string) {
    const row = await repo.find(tx, id, true);
    if (!row) throw notFound(PERSON);
    return row;
  }

  async function resolveUser(input: PersonInput): Promise<string | null> {
    if (input.userId) return input.userId;
    const name = input.username?.trim();
    if (!name) return null;
    const row = await repo.userIdByUsername(db, name);
    if (!row)
      throw invalid([
        { path: "username", message: { ja: "この利用者は登録されていません", en: "No such user" } },
      ]);
    return row.id;
  }

  function cleanInput(input: PersonInput): Omit<PersonInput, "partyId"> & { partyId: string } {
    const fields: FieldError[] = [];
    const erad = input.eradResearcherNumber?.trim() || null;
    if (erad && !/^\d{8}$/.test(erad))
      fields.push({
        path: "eradResearcherNumber",
        message: { ja: "e-Rad 研究者番号は8桁です", en: "e-Rad researcher number must be 8 digits" },
      });
    const email = input.email?.trim() || null;
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      fields.push({
        path: "email",
        message: { ja: "メールアドレスの形式が正しくありません", en: "Not a valid e-mail address" },
      });
    if (fields.length) throw invalid(fields);
    return {
      partyId: input.partyId,
      userId: input.userId ?? null,
      category: input.category,
      department: input.department?.trim() || null,
      email,
      eradResearcherNumber: erad,
    };
  }

  async function create(actor: Actor, input: PersonInput): Promise<Person> {
    if (!hasAnyRole(actor, MANAGERS)) throw forbidden();
    await assertMayManage(actor, input.department?.trim() || null);
    const c = cleanInput({ ...input, userId: await resolveUser(input) });
    const party = await deps.parties.get(c.partyId).catch(() => null);
    if (!party)
      throw invalid([
        { path: "partyId", message: { ja: "取引先・関係者が見つかりません", en: "No such party" } },
      ]);
    if (party.kind !== "person")
      throw invalid([
        {
          path: "partyId",
          message: { ja: "個人の関係者を選んでください", en: "Choose a party that is a person" },
        },
      ]);
    const id = randomUUID();
    return db.transaction().execute(async (tx) => {
      if (await repo.findByParty(tx, c.partyId))
        throw conflict("person_exists", {
          ja: "この関係者の人物記録は既にあります",
          en: "This party already has a person record",
        });
      if (c.userId && (await repo.findByUser(tx, c.userId)))
        throw conflict("person_exists", {
          ja: "この利用者の人物記録は既にあります",
          en: "This user already has a person record",
        });
      await repo.insert(tx, {
        id,
        partyId: c.partyId,
        userId: c.userId ?? null,
        category: c.category,
        department: c.department ?? null,
        email: c.email ?? null,
        eradResearcherNumber: c.eradResearcherNumber ?? null,
        // A new person owes a first disclosure within a month.
        disclosureDueOn: addMonths(today(clock), 1),
        createdBy: actor.id,
      });
      const person = await load(tx, id);
      await audit.write(tx, actor, {
        action: "person.created",
        entityType: "person",
        entityId: id,
        after: summary(person),
      });
      return person;
    });
  }

  function summary(p: Person) {
    return {
      partyId: p.partyId,
      userId: p.userId,
      category: p.category,
      department: p.department,
      email: p.email,
      eradResearcherNumber: p.eradResearcherNumber,
      disclosureDueOn: p.disclosureDueOn,
      tokuteiReviewOn: p.tokuteiReviewOn,
    };
  }

  async function update(
    actor: Actor,
    id: string,
    version: number,
    input: Omit<PersonInput, "partyId">,
  ): Promise<Person> {
    if (!hasAnyRole(actor, MANAGERS)) throw forbidden();
    const c = cleanInput({ ...input, partyId: "", userId: await resolveUser({ ...input, partyId: "" }) });
    const current = await repo.find(db, id);
    if (current) {
      await assertMayManage(actor, current.department);
      await assertMayManage(actor, c.department ?? null);
    }
    return db.transaction().execute(async (tx) => {
      const row = await lockPerson(tx, id);
      if (row.version !== version)
        throw conflict("stale_version", {
          ja: "他の人がこの人物記録を更新しました。再読み込みしてください",
          en: "Someone else changed this record; reload it",
        });
      const before = await load(tx, id);
      await repo.update(tx, id, {
        userId: c.userId ?? null,
        category: c.category,
        department: c.department ?? null,
        email: c.email ?? null,
        eradResearcherNumber: c.eradResearcherNumber ?? null,
      });
      const after = await load(tx, id);
      await audit.write(tx, actor, {
        action: "person.updated",
        entityType: "person",
        entityId: id,
        before: summary(before),
        after: summary(after),
      });
      return after;
    });
  }

  /** Records residency facts; a change of status asks the person to renew their 特定類型 declaration. */
  async function recordResidency(
    actor: Actor,
    id: string,
    basis: ResidencyBasis,
    note: string | null,
  ): Promise<Person> {
    if (!hasAnyRole(actor, MANAGERS)) throw forbidden();
    const target = await repo.find(db, id);
    if (target) await assertMayManage(actor, target.department);
    const problems = validateResidencyBasis(basis);
    if (problems.length) throw invalid(toFields(problems));
    const now = today(clock);
    const decision = determineResidency(basis, now);
    return db.transaction().execute(async (tx) => {
      const row = await lockPerson(tx, id);
      const before = await load(tx, id);
      const previous = before.residency[0]?.status ?? null;
      await repo.insertResidency(tx, {
        id: randomUUID(),
        personId: id,
        status: decision.status,
        basis,
        basisDate: "date" in basis ? basis.date : null,
        effectiveFrom: decision.effectiveFrom ?? now,
        note: note?.trim() || null,
        recordedBy: actor.id,
      });
      if (decision.changesOn) {
        // When the 6-month / 2-year mark passes, the officer re-records the status.
        await tasks.open(tx, actor, {
          kind: "people.residency_recheck",
          title: { ja: `居住性の再判定: ${row.name}`, en: `Re-check residency: ${row.name}` },
          detail: decision.reason,
          link: `/people/${id}`,
          entityType: "person",
          entityId: id,
          assignee: { role: "secretariat" },
          dedupeKey: `person:${id}:residency`,
          dueAt: new Date(`${decision.changesOn}T00:00:00Z`),
        });
      }
      if (previous !== null && previous !== decision.status)
        await remindOnChange(tx, actor, row, {
          ja: `居住性が変わりました（${previous === "resident" ? "居住者" : "非居住者"} → ${decision.status === "resident" ? "居住者" : "非居住者"}）。特定類型の申告を確認・更新してください`,
          en: `Residency changed (${previous} → ${decision.status}). Please confirm or renew the 特定類型 declaration`,
        });
      const after = await load(tx, id);
      await audit.write(tx, actor, {
        action: "person.residency_recorded",
        entityType: "person",
        entityId: id,
        before: { residency: previous },
        after: {
          residency: decision.status,
          effectiveFrom: decision.effectiveFrom,
          basis,
          reason: decision.reason.en,
        },
      });
      return after;
    });
  }

  async function remindOnChange(
    tx: Executor,
    actor: Actor,
    row: { id: string; user_id: string | null; name: string },
    why: Label,
  ): Promise<void> {
    await tasks.open(tx, actor, {
      kind: "people.declaration_update",
      title: { ja: `申告の更新依頼: ${row.name}`, en: `Declaration update requested: ${row.name}` },
      detail: why,
      link: `/people/${row.id}`,
      entityType: "person",
      entityId: row.id,
      assignee: row.user_id ? { userId: row.user_id } : { role: "secretariat" },
      dedupeKey: `person:${row.id}:update`,
      email: true,
    });
  }

  async function declareTokutei(actor: Actor, id: string, form: TokuteiForm): Promise<Person> {
    const problems = validateTokutei(form);
    if (problems.length) throw invalid(toFields(problems));
    const s = summariseTokutei(form);
    return db.transaction().execute(async (tx) => {
      const row = await lockPerson(tx, id);
      assertMayDeclare(actor, row);
      const at = clock();
      await repo.supersedeTokutei(tx, id, at);
      const declId = randomUUID();
      await repo.insertTokutei(tx, {
        id: declId,
        personId: id,
        declaredOn: form.declaredOn,
        content: form,
        types: s.types,
        incomeShare: s.incomeShare,
        nextReviewOn: s.nextReviewOn,
        recordedBy: actor.id,
      });
      await repo.setDueDates(tx, id, { tokuteiReviewOn: s.nextReviewOn });
      await tasks.closeFor(tx, actor, { entityType: "person", entityId: id, kind: "people.tokutei_due" });
      if (s.types.length > 0) {
        await tasks.open(tx, actor, {
          kind: "people.tokutei_declared",
          title: {
            ja: `特定類型の該当申告: ${row.name}（${s.types.map((t) => ["", "①", "②", "③"][Number(t)]).join("")}）`,
            en: `特定類型 declared: ${row.name} (type ${s.types.join(", ")})`,
          },
          detail: {
            ja: "技術提供は本審査の対象になります。申告内容と根拠を確認してください",
            en: "Technology provision to this person now needs the full review. Check the declaration and evidence",
          },
          link: `/people/${id}`,
          entityType: "person",
          entityId: id,
          assignee: { role: "secretariat" },
          dedupeKey: `person:${id}:tokutei`,
          email: true,
        });
      }
      const after = await load(tx, id);
      await audit.write(tx, actor, {
        action: "person.tokutei_declared",
        entityType: "person",
        entityId: id,
        after: {
          declarationId: declId,
          types: s.types,
          incomeShare: s.incomeShare,
          nextReviewOn: s.nextReviewOn,
        },
      });
      return after;
    });
  }

  /** Stores a new disclosure version, then screens every declared provider that is a party. */
  async function submitDisclosure(actor: Actor, id: string, disclosure: Disclosure): Promise<Person> {
    const problems = validateDisclosure(disclosure);
    if (problems.length) throw invalid(toFields(problems));
    // Every organisation named without a party link is matched to a party (or created) so it is
    // screened like a linked one; the duplicate index is read before the transaction.
    const named: (ReturnType<typeof unlinkedProviders>[number] & {
      choice: ReturnType<typeof chooseDisclosedParty>;
    })[] = [];
    for (const n of unlinkedProviders(disclosure)) {
      const candidates = await deps.parties.duplicates({
        kind: n.kind,
        names: [{ name: n.name, kind: "primary" }],
        country: null,
        birthDate: null,
        identifiers: [],
      } as Parameters<PartiesService["duplicates"]>[0]);
      named.push({ ...n, choice: chooseDisclosedParty(candidates) });
    }
    await db.transaction().execute(async (tx) => {
      const row = await lockPerson(tx, id);
      assertMayDeclare(actor, row);
      const before = await load(tx, id);
      const version = await repo.nextDisclosureVersion(tx, id);
      const effort = totalEffort(disclosure);
      await repo.insertDisclosure(tx, {
        id: randomUUID(),
        personId: id,
        version,
        submittedOn: disclosure.submittedOn,
        content: disclosure,
        totalEffort: effort,
        pledged: disclosure.pledge,
        recordedBy: actor.id,
      });
      for (const n of named) {
        const partyId =
          n.choice.partyId ??
          (
            await deps.parties.createIn(tx, actor, {
              kind: n.kind,
              names: [{ name: n.name, kind: "primary" }],
              notes: `研究インテグリティ申告（${row.name}）に記載 / Named in a research-integrity disclosure`,
            })
          ).id;
        await repo.insertDisclosureMatch(tx, {
          id: randomUUID(),
          personId: id,
          version,
          path: n.path,
          name: n.name,
          partyId,
          method: n.choice.method,
          score: n.choice.score,
          reasons: n.choice.reasons,
        });
      }
      await repo.setDueDates(tx, id, {
        disclosureDueOn: addMonths(disclosure.submittedOn, deps.disclosureIntervalMonths),
      });
      await tasks.closeFor(tx, actor, { entityType: "person", entityId: id, kind: "people.disclosure_due" });
      await tasks.closeFor(tx, actor, {
        entityType: "person",
        entityId: id,
        kind: "people.declaration_update",
      });
      const changes = disclosureChanges(before.disclosures[0]?.content ?? null, disclosure);
      if (effort > 100)
        await tasks.open(tx, actor, {
          kind: "people.effort_over_100",
          title: {
            ja: `エフォート合計が100%超: ${row.name}（${effort}%）`,
            en: `Total effort over 100 %: ${row.name} (${effort}%)`,
          },
          link: `/people/${id}`,
          entityType: "person",
          entityId: id,
          assignee: { role: "secretariat" },
          dedupeKey: `person:${id}:effort`,
        });
      await audit.write(tx, actor, {
        action: "person.disclosure_submitted",
        entityType: "person",
        entityId: id,
        after: { version, totalEffort: effort, changes: changes.map((c) => c.en) },
      });
    });
    try {
      await screenProviders(actor, id);
    } catch (error) {
      // The disclosure is stored; screening can be re-run (POST /api/people/:id/screen) when the lists answer.
      if (!(error instanceof AppError)) throw error;
    }
    return load(db, id);
  }

  /**
   * Screens every declared affiliation, funder and supporter that is linked to a party, against all
   * active lists, and stores the result; open hits become a task for the secretariat.
   */
  async function screenProviders(actor: Actor, id: string): Promise<Person> {
    const person = await load(db, id);
    await assertMayRead(actor, person);
    const latest = person.disclosures[0]?.content;
    if (!latest) return person;
    const version = person.disclosures[0]!.version;
    const matched = await repo.disclosureMatches(db, id, version);
    const providers = [
      ...disclosureProviders(latest).filter((p) => p.partyId),
      ...matched.map((m) => ({ name: m.name, partyId: m.party_id })),
    ].filter((p, i, all) => all.findIndex((q) => q.partyId === p.partyId) === i);
    const results: { partyId: string; name: string; fact: ScreeningFact }[] = [];
    // Screening runs in its own transactions; its results are stored after.
    for (const p of providers) {
      const result = await deps.screening.screenParty(actor, p.partyId!, {
        entityType: "person",
        entityId: id,
      });
      results.push({ partyId: p.partyId!, name: p.name, fact: toScreeningFact(result) });
    }
    return db.transaction().execute(async (tx) => {
      await lockPerson(tx, id);
      for (const r of results)
        await repo.replaceProviderScreening(tx, {
          personId: id,
          partyId: r.partyId,
          providerName: r.name,
          result: r.fact,
          screenedAt: new Date(r.fact.screenedAt),
        });
      const open = results.flatMap((r) =>
        liveHits(r.fact)
          .filter((h) => h.decision === null)
          .map(() => r),
      );
      if (open.length > 0)
        await tasks.open(tx, actor, {
          kind: "people.hits_to_resolve",
          title: {
            ja: `申告された所属・資金提供者のスクリーニング該当候補: ${person.name}`,
            en: `Screening hits on declared affiliations/funders: ${person.name}`,
          },
          detail: {
            ja: [...new Set(open.map((r) => r.name))].join("、"),
            en: [...new Set(open.map((r) => r.name))].join(", "),
          },
          link: `/people/${id}`,
          entityType: "person",
          entityId: id,
          assignee: { role: "secretariat" },
          dedupeKey: `person:${id}:hits`,
          email: true,
        });
      await audit.write(tx, actor, {
        action: "person.providers_screened",
        entityType: "person",
        entityId: id,
        after: results.map((r) => ({
          partyId: r.partyId,
          runId: r.fact.runId,
          liveHits: liveHits(r.fact).length,
        })),
      });
      return load(tx, id);
    });
  }

  /**
   * A list update found new hits on a party: every person who declared it as a provider gets the
   * hits on their record (kept with earlier ones and their decisions) and a task for the
   * secretariat. Runs inside the re-screening transaction (`exec`).
   */
  async function refreshProviderHits(
    exec: Executor,
    actor: Actor,
    partyId: string,
    hits: PartyScreeningResult["hits"],
  ): Promise<number> {
    const rows = await repo.providerScreeningsOfParty(exec, partyId);
    const fresh = toScreeningFact({
      runId: "",
      partyId,
      screenedAt: clock().toISOString(),
      hits,
      openHitCount: 0,
      confirmedHitCount: 0,
    });
    for (const r of rows) {
      const stored = r.result as ScreeningFact;
      const key = (h: HitFact) => h.entityId ?? `${h.source}:${h.name}`;
      const replaced = new Set(fresh.hits.map(key));
      const result: ScreeningFact = {
        runId: stored.runId,
        screenedAt: fresh.screenedAt,
        hits: [...stored.hits.filter((h) => !replaced.has(key(h))), ...fresh.hits],
      };
      await repo.replaceProviderScreening(exec, {
        personId: r.person_id,
        partyId,
        providerName: r.provider_name,
        result,
        screenedAt: new Date(fresh.screenedAt),
      });
      await tasks.open(exec, actor, {
        kind: "people.hits_to_resolve",
        title: {
          ja: `リスト更新で申告された所属・資金提供者に新たな該当候補: ${r.name}`,
          en: `List update: new hits on a declared affiliation/funder: ${r.name}`,
        },
        detail: {
          ja: `${r.provider_name}: ${hits.map((h) => `${h.source} ${h.name}`).join("、")}`,
          en: `${r.provider_name}: ${hits.map((h) => `${h.source} ${h.name}`).join(", ")}`,
        },
        link: `/people/${r.person_id}`,
        entityType: "person",
        entityId: r.person_id,
        assignee: { role: "secretariat" },
        dedupeKey: `person:${r.person_id}:hits`,
        email: true,
      });
      await audit.write(exec, actor, {
        action: "person.providers_rescreened",
        entityType: "person",
        entityId: r.person_id,
        after: { partyId, newHits: hits.map((h) => `${h.source}:${h.sourceId}`) },
      });
    }
    return rows.length;
  }

  /**
   * The yearly reminder: opens a task (and sends an e-mail) for each person whose disclosure or
   * 特定類型 review is overdue or due within 30 days. Safe to run daily: tasks are de-duplicated.
   */
  async function sendDueReminders(actor: Actor): Promise<{ reminded: number }> {
    const now = today(clock);
    const horizon = (() => {
      const d = new Date(`${now}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 30);
      return d.toISOString().slice(0, 10);
    })();
    return db.transaction().execute(async (tx) => {
      const rows = await repo.dueBy(tx, horizon);
      let reminded = 0;
      for (const r of rows) {
        const assignee = r.user_id ? { userId: r.user_id } : { role: "secretariat" as const };
        if (r.disclosure_due_on && r.disclosure_due_on <= horizon) {
          await tasks.open(tx, actor, {
            kind: "people.disclosure_due",
            title: {
              ja: `研究インテグリティ申告の提出（期限 ${r.disclosure_due_on}）: ${r.name}`,
              en: `Research-integrity disclosure due ${r.disclosure_due_on}: ${r.name}`,
            },
            detail: {
              ja: "所属・兼業・外部資金・物品等の支援・エフォートを更新し、誓約してください",
              en: "Update affiliations, outside posts, funding, non-monetary support and effort, and sign the pledge",
            },
            link: `/people/${r.id}`,
            entityType: "person",
            entityId: r.id,
            assignee,
            dedupeKey: `person:${r.id}:disclosure_due:${r.disclosure_due_on}`,
            dueAt: new Date(`${r.disclosure_due_on}T00:00:00Z`),
            email: true,
          });
          reminded += 1;
        }
        if (r.tokutei_review_on && r.tokutei_review_on <= horizon) {
          await tasks.open(tx, actor, {
            kind: "people.tokutei_due",
            title: {
              ja: `特定類型の確認（期限 ${r.tokutei_review_on}）: ${r.name}`,
              en: `特定類型 review due ${r.tokutei_review_on}: ${r.name}`,
            },
            link: `/people/${r.id}`,
            entityType: "person",
            entityId: r.id,
            assignee,
            dedupeKey: `person:${r.id}:tokutei_due:${r.tokutei_review_on}`,
            dueAt: new Date(`${r.tokutei_review_on}T00:00:00Z`),
            email: true,
          });
          reminded += 1;
        }
      }
      await audit.write(tx, actor, {
        action: "people.reminders_sent",
        entityType: "people",
        context: { reminded, horizon },
      });
      return { reminded };
    });
  }

  /**
   * An officer dismisses a consistency flag that is wrong, with the reason (required). The dismissal
   * covers the evidence the flag shows now: the flag stays dismissed while its evidence is the same
   * (or less), and is raised again when a new piece of evidence appears. Audited.
   */
  async function dismissFlag(actor: Actor, id: string, key: string, reason: string): Promise<Person> {
    if (!hasAnyRole(actor, MANAGERS)) throw forbidden();
    const why = reason.trim();
    if (!why)
      throw invalid([
        {
          path: "reason",
          message: { ja: "却下の理由を記入してください", en: "Give the reason for dismissing the flag" },
        },
      ]);
    return db.transaction().execute(async (tx) => {
      const row = await lockPerson(tx, id);
      await assertMayManage(actor, row.department);
      const person = await load(tx, id);
      const flag = person.flags.find((f) => f.key === key);
      if (!flag || !DISMISSABLE_FLAGS.includes(flag.id))
        throw notFound({ ja: "却下できるフラグ", en: "Flag that can be dismissed" });
      const items = flag.items ?? [];
      const dismissalId = randomUUID();
      const [flagId, org] = [flag.id, key.slice(flag.id.length + 1)];
      await repo.insertDismissal(tx, {
        id: dismissalId,
        personId: id,
        flag: flagId,
        orgKey: org,
        message: flag.evidence,
        evidenceKeys: items.map((e) => evidenceKey(e)),
        evidence: items,
        reason: why,
        by: actor.id,
        byLabel: actor.label,
        at: clock(),
      });
      await audit.write(tx, actor, {
        action: "person.flag_dismissed",
        entityType: "person",
        entityId: id,
        before: { flag: flagId, message: flag.evidence },
        after: { dismissalId, flag: flagId, org, reason: why, evidence: items.map((e) => e.where.en) },
      });
      return load(tx, id);
    });
  }

  return {
    dismissFlag,
    /** The training the person's declarations require, with status (for project readiness). */
    async trainingRequiredFor(exec: Executor, personId: string): Promise<DisclosureTrainingRequirement[]> {
      return (await load(exec, personId)).trainingRequired;
    },
    create,
    update,
    recordResidency,
    declareTokutei,
    submitDisclosure,
    screenProviders,
    refreshProviderHits,
    sendDueReminders,
    /** The person's undisclosed-affiliation findings (office view, with evidence), for project readiness. */
    async undisclosedFor(exec: Executor, personId: string): Promise<PersonFlag[]> {
      const p = await load(exec, personId);
      return p.flags.filter((f) => f.id === "P-UNDISCLOSED-AFFILIATION");
    },
    async get(actor: Actor, id: string): Promise<Person> {
      const p = await load(db, id);
      await assertMayRead(actor, p);
      return forReader(actor, p);
    },
    /** The caller's own person record (staff declare for themselves), or null. */
    async mine(actor: Actor): Promise<Person | null> {
      if (!actor.id) return null;
      const row = await repo.findByUser(db, actor.id);
      return row ? forReader(actor, await load(db, row.id)) : null;
    },
    /**
     * The people list, filtered by name, department, category, due dates (overdue / due within N
     * days) and flag, sorted by name or by the earliest due date. Flags are computed from each
     * person's records, so a flag filter narrows in SQL first and then checks every candidate.
     */
    async list(
      actor: Actor,
      q: {
        text?: string | undefined;
        department?: string | undefined;
        category?: string | undefined;
        flag?: string | undefined;
        due?: "overdue" | "within30" | "within90" | undefined;
        sort?: "name" | "due" | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      if (!hasAnyRole(actor, OFFICERS)) throw forbidden();
      const now = today(clock);
      const scoped =
        deps.unitScope &&
        !hasAnyRole(
          actor,
          OFFICERS.filter((r) => r !== "unit_officer"),
        )
          ? await deps.unitScope(actor)
          : null;
      const filter = {
        ...(scoped ? { departments: [...scoped] } : {}),
        text: q.text?.normalize("NFKC").toLowerCase(),
        department: q.department,
        category: q.category,
        dueBy: q.due ? dueLimit(now, q.due) : undefined,
        flag: q.flag,
        today: now,
        sort: q.sort,
      };
      const toItem = (p: Person) => ({
        id: p.id,
        name: p.name,
        partyId: p.partyId,
        category: p.category,
        department: p.department,
        disclosureDueOn: p.disclosureDueOn,
        tokuteiReviewOn: p.tokuteiReviewOn,
        residency: factOf(p, now).residency,
        tokuteiActive: factOf(p, now).tokutei.active,
        flags: p.flags.map((f) => f.id),
      });
      if (q.flag) {
        const candidates = await repo.list(db, { ...filter, limit: null, offset: 0 });
        const matching: Person[] = [];
        for (const r of candidates) {
          const p = await load(db, r.id);
          if (p.flags.some((f) => f.id === q.flag)) matching.push(p);
        }
        const start = (q.page - 1) * q.pageSize;
        return { items: matching.slice(start, start + q.pageSize).map(toItem), total: matching.length };
      }
      const rows = await repo.list(db, { ...filter, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      const items = [];
      for (const r of rows) items.push(toItem(await load(db, r.id)));
      return { items, total: await repo.count(db, filter) };
    },
    /** Departments that have person records, for the list's filter. */
    async departments(actor: Actor): Promise<string[]> {
      if (!hasAnyRole(actor, OFFICERS)) throw forbidden();
      return repo.departments(db);
    },
    history: (id: string) => audit.forEntity("person", id),
    /** Facts about the people behind these parties (reviews' counterparties), keyed by party id. */
    async factsForParties(exec: Executor, partyIds: string[]): Promise<Map<string, PersonFact>> {
      const now = today(clock);
      const out = new Map<string, PersonFact>();
      for (const r of await repo.idsByParties(exec, partyIds))
        out.set(r.party_id, factOf(await load(exec, r.id), now));
      return out;
    },
    /** Facts about a user's own person record (a review's applicant), or null. */
    async factsForUser(exec: Executor, userId: string): Promise<PersonFact | null> {
      const row = await repo.findByUser(exec, userId);
      return row ? factOf(await load(exec, row.id), today(clock)) : null;
    },
    /** Asks a user to update their disclosure because something changed (e.g. an approved 兼業). */
    async remindUserOnChange(tx: Executor, actor: Actor, userId: string, why: Label): Promise<boolean> {
      const row = await repo.findByUser(tx, userId);
      if (!row) return false;
      const person = await repo.find(tx, row.id);
      if (!person) return false;
      await remindOnChange(tx, actor, person, why);
      return true;
    },
    /** The e-Rad research-integrity fields of everyone's latest disclosure, as CSV. */
    async eRadExport(actor: Actor): Promise<string> {
      if (!hasAnyRole(actor, OFFICERS)) throw forbidden();
      const rows = await repo.latestDisclosures(db);
      return eRadCsv(
        rows.map((r) => ({
          eradNumber: r.erad_researcher_number,
          name: r.name,
          disclosure: r.content as Disclosure,
        })),
      );
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
