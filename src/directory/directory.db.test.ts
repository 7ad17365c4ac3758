import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../shared/actor.js";
import { AppError } from "../shared/errors.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { addDays } from "./directory-engine.js";

let t: TestApp;
const actor = systemActor("test:directory");
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const HEADER =
  "職員番号,ユーザー名,氏名,フリガナ,氏名(ローマ字),メール,所属,職名,上長,区分,着任日,退職日,退職届出日";

function csv(rows: string[]): Uint8Array {
  return Buffer.from(`${[HEADER, ...rows].join("\r\n")}\r\n`, "utf8");
}

async function tasksFor(personId: string) {
  return t.services.db
    .selectFrom("tasks")
    .select(["kind", "title", "assignee_role", "assignee_user_id", "status"])
    .where("entity_id", "=", personId)
    .execute();
}

async function entry(userName: string) {
  return t.services.db
    .selectFrom("directory_entries")
    .selectAll()
    .where("user_name", "=", userName)
    .executeTakeFirstOrThrow();
}

async function subject(key: string) {
  return t.services.db
    .selectFrom("insider_subjects")
    .selectAll()
    .where("subject_key", "=", key)
    .executeTakeFirst();
}

describe("HR / 学務 CSV import", () => {
  it("refuses a file with any bad row, naming file:line:column, and writes nothing", async () => {
    const bytes = csv([
      "E001,tanaka,田中 一郎,タナカ イチロウ,Tanaka Ichiro,tanaka@univ.example,工学研究科,教授,,研究者,2020-04-01,,",
      "E002,suzuki,鈴木 花子,スズキ ハナコ,Suzuki Hanako,not-an-address,工学研究科,助教,tanaka,研究者,2026-13-01,,",
    ]);
    const error = await t.services.directory
      .importCsv(actor, { file: "hr.csv", bytes, mode: "apply" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const paths = (error as AppError).fields!.map((f) => f.path);
    expect(paths).toContain("hr.csv:3:6.email");
    expect(paths).toContain("hr.csv:3:11.startDate");
    expect((await t.services.db.selectFrom("directory_entries").select("user_name").execute()).length).toBe(
      0,
    );
    const [refused] = await t.services.directory.recentSyncs(1);
    expect(refused!.status).toBe("refused");
  });

  it("imports joiners from a Shift_JIS file: person, party names, 特定類型 and training tasks, insider directory", async () => {
    const text = `${HEADER}\r\nE001,tanaka,田中 一郎,タナカ イチロウ,Tanaka Ichiro,tanaka@univ.example,工学研究科,教授,,研究者,2020-04-01,,\r\nE003,li,李 明,リ メイ,Li Ming,li@univ.example,工学研究科,外来研究員,tanaka,来訪者,${today},,\r\n`;
    const bytes = iconv.encode(text, "cp932");
    const preview = await t.services.directory.importCsv(actor, {
      file: "hr-sjis.csv",
      bytes,
      mode: "preview",
    });
    expect(preview.encoding).toBe("shift_jis");
    expect(preview.counts.joiner).toBe(2);
    expect(await t.services.db.selectFrom("directory_entries").select("user_name").execute()).toHaveLength(0);

    const applied = await t.services.directory.importCsv(actor, {
      file: "hr-sjis.csv",
      bytes,
      mode: "apply",
    });
    expect(applied.counts.joiner).toBe(2);
    const li = await entry("li");
    expect(li.name_kana).toBe("リ メイ");
    expect(li.supervisor_key).toBe("tanaka");
    const person = await t.services.db
      .selectFrom("people")
      .selectAll()
      .where("id", "=", li.person_id)
      .executeTakeFirstOrThrow();
    expect(person.category).toBe("visitor");
    expect(person.department).toBe("工学研究科");
    const names = await t.services.db
      .selectFrom("party_names")
      .select("name")
      .where("party_id", "=", person.party_id)
      .execute();
    expect(names.map((n) => n.name)).toEqual(expect.arrayContaining(["李 明", "リ メイ", "Li Ming"]));
    const kinds = (await tasksFor(li.person_id)).map((x) => x.kind).sort();
    expect(kinds).toEqual(["directory.tokutei_declaration", "directory.training"]);
    // The insider module reads the same directory: the subject carries the department and supervisor.
    const s = await subject("li");
    expect(s?.department).toBe("工学研究科");
    expect(s?.supervisor_key).toBe("tanaka");
    // Re-importing the same file changes nothing.
    const again = await t.services.directory.importCsv(actor, { file: "hr-sjis.csv", bytes, mode: "apply" });
    expect(again.counts.unchanged).toBe(2);
    expect(again.counts.joiner).toBe(0);
  });

  it("a change of post opens a residency re-check; a notice of departure puts the person on the departing watchlist with a checklist", async () => {
    const end = addDays(today, 40);
    const bytes = csv([
      `E001,tanaka,田中 一郎,タナカ イチロウ,Tanaka Ichiro,tanaka@univ.example,工学研究科,研究科長,,研究者,2020-04-01,${end},${today}`,
    ]);
    const r = await t.services.directory.importCsv(actor, { file: "hr2.csv", bytes, mode: "apply" });
    expect(r.counts.mover).toBe(1);
    expect(r.counts.departure).toBe(1);
    const tanaka = await entry("tanaka");
    const kinds = (await tasksFor(tanaka.person_id)).map((x) => x.kind);
    expect(kinds).toContain("directory.residency_recheck");
    expect(kinds).toContain("directory.departure_checklist");
    const s = await subject("tanaka");
    expect(s?.watchlists).toContain("departing");
    const span = (
      s!.person as { watch: { list: string; source?: string; fromDay: number | null }[] }
    ).watch.find((w) => w.list === "departing" && w.source === "directory-sync");
    expect(span).toBeDefined();
  });

  it("a full snapshot deactivates missing people of its source, keeps their records and disables their account", async () => {
    const leaver = await t.loginAs(["applicant"], "li");
    // The account was created after li's import: the next sync links it by user name.
    const keep = csv([
      "E003,li,李 明,リ メイ,Li Ming,li@univ.example,工学研究科,外来研究員,tanaka,来訪者,2020-04-01,,",
      `E001,tanaka,田中 一郎,タナカ イチロウ,Tanaka Ichiro,tanaka@univ.example,工学研究科,研究科長,,研究者,2020-04-01,${addDays(today, 40)},${today}`,
    ]);
    await t.services.directory.importCsv(actor, { file: "hr3.csv", bytes: keep, mode: "apply" });
    const li = await entry("li");
    const linked = await t.services.db
      .selectFrom("people")
      .select("user_id")
      .where("id", "=", li.person_id)
      .executeTakeFirstOrThrow();
    expect(linked.user_id).toBe(leaver.id);

    const onlyTanaka = csv([
      `E001,tanaka,田中 一郎,タナカ イチロウ,Tanaka Ichiro,tanaka@univ.example,工学研究科,研究科長,,研究者,2020-04-01,${addDays(today, 40)},${today}`,
    ]);
    const r = await t.services.directory.importCsv(actor, {
      file: "hr4.csv",
      bytes: onlyTanaka,
      mode: "apply",
      full: true,
    });
    expect(r.counts.leaver).toBe(1);
    const after = await entry("li");
    expect(after.active).toBe(false);
    expect(after.deactivated_at).not.toBeNull();
    expect(after.display_name).toBe("李 明");
    const user = await t.services.db
      .selectFrom("users")
      .select("disabled_at")
      .where("id", "=", leaver.id)
      .executeTakeFirstOrThrow();
    expect(user.disabled_at).not.toBeNull();
    // Nobody announced li's departure: the insider detectors look at the weeks before it.
    expect((await subject("li"))?.watchlists).toContain("departing");
    expect((await tasksFor(li.person_id)).map((x) => x.kind)).toContain("directory.departure_checklist");
    const audit = await t.services.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", li.person_id)
      .execute();
    expect(audit.map((a) => a.action)).toContain("directory.person.deactivated");
  });
});

describe("stays abroad", () => {
  it("a planned stay abroad of two years or more opens a residency re-check; a one-year stay does not", async () => {
    const header = "user_name,name,department,区分,海外滞在開始日,海外滞在終了日";
    const bytes = Buffer.from(
      `${header}\nkato,加藤 三郎,理学,研究者,${addDays(today, 30)},${addDays(today, 30 + 800)}\nito,伊藤 四郎,理学,研究者,${addDays(today, 30)},${addDays(today, 30 + 365)}\n`,
    );
    const r = await t.services.directory.importCsv(actor, { file: "abroad.csv", bytes, mode: "apply" });
    expect(r.counts.abroad).toBe(1);
    const kato = await entry("kato");
    const ito = await entry("ito");
    expect((await tasksFor(kato.person_id)).map((x) => x.kind)).toContain("directory.residency_recheck");
    expect((await tasksFor(ito.person_id)).map((x) => x.kind)).not.toContain("directory.residency_recheck");
  });
});

describe("SCIM 2.0", () => {
  let token = "";
  const scim = (
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    body?: unknown,
    auth = token,
  ) =>
    t.app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${auth}`,
        ...(body ? { "content-type": "application/scim+json" } : {}),
      },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });

  it("requires a valid bearer token (stored hashed) and answers in the SCIM error format", async () => {
    const admin = await t.loginAs(["admin"], "scim-admin");
    const created = (await t.request(admin, "POST", "/api/directory/scim-tokens", { label: "entra" })).json();
    token = created.token;
    expect(token).toMatch(/^skm_scim_/);
    const stored = await t.services.db
      .selectFrom("scim_tokens")
      .select("token_hash")
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const denied = await scim("GET", "/scim/v2/Users", undefined, "wrong");
    expect(denied.statusCode).toBe(401);
    expect(denied.json().schemas).toEqual(["urn:ietf:params:scim:api:messages:2.0:Error"]);
    expect((await scim("GET", "/scim/v2/ServiceProviderConfig")).json().patch.supported).toBe(true);
  });

  it('provisions a user as Entra ID does: POST, filter by userName, PATCH (capitalised ops, "False"), DELETE keeps the record', async () => {
    const body = {
      schemas: [
        "urn:ietf:params:scim:schemas:core:2.0:User",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
      ],
      userName: "Sato@univ.example",
      externalId: "a1b2",
      displayName: "佐藤 次郎",
      name: { formatted: "佐藤 次郎" },
      emails: [{ value: "sato@univ.example", type: "work", primary: true }],
      title: "准教授",
      userType: "researcher",
      active: true,
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
        employeeNumber: "E100",
        department: "理学研究科",
      },
    };
    const created = await scim("POST", "/scim/v2/Users", body);
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await scim("POST", "/scim/v2/Users", body)).json().scimType).toBe("uniqueness");
    const found = (
      await scim("GET", `/scim/v2/Users?filter=${encodeURIComponent('userName eq "sato@univ.example"')}`)
    ).json();
    expect(found.totalResults).toBe(1);
    expect(found.Resources[0]["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"].department).toBe(
      "理学研究科",
    );
    expect((await tasksFor(id)).map((x) => x.kind).sort()).toEqual([
      "directory.tokutei_declaration",
      "directory.training",
    ]);

    const moved = await scim("PATCH", `/scim/v2/Users/${id}`, {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [
        {
          op: "Replace",
          path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
          value: "工学研究科",
        },
        { op: "Replace", path: "title", value: "教授" },
        {
          op: "Add",
          path: "urn:ietf:params:scim:schemas:extension:sekimori:2.0:User:endDate",
          value: addDays(today, 60),
        },
      ],
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().title).toBe("教授");
    const kinds = (await tasksFor(id)).map((x) => x.kind);
    expect(kinds).toContain("directory.residency_recheck");
    expect(kinds).toContain("directory.departure_checklist");

    const off = await scim("PATCH", `/scim/v2/Users/${id}`, {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "Replace", path: "active", value: "False" }],
    });
    expect(off.json().active).toBe(false);
    expect((await scim("DELETE", `/scim/v2/Users/${id}`)).statusCode).toBe(204);
    const still = await scim("GET", `/scim/v2/Users/${id}`);
    expect(still.statusCode).toBe(200);
    expect(still.json().active).toBe(false);
    const actions = (
      await t.services.db.selectFrom("audit_log").select("action").where("entity_id", "=", id).execute()
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "directory.person.created",
        "directory.person.updated",
        "directory.person.deactivated",
      ]),
    );
    const bad = await scim("GET", `/scim/v2/Users?filter=${encodeURIComponent('title co "x"')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().scimType).toBe("invalidFilter");
  });

  it("keeps groups with provisioned members; a rotated token stops the old one", async () => {
    const users = (await scim("GET", "/scim/v2/Users")).json().Resources as { id: string }[];
    const g = await scim("POST", "/scim/v2/Groups", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      displayName: "Export control office",
      members: [{ value: users[0]!.id }],
    });
    expect(g.statusCode).toBe(201);
    const unknown = await scim("PATCH", `/scim/v2/Groups/${g.json().id}`, {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [
        { op: "add", path: "members", value: [{ value: "00000000-0000-4000-8000-000000000000" }] },
      ],
    });
    expect(unknown.statusCode).toBe(400);
    const old = token;
    const rotated = await t.services.directory.createScimToken(actor, "entra");
    expect(rotated.revoked).toBe(1);
    expect((await scim("GET", "/scim/v2/Groups", undefined, old)).statusCode).toBe(401);
    expect((await scim("GET", "/scim/v2/Groups", undefined, rotated.token)).json().totalResults).toBe(1);
  });
});
