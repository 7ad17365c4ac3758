import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countStatements } from "../testing/statement-counter.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

let t: TestApp;

async function tamper(statement: ReturnType<typeof sql>) {
  // An attacker with database rights can switch the append-only trigger off; the chain still tells.
  await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.services.db);
  await statement.execute(t.services.db);
  await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(t.services.db);
}

beforeEach(async () => {
  t = await createTestApp();
  const admin = await t.loginAs(["admin"], "auditadmin");
  for (let i = 0; i < 5; i++) {
    const res = await t.request(admin, "POST", "/api/parties", {
      kind: "organization",
      names: [{ name: `監査テスト株式会社${i}` }],
    });
    expect(res.statusCode).toBe(201);
  }
});
afterEach(async () => {
  await t.close();
});

describe("audit log", () => {
  it("locks the chain head once per transaction and stays consistent after a rollback to a savepoint", async () => {
    const { audit, db } = t.services;
    const actor = { id: null, label: "savepoint-test", roles: [] } as never;
    const statements = countStatements(db);
    const counted = statements.db;
    const ids = await counted.transaction().execute(async (tx) => {
      const first = await audit.write(tx, actor, { action: "test.one", entityType: "test" });
      statements.reset();
      const second = await audit.write(tx, actor, { action: "test.two", entityType: "test" });
      // The head this transaction holds is known: one statement for the row and the head.
      expect(statements.count).toBe(1);
      await sql`SAVEPOINT s`.execute(tx);
      await audit.write(tx, actor, { action: "test.undone", entityType: "test" });
      await sql`ROLLBACK TO SAVEPOINT s`.execute(tx);
      const third = await audit.write(tx, actor, { action: "test.three", entityType: "test" });
      return [first, second, third];
    });
    expect(ids[1]).toBe(ids[0]! + 1);
    expect(ids[2]).toBe(ids[1]! + 1);
    const result = await audit.verify();
    expect(result.ok).toBe(true);
    const { items } = await audit.list({ entityType: "test" }, 10);
    expect(items.map((i) => i.action).sort()).toEqual(["test.one", "test.three", "test.two"]);
  });

  it("records every change with actor, action, entity, before and after, and verifies", async () => {
    const result = await t.services.audit.verify();
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThanOrEqual(7); // user.created, auth.login, 5 × party.created
    const { items } = await t.services.audit.list({ action: "party.created" }, 10);
    expect(items).toHaveLength(5);
    expect(items[0]!.actorLabel).toBe("auditadmin");
    expect(items[0]!.after).toMatchObject({ primaryName: "監査テスト株式会社4" });
  });

  it("shows people labels and names, keeping the codes and ids beside them", async () => {
    const auditor = await t.loginAs(["auditor"], "auditreader");
    const res = await t.request(auditor, "GET", "/api/audit?limit=50");
    const items = res.json().items as {
      action: string;
      actorName: { ja: string };
      actionLabel: { ja: string; en: string };
      entityType: string;
      entityId: string;
      entityLabel: { ja: string };
      entityName: { ja: string } | null;
    }[];
    const login = items.find((i) => i.action === "auth.login")!;
    expect(login.actionLabel).toEqual({ ja: "ログイン", en: "Logged in" });
    expect(login.entityLabel.ja).toBe("利用者");
    expect(login.entityName?.ja).toBe(login.actorName.ja); // the user's display name, not a UUID
    expect(login.entityId).toMatch(/^[0-9a-f-]{36}$/);
    const party = items.find((i) => i.action === "party.created")!;
    expect(party.entityName?.ja).toMatch(/^監査テスト株式会社\d$/);
    const actions = (await t.request(auditor, "GET", "/api/audit/actions")).json();
    expect(actions.labels["party.created"].ja).toBe("取引先・関係者を登録");
  });

  it("refuses UPDATE and DELETE through the append-only trigger", async () => {
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE id = 1`.execute(t.services.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log WHERE id = 1`.execute(t.services.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it("names the row whose content was edited by SQL", async () => {
    await tamper(
      sql`UPDATE audit_log SET after = jsonb_set(after, '{primaryName}', '"改ざん"') WHERE id = 4`,
    );
    const result = await t.services.audit.verify();
    expect(result.ok).toBe(false);
    expect(result.broken).toMatchObject({ id: 4, reason: "content_changed" });
  });

  it("names the row whose actor was edited by SQL", async () => {
    await tamper(sql`UPDATE audit_log SET actor_label = 'someone-else' WHERE id = 2`);
    expect((await t.services.audit.verify()).broken).toMatchObject({ id: 2 });
  });

  it("detects a deleted row in the middle", async () => {
    await tamper(sql`DELETE FROM audit_log WHERE id = 3`);
    const result = await t.services.audit.verify();
    expect(result.broken).toMatchObject({ id: 4, reason: "missing_rows" });
  });

  it("detects the last row deleted", async () => {
    const head = await t.services.audit.verify();
    await tamper(sql`DELETE FROM audit_log WHERE id = ${head.headId}`);
    const result = await t.services.audit.verify();
    expect(result.broken).toMatchObject({ id: head.headId, reason: "head_mismatch" });
  });

  it("detects a row whose hash was recomputed after editing", async () => {
    await tamper(sql`UPDATE audit_log SET hash = repeat('a', 64) WHERE id = 3`);
    expect((await t.services.audit.verify()).broken).toMatchObject({ id: 3 });
  });

  it("is exposed to auditors through the API, and exported as CSV", async () => {
    const auditor = await t.loginAs(["auditor"]);
    const verify = await t.request(auditor, "GET", "/api/audit/verify");
    expect(verify.statusCode).toBe(200);
    expect(verify.json().ok).toBe(true);
    const csv = await t.request(auditor, "GET", "/api/audit/export.csv?action=party.created");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "番号,日時（Asia/Tokyo）,操作者,操作者ID,操作,操作コード,対象の種類,対象,対象ID,変更前,変更後,補足,ハッシュ",
    );
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain("監査テスト株式会社0");
    // Labels beside the codes, and the time in Tokyo (never the raw UTC ISO string).
    expect(lines[1]).toMatch(
      /^\d+,\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},auditadmin,[0-9a-f-]{36},取引先・関係者を登録,party\.created,取引先・関係者,監査テスト株式会社0,/,
    );
    const [row] = (await t.services.audit.list({ action: "party.created" }, 1)).items;
    const tokyo = new Date(Date.parse(row!.at) + 9 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
    expect(lines[5]).toContain(`,${tokyo},`);
    expect((await t.request(auditor, "PUT", "/api/auth/locale", { locale: "en" })).statusCode).toBe(204);
    const en = await t.request(auditor, "GET", "/api/audit/export.csv?action=party.created");
    expect(en.body.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(
      "No.,Time (Asia/Tokyo),Actor,Actor ID,Action,Action code,Entity type,Entity,Entity ID,Before,After,Context,Hash",
    );
    // The organisation's zone is a setting: the export follows it.
    const admin = await t.loginAs(["admin"], "tzadmin");
    expect(
      (await t.request(admin, "PUT", "/api/organisation/settings", { timeZone: "Mars/Olympus" })).statusCode,
    ).toBe(400);
    expect((await t.request(admin, "PUT", "/api/organisation/settings", { timeZone: "UTC" })).json()).toEqual(
      { timeZone: "UTC" },
    );
    await t.request(auditor, "PUT", "/api/auth/locale", { locale: "ja" });
    const utc = await t.request(auditor, "GET", "/api/audit/export.csv?action=party.created");
    expect(utc.body).toContain("日時（UTC）");
    expect(utc.body).toContain(`,${row!.at.slice(0, 19).replace("T", " ")},`);
    await tamper(sql`DELETE FROM audit_log WHERE id = 2`);
    const broken = await t.request(auditor, "GET", "/api/audit/verify");
    expect(broken.json()).toMatchObject({ ok: false, broken: { id: 3 } });
  });

  it("filters by action, entity and free text", async () => {
    const auditor = await t.loginAs(["auditor"]);
    const res = await t.request(auditor, "GET", `/api/audit?text=${encodeURIComponent("株式会社3")}`);
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0].action).toBe("party.created");
  });
});
