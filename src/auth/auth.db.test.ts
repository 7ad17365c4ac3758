import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "../shared/actor.js";
import { createTestApp, TEST_PASSWORD, type TestApp } from "../testing/test-app.js";

let t: TestApp;
let now = new Date("2026-11-23T09:00:00Z");

beforeEach(async () => {
  now = new Date("2026-11-23T09:00:00Z");
  t = await createTestApp({ SEKIMORI_LOGIN_MAX_FAILURES: "3", SEKIMORI_LOCKOUT_MINUTES: "15" });
});
afterEach(async () => {
  await t.close();
});

const login = (username: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });

describe("login and sessions", () => {
  it("sets an HttpOnly SameSite session cookie and stores only the token's hash", async () => {
    await t.services.auth.createUser(systemActor(), {
      username: "hanako",
      displayName: "花子",
      roles: ["applicant"],
      password: TEST_PASSWORD,
    });
    const res = await login("hanako", TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "sekimori_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Strict");
    const rows = await t.services.db.selectFrom("sessions").select(["token_hash"]).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toBe(cookie.value);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const hash = await t.services.db.selectFrom("users").select("password_hash").executeTakeFirstOrThrow();
    expect(hash.password_hash).toMatch(/^\$argon2id\$/);
  });

  it("answers a wrong password and an unknown user the same way", async () => {
    await t.loginAs(["applicant"], "known");
    const wrong = await login("known", "not the password");
    const unknown = await login("nobody", "not the password");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe(unknown.json().error.code);
    expect(wrong.json().error.message).toBe("ユーザー名またはパスワードが正しくありません");
  });

  it("words errors in English for an English browser", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "accept-language": "en-GB,en;q=0.9,ja;q=0.5" },
      payload: { username: "nobody", password: "x" },
    });
    expect(res.json().error.message).toBe("Wrong username or password");
  });

  it("makes a client wait after repeated failures, even for the right password, and an admin can lift it", async () => {
    const user = await t.loginAs(["applicant"], "target");
    for (let i = 0; i < 2; i++) expect((await login("target", "wrong password!")).statusCode).toBe(401);
    const third = await login("target", "wrong password!");
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe("login_throttled");
    expect((await login("target", TEST_PASSWORD)).statusCode).toBe(429);
    const actions = (await t.services.audit.list({ entityId: user.id }, 50)).items.map((i) => i.action);
    expect(actions).toContain("auth.throttled");
    expect(actions.filter((a) => a === "auth.login_failed")).toHaveLength(2);
    const admin = await t.loginAs(["admin"]);
    const unlock = await t.request(admin, "POST", `/api/admin/users/${user.id}/unlock`, {});
    expect(unlock.statusCode).toBe(200);
    expect((await login("target", TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("expires idle sessions and sessions past their absolute lifetime", async () => {
    await t.close();
    t = await createTestApp({ SEKIMORI_SESSION_IDLE_MINUTES: "30", SEKIMORI_SESSION_MAX_HOURS: "2" });
    const { createAuthService } = await import("./auth-service.js");
    const { createAuthRepo } = await import("./auth-repo.js");
    const auth = createAuthService({
      db: t.services.db,
      repo: createAuthRepo(),
      audit: t.services.audit,
      session: { idleMinutes: 30, maxHours: 2 },
      lockout: { maxFailures: 5, lockoutMinutes: 15 },
      clock: () => now,
    });
    await auth.createUser(systemActor(), {
      username: "clocked",
      displayName: "c",
      roles: ["applicant"],
      password: TEST_PASSWORD,
    });
    const first = await auth.login({ username: "clocked", password: TEST_PASSWORD });
    if (first.kind !== "session") throw new Error("expected a session");
    const { token } = first;
    now = new Date(now.getTime() + 20 * 60_000);
    expect(await auth.authenticate(token)).not.toBeNull();
    now = new Date(now.getTime() + 25 * 60_000); // 25 min after the last request: still within 30
    expect(await auth.authenticate(token)).not.toBeNull();
    now = new Date(now.getTime() + 31 * 60_000);
    expect(await auth.authenticate(token)).toBeNull();

    const second = await auth.login({ username: "clocked", password: TEST_PASSWORD });
    if (second.kind !== "session") throw new Error("expected a session");
    for (let i = 0; i < 4; i++) {
      now = new Date(now.getTime() + 25 * 60_000);
      expect(await auth.authenticate(second.token)).not.toBeNull();
    }
    now = new Date(now.getTime() + 25 * 60_000); // 125 min after login > 2 h, though never idle
    expect(await auth.authenticate(second.token)).toBeNull();
  });

  it("logs out this session, and logs out everywhere", async () => {
    const a = await t.loginAs(["applicant"], "multi");
    const second = await login("multi", TEST_PASSWORD);
    const b = {
      ...a,
      cookie: second.cookies.find((c) => c.name === "sekimori_session")!.value,
      csrfToken: second.json().csrfToken,
    };
    expect((await t.request(a, "POST", "/api/auth/logout", {})).statusCode).toBe(204);
    expect((await t.request(a, "GET", "/api/auth/session")).statusCode).toBe(401);
    expect((await t.request(b, "GET", "/api/auth/session")).statusCode).toBe(200);
    const third = await login("multi", TEST_PASSWORD);
    const c = {
      ...a,
      cookie: third.cookies.find((x) => x.name === "sekimori_session")!.value,
      csrfToken: third.json().csrfToken,
    };
    expect((await t.request(c, "POST", "/api/auth/logout-everywhere", {})).statusCode).toBe(204);
    expect((await t.request(b, "GET", "/api/auth/session")).statusCode).toBe(401);
    expect((await t.request(c, "GET", "/api/auth/session")).statusCode).toBe(401);
  });

  it("remembers the language per user", async () => {
    const u = await t.loginAs(["applicant"]);
    expect((await t.request(u, "GET", "/api/auth/session")).json().user.locale).toBe("ja");
    expect((await t.request(u, "PUT", "/api/auth/locale", { locale: "en" })).statusCode).toBe(204);
    const session = await t.request(u, "GET", "/api/auth/session");
    expect(session.json().user.locale).toBe("en");
    const bad = await t.request(u, "POST", "/api/parties", { kind: "robot", names: [] });
    expect(bad.json().error.message).toBe("Some fields are invalid");
  });

  it("changes one's own password, ending other sessions", async () => {
    const u = await t.loginAs(["applicant"], "changer");
    const other = await login("changer", TEST_PASSWORD);
    const otherCookie = other.cookies.find((c) => c.name === "sekimori_session")!.value;
    const weak = await t.request(u, "POST", "/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "short",
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0].path).toBe("password");
    const ok = await t.request(u, "POST", "/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "a much longer passphrase",
    });
    expect(ok.statusCode).toBe(204);
    expect((await t.request(u, "GET", "/api/auth/session")).statusCode).toBe(200);
    expect((await t.request({ ...u, cookie: otherCookie }, "GET", "/api/auth/session")).statusCode).toBe(401);
    expect((await login("changer", "a much longer passphrase")).statusCode).toBe(200);
  });
});

describe("user administration", () => {
  it("creates users with several roles, returns a random password once, and audits it", async () => {
    const admin = await t.loginAs(["admin"]);
    const res = await t.request(admin, "POST", "/api/admin/users", {
      username: "newofficer",
      displayName: "新任 担当者",
      roles: ["unit_officer", "secretariat"],
    });
    expect(res.statusCode).toBe(201);
    const { user, password } = res.json();
    expect(user.roles).toEqual(["unit_officer", "secretariat"]);
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect((await login("newofficer", password)).statusCode).toBe(200);
    const audit = await t.services.audit.list({ action: "user.created", entityId: user.id }, 5);
    expect(JSON.stringify(audit.items[0]!.after)).not.toContain("argon2");
    const dup = await t.request(admin, "POST", "/api/admin/users", {
      username: "NewOfficer",
      displayName: "x",
      roles: [],
    });
    expect(dup.statusCode).toBe(409);
  });

  it("refuses to remove the last administrator", async () => {
    const admin = await t.loginAs(["admin"], "onlyadmin");
    const res = await t.request(admin, "PATCH", `/api/admin/users/${admin.id}`, { roles: ["auditor"] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("last_admin");
  });

  it("disabling a user ends their sessions", async () => {
    const admin = await t.loginAs(["admin"]);
    const victim = await t.loginAs(["applicant"]);
    const res = await t.request(admin, "PATCH", `/api/admin/users/${victim.id}`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect((await t.request(victim, "GET", "/api/auth/session")).statusCode).toBe(401);
    expect((await login(victim.username, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it("creates the initial admin only on an empty database", async () => {
    const first = await t.services.auth.ensureInitialAdmin(systemActor(), "initial admin password");
    expect(first).toMatchObject({ created: true, username: "admin" });
    const second = await t.services.auth.ensureInitialAdmin(systemActor());
    expect(second.created).toBe(false);
  });
});
