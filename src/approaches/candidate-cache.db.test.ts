import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../shared/actor.js";
import { countStatements } from "../testing/statement-counter.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { createApproachRepo } from "./approach-repo.js";
import { CandidateCache } from "./candidate-cache.js";

/**
 * Issue 11 §6: clustering keeps the parsed signatures, keys and link profiles of the reports it
 * compares, keyed by report id and version, so a warm submission reads only which reports are
 * candidates — and a report changed elsewhere (another server process) is read again, never stale.
 */
let t: TestApp;
let reporter: Actor;
const repo = createApproachRepo();

beforeAll(async () => {
  t = await createTestApp();
  const r = await t.loginAs(["applicant"], "cache_reporter");
  reporter = { id: r.id, label: "cache_reporter", roles: ["applicant"], locale: "ja" };
  for (let i = 0; i < 3; i++) {
    const d = await t.services.approaches.createDraft(reporter, {
      channel: "email",
      sender: { name: `Cache Sender ${i}`, email: `s${i}@cache-test.example` },
      offered: ["fee"],
      asked: ["information"],
      messageText: `Report ${i} about gallium nitride wafers`,
    });
    await t.services.approaches.submit(reporter, d.id, d.version);
  }
});
afterAll(async () => {
  await t?.close();
});

const query = {
  reportId: randomUUID(),
  keys: [{ kind: "email_domain" as const, value: "cache-test.example" }],
  bands: [],
  tokens: [],
  since: new Date(0),
  perKey: 50,
  perToken: 40,
  maxFuzzy: 200,
};
const candidates = (cache?: CandidateCache) =>
  t.services.db.transaction().execute(async (tx) => {
    const statements = countStatements(tx);
    const rows = await repo.clusterCandidates(statements.db, query, cache);
    return { rows, statements: statements.count };
  });

describe("candidate cache", () => {
  it("gives what reading every candidate gives, reading the details only on a miss", async () => {
    const plain = await candidates();
    expect(plain.rows).toHaveLength(3);
    expect(plain.statements).toBe(1);
    const cache = new CandidateCache();
    const cold = await candidates(cache);
    expect(cold.rows).toEqual(plain.rows);
    expect(cold.statements).toBe(2);
    expect(cache.size).toBe(3);
    const warm = await candidates(cache);
    expect(warm.rows).toEqual(plain.rows);
    expect(warm.statements).toBe(1);
  });

  it("reads a report again once its version changed (e.g. in another server process)", async () => {
    const cache = new CandidateCache();
    await candidates(cache);
    const [changed] = (await candidates(cache)).rows;
    await sql`UPDATE approach_reports SET message_text = 'changed elsewhere', version = version + 1
      WHERE id = ${changed!.pattern.id}`.execute(t.services.db);
    const after = await candidates(cache);
    expect(after.statements).toBe(2);
    expect(after.rows.find((r) => r.pattern.id === changed!.pattern.id)!.profile.text).toContain(
      "changed elsewhere",
    );
    expect(after.rows).toEqual((await candidates()).rows);
  });

  it("keeps at most its capacity, dropping the least recently used", () => {
    const cache = new CandidateCache(2);
    const d = (id: string) => ({
      signature: null,
      keys: [],
      profile: { id, senderName: null, organisation: null, email: null, offered: [], asked: [], text: "" },
    });
    cache.set("a", 1, d("a"));
    cache.set("b", 1, d("b"));
    expect(cache.get("a", 1)).toBeDefined();
    cache.set("c", 1, d("c"));
    expect(cache.get("b", 1)).toBeUndefined();
    expect(cache.get("a", 1)).toBeDefined();
    expect(cache.get("a", 2)).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});
