/**
 * The people directory's rules, pure: how a record from SCIM, LDAP or an HR/学務 CSV is normalised
 * and checked, how a snapshot differs from the people we know (joiners, movers, leavers, notices of
 * departure, long stays abroad), and what each event makes the product do. No IO, no clock: the
 * caller passes `today`.
 *
 * Nationality, ethnicity and similar attributes are never read (see FORBIDDEN_DIRECTORY_FIELDS): a
 * person's origin is not a risk factor, and "foreign visitor" is the directory's category `visitor`.
 */

export type Bilingual = { ja: string; en: string };

export const DIRECTORY_CATEGORIES = ["staff", "student", "visitor", "researcher", "other"] as const;
export type DirectoryCategory = (typeof DIRECTORY_CATEGORIES)[number];

/** One person as a directory source describes them, normalised. Dates are YYYY-MM-DD. */
export type DirectoryRecord = {
  /** The directory key: SCIM userName, LDAP uid/sAMAccountName, CSV user name or employee number (lower case). */
  userName: string;
  employeeNumber: string | null;
  externalId: string | null;
  displayName: string;
  nameKanji: string | null;
  nameKana: string | null;
  nameRoman: string | null;
  email: string | null;
  department: string | null;
  post: string | null;
  /** The supervisor's userName or employee number. */
  supervisorKey: string | null;
  category: DirectoryCategory;
  startDate: string | null;
  endDate: string | null;
  noticeDate: string | null;
  abroadFrom: string | null;
  abroadUntil: string | null;
  active: boolean;
};

/** What a source gave for one person, before normalisation (all text; booleans allowed for `active`). */
export type RawDirectoryRecord = Partial<Record<keyof DirectoryRecord, string | boolean | null | undefined>>;

export type RecordProblem = { field: string; message: Bilingual };

/** Column/attribute names never read (nationality and the like), refused by every importer. */
export const FORBIDDEN_DIRECTORY_FIELDS = [
  "nationality",
  "citizenship",
  "ethnicity",
  "ethnic_origin",
  "race",
  "religion",
  "country_of_birth",
  "birth_country",
  "place_of_birth",
  "native_language",
  "国籍",
  "出身国",
  "民族",
  "宗教",
];

/**
 * A planned stay abroad at least this long makes a resident 本邦人 a non-resident under the 外為法
 * interpretation (「外国為替法令の解釈及び運用について」6-1-5(1)①: 2年以上外国に滞在する目的で
 * 出国し外国に滞在する者). Only the trigger for a human re-check; the residency decision itself stays
 * with the office (src/people). Verify against the current edition of the 通達 before relying on it.
 */
export const LONG_STAY_ABROAD_DAYS = 730;

/** How long before the end date a leaver without a notice is re-examined by the insider detectors. */
export const LEAVER_LOOKBACK_DAYS = 28;

/** Category words (Japanese or English, lower case) and the category each means. */
export const CATEGORY_WORDS: Record<string, DirectoryCategory> = {
  staff: "staff",
  employee: "staff",
  member: "staff",
  職員: "staff",
  社員: "staff",
  従業員: "staff",
  student: "student",
  学生: "student",
  院生: "student",
  留学生: "student",
  visitor: "visitor",
  guest: "visitor",
  来訪者: "visitor",
  訪問者: "visitor",
  外来研究員: "visitor",
  客員: "visitor",
  researcher: "researcher",
  faculty: "researcher",
  研究者: "researcher",
  教員: "researcher",
  研究員: "researcher",
  other: "other",
  その他: "other",
  contractor: "other",
};

const nfkc = (s: string) => s.normalize("NFKC").trim();

/** Reads a date as YYYY-MM-DD from `2026-04-01`, `2026/4/1`, `20260401` or an ISO timestamp; null when not a real date. */
export function parseDirectoryDate(text: string): string | null {
  const t = nfkc(text);
  const m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})(?:\d{6}(?:\.\d+)?Z)?$/.exec(t);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Days between two YYYY-MM-DD dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** A YYYY-MM-DD date moved by some days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function text(v: string | boolean | null | undefined): string | null {
  if (v === undefined || v === null || typeof v === "boolean") return null;
  const t = nfkc(v);
  return t === "" ? null : t;
}

function activeValue(v: string | boolean | null | undefined, problems: RecordProblem[]): boolean {
  if (v === undefined || v === null || v === "") return true;
  if (typeof v === "boolean") return v;
  const t = nfkc(v).toLowerCase();
  if (["true", "1", "yes", "y", "在籍", "有効", "active"].includes(t)) return true;
  if (["false", "0", "no", "n", "退職", "無効", "inactive"].includes(t)) return false;
  problems.push({
    field: "active",
    message: {
      ja: `在籍状態「${v}」を解釈できません（true/false）`,
      en: `active "${v}" is not true or false`,
    },
  });
  return true;
}

/**
 * Normalises one record (NFKC, trimmed, lower-case keys and e-mail, dates to YYYY-MM-DD, category
 * words in Japanese or English) and says what is wrong with it, field by field. A record with
 * problems is not returned.
 */
export function normaliseRecord(raw: RawDirectoryRecord): {
  record: DirectoryRecord | null;
  problems: RecordProblem[];
} {
  const problems: RecordProblem[] = [];
  const employeeNumber = text(raw.employeeNumber);
  const userName = (text(raw.userName) ?? employeeNumber ?? "").toLowerCase();
  if (userName === "")
    problems.push({
      field: "userName",
      message: { ja: "ユーザー名または職員番号が必要です", en: "a user name or employee number is required" },
    });
  else if (/\s/.test(userName))
    problems.push({
      field: "userName",
      message: { ja: "ユーザー名に空白は使えません", en: "the user name contains spaces" },
    });
  const email = text(raw.email)?.toLowerCase() ?? null;
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    problems.push({
      field: "email",
      message: {
        ja: `メールアドレス「${email}」の形式が正しくありません`,
        en: `"${email}" is not an e-mail address`,
      },
    });
  const nameKanji = text(raw.nameKanji);
  const nameKana = text(raw.nameKana);
  const nameRoman = text(raw.nameRoman);
  const displayName = text(raw.displayName) ?? nameKanji ?? nameRoman ?? nameKana ?? "";
  if (displayName === "")
    problems.push({ field: "displayName", message: { ja: "氏名が必要です", en: "a name is required" } });
  if (nameKana && !/^[\p{Script=Katakana}\p{Script=Hiragana}ー・\s　]+$/u.test(nameKana))
    problems.push({
      field: "nameKana",
      message: {
        ja: `フリガナ「${nameKana}」にかな以外の文字があります`,
        en: `kana name "${nameKana}" has non-kana characters`,
      },
    });
  const categoryText = text(raw.category);
  let category: DirectoryCategory = "staff";
  if (categoryText) {
    const found = CATEGORY_WORDS[categoryText.toLowerCase()];
    if (found) category = found;
    else
      problems.push({
        field: "category",
        message: {
          ja: `区分「${categoryText}」は 職員・研究者・学生・来訪者・その他 のいずれかです`,
          en: `category "${categoryText}" must be staff, researcher, student, visitor or other`,
        },
      });
  }
  const date = (field: "startDate" | "endDate" | "noticeDate" | "abroadFrom" | "abroadUntil") => {
    const t = text(raw[field]);
    if (t === null) return null;
    const d = parseDirectoryDate(t);
    if (d === null)
      problems.push({
        field,
        message: { ja: `日付「${t}」を読めません（YYYY-MM-DD）`, en: `"${t}" is not a date (YYYY-MM-DD)` },
      });
    return d;
  };
  const startDate = date("startDate");
  const endDate = date("endDate");
  const noticeDate = date("noticeDate");
  const abroadFrom = date("abroadFrom");
  const abroadUntil = date("abroadUntil");
  if (startDate && endDate && endDate < startDate)
    problems.push({
      field: "endDate",
      message: { ja: "終了日が開始日より前です", en: "the end date is before the start date" },
    });
  if (noticeDate && endDate && noticeDate > endDate)
    problems.push({
      field: "noticeDate",
      message: {
        ja: "退職等の届出日が終了日より後です",
        en: "the notice of departure is after the end date",
      },
    });
  if (noticeDate && !endDate)
    problems.push({
      field: "endDate",
      message: { ja: "届出日があるときは終了日も必要です", en: "a notice of departure needs an end date" },
    });
  if (abroadFrom && abroadUntil && abroadUntil < abroadFrom)
    problems.push({
      field: "abroadUntil",
      message: { ja: "海外滞在の終了日が開始日より前です", en: "the stay abroad ends before it starts" },
    });
  const active = activeValue(raw.active, problems);
  if (problems.length > 0) return { record: null, problems };
  return {
    record: {
      userName,
      employeeNumber,
      externalId: text(raw.externalId),
      displayName,
      nameKanji,
      nameKana,
      nameRoman,
      email,
      department: text(raw.department),
      post: text(raw.post),
      supervisorKey: text(raw.supervisorKey)?.toLowerCase() ?? null,
      category,
      startDate,
      endDate,
      noticeDate,
      abroadFrom,
      abroadUntil,
      active,
    },
    problems,
  };
}

/** A person the directory already knows. */
export type KnownEntry = DirectoryRecord & { personId: string; source: string };

export type FieldChange = { field: keyof DirectoryRecord; before: unknown; after: unknown };

export type DirectoryEvent =
  | { kind: "joiner"; userName: string; returning: boolean }
  | { kind: "mover"; userName: string; changes: FieldChange[] }
  | { kind: "updated"; userName: string; changes: FieldChange[] }
  | { kind: "departure"; userName: string; noticeDate: string | null; endDate: string }
  | { kind: "abroad"; userName: string; from: string; until: string | null; days: number | null }
  | { kind: "leaver"; userName: string; reason: "missing" | "inactive" | "ended" };

const MOVER_FIELDS: (keyof DirectoryRecord)[] = ["department", "post", "supervisorKey"];
const OTHER_FIELDS: (keyof DirectoryRecord)[] = [
  "displayName",
  "nameKanji",
  "nameKana",
  "nameRoman",
  "email",
  "employeeNumber",
  "externalId",
  "category",
  "startDate",
  "endDate",
  "noticeDate",
  "abroadFrom",
  "abroadUntil",
];

function changes(
  before: DirectoryRecord,
  after: DirectoryRecord,
  fields: (keyof DirectoryRecord)[],
): FieldChange[] {
  return fields
    .filter((f) => before[f] !== after[f])
    .map((f) => ({ field: f, before: before[f], after: after[f] }));
}

/** True when a planned stay abroad is long enough to change residency (see LONG_STAY_ABROAD_DAYS). */
export function isLongStayAbroad(from: string | null, until: string | null): boolean {
  if (!from) return false;
  if (!until) return true; // open-ended posting abroad: re-check
  return daysBetween(from, until) >= LONG_STAY_ABROAD_DAYS;
}

/**
 * Events for one incoming record against what is known (undefined: not known). An inactive record
 * or one whose end date has passed is a leaver; a new or changed end date/notice is a departure.
 */
export function eventsForRecord(
  known: KnownEntry | undefined,
  record: DirectoryRecord,
  today: string,
): DirectoryEvent[] {
  const out: DirectoryEvent[] = [];
  const ended = record.endDate !== null && record.endDate < today;
  const leaving = !record.active || ended;
  if (!known?.active) {
    if (leaving) {
      // A new record that has already left is stored (kept for the record), not onboarded.
      if (known && !known.active) {
        const changed = changes(known, record, [...MOVER_FIELDS, ...OTHER_FIELDS]);
        if (changed.length > 0) out.push({ kind: "updated", userName: record.userName, changes: changed });
      }
      if (!known)
        out.push({ kind: "leaver", userName: record.userName, reason: ended ? "ended" : "inactive" });
      return out;
    }
    out.push({ kind: "joiner", userName: record.userName, returning: known !== undefined });
    if (record.endDate)
      out.push({
        kind: "departure",
        userName: record.userName,
        noticeDate: record.noticeDate,
        endDate: record.endDate,
      });
    if (isLongStayAbroad(record.abroadFrom, record.abroadUntil)) out.push(abroadEvent(record));
    return out;
  }
  const moved = changes(known, record, MOVER_FIELDS);
  if (moved.length > 0) out.push({ kind: "mover", userName: record.userName, changes: moved });
  const other = changes(known, record, OTHER_FIELDS);
  if (other.length > 0) out.push({ kind: "updated", userName: record.userName, changes: other });
  if (
    record.endDate &&
    (record.endDate !== known.endDate || record.noticeDate !== known.noticeDate) &&
    !leaving
  )
    out.push({
      kind: "departure",
      userName: record.userName,
      noticeDate: record.noticeDate,
      endDate: record.endDate,
    });
  if (
    isLongStayAbroad(record.abroadFrom, record.abroadUntil) &&
    (record.abroadFrom !== known.abroadFrom || record.abroadUntil !== known.abroadUntil)
  )
    out.push(abroadEvent(record));
  if (leaving) out.push({ kind: "leaver", userName: record.userName, reason: ended ? "ended" : "inactive" });
  return out;
}

function abroadEvent(record: DirectoryRecord): DirectoryEvent {
  return {
    kind: "abroad",
    userName: record.userName,
    from: record.abroadFrom!,
    until: record.abroadUntil,
    days: record.abroadUntil ? daysBetween(record.abroadFrom!, record.abroadUntil) : null,
  };
}

export type SnapshotProblem = { index: number; field: string; message: Bilingual };

/**
 * Compares a snapshot with the directory. A full snapshot (LDAP sync, a complete HR file) also
 * makes leavers of active people of the same source who are missing from it; people another
 * source owns are never deactivated by this one. Duplicate keys in the snapshot are problems.
 */
export function diffSnapshot(
  known: readonly KnownEntry[],
  incoming: readonly DirectoryRecord[],
  options: { full: boolean; source: string; today: string },
): { events: DirectoryEvent[]; problems: SnapshotProblem[]; unchanged: number } {
  const byKey = new Map(known.map((k) => [k.userName, k]));
  const byNumber = new Map(known.filter((k) => k.employeeNumber).map((k) => [k.employeeNumber!, k]));
  const seenKeys = new Map<string, number>();
  const seenNumbers = new Map<string, number>();
  const problems: SnapshotProblem[] = [];
  const events: DirectoryEvent[] = [];
  let unchanged = 0;
  incoming.forEach((r, index) => {
    const dupKey = seenKeys.get(r.userName);
    if (dupKey !== undefined) {
      problems.push({
        index,
        field: "userName",
        message: {
          ja: `ユーザー名「${r.userName}」が ${dupKey + 1} 件目と重複しています`,
          en: `user name "${r.userName}" repeats record ${dupKey + 1}`,
        },
      });
      return;
    }
    seenKeys.set(r.userName, index);
    if (r.employeeNumber) {
      const dupNumber = seenNumbers.get(r.employeeNumber);
      if (dupNumber !== undefined) {
        problems.push({
          index,
          field: "employeeNumber",
          message: {
            ja: `職員番号「${r.employeeNumber}」が ${dupNumber + 1} 件目と重複しています`,
            en: `employee number "${r.employeeNumber}" repeats record ${dupNumber + 1}`,
          },
        });
        return;
      }
      seenNumbers.set(r.employeeNumber, index);
      const other = byNumber.get(r.employeeNumber);
      if (other && other.userName !== r.userName) {
        problems.push({
          index,
          field: "employeeNumber",
          message: {
            ja: `職員番号「${r.employeeNumber}」は既に「${other.userName}」のものです`,
            en: `employee number "${r.employeeNumber}" already belongs to "${other.userName}"`,
          },
        });
        return;
      }
    }
    const found = eventsForRecord(byKey.get(r.userName), r, options.today);
    if (found.length === 0) unchanged++;
    events.push(...found);
  });
  if (options.full) {
    for (const k of known) {
      if (k.active && k.source === options.source && !seenKeys.has(k.userName))
        events.push({ kind: "leaver", userName: k.userName, reason: "missing" });
    }
  }
  return { events, problems, unchanged };
}

/** What the product does about an event. */
export type DirectoryAction =
  | "create_person"
  | "update_person"
  | "reactivate"
  | "tokutei_declaration_task"
  | "training_task"
  | "residency_recheck_task"
  | "departing_watchlist"
  | "departure_checklist_task"
  | "deactivate";

/**
 * The actions an event starts. A joiner (other than category `other`) owes a 特定類型 declaration and
 * the required export-control training; a change of post or a long stay abroad asks for a residency
 * re-check; a departure puts the person on the insider departing watchlist and opens the
 * access/return checklist; a leaver is deactivated (kept, never deleted) and, when nobody knew in
 * advance, also gets the watchlist span and checklist.
 */
export function actionsFor(
  event: DirectoryEvent,
  record: Pick<DirectoryRecord, "category">,
  hadDeparture: boolean,
): DirectoryAction[] {
  switch (event.kind) {
    case "joiner":
      return [
        event.returning ? "reactivate" : "create_person",
        ...(record.category === "other" ? [] : (["tokutei_declaration_task", "training_task"] as const)),
      ];
    case "mover":
      return [
        "update_person",
        ...(event.changes.some((c) => c.field === "post") ? (["residency_recheck_task"] as const) : []),
      ];
    case "updated":
      return ["update_person"];
    case "abroad":
      return ["residency_recheck_task"];
    case "departure":
      return ["departing_watchlist", "departure_checklist_task"];
    case "leaver":
      return hadDeparture
        ? ["deactivate"]
        : ["deactivate", "departing_watchlist", "departure_checklist_task"];
  }
}

/**
 * The departing watchlist span: from the notice of departure (or the day the directory learned the
 * end date) to the end date. A leaver nobody announced gets the LEAVER_LOOKBACK_DAYS before leaving,
 * so the detectors re-examine the last weeks.
 */
export function departingSpan(
  record: Pick<DirectoryRecord, "noticeDate" | "endDate">,
  today: string,
  announced: boolean,
): { from: string; to: string } {
  const end = record.endDate ?? today;
  if (!announced) return { from: addDays(end < today ? end : today, -LEAVER_LOOKBACK_DAYS), to: end };
  const from = record.noticeDate ?? (today < end ? today : end);
  return { from: from < end ? from : end, to: end };
}

/** Counts per event kind, for previews and sync history. */
export function countEvents(events: readonly DirectoryEvent[]): Record<DirectoryEvent["kind"], number> {
  const out = { joiner: 0, mover: 0, updated: 0, departure: 0, abroad: 0, leaver: 0 };
  for (const e of events) out[e.kind]++;
  return out;
}
