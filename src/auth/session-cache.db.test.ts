import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";
import { createAuthRepo } from "./auth-repo.js";
import { createAuthService } from "./auth-service.js";
import { createSessionCache, SETTLE_MS, sessionsChanged } from "./session-cache.js";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const status = (app: TestApp, user: TestUser) => app.request(user, "GET", "/api/screening/status");

/** Logs in an officer and an admin and waits until lookups are cached (no change in the last second). */
async function setUp(env: Record<string, string> = {}) {
  t = await createTestApp(env);
  const officer = await t.loginAs(["secretariat"]);
  const admin = await t.loginAs(["admin"]);
  await sleep(SETTLE_MS + 50);
  expect((await status(t, officer)).statusCode).toBe(200);
  expect((await status(t, admin)).statusCode).toBe(200);
  return { app: t, officer, admin };
}

describe("session lookups are cached but revocations apply on the next request", () => {
  it("reuses a lookup: a session row deleted behind the server's back (as by another process) answers until the TTL", async () => {
    const { app, officer } = await setUp({ SEKIMORI_SESSION_CACHE_MS: "400" });
    expect(app.services.auth.cachedSessions()).toBe(2);
    // not through a repository: this process is not told, as with the CLI or a second server
    await app.services.db.deleteFrom("sessions").where("user_id", "=", officer.id).execute();
    expect((await status(app, officer)).statusCode).toBe(200);
    await sleep(450);
    expect((await status(app, officer)).statusCode).toBe(401);
  });

  it("asks the database on every request when the cache is off (SEKIMORI_SESSION_CACHE_MS=0)", async () => {
    const { app, officer } = await setUp({ SEKIMORI_SESSION_CACHE_MS: "0" });
    expect(app.services.auth.cachedSessions()).toBe(0);
    await app.services.db.deleteFrom("sessions").where("user_id", "=", officer.id).execute();
    expect((await status(app, officer)).statusCode).toBe(401);
  });

  it("refuses a session an administrator ended everywhere at once", async () => {
    const { app, officer, admin } = await setUp();
    expect(app.services.auth.cachedSessions()).toBe(2);
    const ended = await app.request(admin, "POST", `/api/admin/users/${officer.id}/logout-everywhere`);
    expect(ended.statusCode).toBe(204);
    expect((await status(app, officer)).statusCode).toBe(401);
  });

  it("refuses a logged-out session at once", async () => {
    const { app, officer } = await setUp();
    expect((await app.request(officer, "POST", "/api/auth/logout")).statusCode).toBe(204);
    expect((await status(app, officer)).statusCode).toBe(401);
  });

  it("applies a role taken away and a disabled account on the next request", async () => {
    const { app, officer, admin } = await setUp();
    const demoted = await app.request(admin, "PATCH", `/api/admin/users/${officer.id}`, {
      roles: ["applicant"],
    });
    expect(demoted.statusCode).toBe(200);
    expect((await status(app, officer)).statusCode).toBe(403);
    // cached again as an applicant, then disabled
    await sleep(SETTLE_MS + 50);
    expect((await status(app, officer)).statusCode).toBe(403);
    expect(app.services.auth.cachedSessions()).toBeGreaterThan(0);
    const disabled = await app.request(admin, "PATCH", `/api/admin/users/${officer.id}`, { disabled: true });
    expect(disabled.statusCode).toBe(200);
    expect((await status(app, officer)).statusCode).toBe(401);
  });
});

describe("concurrent lookups of one session", () => {
  it("share one query, but a request after a revocation never joins a lookup begun before it", async () => {
    t = await createTestApp();
    const user = await t.loginAs(["secretariat"]);
    const real = createAuthRepo();
    let queries = 0;
    const auth = createAuthService({
      db: t.services.db,
      // the real repository, counting the session lookups
      repo: {
        ...real,
        findSessionWithUser: (db, hash) => {
          queries++;
          return real.findSessionWithUser(db, hash);
        },
      },
      audit: t.services.audit,
      session: { idleMinutes: 60, maxHours: 24 },
      lockout: { maxFailures: 5, lockoutMinutes: 15, backoffSeconds: 30 },
    });
    sessionsChanged();
    const answers = await Promise.all(Array.from({ length: 20 }, () => auth.authenticate(user.cookie)));
    expect(queries).toBe(1);
    expect(answers.every((a) => a?.actor.id === user.id)).toBe(true);

    sessionsChanged();
    const before = auth.authenticate(user.cookie);
    sessionsChanged(); // e.g. a logout between the two requests
    const after = auth.authenticate(user.cookie);
    await Promise.all([before, after]);
    expect(queries).toBe(3);
  });
});

describe("createSessionCache", () => {
  it("does not store a lookup that ran across a change, nor one read just after it", async () => {
    const cache = createSessionCache<string>({ ttlMs: 60_000 });
    const begun = cache.begin();
    sessionsChanged();
    cache.put("a", "stale", begun);
    expect(cache.get("a")).toBeUndefined();
    // read after the change but before the writer may have committed: not stored either
    cache.put("a", "maybe stale", cache.begin());
    expect(cache.get("a")).toBeUndefined();
    await sleep(SETTLE_MS + 20);
    cache.put("a", "fresh", cache.begin());
    expect(cache.get("a")).toBe("fresh");
    sessionsChanged();
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size()).toBe(0);
  });

  it("keeps at most maxEntries, dropping the oldest", async () => {
    const cache = createSessionCache<number>({ ttlMs: 60_000, maxEntries: 3 });
    await sleep(SETTLE_MS + 20);
    for (let i = 0; i < 5; i++) cache.put(`k${i}`, i, cache.begin());
    expect(cache.size()).toBe(3);
    expect(cache.get("k0")).toBeUndefined();
    expect(cache.get("k4")).toBe(4);
  });
});

describe("a unit officer's departments are cached like sessions (issue 11 §6)", () => {
  it("reuses them until the TTL when changed behind the server's back, and applies an admin's change at once", async () => {
    const { app, admin } = await setUp({ SEKIMORI_SESSION_CACHE_MS: "400" });
    const officer = await app.loginAs(["unit_officer"]);
    const actor = { id: officer.id, label: officer.username, roles: officer.roles, locale: "ja" as const };
    const set = await app.request(admin, "PATCH", `/api/admin/users/${officer.id}`, {
      scopeDepartments: ["工学研究科"],
    });
    expect(set.statusCode).toBe(200);
    await sleep(SETTLE_MS + 50);
    expect(await app.services.auth.unitScopeFor(actor)).toEqual(["工学研究科"]);
    // not through a repository (as by another process): this process is not told until the TTL
    await app.services.db
      .updateTable("users")
      .set({ scope_departments: ["理学研究科"] })
      .where("id", "=", officer.id)
      .execute();
    expect(await app.services.auth.unitScopeFor(actor)).toEqual(["工学研究科"]);
    await sleep(450);
    expect(await app.services.auth.unitScopeFor(actor)).toEqual(["理学研究科"]);
    // through the admin API: the next call sees it
    const changed = await app.request(admin, "PATCH", `/api/admin/users/${officer.id}`, {
      scopeDepartments: ["医学研究科"],
    });
    expect(changed.statusCode).toBe(200);
    expect(await app.services.auth.unitScopeFor(actor)).toEqual(["医学研究科"]);
    // a caller changing the answer it got does not change the cached one
    const mine = await app.services.auth.unitScopeFor(actor);
    mine?.push("x");
    await sleep(SETTLE_MS + 50);
    await app.services.auth.unitScopeFor(actor);
    expect(await app.services.auth.unitScopeFor(actor)).toEqual(["医学研究科"]);
  });

  it("asks the database every time when the cache is off", async () => {
    const { app } = await setUp({ SEKIMORI_SESSION_CACHE_MS: "0" });
    const officer = await app.loginAs(["unit_officer"]);
    const actor = { id: officer.id, label: officer.username, roles: officer.roles, locale: "ja" as const };
    await app.services.db
      .updateTable("users")
      .set({ department: "工学研究科" })
      .where("id", "=", officer.id)
      .execute();
    expect(await app.services.auth.unitScopeFor(actor)).toEqual(["工学研究科"]);
    await app.services.db
      .updateTable("users")
      .set({ department: "理学研究科" })
      .where("id", "=", officer.id)
      .execute();
    expect(await app.services.auth.unitScopeFor(actor)).toEqual(["理学研究科"]);
  });
});
