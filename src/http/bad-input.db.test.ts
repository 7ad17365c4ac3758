import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";
import { CSRF_HEADER, SESSION_COOKIE } from "./server.js";

let t: TestApp;
let user: TestUser;

beforeAll(async () => {
  t = await createTestApp({ SEKIMORI_BODY_LIMIT_BYTES: "65536" });
  user = await t.loginAs(["unit_officer"]);
});
afterAll(async () => {
  await t.close();
});

const countParties = async () =>
  (await t.request(user, "GET", "/api/parties?includeArchived=true")).json().total as number;

function raw(body: string | Buffer, contentType = "application/json") {
  return t.app.inject({
    method: "POST",
    url: "/api/parties",
    headers: {
      "content-type": contentType,
      cookie: `${SESSION_COOKIE}=${user.cookie}`,
      [CSRF_HEADER]: user.csrfToken,
    },
    payload: body,
  });
}

describe("bad input gets a clear 4xx and stores nothing", () => {
  it("malformed JSON", async () => {
    const before = await countParties();
    const res = await raw('{"kind": "organization", "names": [');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("invalid_json");
    expect(await countParties()).toBe(before);
  });

  it("empty body", async () => {
    const res = await raw("");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("invalid_json");
  });

  it("wrong types name the field", async () => {
    const before = await countParties();
    const res = await t.request(user, "POST", "/api/parties", {
      kind: "organization",
      names: [{ name: 42 }],
      tags: "x",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
    const fields = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(fields).toEqual(expect.arrayContaining(["names.0.name", "tags"]));
    expect(res.json().error.fields[0].message).toMatch(/期待|入力/);
    expect(await countParties()).toBe(before);
  });

  it("oversize bodies", async () => {
    const before = await countParties();
    const big = JSON.stringify({ kind: "organization", names: [{ name: "x" }], notes: "あ".repeat(40000) });
    const res = await raw(big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("payload_too_large");
    expect(await countParties()).toBe(before);
  });

  it("invalid UTF-8", async () => {
    const before = await countParties();
    const bytes = Buffer.concat([
      Buffer.from('{"kind":"organization","names":[{"name":"'),
      Buffer.from([0xe6, 0x9d]),
      Buffer.from('"}]}'),
    ]);
    const res = await raw(bytes);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("invalid_utf8");
    expect(await countParties()).toBe(before);
  });

  it("NUL characters", async () => {
    const res = await t.request(user, "POST", "/api/parties", {
      kind: "organization",
      names: [{ name: "a\u0000b" }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("invalid_characters");
    const q = await t.request(user, "GET", "/api/parties?q=a%00b");
    expect(q.statusCode).toBe(400);
  });

  it("prototype-poisoning keys", async () => {
    const res = await raw('{"kind":"organization","names":[{"name":"x"}],"__proto__":{"admin":true}}');
    expect(res.statusCode).toBe(400);
  });

  it("unsupported content types", async () => {
    const res = await raw("kind=organization", "application/x-www-form-urlencoded");
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe("unsupported_media_type");
  });

  it("bad ids and unknown routes", async () => {
    expect((await t.request(user, "GET", "/api/parties/not-a-uuid")).statusCode).toBe(400);
    expect(
      (await t.request(user, "GET", "/api/parties/00000000-0000-4000-8000-000000000000")).statusCode,
    ).toBe(404);
    const unknown = await t.request(user, "GET", "/api/nothing-here");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("not_found");
  });

  it("sends security headers with a CSP the app satisfies", async () => {
    const res = await t.request(null, "GET", "/api/health");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok" });
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
  });

  it("publishes the OpenAPI document and a local Swagger UI", async () => {
    const doc = await t.request(null, "GET", "/api/openapi.json");
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toEqual(
      expect.arrayContaining(["/api/parties", "/api/auth/login", "/api/audit/verify"]),
    );
    const ui = await t.request(null, "GET", "/api/docs/");
    expect(ui.statusCode).toBe(200);
    expect(ui.body).not.toMatch(/https?:\/\/(cdn|unpkg|cdnjs)/);
  });
});
