import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
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
  it("records every change with actor, action, entity, before and after, and verifies", async () => {
    const result = await t.services.audit.verify();
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThanOrEqual(7); // user.created, auth.login, 5 × party.created
    const { items } = await t.services.audit.list({ action: "party.created" }, 10);
    expect(items).toHaveLength(5);
    expect(items[0]!.actorLabel).toBe("auditadmin");
    expect(items[0]!.after).toMatchObject({ primaryName: "監査テスト株式会社4" });
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
    expect(lines[0]).toBe("id,at,actor_id,actor,action,entity_type,entity_id,before,after,context,hash");
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain("監査テスト株式会社0");
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
