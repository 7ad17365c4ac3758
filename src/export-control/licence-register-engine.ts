import type { CountryGroupId, CountryGroupTable } from "./country-groups.js";
import { lookupCountry } from "./country-groups.js";
import type { Label } from "./legal-sources.js";

/**
 * The licence register's rules, pure: the kinds of licence (個別許可 and the 包括許可 family), when a
 * licence is valid, whether it covers a shipment or provision (item, destination, date, remaining
 * quantity and value), and when its expiry reminders are due (60 and 30 days before). No IO, no clock.
 */

export const LICENCE_KINDS = [
  "individual",
  "general_bulk",
  "special_general_bulk",
  "specific_bulk",
  "specific_subsidiary_bulk",
  "special_return_bulk",
] as const;
export type LicenceKind = (typeof LICENCE_KINDS)[number];

export const LICENCE_KIND_LABELS: Record<LicenceKind, Label> = {
  individual: { ja: "個別許可", en: "Individual licence" },
  general_bulk: { ja: "一般包括許可", en: "General bulk licence" },
  special_general_bulk: { ja: "特別一般包括許可", en: "Special general bulk licence" },
  specific_bulk: { ja: "特定包括許可", en: "Specific bulk licence" },
  specific_subsidiary_bulk: { ja: "特定子会社包括許可", en: "Specific subsidiary bulk licence" },
  special_return_bulk: { ja: "特別返品等包括許可", en: "Special bulk licence for returns etc." },
};

export const LICENCE_STATUSES = ["applying", "valid", "refused", "withdrawn", "revoked"] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];
export const LICENCE_STATUS_LABELS: Record<LicenceStatus, Label> = {
  applying: { ja: "申請中", en: "Application in progress" },
  valid: { ja: "許可済み", en: "Granted" },
  refused: { ja: "不許可", en: "Refused" },
  withdrawn: { ja: "申請取下げ", en: "Application withdrawn" },
  revoked: { ja: "取消し", en: "Revoked" },
};

/** What a licence covers: items from the master, list items (項), or anything ("*"). */
export type CoveredItem = { itemId?: string | null; listedItem?: string | null; description: string };
/** Destinations: ISO codes, a group ("group:group_a"), or every country ("*"). */
export type CoveredDestination = string;

export type LicenceFacts = {
  id: string;
  refNo: string;
  kind: LicenceKind;
  status: LicenceStatus;
  licenceNumber: string | null;
  validFrom: string | null;
  validUntil: string | null;
  items: CoveredItem[];
  destinations: CoveredDestination[];
  quantityLimit: number | null;
  valueLimitJpy: number | null;
  usedQuantity: number;
  usedValueJpy: number;
};

export type Need = {
  date: string;
  destinationCountry: string | null;
  items: { itemId: string | null; listedItem: string | null }[];
  quantity: number | null;
  valueJpy: number | null;
};

export type Coverage =
  | { covers: true; pending: boolean; reason: Label }
  | { covers: false; pending: false; reason: Label };

const no = (ja: string, en: string): Coverage => ({ covers: false, pending: false, reason: { ja, en } });

/** True when the licence's destinations include the country on that date (groups resolved by the table). */
export function destinationCovered(
  destinations: CoveredDestination[],
  country: string,
  date: string,
  groups: CountryGroupTable,
): boolean {
  const code = country.toUpperCase();
  if (destinations.includes("*") || destinations.includes(code)) return true;
  const memberships = lookupCountry(groups, code, date).memberships.map((m) => m.group);
  return destinations.some(
    (d) => d.startsWith("group:") && memberships.includes(d.slice("group:".length) as CountryGroupId),
  );
}

/**
 * Whether a licence covers what a review needs: granted (or an application in progress, reported
 * as pending), valid on the date, for the destination and every item, with enough quantity and
 * value left. The reason says which condition failed, in both languages.
 */
export function licenceCovers(l: LicenceFacts, need: Need, groups: CountryGroupTable): Coverage {
  const name = `${l.refNo}${l.licenceNumber ? ` (${l.licenceNumber})` : ""}`;
  if (l.status === "refused" || l.status === "withdrawn" || l.status === "revoked")
    return no(
      `${name} は${LICENCE_STATUS_LABELS[l.status].ja}です`,
      `${name} is ${LICENCE_STATUS_LABELS[l.status].en.toLowerCase()}`,
    );
  if (
    need.destinationCountry &&
    l.destinations.length > 0 &&
    !destinationCovered(l.destinations, need.destinationCountry, need.date, groups)
  )
    return no(
      `${name} は仕向地 ${need.destinationCountry} を含みません`,
      `${name} does not cover ${need.destinationCountry}`,
    );
  for (const it of need.items) {
    const covered =
      l.items.length === 0 ||
      l.items.some(
        (c) =>
          c.description === "*" ||
          (it.itemId && c.itemId === it.itemId) ||
          (it.listedItem && c.listedItem === it.listedItem && !c.itemId),
      );
    if (!covered)
      return no(
        `${name} はこの品目（${it.listedItem ? `${it.listedItem}項` : "品目マスタ"}）を含みません`,
        `${name} does not cover this item (${it.listedItem ? `item ${it.listedItem}` : "item master"})`,
      );
  }
  if (l.status === "applying")
    return {
      covers: true,
      pending: true,
      reason: {
        ja: `${name} は申請中です（許可が下りるまで輸出・提供できません）`,
        en: `${name} is an application in progress (no export or provision until granted)`,
      },
    };
  if (l.validFrom && need.date < l.validFrom)
    return no(`${name} の有効期間は ${l.validFrom} からです`, `${name} is valid only from ${l.validFrom}`);
  if (l.validUntil && need.date > l.validUntil)
    return no(`${name} は ${l.validUntil} に期限切れです`, `${name} expired on ${l.validUntil}`);
  if (l.quantityLimit !== null && need.quantity !== null && l.usedQuantity + need.quantity > l.quantityLimit)
    return no(
      `${name} の残数量（${l.quantityLimit - l.usedQuantity}）が不足しています`,
      `${name} has ${l.quantityLimit - l.usedQuantity} left, not enough`,
    );
  if (l.valueLimitJpy !== null && need.valueJpy !== null && l.usedValueJpy + need.valueJpy > l.valueLimitJpy)
    return no(
      `${name} の残金額（${(l.valueLimitJpy - l.usedValueJpy).toLocaleString("ja-JP")}円）が不足しています`,
      `${name} has JPY ${(l.valueLimitJpy - l.usedValueJpy).toLocaleString("en-US")} left, not enough`,
    );
  return {
    covers: true,
    pending: false,
    reason: {
      ja: `${name}（${LICENCE_KIND_LABELS[l.kind].ja}、${l.validUntil ?? "期限なし"}まで）が対象をカバーしています`,
      en: `${name} (${LICENCE_KIND_LABELS[l.kind].en}, valid until ${l.validUntil ?? "no end"}) covers it`,
    },
  };
}

/** Days from one date to another (YYYY-MM-DD, UTC). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The reminder thresholds before expiry, in days. */
export const EXPIRY_REMINDER_DAYS = [60, 30] as const;

/**
 * Which expiry reminder is due today for a granted licence: the smallest threshold already reached
 * (30 once within 30 days, else 60 within 60 days), or null. Expired licences get "expired".
 */
export function expiryReminderDue(
  l: Pick<LicenceFacts, "status" | "validUntil">,
  today: string,
): 60 | 30 | "expired" | null {
  if (l.status !== "valid" || !l.validUntil) return null;
  const left = daysBetween(today, l.validUntil);
  if (left < 0) return "expired";
  if (left <= 30) return 30;
  if (left <= 60) return 60;
  return null;
}

/**
 * Granted licences whose validity ends within `withinDays` days of `today` (today included; already
 * expired ones are not "expiring" — they show as expired), soonest first, with the days left. What
 * the office dashboard and the register's `?expiring=N` filter show.
 */
export function expiringWithin<T extends Pick<LicenceFacts, "status" | "validUntil">>(
  licences: readonly T[],
  today: string,
  withinDays: number,
): (T & { daysLeft: number })[] {
  const out: (T & { daysLeft: number })[] = [];
  for (const l of licences) {
    if (l.status !== "valid" || !l.validUntil) continue;
    const daysLeft = daysBetween(today, l.validUntil);
    if (daysLeft >= 0 && daysLeft <= withinDays) out.push({ ...l, daysLeft });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft);
}

export type LicenceProblem = { path: string; message: Label };

/** Checks a licence record before it is stored. */
export function validateLicence(
  l: {
    kind: string;
    status: string;
    licenceNumber: string | null;
    holder: string;
    validFrom: string | null;
    validUntil: string | null;
    appliedOn: string | null;
    destinations: string[];
    quantityLimit: number | null;
    valueLimitJpy: number | null;
  },
  knownCodes: ReadonlySet<string>,
): LicenceProblem[] {
  const out: LicenceProblem[] = [];
  const p = (path: string, ja: string, en: string) => out.push({ path, message: { ja, en } });
  if (!(LICENCE_KINDS as readonly string[]).includes(l.kind))
    p("kind", "許可の種類を選んでください", "Choose the kind of licence");
  if (!(LICENCE_STATUSES as readonly string[]).includes(l.status))
    p("status", "状態を選んでください", "Choose the status");
  if (!l.holder.trim()) p("holder", "許可の名義人を入力してください", "Enter the holder");
  if (l.status === "valid") {
    if (!l.licenceNumber?.trim())
      p("licenceNumber", "許可番号を入力してください", "Enter the licence number");
    if (!l.validUntil) p("validUntil", "有効期限を入力してください", "Enter the expiry date");
  }
  if (l.status === "applying" && !l.appliedOn)
    p("appliedOn", "申請日を入力してください", "Enter the application date");
  if (l.validFrom && l.validUntil && l.validUntil < l.validFrom)
    p("validUntil", "有効期限は開始日以降にしてください", "The expiry must not be before the start");
  l.destinations.forEach((d, i) => {
    const ok = d === "*" || /^group:(group_a|un_arms_embargo|concern_table4)$/.test(d) || knownCodes.has(d);
    if (!ok)
      p(
        `destinations.${i}`,
        "国コード・グループ・* のいずれかにしてください",
        "Use a country code, a group or *",
      );
  });
  if (l.quantityLimit !== null && !(l.quantityLimit >= 0)) p("quantityLimit", "0以上", "0 or more");
  if (l.valueLimitJpy !== null && !(l.valueLimitJpy >= 0)) p("valueLimitJpy", "0以上", "0 or more");
  return out;
}
