import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import {
  actionsFor,
  type DirectoryRecord,
  departingSpan,
  diffSnapshot,
  eventsForRecord,
  isLongStayAbroad,
  type KnownEntry,
  normaliseRecord,
  parseDirectoryDate,
} from "./directory-engine.js";
import { decodeCsv, parseHrCsv } from "./hr-csv-engine.js";
import { adAccountExpires, recordsFromLdap } from "./ldap-engine.js";
import {
  applyScimPatch,
  fromScimUser,
  parseScimFilter,
  SCIM_ENTERPRISE,
  SCIM_PATCH,
  ScimError,
} from "./scim-engine.js";

const TODAY = "2026-06-01";

function rec(over: Partial<DirectoryRecord> = {}): DirectoryRecord {
  const { record } = normaliseRecord({
    userName: "tanaka",
    displayName: "田中 一郎",
    department: "工学",
    post: "教授",
    category: "researcher",
  });
  return { ...record!, ...over };
}
const known = (over: Partial<DirectoryRecord> = {}): KnownEntry => ({
  ...rec(over),
  personId: "p1",
  source: "csv",
});

describe("normaliseRecord", () => {
  it.each([
    ["2026-04-01", "2026-04-01"],
    ["2026/4/1", "2026-04-01"],
    ["20260401", "2026-04-01"],
    ["２０２６－０４－０１", "2026-04-01"],
    ["20260401000000Z", "2026-04-01"],
    ["2026-02-30", null],
    ["April 1", null],
  ])("reads the date %s as %s", (input, out) => {
    expect(parseDirectoryDate(input)).toBe(out);
  });

  it("keys on the lower-cased user name or the employee number, NFKC-normalised", () => {
    expect(normaliseRecord({ userName: " Tanaka ", displayName: "x" }).record!.userName).toBe("tanaka");
    expect(normaliseRecord({ employeeNumber: "Ｅ００１", displayName: "x" }).record!.userName).toBe("e001");
    expect(normaliseRecord({ displayName: "ｶﾀｶﾅ", userName: "a" }).record!.displayName).toBe("カタカナ");
  });

  it.each([
    [{ displayName: "x" }, "userName"],
    [{ userName: "a" }, "displayName"],
    [{ userName: "a", displayName: "x", email: "nope" }, "email"],
    [{ userName: "a", displayName: "x", nameKana: "田中" }, "nameKana"],
    [{ userName: "a", displayName: "x", category: "alien" }, "category"],
    [{ userName: "a", displayName: "x", startDate: "2026-05-01", endDate: "2026-04-01" }, "endDate"],
    [{ userName: "a", displayName: "x", noticeDate: "2026-05-01" }, "endDate"],
    [{ userName: "a", displayName: "x", noticeDate: "2026-05-02", endDate: "2026-05-01" }, "noticeDate"],
    [{ userName: "a", displayName: "x", active: "maybe" }, "active"],
  ])("refuses %o with a problem on %s", (raw, field) => {
    const { record, problems } = normaliseRecord(raw);
    expect(record).toBeNull();
    expect(problems.map((p) => p.field)).toContain(field);
    for (const p of problems) expect(p.message.ja && p.message.en).toBeTruthy();
  });

  it("reads category words in Japanese and English", () => {
    expect(normaliseRecord({ userName: "a", displayName: "x", category: "来訪者" }).record!.category).toBe(
      "visitor",
    );
    expect(normaliseRecord({ userName: "a", displayName: "x", category: "Faculty" }).record!.category).toBe(
      "researcher",
    );
    expect(normaliseRecord({ userName: "a", displayName: "x", active: "退職" }).record!.active).toBe(false);
  });
});

describe("events", () => {
  it("a new active person is a joiner; a known one with a new post is a mover", () => {
    expect(eventsForRecord(undefined, rec(), TODAY)).toEqual([
      { kind: "joiner", userName: "tanaka", returning: false },
    ]);
    const moved = eventsForRecord(known(), rec({ post: "研究科長" }), TODAY);
    expect(moved).toEqual([
      { kind: "mover", userName: "tanaka", changes: [{ field: "post", before: "教授", after: "研究科長" }] },
    ]);
    expect(eventsForRecord(known(), rec(), TODAY)).toEqual([]);
  });

  it("a new end date or notice is a departure; an inactive or ended record is a leaver", () => {
    const dep = eventsForRecord(known(), rec({ endDate: "2026-07-31", noticeDate: "2026-05-20" }), TODAY);
    expect(dep.map((e) => e.kind)).toEqual(["updated", "departure"]);
    expect(eventsForRecord(known(), rec({ active: false }), TODAY).map((e) => e.kind)).toEqual(["leaver"]);
    expect(eventsForRecord(known(), rec({ endDate: "2026-05-31" }), TODAY).map((e) => e.kind)).toEqual([
      "updated",
      "leaver",
    ]);
    expect(eventsForRecord(known({ active: false }), rec(), TODAY)).toEqual([
      { kind: "joiner", userName: "tanaka", returning: true },
    ]);
  });

  it("a planned stay abroad of two years or more (or open-ended) is a residency event, shorter is not", () => {
    expect(isLongStayAbroad("2026-04-01", "2028-03-31")).toBe(true);
    expect(isLongStayAbroad("2026-04-01", "2027-03-31")).toBe(false);
    expect(isLongStayAbroad("2026-04-01", null)).toBe(true);
    expect(isLongStayAbroad(null, null)).toBe(false);
    const ev = eventsForRecord(known(), rec({ abroadFrom: "2026-09-01", abroadUntil: "2028-09-01" }), TODAY);
    expect(ev.map((e) => e.kind)).toContain("abroad");
  });

  it("a full snapshot makes leavers only of its own source's active people; duplicates are problems", () => {
    const ldapPerson: KnownEntry = { ...known(), userName: "yamada", personId: "p2", source: "ldap" };
    const r = diffSnapshot([known(), ldapPerson], [], { full: true, source: "csv", today: TODAY });
    expect(r.events).toEqual([{ kind: "leaver", userName: "tanaka", reason: "missing" }]);
    const partial = diffSnapshot([known()], [], { full: false, source: "csv", today: TODAY });
    expect(partial.events).toEqual([]);
    const dup = diffSnapshot([], [rec(), rec()], { full: false, source: "csv", today: TODAY });
    expect(dup.problems).toHaveLength(1);
    expect(dup.problems[0]!.field).toBe("userName");
  });

  it("actions: joiners owe the 特定類型 declaration and training (not category other); a post change asks for a residency re-check", () => {
    expect(
      actionsFor({ kind: "joiner", userName: "a", returning: false }, { category: "visitor" }, false),
    ).toEqual(["create_person", "tokutei_declaration_task", "training_task"]);
    expect(
      actionsFor({ kind: "joiner", userName: "a", returning: false }, { category: "other" }, false),
    ).toEqual(["create_person"]);
    expect(
      actionsFor(
        { kind: "mover", userName: "a", changes: [{ field: "department", before: "a", after: "b" }] },
        { category: "staff" },
        false,
      ),
    ).toEqual(["update_person"]);
    expect(
      actionsFor(
        { kind: "mover", userName: "a", changes: [{ field: "post", before: "a", after: "b" }] },
        { category: "staff" },
        false,
      ),
    ).toContain("residency_recheck_task");
    expect(
      actionsFor({ kind: "leaver", userName: "a", reason: "missing" }, { category: "staff" }, true),
    ).toEqual(["deactivate"]);
    expect(
      actionsFor({ kind: "leaver", userName: "a", reason: "missing" }, { category: "staff" }, false),
    ).toEqual(["deactivate", "departing_watchlist", "departure_checklist_task"]);
  });

  it("the departing span runs from the notice to the end date; an unannounced leaver gets the four weeks before", () => {
    expect(departingSpan({ noticeDate: "2026-05-20", endDate: "2026-07-31" }, TODAY, true)).toEqual({
      from: "2026-05-20",
      to: "2026-07-31",
    });
    expect(departingSpan({ noticeDate: null, endDate: "2026-07-31" }, TODAY, true)).toEqual({
      from: TODAY,
      to: "2026-07-31",
    });
    expect(departingSpan({ noticeDate: null, endDate: null }, TODAY, false)).toEqual({
      from: "2026-05-04",
      to: TODAY,
    });
  });

  it("property: a snapshot compared with itself has no events", () => {
    const arb = fc.record({
      userName: fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/),
      displayName: fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.normalize("NFKC").trim() !== ""),
      department: fc.option(fc.constantFrom("工学", "理学", "Science"), { nil: null }),
      post: fc.option(fc.constantFrom("教授", "助教"), { nil: null }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arb, { selector: (r) => r.userName, maxLength: 20 }), (raws) => {
        const records = raws
          .map((r) => normaliseRecord(r).record)
          .filter((r): r is DirectoryRecord => r !== null);
        const knownEntries = records.map((r, i) => ({ ...r, personId: `p${i}`, source: "ldap" }));
        const d = diffSnapshot(knownEntries, records, { full: true, source: "ldap", today: TODAY });
        return d.events.length === 0 && d.unchanged === records.length;
      }),
    );
  });

  it("property: every known active person missing from a full snapshot of their source is exactly one leaver", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 15 }),
        fc.nat(),
        (names, cut) => {
          const knownEntries = names.map((n, i) => ({
            ...rec({ userName: n }),
            personId: `p${i}`,
            source: "ldap",
          }));
          const kept = names
            .slice(0, names.length === 0 ? 0 : cut % (names.length + 1))
            .map((n) => rec({ userName: n }));
          const d = diffSnapshot(knownEntries, kept, { full: true, source: "ldap", today: TODAY });
          const leavers = d.events
            .filter((e) => e.kind === "leaver")
            .map((e) => e.userName)
            .sort();
          return JSON.stringify(leavers) === JSON.stringify(names.slice(kept.length).sort());
        },
      ),
    );
  });
});

describe("HR CSV", () => {
  it("detects Shift_JIS and UTF-8 with a BOM", () => {
    expect(decodeCsv(iconv.encode("氏名\r\n髙橋", "cp932")).encoding).toBe("shift_jis");
    expect(decodeCsv(iconv.encode("氏名\r\n髙橋", "cp932")).text).toContain("髙橋");
    expect(decodeCsv(Buffer.from("\uFEFF氏名", "utf8"))).toEqual({ text: "氏名", encoding: "utf8" });
  });

  it("places every problem at file:line:column and never reads nationality columns", () => {
    const text =
      "user_name,name,email,国籍,start_date\na,A,a@x.example,X,2026-01-01\nb,B,bad,Y,2026-99-01\nc,C\n";
    const r = parseHrCsv("f.csv", Buffer.from(text));
    expect(r.problems.map((p) => [p.line, p.column, p.field])).toEqual([
      [3, 3, "email"],
      [3, 5, "startDate"],
      [4, null, "csv"],
    ]);
    expect(r.ignoredColumns).toContain("国籍");
    expect(JSON.stringify(r.records)).not.toContain('"X"');
  });

  it("needs a key column", () => {
    expect(parseHrCsv("f.csv", Buffer.from("name\nA\n")).problems[0]!.field).toBe("header");
  });
});

describe("SCIM", () => {
  it("parses eq filters and refuses others with invalidFilter", () => {
    expect(parseScimFilter('userName eq "a@b.example"')).toEqual({
      attribute: "userName",
      value: "a@b.example",
    });
    expect(parseScimFilter(`${SCIM_ENTERPRISE}:employeeNumber eq "E1"`)).toEqual({
      attribute: "employeeNumber",
      value: "E1",
    });
    expect(() => parseScimFilter('userName co "a"')).toThrow(ScimError);
  });

  it("applies Entra ID PatchOps: capitalised ops, URN paths, filtered paths, value objects without a path", () => {
    const user = { userName: "a", active: true, emails: [{ type: "work", value: "old@x.example" }] };
    const out = applyScimPatch(user, {
      schemas: [SCIM_PATCH],
      Operations: [
        { op: "Replace", path: "active", value: "False" },
        { op: "replace", path: 'emails[type eq "work"].value', value: "new@x.example" },
        { op: "Add", path: `${SCIM_ENTERPRISE}:department`, value: "工学" },
        { op: "replace", value: { displayName: "A B", [`${SCIM_ENTERPRISE}:employeeNumber`]: "E9" } },
      ],
    });
    expect(out.active).toBe("False");
    expect(out.emails).toEqual([{ type: "work", value: "new@x.example" }]);
    expect(out[SCIM_ENTERPRISE]).toEqual({ department: "工学", employeeNumber: "E9" });
    expect(out.displayName).toBe("A B");
    expect(user.active).toBe(true);
    const raw = fromScimUser(out, () => null);
    expect(normaliseRecord(raw).record!.active).toBe(false);
    expect(() => applyScimPatch(user, { Operations: [] })).toThrow(ScimError);
  });
});

describe("LDAP mapping", () => {
  it("maps inetOrgPerson and AD entries, resolving managers by DN and disabled AD accounts as inactive", () => {
    const raws = recordsFromLdap([
      {
        dn: "uid=boss,ou=p,dc=x",
        uid: "boss",
        cn: "上司 太郎",
        mail: "boss@x.example",
        departmentNumber: "D1",
      },
      {
        dn: "CN=Kim,OU=p,DC=x",
        sAMAccountName: "Kim",
        cn: "Kim Lee",
        givenName: "Lee",
        sn: "Kim",
        department: "Sales",
        manager: "UID=boss, ou=p, dc=x",
        userAccountControl: "514",
      },
    ]);
    expect(raws[0]).toMatchObject({
      userName: "boss",
      nameKanji: "上司 太郎",
      department: "D1",
      active: true,
    });
    expect(raws[1]).toMatchObject({
      userName: "kim",
      supervisorKey: "boss",
      nameRoman: "Lee Kim",
      department: "Sales",
      active: false,
    });
    expect(adAccountExpires("0")).toBeNull();
    expect(adAccountExpires("133801632000000000")).toBe("2025-01-01");
  });
});
