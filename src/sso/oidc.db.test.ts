import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../http/server.js";
import { systemActor } from "../shared/actor.js";
import { startTestOidcProvider, type TestOidcProvider } from "../testing/oidc-test-provider.js";
import { createTestApp, TEST_PASSWORD, type TestApp } from "../testing/test-app.js";
import { SSO_FLOW_COOKIE } from "./sso-routes.js";

const PUBLIC_URL = "http://127.0.0.1:3999";

let op: TestOidcProvider;
let t: TestApp;
let dir: string;

beforeAll(async () => {
  op = await startTestOidcProvider({
    redirectUris: [`${PUBLIC_URL}/sso/oidc/test/callback`, `${PUBLIC_URL}/sso/oidc/strict/callback`],
  });
  op.accounts.set("alice", {
    email: "alice@example.ac.jp",
    email_verified: true,
    name: "Alice Researcher",
    groups: ["research-security"],
    department: "工学研究科",
  });
  op.accounts.set("bob", { email: "Bob@Example.ac.jp", email_verified: true, name: "Bob" });
  op.accounts.set("carol", { email: "carol@example.ac.jp", email_verified: false, name: "Carol" });
  op.accounts.set("dave", { email: "dave@example.ac.jp", email_verified: true, name: "Dave" });
  dir = mkdtempSync(path.join(tmpdir(), "sekimori-oidc-"));
  const common = {
    protocol: "oidc",
    issuer: op.issuer,
    clientId: op.clientId,
    clientSecretEnv: "TEST_OIDC_SECRET",
    allowHttp: true,
    roleRules: [{ claim: "groups", equals: "research-security", roles: ["secretariat"] }],
    departmentClaim: "department",
  };
  writeFileSync(
    path.join(dir, "sso.json"),
    JSON.stringify({
      providers: [
        { ...common, id: "test", displayName: { ja: "テスト IdP", en: "Test IdP" }, jit: true },
        { ...common, id: "strict", displayName: { ja: "厳格 IdP", en: "Strict IdP" }, jit: false },
      ],
    }),
  );
  process.env.TEST_OIDC_SECRET = op.clientSecret;
  t = await createTestApp({
    SEKIMORI_PUBLIC_URL: PUBLIC_URL,
    SEKIMORI_SSO_PROVIDERS_FILE: path.join(dir, "sso.json"),
  });
}, 60_000);

afterAll(async () => {
  await t?.close();
  await op?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts a login at Sekimori: the IdP's authorization URL and the browser-binding cookie. */
async function start(provider = "test", returnTo = "/reviews") {
  const res = await t.app.inject({
    method: "GET",
    url: `/sso/oidc/${provider}/start?returnTo=${encodeURIComponent(returnTo)}`,
  });
  expect(res.statusCode).toBe(302);
  const flow = res.cookies.find((c) => c.name === SSO_FLOW_COOKIE);
  expect(flow?.httpOnly).toBe(true);
  return { authorizeUrl: res.headers.location as string, flowToken: flow!.value };
}

/** Drives the IdP like a browser (cookies, redirects, the login form) until it sends us back. */
async function signInAtIdp(authorizeUrl: string, account: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizeUrl;
  let body: string | undefined;
  for (let step = 0; step < 12; step++) {
    const res = await fetch(url, {
      method: body ? "POST" : "GET",
      redirect: "manual",
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(body ? { body } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(";")[0]!;
      const eq = pair.indexOf("=");
      const value = pair.slice(eq + 1);
      if (value) jar.set(pair.slice(0, eq), value);
      else jar.delete(pair.slice(0, eq));
    }
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get("location")!, url).href;
      if (next.startsWith(PUBLIC_URL)) return next;
      url = next;
      body = undefined;
      continue;
    }
    const text = await res.text();
    if (res.status === 200 && url.includes("/interaction/") && !body) {
      body = `login=${encodeURIComponent(account)}`;
      continue;
    }
    throw new Error(`unexpected ${res.status} at ${url}: ${text.slice(0, 300)}`);
  }
  throw new Error("too many redirects at the IdP");
}

async function callback(callbackUrl: string, flowToken: string | undefined) {
  const u = new URL(callbackUrl);
  return t.app.inject({
    method: "GET",
    url: `${u.pathname}${u.search}`,
    ...(flowToken ? { cookies: { [SSO_FLOW_COOKIE]: flowToken } } : {}),
  });
}

async function lastAudit(action: string) {
  return t.services.db
    .selectFrom("audit_log")
    .selectAll()
    .where("action", "=", action)
    .orderBy("id", "desc")
    .executeTakeFirst();
}

async function expectFailure(res: Awaited<ReturnType<typeof callback>>, code: string) {
  expect(res.statusCode).toBe(303);
  expect(res.headers.location).toBe(`/login?ssoError=${code}`);
  expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  const row = await lastAudit("auth.sso_failed");
  expect(row?.context).toMatchObject({ code, protocol: "oidc" });
  return row!;
}

describe("OpenID Connect login through a real OpenID Provider", () => {
  it("lists the providers for the login page, without secrets", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/sso/providers" });
    expect(res.statusCode).toBe(200);
    expect(res.json().providers.map((p: { id: string }) => p.id)).toEqual(["test", "strict"]);
    expect(res.json().passwordLogin).toBe(true);
    expect(res.body).not.toContain(op.clientSecret);
  });

  it("signs a new person in with code + PKCE, creates the user just in time with mapped role and department", async () => {
    const { authorizeUrl, flowToken } = await start();
    const url = new URL(authorizeUrl);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get("nonce")).toBeTruthy();
    expect(url.searchParams.get("state")).toBeTruthy();
    const back = await signInAtIdp(authorizeUrl, "alice");
    const res = await callback(back, flowToken);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/reviews");
    const session = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(session.httpOnly).toBe(true);
    const me = await t.app.inject({
      method: "GET",
      url: "/api/auth/session",
      cookies: { [SESSION_COOKIE]: session.value },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({
      username: "test.alice",
      email: "alice@example.ac.jp",
      roles: ["secretariat"],
      department: "工学研究科",
      displayName: "Alice Researcher",
    });
    expect((await lastAudit("user.created_by_sso"))?.context).toMatchObject({
      provider: "test",
      subject: "alice",
    });
    expect((await lastAudit("auth.login"))?.context).toMatchObject({ method: "oidc:test" });
    expect((await lastAudit("auth.sso_login"))?.context).toMatchObject({ account: "create" });
    // A local password does not exist for this user: the password login cannot be used.
    const pw = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "test.alice", password: TEST_PASSWORD },
    });
    expect(pw.statusCode).toBe(401);
  });

  it("signs the same person in again as the same user, and the callback cannot be used twice", async () => {
    const { authorizeUrl, flowToken } = await start("test", "https://evil.example/steal");
    const back = await signInAtIdp(authorizeUrl, "alice");
    const res = await callback(back, flowToken);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/"); // an outside return address is never followed
    expect((await lastAudit("auth.sso_login"))?.context).toMatchObject({ account: "use_linked" });
    const again = await callback(back, flowToken);
    const row = await expectFailure(again, "sso_flow_missing");
    expect(row.context).toMatchObject({ detail: "flow already used" });
  });

  it("links an existing local user by verified e-mail (case-insensitive)", async () => {
    const { user } = await t.services.auth.createUser(systemActor("test"), {
      username: "bob.local",
      displayName: "Bob Local",
      email: "bob@example.ac.jp",
      roles: ["approver"],
      password: TEST_PASSWORD,
    });
    const { authorizeUrl, flowToken } = await start("strict");
    const res = await callback(await signInAtIdp(authorizeUrl, "bob"), flowToken);
    expect(res.statusCode).toBe(303);
    const linked = await lastAudit("user.sso_linked");
    expect(linked?.entity_id).toBe(user.id);
    expect(linked?.context).toMatchObject({ by: "verified_email", provider: "strict" });
    // roles are not synced by default: the local approver stays an approver
    expect((await t.services.auth.getUser(user.id)).roles).toEqual(["approver"]);
  });

  it("refuses to link by an e-mail the provider has not verified", async () => {
    await t.services.auth.createUser(systemActor("test"), {
      username: "carol.local",
      displayName: "Carol Local",
      email: "carol@example.ac.jp",
      roles: ["secretariat"],
      password: TEST_PASSWORD,
    });
    const { authorizeUrl, flowToken } = await start("test");
    const res = await callback(await signInAtIdp(authorizeUrl, "carol"), flowToken);
    const row = await expectFailure(res, "sso_email_unverified");
    expect(row.context).toMatchObject({ subject: "carol" });
  });

  it("refuses an unknown person when just-in-time creation is off", async () => {
    const { authorizeUrl, flowToken } = await start("strict");
    const res = await callback(await signInAtIdp(authorizeUrl, "dave"), flowToken);
    await expectFailure(res, "sso_no_account");
  });

  it("fails on a tampered state, and audits it", async () => {
    const { authorizeUrl, flowToken } = await start();
    const back = new URL(await signInAtIdp(authorizeUrl, "alice"));
    back.searchParams.set("state", `${back.searchParams.get("state")}x`);
    await expectFailure(await callback(back.href, flowToken), "sso_state_mismatch");
  });

  it("fails without the browser's flow cookie (a login started elsewhere)", async () => {
    const { authorizeUrl } = await start();
    const back = await signInAtIdp(authorizeUrl, "alice");
    const row = await expectFailure(await callback(back, undefined), "sso_flow_missing");
    expect(row.context).toMatchObject({ detail: "no flow cookie" });
  });

  it("fails when the ID token carries another login's nonce", async () => {
    const { authorizeUrl, flowToken } = await start();
    const back = await signInAtIdp(authorizeUrl, "alice");
    // The login this browser started expected a different nonce than the one the token carries.
    const state = new URL(authorizeUrl).searchParams.get("state")!;
    await t.services.db
      .updateTable("sso_login_flows")
      .set({ nonce: "a-different-nonce" })
      .where("state", "=", state)
      .execute();
    await expectFailure(await callback(back, flowToken), "sso_nonce_mismatch");
  });

  it("fails when the authorization request has no PKCE challenge (the provider refuses)", async () => {
    const { authorizeUrl, flowToken } = await start();
    const stripped = new URL(authorizeUrl);
    stripped.searchParams.delete("code_challenge");
    stripped.searchParams.delete("code_challenge_method");
    const back = await signInAtIdp(stripped.href, "alice");
    expect(new URL(back).searchParams.get("error")).toBe("invalid_request");
    const row = await expectFailure(await callback(back, flowToken), "sso_provider_error");
    expect(String((row.context as { detail?: string }).detail)).toMatch(/PKCE|code_challenge/i);
  });

  it("fails when a code issued to another login is injected (PKCE verifier does not match)", async () => {
    const victim = await start();
    const attacker = await start();
    const attackerBack = new URL(await signInAtIdp(attacker.authorizeUrl, "alice"));
    // The attacker's code, presented with the victim's state and flow cookie.
    attackerBack.searchParams.set("state", new URL(victim.authorizeUrl).searchParams.get("state")!);
    await expectFailure(await callback(attackerBack.href, victim.flowToken), "sso_token_failed");
  });

  it("never writes tokens or the client secret into the audit log", async () => {
    const rows = await t.services.db.selectFrom("audit_log").select(["context", "after"]).execute();
    const text = JSON.stringify(rows);
    expect(text).not.toContain(op.clientSecret);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./); // no JWT
  });
});

describe("local passwords switched off except for break-glass users", () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await createTestApp({ SEKIMORI_PASSWORD_LOGIN: "false", SEKIMORI_BREAK_GLASS_USERS: "glass" });
  });
  afterAll(async () => strict?.close());

  it("refuses a password login for an ordinary user (audited) and allows the break-glass admin", async () => {
    await strict.services.auth.createUser(systemActor("test"), {
      username: "ordinary",
      displayName: "Ordinary",
      roles: ["applicant"],
      password: TEST_PASSWORD,
    });
    await strict.services.auth.createUser(systemActor("test"), {
      username: "glass",
      displayName: "Break glass",
      roles: ["admin"],
      password: TEST_PASSWORD,
    });
    const refused = await strict.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "ordinary", password: TEST_PASSWORD },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("password_login_disabled");
    const row = await strict.services.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "auth.password_login_refused")
      .executeTakeFirst();
    expect(row?.actor_label).toBe("login:ordinary");
    const providers = await strict.app.inject({ method: "GET", url: "/api/sso/providers" });
    expect(providers.json().passwordLogin).toBe(false);
    const ok = await strict.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "Glass", password: TEST_PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
  });
});
