/**
 * Issue 11 §1 and §5: the other ways in — approach-report attachments, the insider NDJSON endpoint,
 * JSON bodies of every kind, URLs — fuzzed and given hostile input: never a 5xx, nothing half
 * stored; only UTF-8 is accepted; API answers are never cached.
 */
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NDJSON_MAX_LINES } from "../insider/insider-routes.js";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";
import { multipart } from "../testing/upload-helpers.js";
import { CSRF_HEADER, SESSION_COOKIE } from "./server.js";

let t: TestApp;
let reporter: TestUser;
let admin: TestUser;
let officer: TestUser;

beforeAll(async () => {
  t = await createTestApp({ SEKIMORI_APPROACH_ATTACHMENT_MAX_BYTES: "4096" });
  reporter = await t.loginAs(["applicant"]);
  admin = await t.loginAs(["admin"]);
  officer = await t.loginAs(["unit_officer"]);
});
afterAll(async () => {
  await t?.close();
});

const send = (user: TestUser, method: string, url: string, payload: Buffer | string, contentType: string) =>
  t.app.inject({
    method: method as "POST",
    url,
    payload,
    headers: {
      "content-type": contentType,
      cookie: `${SESSION_COOKIE}=${user.cookie}`,
      [CSRF_HEADER]: user.csrfToken,
    },
  });

describe("Cache-Control: no-store on API answers (§5)", () => {
  it("answers, errors and downloads of the API are never stored by browsers or proxies", async () => {
    const answers = [
      await t.request(officer, "GET", "/api/auth/session"),
      await t.request(null, "GET", "/api/parties"),
      await t.request(officer, "GET", "/api/no-such-route"),
      await t.request(null, "GET", "/api/health"),
      await t.request(officer, "POST", "/api/parties", { kind: "nonsense" }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 401, 404, 200, 400]);
    for (const r of answers) expect(r.headers["cache-control"]).toBe("no-store");
    // The web app's pages are not API answers: they are revalidated, not forbidden to cache.
    expect((await t.request(null, "GET", "/reviews")).headers["cache-control"]).toBe("no-cache");
  });
});

describe("strict charsets (§5)", () => {
  it("JSON declared in another charset is refused (415), UTF-8 in any spelling is accepted", async () => {
    const body = JSON.stringify({ kind: "organization", names: [{ name: "Charset Test KK" }] });
    for (const type of [
      "application/json; charset=iso-8859-1",
      "application/json; charset=Shift_JIS",
      'application/json; charset="utf-16"',
    ]) {
      const res = await send(officer, "POST", "/api/parties", body, type);
      expect(res.statusCode, type).toBe(415);
      expect(res.json().error.code).toBe("unsupported_charset");
      expect(res.json().error.message).toMatch(/文字コード .* には対応していません/);
    }
    for (const type of [
      "application/json",
      "application/json; charset=UTF-8",
      "application/json;charset=utf8",
    ]) {
      expect((await send(officer, "POST", "/api/parties", body, type)).statusCode, type).toBe(201);
    }
  });

  it("URLs whose %-escapes are not UTF-8 are refused; proper escapes work", async () => {
    const bad = await t.request(officer, "GET", "/api/parties?q=%FF%FE");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("invalid_utf8");
    expect((await t.request(officer, "GET", "/api/parties?q=%E3%81%82")).statusCode).toBe(200);
  });
});

describe("insider NDJSON ingestion (POST /api/insider/ingest)", () => {
  const ingest = (body: Buffer | string, type = "application/x-ndjson") =>
    send(admin, "POST", "/api/insider/ingest?source=fuzz&final=false", body, type);

  it("refuses other charsets, bytes that are not UTF-8, and batches with too many lines", async () => {
    const line = JSON.stringify({ id: "x1", time: "2010-03-01T09:00:00", user: "U1", kind: "logon" });
    expect((await ingest(line, "application/x-ndjson; charset=shift_jis")).statusCode).toBe(415);
    const notUtf8 = await ingest(
      Buffer.concat([Buffer.from('{"user":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
    );
    expect(notUtf8.statusCode).toBe(400);
    expect(notUtf8.json().error.code).toBe("invalid_utf8");
    const many = await ingest("\n".repeat(NDJSON_MAX_LINES));
    expect(many.statusCode).toBe(413);
    expect(many.json().error.message).toMatch(/200,000 行まで/);
  });

  it("fuzz: any lines give a report or a 4xx, never a 5xx", async () => {
    const anyLine = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc
        .record({
          id: fc.string({ maxLength: 20 }),
          time: fc.oneof(fc.string({ maxLength: 30 }), fc.constant("2010-03-01T09:00:00")),
          user: fc.string({ maxLength: 20 }),
          kind: fc.constantFrom("logon", "logoff", "http", "file", "email", "device", "print", "x"),
          object: fc.string({ maxLength: 100 }),
          bytes: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 5 })),
        })
        .map((r) => JSON.stringify(r)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(anyLine, { maxLength: 30 }), async (lines) => {
        const res = await ingest(lines.join("\n"));
        expect([200, 400, 409, 413, 415], res.body).toContain(res.statusCode);
      }),
      { numRuns: 40 },
    );
  });
});

describe("approach-report attachments (POST /api/approaches/:id/attachments)", () => {
  it("fuzz: any bytes under any name are attached safely or refused, and a refusal leaves the draft as it was", async () => {
    const created = await t.request(reporter, "POST", "/api/approaches", {
      channel: "email",
      occurredOn: "2025-06-01",
      sender: { name: "Fuzz Sender" },
      offered: ["fee"],
      asked: ["information"],
      messageText: "A message that must survive every refused upload.",
      answers: {},
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const fileName = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom(
        "../../etc/passwd",
        "a\u0000b.png",
        "..\\..\\x.txt",
        "<script>.txt",
        "CON",
        ".htaccess",
        "",
      ),
    );
    const content = fc.oneof(
      fc.uint8Array({ maxLength: 6000 }).map((a) => Buffer.from(a)),
      fc.string({ maxLength: 3000 }).map((s) => Buffer.from(s)),
      fc.constant(Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), randomBytes(64)])),
      fc.constant(Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj<</Length 99999999>>stream\n")),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fileName, content), { minLength: 1, maxLength: 3 }),
        async (files) => {
          const before = (await t.request(reporter, "GET", `/api/approaches/${id}`)).json();
          const body = multipart(
            {},
            files.map(([name, c]) => ({ name: name.replace(/["\r\n]/g, "_"), content: c, field: "files" })),
          );
          const res = await t.request(
            reporter,
            "POST",
            `/api/approaches/${id}/attachments`,
            body.payload,
            body.headers,
          );
          expect([200, 400, 409, 413, 415, 422], res.body).toContain(res.statusCode);
          const after = (await t.request(reporter, "GET", `/api/approaches/${id}`)).json();
          expect(after.messageText).toBe(before.messageText);
          if (res.statusCode !== 200) {
            expect(after.attachments).toEqual(before.attachments);
          } else {
            for (const a of after.attachments as { id: string; fileName: string }[]) {
              // No path separators and no control characters survive in a stored name.
              expect([...a.fileName].some((c) => c === "/" || c === "\\" || c.charCodeAt(0) < 0x20)).toBe(
                false,
              );
              expect([...a.fileName].length).toBeLessThanOrEqual(200);
            }
            // Keep room for the next round: remove what was attached.
            for (const a of after.attachments as { id: string }[]) {
              await t.request(reporter, "DELETE", `/api/approaches/${id}/attachments/${a.id}`);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("JSON bodies of every kind", () => {
  it("fuzz: arbitrary JSON to the main write routes gives a 4xx naming fields, never a 5xx", async () => {
    const routes: [TestUser, string, string][] = [
      [officer, "POST", "/api/parties"],
      [officer, "POST", "/api/screening/match"],
      [officer, "POST", "/api/reviews"],
      [reporter, "POST", "/api/approaches"],
      [admin, "PUT", "/api/insider/directory"],
      [admin, "PUT", "/api/insider/assets"],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.object({ maxDepth: 3 })),
        async ([user, method, url], value) => {
          const res = await send(user, method, url, JSON.stringify(value) ?? "null", "application/json");
          expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });
});
