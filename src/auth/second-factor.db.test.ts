import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../http/server.js";
import { systemActor } from "../shared/actor.js";
import { createTestApp, TEST_PASSWORD, type TestApp, type TestUser } from "../testing/test-app.js";
import { totpCode } from "./totp.js";

/**
 * TOTP second factor (RFC 6238) for local accounts: required for admin and secretariat by default,
 * set up from a restricted session, asked for at every login, recovery codes once each, reset by
 * another administrator.
 */
let t: TestApp;

beforeEach(async () => {
  t = await createTestApp({ SEKIMORI_MFA_REQUIRED_ROLES: "admin secretariat" });
});
afterEach(async () => {
  await t.close();
});

const login = (username: string, password = TEST_PASSWORD, ip = "192.0.2.44") =>
  t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    remoteAddress: ip,
    payload: { username, password },
  });

function asUser(res: Awaited<ReturnType<typeof login>>, id: string, username: string): TestUser {
  return {
    id,
    username,
    cookie: res.cookies.find((c) => c.name === SESSION_COOKIE)!.value,
    csrfToken: res.json().csrfToken,
    roles: [],
  };
}

/** The next 30-second step's code, so it is always newer than the one just used. */
const codeAt = (secret: string, offsetSteps = 0) =>
  totpCode(secret, new Date(Date.now() + offsetSteps * 30_000));

describe("second factor", () => {
  it("a secretariat account must set it up before anything else, then needs a code at every login", async () => {
    const { user } = await t.services.auth.createUser(systemActor(), {
      username: "sec",
      displayName: "Sec",
      roles: ["secretariat"],
      password: TEST_PASSWORD,
    });
    const first = await login("sec");
    expect(first.statusCode).toBe(200);
    expect(first.json().secondFactor).toMatchObject({
      enabled: false,
      required: true,
      enrolmentRequired: true,
    });
    const s = asUser(first, user.id, "sec");
    // Restricted: nothing but the session, logout, language and the set-up itself.
    const blocked = await t.request(s, "GET", "/api/reviews?scope=all");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe("mfa_enrolment_required");
    expect((await t.request(s, "GET", "/api/auth/session")).statusCode).toBe(200);

    const setup = await t.request(s, "POST", "/api/auth/totp/setup", {});
    expect(setup.statusCode).toBe(200);
    const { secret, uri, qrSvg } = setup.json();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Sekimori:sec\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const wrong = await t.request(s, "POST", "/api/auth/totp/confirm", { code: "000000" });
    expect(wrong.statusCode).toBe(400);
    const confirmed = await t.request(s, "POST", "/api/auth/totp/confirm", { code: codeAt(secret) });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const recoveryCodes: string[] = confirmed.json().recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await t.request(s, "GET", "/api/reviews?scope=all")).statusCode).toBe(200);
    // Stored hashed only.
    const stored = await t.services.db.selectFrom("user_recovery_codes").select("code_hash").execute();
    expect(stored.map((r) => r.code_hash)).not.toContain(recoveryCodes[0]);

    // The next login asks for the code; no session before it.
    const pw = await login("sec");
    expect(pw.json()).toMatchObject({ secondFactorRequired: true });
    expect(pw.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    const challenge = pw.json().challenge;
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/auth/login/second-factor",
      remoteAddress: "192.0.2.44",
      payload: { challenge, code: "123456" },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe("invalid_second_factor");
    const good = await t.app.inject({
      method: "POST",
      url: "/api/auth/login/second-factor",
      remoteAddress: "192.0.2.44",
      payload: { challenge, code: codeAt(secret, 1) },
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json().secondFactor).toMatchObject({ enabled: true, enrolmentRequired: false });
    // A code is good once: the same code cannot open a second login.
    const again = await login("sec");
    const replay = await t.app.inject({
      method: "POST",
      url: "/api/auth/login/second-factor",
      remoteAddress: "192.0.2.44",
      payload: { challenge: again.json().challenge, code: codeAt(secret, 1) },
    });
    expect(replay.statusCode).toBe(401);
    // A recovery code works once.
    const third = await login("sec");
    const viaRecovery = await t.app.inject({
      method: "POST",
      url: "/api/auth/login/second-factor",
      remoteAddress: "192.0.2.44",
      payload: { challenge: third.json().challenge, code: recoveryCodes[0]!.toUpperCase() },
    });
    expect(viaRecovery.statusCode, viaRecovery.body).toBe(200);
    expect(viaRecovery.json().secondFactor.recoveryCodesLeft).toBe(9);
    const fourth = await login("sec");
    const reused = await t.app.inject({
      method: "POST",
      url: "/api/auth/login/second-factor",
      remoteAddress: "192.0.2.44",
      payload: { challenge: fourth.json().challenge, code: recoveryCodes[0] },
    });
    expect(reused.statusCode).toBe(401);
    const actions = (await t.services.audit.list({ entityId: user.id }, 100)).items.map((i) => i.action);
    expect(actions).toEqual(expect.arrayContaining(["user.totp_enabled", "auth.recovery_code_used"]));
    // A required second factor cannot be switched off by its owner.
    const off = await t.request(asUser(good, user.id, "sec"), "POST", "/api/auth/totp/disable", {
      password: TEST_PASSWORD,
      code: codeAt(secret, 2),
    });
    expect(off.statusCode).toBe(409);
  });

  it("wrong codes count towards the same per-client backoff as passwords; a challenge allows five tries", async () => {
    await t.close();
    t = await createTestApp({
      SEKIMORI_MFA_REQUIRED_ROLES: "admin secretariat",
      SEKIMORI_LOGIN_MAX_FAILURES: "3",
    });
    const { user } = await t.services.auth.createUser(systemActor(), {
      username: "sec2",
      displayName: "Sec2",
      roles: ["secretariat"],
      password: TEST_PASSWORD,
    });
    const s = asUser(await login("sec2"), user.id, "sec2");
    const { secret } = (await t.request(s, "POST", "/api/auth/totp/setup", {})).json();
    await t.request(s, "POST", "/api/auth/totp/confirm", { code: codeAt(secret) });
    const { challenge } = (await login("sec2")).json();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({
        method: "POST",
        url: "/api/auth/login/second-factor",
        remoteAddress: "192.0.2.44",
        payload: { challenge, code: "000000" },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses).toEqual([401, 401, 429]);
  });

  it("an administrator resets another user's second factor (not their own); the user is told", async () => {
    const { user } = await t.services.auth.createUser(systemActor(), {
      username: "lostphone",
      displayName: "Lost",
      roles: ["secretariat"],
      email: "lost@univ.example",
      password: TEST_PASSWORD,
    });
    const s = asUser(await login("lostphone"), user.id, "lostphone");
    const { secret } = (await t.request(s, "POST", "/api/auth/totp/setup", {})).json();
    await t.request(s, "POST", "/api/auth/totp/confirm", { code: codeAt(secret) });
    const { user: adminUser } = await t.services.auth.createUser(systemActor(), {
      username: "admin2",
      displayName: "Admin",
      roles: ["admin"],
      password: TEST_PASSWORD,
    });
    // The admin, too, must enrol first.
    const a = asUser(await login("admin2"), adminUser.id, "admin2");
    expect((await t.request(a, "POST", `/api/admin/users/${user.id}/reset-totp`, {})).statusCode).toBe(403);
    const adminSecret = (await t.request(a, "POST", "/api/auth/totp/setup", {})).json().secret;
    await t.request(a, "POST", "/api/auth/totp/confirm", { code: codeAt(adminSecret) });
    expect((await t.request(a, "POST", `/api/admin/users/${adminUser.id}/reset-totp`, {})).statusCode).toBe(
      409,
    );
    const reset = await t.request(a, "POST", `/api/admin/users/${user.id}/reset-totp`, {});
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().totpEnabled).toBe(false);
    expect((await t.request(s, "GET", "/api/auth/session")).statusCode).toBe(401);
    const next = await login("lostphone");
    expect(next.json().secondFactor.enrolmentRequired).toBe(true);
    const mail = await t.services.db
      .selectFrom("email_outbox")
      .select(["subject"])
      .where("to_address", "=", "lost@univ.example")
      .execute();
    expect(mail.map((m) => m.subject).join()).toContain("二段階認証がリセットされました");
    expect(
      (await t.services.audit.list({ action: "user.totp_reset", entityId: user.id }, 5)).items,
    ).toHaveLength(1);
  });

  it("is optional for other roles, and can then be switched on and off with password and code", async () => {
    const u = await t.loginAs(["applicant"], "optional");
    const session = (await t.request(u, "GET", "/api/auth/session")).json();
    expect(session.secondFactor).toMatchObject({ enabled: false, required: false, enrolmentRequired: false });
    const { secret } = (await t.request(u, "POST", "/api/auth/totp/setup", {})).json();
    expect((await t.request(u, "POST", "/api/auth/totp/confirm", { code: codeAt(secret) })).statusCode).toBe(
      200,
    );
    const off = await t.request(u, "POST", "/api/auth/totp/disable", {
      password: TEST_PASSWORD,
      code: codeAt(secret, 1),
    });
    expect(off.statusCode, off.body).toBe(204);
    expect((await login("optional")).json().user.username).toBe("optional");
  });
});

describe("role changes and reveal rights", () => {
  it("an admin cannot change their own roles alone: a second admin approves or refuses the request", async () => {
    await t.close();
    t = await createTestApp();
    const a1 = await t.loginAs(["admin"], "admin_one");
    const a2 = await t.loginAs(["admin"], "admin_two");
    const direct = await t.request(a1, "PATCH", `/api/admin/users/${a1.id}`, {
      roles: ["admin", "secretariat"],
    });
    expect(direct.statusCode).toBe(409);
    expect(direct.json().error.code).toBe("second_admin_required");
    expect((await t.services.auth.getUser(a1.id)).roles).toEqual(["admin"]);

    const filed = await t.request(a1, "POST", "/api/admin/role-requests", {
      roles: ["admin", "secretariat"],
      reason: "内部不正の調査を担当するため",
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const request = filed.json();
    expect(request).toMatchObject({ status: "pending", added: ["secretariat"], removed: [] });
    // The other admin has a task; the requester cannot approve their own request.
    const tasks = (await t.request(a2, "GET", "/api/tasks")).json();
    expect(JSON.stringify(tasks)).toContain("権限変更の承認依頼");
    expect(
      (await t.request(a1, "POST", `/api/admin/role-requests/${request.id}/approve`, {})).statusCode,
    ).toBe(403);
    const approved = await t.request(a2, "POST", `/api/admin/role-requests/${request.id}/approve`, {
      comment: "確認済み",
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe("approved");
    const after = await t.services.auth.getUser(a1.id);
    expect(after.roles).toEqual(["admin", "secretariat"]);
    // Newly granted reveal rights are flagged and held back: no reveal in the same session.
    expect(after.revealGrantedAt).not.toBeNull();
    const flagged = await t.services.audit.list({ action: "user.reveal_rights_granted", entityId: a1.id }, 5);
    expect(flagged.items[0]!.context).toMatchObject({ flagged: "recent_reveal_rights" });
    const reveal = await t.request(
      a1,
      "POST",
      "/api/insider/subjects/00000000-0000-4000-8000-000000000000/reveal",
      {
        reason: "Case opened after confirmed USB copies",
      },
    );
    expect(reveal.statusCode).toBe(403);
    expect(reveal.json().error.code).toBe("reveal_rights_too_recent");
    expect((await t.services.audit.list({ action: "insider.reveal_refused" }, 5)).items).toHaveLength(1);
    // After the hold the rights work (the subject does not exist: 404, not 403).
    await t.services.db
      .updateTable("users")
      .set({ reveal_granted_at: new Date(Date.now() - 25 * 3_600_000) })
      .where("id", "=", a1.id)
      .execute();
    const later = await t.request(
      a1,
      "POST",
      "/api/insider/subjects/00000000-0000-4000-8000-000000000000/reveal",
      {
        reason: "Case opened after confirmed USB copies",
      },
    );
    expect(later.statusCode).toBe(404);

    // A refused request changes nothing.
    const second = await t.request(a1, "POST", "/api/admin/role-requests", {
      roles: ["admin"],
      reason: "戻す",
    });
    const refused = await t.request(a2, "POST", `/api/admin/role-requests/${second.json().id}/refuse`, {
      comment: "不要",
    });
    expect(refused.json().status).toBe("refused");
    expect((await t.services.auth.getUser(a1.id)).roles).toEqual(["admin", "secretariat"]);
  });

  it("granting the secretariat role to someone else is flagged and told to the other administrators", async () => {
    await t.close();
    t = await createTestApp();
    const granter = await t.loginAs(["admin"], "granter");
    const watcher = await t.loginAs(["admin"], "watcher");
    const target = await t.loginAs(["applicant"], "promoted");
    const res = await t.request(granter, "PATCH", `/api/admin/users/${target.id}`, {
      roles: ["applicant", "secretariat"],
    });
    expect(res.statusCode).toBe(200);
    const watcherTasks = JSON.stringify((await t.request(watcher, "GET", "/api/tasks")).json());
    expect(watcherTasks).toContain("本人特定");
    expect(watcherTasks).toContain("promoted");
    const granterTasks = JSON.stringify((await t.request(granter, "GET", "/api/tasks")).json());
    expect(granterTasks).not.toContain("promoted");
  });
});
