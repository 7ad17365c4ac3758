import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_ROLES } from "../auth/auth-engine.js";
import type { Role } from "../db/schema.js";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";

/**
 * Walks every registered /api route: anonymous callers get 401 (unless the route is public), a
 * user without a permitted role gets 403, and a permitted user gets through (no 401/403/500).
 * A new route without an access rule makes the server refuse to start, failing this file.
 */
let t: TestApp;
const users = new Map<string, TestUser>();

async function userWith(roles: Role[]): Promise<TestUser> {
  const key = roles.join(",") || "(none)";
  let user = users.get(key);
  if (user) {
    const alive = await t.request(user, "GET", "/api/auth/session");
    if (alive.statusCode === 200) return user;
  }
  user = await t.loginAs(roles);
  users.set(key, user);
  return user;
}

const SAMPLE_UUID = "00000000-0000-4000-8000-000000000000";
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, SAMPLE_UUID);
const payloadFor = (method: string) => (method === "GET" || method === "DELETE" ? undefined : {});

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe("route access", () => {
  it("every /api route has an access rule and there are routes to check", () => {
    expect(t.app.apiRoutes.length).toBeGreaterThan(15);
    for (const route of t.app.apiRoutes) {
      expect(route.access, `${route.method} ${route.url}`).toBeDefined();
    }
  });

  it("a server with a route lacking an access rule refuses to start", async () => {
    const { buildServer } = await import("./server.js");
    await expect(
      buildServer({
        config: t.config,
        authenticate: async () => null,
        logger: false,
        version: "test",
        registerRoutes: (app) => {
          app.get("/api/unguarded", async () => ({ ok: true }));
        },
      }),
    ).rejects.toThrow(/no access rule/);
  });

  it("anonymous callers are refused by every non-public route", async () => {
    for (const route of t.app.apiRoutes) {
      if (route.access === "public") continue;
      const res = await t.request(null, route.method, concrete(route.url), payloadFor(route.method));
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.json().error.code).toBe("unauthenticated");
    }
  });

  it("users without a permitted role get 403 on every role-restricted route", async () => {
    for (const route of t.app.apiRoutes) {
      if (route.access === "public" || route.access === "authenticated") continue;
      const allowed = route.access;
      const deniedRoles = ALL_ROLES.filter((r) => !allowed.includes(r));
      // A user holding every other role, or (when every role may call it) a user with no role at all.
      const user = await userWith(deniedRoles);
      const res = await t.request(user, route.method, concrete(route.url), payloadFor(route.method));
      expect(res.statusCode, `${route.method} ${route.url} as ${deniedRoles.join(",") || "(no roles)"}`).toBe(
        403,
      );
    }
  });

  it("a permitted role gets through every route", async () => {
    for (const route of t.app.apiRoutes) {
      const roles: Role[] =
        route.access === "public" || route.access === "authenticated" ? ["applicant"] : [route.access[0]!];
      const user = await userWith(roles);
      const res = await t.request(user, route.method, concrete(route.url), payloadFor(route.method));
      const label = `${route.method} ${route.url} as ${roles.join(",")}: ${res.statusCode} ${res.body.slice(0, 200)}`;
      expect([401, 403], label).not.toContain(res.statusCode);
      expect(res.statusCode, label).toBeLessThan(500);
      if (route.method === "GET" && !route.url.includes(":")) {
        expect(res.statusCode, label).toBeLessThan(300);
      }
    }
  });

  it("state-changing requests without the CSRF header are refused", async () => {
    const user = await userWith(["applicant"]);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/parties",
      cookies: { sekimori_session: user.cookie },
      payload: { kind: "organization", names: [{ name: "CSRF Test Co." }] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("csrf_failed");
    const list = await t.request(user, "GET", "/api/parties?q=CSRF");
    expect(list.json().total).toBe(0);
  });

  it("login from another origin is refused", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { origin: "https://evil.example", host: "localhost:3000" },
      payload: { username: "x", password: "y" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("cross_origin");
  });
});
