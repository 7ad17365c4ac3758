import { randomUUID } from "node:crypto";
import type { AuditWriter } from "../audit/audit-service.js";
import type { Db, Executor } from "../db/database.js";
import { COUNTRY_CODES } from "../parties/parties-engine.js";
import { isIsoDate } from "../people/people-engine.js";
import { type Actor, hasAnyRole } from "../shared/actor.js";
import { conflict, type FieldError, forbidden, invalid, notFound } from "../shared/errors.js";
import type { TasksService } from "../tasks/tasks-service.js";
import type { CountryGroupTable } from "./country-groups.js";
import type { ExportControlRepo, LicenceRow } from "./export-control-repo.js";
import type { Label } from "./legal-sources.js";
import {
  type CoveredItem,
  daysBetween,
  expiringWithin,
  expiryReminderDue,
  LICENCE_KIND_LABELS,
  type LicenceFacts,
  type LicenceKind,
  type LicenceStatus,
  licenceCovers,
  validateLicence,
} from "./licence-register-engine.js";

export const LICENCE_EDITORS = ["secretariat", "admin"] as const;
export const LICENCE_READERS = ["unit_officer", "secretariat", "approver", "auditor", "admin"] as const;

export type LicenceInput = {
  kind: LicenceKind;
  status: LicenceStatus;
  licenceNumber: string | null;
  holder: string;
  appliedOn: string | null;
  issuedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  conditions: string;
  items: CoveredItem[];
  destinations: string[];
  quantityLimit: number | null;
  quantityUnit: string | null;
  valueLimitJpy: number | null;
  responsibleUserId: string | null;
  note: string | null;
};

export type LicenceView = LicenceFacts & {
  kindLabel: Label;
  holder: string;
  appliedOn: string | null;
  issuedOn: string | null;
  conditions: string;
  quantityUnit: string | null;
  responsible: { id: string; name: string } | null;
  note: string | null;
  useCount: number;
  /** Days until expiry (negative once expired), for granted licences. */
  daysLeft: number | null;
  expiry: "ok" | "due_60" | "due_30" | "expired" | "none";
  version: number;
  createdAt: string;
  updatedAt: string;
};

const LICENCE: Label = { ja: "許可", en: "Licence" };
const iso = (d: Date | string) => new Date(d).toISOString();

type Row = Awaited<ReturnType<ExportControlRepo["licencesWithUse"]>>[number];

/** The register row as the coverage rules read it. */
export function licenceFacts(r: Row): LicenceFacts {
  return {
    id: r.id,
    refNo: r.ref_no,
    kind: r.kind as LicenceKind,
    status: r.status as LicenceStatus,
    licenceNumber: r.licence_number,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    items: (r.items as CoveredItem[]) ?? [],
    destinations: (r.destinations as string[]) ?? [],
    quantityLimit: r.quantity_limit,
    valueLimitJpy: r.value_limit_jpy,
    usedQuantity: Number(r.used_quantity ?? 0),
    usedValueJpy: Number(r.used_value_jpy ?? 0),
  };
}

/**
 * The licence register: individual licences and the comprehensive (包括) licences, with their
 * number, holder, validity, conditions, covered items and destinations, and the quantity or value
 * used per shipment or provision. Expiry reminders go out 60 and 30 days before (task + e-mail).
 */
export function createLicencesService(deps: {
  db: Db;
  repo: ExportControlRepo;
  audit: AuditWriter;
  tasks: TasksService;
  countryGroups: (exec?: Executor) => Promise<CountryGroupTable>;
  clock?: () => Date;
}) {
  const { db, repo, audit, tasks } = deps;
  const clock = deps.clock ?? (() => new Date());
  const today = () => clock().toISOString().slice(0, 10);

  const toView = (r: Row): LicenceView => {
    const f = licenceFacts(r);
    const due = expiryReminderDue(f, today());
    return {
      ...f,
      kindLabel: LICENCE_KIND_LABELS[f.kind] ?? { ja: r.kind, en: r.kind },
      holder: r.holder,
      appliedOn: r.applied_on,
      issuedOn: r.issued_on,
      conditions: r.conditions,
      quantityUnit: r.quantity_unit,
      responsible: r.responsible_user_id
        ? { id: r.responsible_user_id, name: r.responsible_name ?? "" }
        : null,
      note: r.note,
      useCount: Number(r.use_count ?? 0),
      daysLeft: f.status === "valid" && f.validUntil ? daysBetween(today(), f.validUntil) : null,
      expiry:
        f.status !== "valid"
          ? "none"
          : due === "expired"
            ? "expired"
            : due === 30
              ? "due_30"
              : due === 60
                ? "due_60"
                : "ok",
      version: r.version,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
    };
  };

  function check(actor: Actor, roles: readonly string[]): void {
    if (!hasAnyRole(actor, roles as never))
      throw forbidden({
        ja: "許可台帳を操作する権限がありません",
        en: "You may not change the licence register",
      });
  }

  function clean(input: LicenceInput): Omit<LicenceRow, "id" | "ref_no" | "created_by"> {
    const fields: FieldError[] = validateLicence(
      {
        ...input,
        destinations: input.destinations.map((d) => d.trim()),
      },
      COUNTRY_CODES,
    );
    for (const [k, v] of Object.entries({
      appliedOn: input.appliedOn,
      issuedOn: input.issuedOn,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
    }))
      if (v !== null && !isIsoDate(v))
        fields.push({ path: k, message: { ja: "日付は YYYY-MM-DD で", en: "Use YYYY-MM-DD" } });
    input.items.forEach((it, i) => {
      if (!it.description.trim() && !it.itemId && !it.listedItem)
        fields.push({ path: `items.${i}`, message: { ja: "品目を指定してください", en: "Name the item" } });
    });
    if (fields.length) throw invalid(fields);
    return {
      kind: input.kind,
      licence_number: input.licenceNumber?.trim() || null,
      status: input.status,
      holder: input.holder.trim(),
      applied_on: input.appliedOn,
      issued_on: input.issuedOn,
      valid_from: input.validFrom,
      valid_until: input.validUntil,
      conditions: input.conditions.trim(),
      items: input.items.map((it) => ({
        itemId: it.itemId ?? null,
        listedItem: it.listedItem ?? null,
        description: it.description.trim(),
      })),
      destinations: [...new Set(input.destinations.map((d) => d.trim()))],
      quantity_limit: input.quantityLimit,
      quantity_unit: input.quantityUnit?.trim() || null,
      value_limit_jpy: input.valueLimitJpy,
      responsible_user_id: input.responsibleUserId,
      note: input.note?.trim() || null,
    };
  }

  async function one(exec: Executor, id: string): Promise<Row> {
    const [row] = await repo.licencesWithUse(exec, { ids: [id] });
    if (!row) throw notFound(LICENCE);
    return row;
  }

  async function get(actor: Actor, id: string) {
    const row = await one(db, id);
    const usages = await repo.usages(db, id);
    const reviews = await repo.linkedReviews(db, id);
    void actor;
    return {
      ...toView(row),
      usages: usages.map((u) => ({
        id: u.id,
        usedOn: u.used_on,
        quantity: u.quantity,
        valueJpy: u.value_jpy,
        note: u.note,
        reviewId: u.review_id,
        reviewRef: u.review_ref,
        recordedBy: u.recorded_by_name,
        createdAt: iso(u.created_at),
      })),
      reviews: reviews.map((r) => ({
        id: r.id,
        refNo: r.ref_no,
        title: r.title,
        status: r.status,
        linkedAt: iso(r.linked_at),
      })),
    };
  }

  async function create(actor: Actor, input: LicenceInput) {
    check(actor, LICENCE_EDITORS);
    const row = clean(input);
    const id = randomUUID();
    await db.transaction().execute(async (tx) => {
      const refNo = await repo.nextLicenceRef(tx, clock().getUTCFullYear());
      await repo.insertLicence(tx, { ...row, id, ref_no: refNo, created_by: actor.id });
      await audit.write(tx, actor, {
        action: "licence.created",
        entityType: "licence",
        entityId: id,
        after: { refNo, ...row },
      });
    });
    return get(actor, id);
  }

  async function update(actor: Actor, id: string, version: number, input: LicenceInput) {
    check(actor, LICENCE_EDITORS);
    const row = clean(input);
    await db.transaction().execute(async (tx) => {
      const before = await repo.findLicence(tx, id, true);
      if (!before) throw notFound(LICENCE);
      if (before.version !== version)
        throw conflict("stale_version", {
          ja: "他の人がこの許可を更新しました。再読み込みしてください",
          en: "Someone else changed this licence; reload it",
        });
      await repo.updateLicence(tx, id, row);
      await audit.write(tx, actor, {
        action: "licence.updated",
        entityType: "licence",
        entityId: id,
        before: { ...before, created_at: undefined, updated_at: undefined },
        after: row,
      });
      // A renewed or changed validity ends the expiry reminders for the old date.
      if (before.valid_until !== row.valid_until || before.status !== row.status)
        await tasks.closeFor(tx, actor, { entityType: "licence", entityId: id });
    });
    return get(actor, id);
  }

  /**
   * The register; `expiringWithin` keeps the granted licences that expire within that many days
   * (soonest first), as the office dashboard counts them.
   */
  async function list(
    _actor: Actor,
    q: { status?: string | undefined; expiringWithin?: number | undefined } = {},
  ) {
    const views = (await repo.licencesWithUse(db, { status: q.status })).map(toView);
    if (q.expiringWithin === undefined) return views;
    return expiringWithin(views, today(), q.expiringWithin);
  }

  /** Granted licences expiring within `withinDays` days, soonest first (for the office dashboard). */
  async function expiring(withinDays: number): Promise<LicenceView[]> {
    return expiringWithin(
      (await repo.licencesWithUse(db, { status: "valid" })).map(toView),
      today(),
      withinDays,
    );
  }

  /** Granted licences already past their validity but not closed in the register. */
  async function expiredStillValid(): Promise<number> {
    return (await repo.licencesWithUse(db, { status: "valid" }))
      .map(toView)
      .filter((l) => l.expiry === "expired").length;
  }

  /** Licence facts for the review gate, read in the caller's transaction. */
  async function factsFor(exec: Executor, ids: string[]): Promise<LicenceFacts[]> {
    return (await repo.licencesWithUse(exec, { ids })).map(licenceFacts);
  }

  type UsageInput = {
    usedOn: string;
    quantity: number | null;
    valueJpy: number | null;
    reviewId: string | null;
    note: string | null;
    destinationCountry?: string | null | undefined;
  };

  /**
   * Records one shipment or provision against a licence inside the caller's transaction (the caller
   * has checked who may do it): refused unless the licence is granted, valid on that day, covers the
   * destination, and has the quantity and value left.
   */
  async function recordUsageIn(tx: Executor, actor: Actor, id: string, u: UsageInput): Promise<string> {
    if (!isIsoDate(u.usedOn))
      throw invalid([{ path: "usedOn", message: { ja: "日付は YYYY-MM-DD で", en: "Use YYYY-MM-DD" } }]);
    const groups = await deps.countryGroups(tx);
    const row = await one(tx, id);
    const facts = licenceFacts(row);
    if (facts.status !== "valid")
      throw conflict("licence_not_granted", {
        ja: "許可済みでない許可に使用実績は記録できません",
        en: "Use can be recorded only against a granted licence",
      });
    const cov = licenceCovers(
      facts,
      {
        date: u.usedOn,
        destinationCountry: u.destinationCountry ?? null,
        items: [],
        quantity: u.quantity,
        valueJpy: u.valueJpy,
      },
      groups,
    );
    if (!cov.covers) throw conflict("licence_does_not_cover", cov.reason);
    const usageId = randomUUID();
    await repo.insertUsage(tx, {
      id: usageId,
      licenceId: id,
      reviewId: u.reviewId,
      provisionId: null,
      usedOn: u.usedOn,
      quantity: u.quantity,
      valueJpy: u.valueJpy,
      note: u.note?.trim() || null,
      recordedBy: actor.id,
    });
    await audit.write(tx, actor, {
      action: "licence.used",
      entityType: "licence",
      entityId: id,
      after: { usageId, ...u },
    });
    return usageId;
  }

  /** Records a shipment or provision against a licence (secretariat or unit officer). */
  async function recordUsage(actor: Actor, id: string, u: UsageInput) {
    check(actor, [...LICENCE_EDITORS, "unit_officer"]);
    await db.transaction().execute((tx) => recordUsageIn(tx, actor, id, u));
    return get(actor, id);
  }

  /** Opens the 60- and 30-day expiry reminders (task + e-mail) for granted licences; returns how many. */
  async function runExpiryReminders(actor: Actor): Promise<number> {
    const rows = await repo.licencesWithUse(db, { status: "valid" });
    let opened = 0;
    await db.transaction().execute(async (tx) => {
      for (const r of rows) {
        const f = licenceFacts(r);
        const due = expiryReminderDue(f, today());
        if (due === null) continue;
        if (!(await repo.claimReminder(tx, `licence:${f.id}:expiry:${due}:${f.validUntil}`))) continue;
        const left = daysBetween(today(), f.validUntil!);
        const name = `${f.refNo}${f.licenceNumber ? ` (${f.licenceNumber})` : ""} ${LICENCE_KIND_LABELS[f.kind]?.ja ?? f.kind}`;
        const nameEn = `${f.refNo}${f.licenceNumber ? ` (${f.licenceNumber})` : ""} ${LICENCE_KIND_LABELS[f.kind]?.en ?? f.kind}`;
        await tasks.open(tx, actor, {
          kind: due === "expired" ? "licence.expired" : `licence.expiry_${due}`,
          title:
            due === "expired"
              ? {
                  ja: `許可の期限切れ: ${name}（${f.validUntil}）`,
                  en: `Licence expired: ${nameEn} (${f.validUntil})`,
                }
              : {
                  ja: `許可の期限まで${left}日: ${name}（${f.validUntil}）`,
                  en: `Licence expires in ${left} days: ${nameEn} (${f.validUntil})`,
                },
          detail: {
            ja: "更新申請の要否を確認し、必要なら申請してください。期限後はこの許可で輸出・提供できません",
            en: "Decide whether to apply for renewal. After expiry nothing may be exported or provided under this licence",
          },
          link: `/export/licences/${f.id}`,
          entityType: "licence",
          entityId: f.id,
          assignee: r.responsible_user_id ? { userId: r.responsible_user_id } : { role: "secretariat" },
          dedupeKey: `licence:${f.id}:expiry:${due}`,
          dueAt: new Date(`${f.validUntil}T00:00:00Z`),
          email: true,
        });
        opened += 1;
      }
    });
    return opened;
  }

  return {
    list,
    expiring,
    expiredStillValid,
    get,
    create,
    update,
    factsFor,
    recordUsage,
    recordUsageIn,
    runExpiryReminders,
  };
}

export type LicencesService = ReturnType<typeof createLicencesService>;
