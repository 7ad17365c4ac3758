/**
 * Issue 11 §1: one authenticated user must not be able to crash or hang the server with an upload.
 * Batch screening and list imports get zip bombs, truncated and damaged workbooks and a corpus of
 * hostile files, one by one, eight at once and fuzzed: every answer is a clear 4xx in both languages,
 * no temporary file and no file descriptor is left behind, memory stays bounded, and what was stored
 * before is still there.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LISTS, demoListsDir } from "../app/demo.js";
import { FIXTURES } from "../screening/importers/test-helpers.js";
import { IMPORT_FORMATS } from "../screening/importers/types.js";
import { systemActor } from "../shared/actor.js";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";
import { multipart, openFileDescriptors, uploadLeftovers } from "../testing/upload-helpers.js";
import { buildZip, sheetXml, simpleXlsx, spaceBombXlsx, workbookParts } from "../testing/zip-builder.js";
import { CSRF_HEADER, SESSION_COOKIE } from "./server.js";

// Uploads go to this test's own temporary folder, so leftovers are ours to count.
const privateTmp = mkdtempSync(path.join(tmpdir(), "sekimori-upload-abuse-"));
process.env.TMPDIR = privateTmp;

let t: TestApp;
let officer: TestUser; // Japanese (the default)
let officerEn: TestUser; // English
let admin: TestUser;
let auditor: TestUser;
let goodJobId: string;
let goodRows: unknown;
let activeBefore: { source: string; id: string | undefined; entities: number | undefined }[];

async function settle(app = t): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await app.services.screeningIndex.idle();
    await app.services.screening.idle();
    await app.services.screeningBatches.idle();
  }
}

const uploadBatch = (content: Buffer | string, name = "names.xlsx", lang: "ja" | "en" = "ja") => {
  const body = multipart({}, [{ name, content }]);
  return t.request(
    lang === "ja" ? officer : officerEn,
    "POST",
    "/api/screening/batches",
    body.payload,
    body.headers,
  );
};

const importList = (content: Buffer | string, name: string, format: string, source?: string) => {
  const body = multipart(source ? { format, source } : { format }, [{ name, content }]);
  return t.request(admin, "POST", "/api/lists/import", body.payload, body.headers);
};

const batchTotal = async () =>
  (await t.request(auditor, "GET", "/api/screening/batches")).json().total as number;

async function activeSnapshots() {
  const sources = (await t.request(auditor, "GET", "/api/lists/sources")).json().items as {
    id: string;
    active: { id: string; entityCount: number } | null;
  }[];
  return sources
    .filter((s) => s.active && !s.id.startsWith("fuzz_") && s.id !== "custom:fuzz")
    .map((s) => ({ source: s.id, id: s.active?.id, entities: s.active?.entityCount }))
    .sort((a, b) => a.source.localeCompare(b.source));
}

/** A workbook with `rows` random names as exceljs writes it (sheet first, shared strings after). */
async function randomWorkbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("取引先");
  ws.addRow(["名前", "国"]);
  for (let i = 0; i < rows; i++) ws.addRow([`ACME ${randomBytes(12).toString("hex")}`, "JP"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.loginAs(["unit_officer"]);
  officerEn = await t.loginAs(["unit_officer"]);
  expect((await t.request(officerEn, "PUT", "/api/auth/locale", { locale: "en" })).statusCode).toBe(204);
  admin = await t.loginAs(["admin"]);
  auditor = await t.loginAs(["auditor"]);
  for (const list of DEMO_LISTS) {
    await t.services.lists.importList(systemActor("test"), {
      files: [path.join(demoListsDir(), list.file)],
      format: list.format,
      source: list.source,
    });
  }
  await settle();
  // Data stored before the attack: a batch job with its results, and the active lists.
  const good = await uploadBatch(
    simpleXlsx([
      ["名前", "国"],
      ["軍需工業部", "KP"],
      ["Nordic Photonics AB", "SE"],
    ]),
  );
  expect(good.statusCode, good.body).toBe(201);
  goodJobId = good.json().id;
  await settle();
  goodRows = (await t.request(auditor, "GET", `/api/screening/batches/${goodJobId}/rows`)).json();
  activeBefore = await activeSnapshots();
});

afterAll(async () => {
  await settle();
  // Nothing stored before the attack was lost or changed.
  if (goodJobId) {
    expect((await t.request(auditor, "GET", `/api/screening/batches/${goodJobId}/rows`)).json()).toEqual(
      goodRows,
    );
    expect(await activeSnapshots()).toEqual(activeBefore);
  }
  await t?.close();
  expect(uploadLeftovers(privateTmp)).toEqual([]);
  rmSync(privateTmp, { recursive: true, force: true });
});

describe("batch screening uploads (POST /api/screening/batches)", () => {
  it("a truncated XLSX gets a clear 422 at once, in Japanese and English; 20 of them leak no file or descriptor", async () => {
    const whole = await randomWorkbook(2000);
    const before = await batchTotal();
    await uploadBatch(whole.subarray(0, 100)); // first use of every code path
    const fds = openFileDescriptors();
    for (let i = 0; i < 20; i++) {
      const cut = Math.floor(whole.length * (0.3 + (0.65 * i) / 19));
      const lang = i % 2 === 0 ? "ja" : "en";
      const res = await uploadBatch(whole.subarray(0, cut), "取引先.xlsx", lang);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.code).toBe("unreadable_file");
      expect(res.json().error.message).toMatch(
        lang === "ja" ? /取引先\.xlsx.*途中で切れた/ : /取引先\.xlsx.*not a complete ZIP \(XLSX\) file/,
      );
    }
    expect(openFileDescriptors()).toBeLessThanOrEqual(fds);
    expect(uploadLeftovers(privateTmp)).toEqual([]);
    expect(await batchTotal()).toBe(before);
  });

  it("the 1 GB zip bomb — eight at once, and eight that lie about their size — is refused in bounded memory", async () => {
    const before = await batchTotal();
    const heap = process.memoryUsage().heapUsed;
    const bomb = spaceBombXlsx();
    const liar = spaceBombXlsx(1024 * 1024 * 1024, true);
    const answers = await Promise.all([
      ...Array.from({ length: 8 }, () => uploadBatch(bomb, "bomb.xlsx", "en")),
      ...Array.from({ length: 8 }, () => uploadBatch(liar, "liar.xlsx", "en")),
      uploadBatch(bomb, "bomb.xlsx", "ja"),
    ]);
    for (const res of answers.slice(0, -1)) {
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.message).toMatch(/(bomb|liar)\.xlsx.*(zip bomb|damaged or cut short)/);
    }
    expect(answers.at(-1)!.json().error.message).toMatch(/bomb\.xlsx.*圧縮爆弾/);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(256 * 1024 * 1024);
    expect((await t.request(null, "GET", "/api/health")).statusCode).toBe(200);
    expect(uploadLeftovers(privateTmp)).toEqual([]);
    expect(await batchTotal()).toBe(before);
  });

  it("a corpus of hostile files: each gets a 4xx naming the problem, nothing is stored", async () => {
    const before = await batchTotal();
    const sheet = (xml: string) => buildZip(workbookParts({ sheets: [{ name: "s", xml }] }));
    const manyEntries = workbookParts({ sheets: [{ name: "s", xml: sheetXml([["name"], ["ACME"]]) }] });
    for (let i = 0; i < 10_001; i++) manyEntries.push({ name: `x/${i}`, data: "", method: 0 });
    const encrypted = workbookParts({ sheets: [{ name: "s", xml: sheetXml([["name"], ["ACME"]]) }] });
    encrypted[4]!.flags = 1;
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`;
    const corpus: [string, Buffer | string, RegExp][] = [
      ["many.xlsx", buildZip(manyEntries), /too many files/],
      ["encrypted.xlsx", buildZip(encrypted), /password-protected/],
      ["laughs.xlsx", sheet(laughs), /DOCTYPE/],
      [
        "ole.xls",
        Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(512)]),
        /old Excel \(\.xls\)/,
      ],
      ["docx.xlsx", buildZip([{ name: "word/document.xml", data: "<w/>" }]), /not an Excel workbook/],
      [
        "wide.xlsx",
        sheet('<worksheet><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>'),
        /invalid cell reference/,
      ],
      ["binary.csv", randomBytes(4096), /binary data|not valid|encoding/],
      ["quote.csv", 'name\n"ACME\n', /quoted field|truncated/],
      ["field.csv", `name\n${"A".repeat(200_000)}\n`, /longer than 100,000 characters/],
      ["empty.csv", "", /no names/],
      ["bom.csv", "\uFEFF", /no names/],
      ["nul.csv", "name\nAC\u0000ME\n", /binary data/],
    ];
    for (const [name, content, pattern] of corpus) {
      const res = await uploadBatch(content, name, "en");
      expect(res.statusCode, `${name}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${name}: ${res.body}`).toBeLessThan(500);
      expect(res.json().error.message, name).toMatch(pattern);
    }
    expect(uploadLeftovers(privateTmp)).toEqual([]);
    expect(await batchTotal()).toBe(before);
  });

  it("fuzz: damaged CSV and XLSX files never cause a 5xx, a hang or a leftover file", async () => {
    const xlsx = simpleXlsx([
      ["名前", "国"],
      ["軍需工業部", "KP"],
      ["ACME", "JP"],
    ]);
    const csv = Buffer.from("取引先コード,名前,国\nC-1,軍需工業部,KP\nC-2,ACME,JP\n");
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(xlsx, csv),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (base, edits, cut) => {
          const bytes = Buffer.from(base);
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          const content = cut === undefined ? bytes : bytes.subarray(0, cut % (bytes.length + 1));
          const res = await uploadBatch(content, base === xlsx ? "fuzz.xlsx" : "fuzz.csv", "en");
          expect([201, 400, 413, 422], res.body).toContain(res.statusCode);
          if (res.statusCode !== 201) expect(res.json().error.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60 },
    );
    await settle();
    expect(uploadLeftovers(privateTmp)).toEqual([]);
  });
});

describe("list imports (POST /api/lists/import)", () => {
  it("a zip bomb, a truncated and a damaged MOF workbook fail; the active lists stay as they were", async () => {
    const mof = simpleXlsx([
      ["日本語表記", "英語表記", "生年月日"],
      ["テスト・タロウ", "TEST TARO", "1970-01-01"],
    ]);
    const cases: [string, Buffer][] = [
      ["bomb.xlsx", spaceBombXlsx()],
      ["liar.xlsx", spaceBombXlsx(1024 * 1024 * 1024, true)],
      ["half.xlsx", mof.subarray(0, mof.length >> 1)],
    ];
    for (const [name, content] of cases) {
      const res = await importList(content, name, "mof_jp");
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.message).toContain(name);
    }
    expect(await activeSnapshots()).toEqual(activeBefore);
    expect(uploadLeftovers(privateTmp)).toEqual([]);
  });

  it("fuzz: every list format with damaged files answers 201 or a 4xx, never a 5xx", async () => {
    const fixtures: Record<string, { name: string; content: Buffer }> = {
      un_xml: { name: "un.xml", content: readFileSync(path.join(FIXTURES, "un-consolidated.xml")) },
      ofac_xml: { name: "sdn.xml", content: readFileSync(path.join(FIXTURES, "ofac-sdn.xml")) },
      ofac_csv: { name: "sdn.csv", content: readFileSync(path.join(FIXTURES, "ofac-sdn", "sdn.csv")) },
      us_csl: { name: "csl.csv", content: readFileSync(path.join(FIXTURES, "csl.csv")) },
      bis_dpl: { name: "dpl.txt", content: readFileSync(path.join(FIXTURES, "dpl.txt")) },
      meti_eul_csv: {
        name: "eul.csv",
        content: readFileSync(path.join(FIXTURES, "meti-eul-transcribed.csv")),
      },
      meti_eul_pdf: {
        name: "eul.pdf",
        content: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"),
      },
      meti_ru: { name: "ru.txt", content: readFileSync(path.join(FIXTURES, "meti-ru.txt")) },
      mof_jp: {
        name: "mof.xlsx",
        content: simpleXlsx([
          ["日本語表記", "英語表記"],
          ["テスト", "TEST"],
        ]),
      },
      dod_1286: { name: "1286.csv", content: readFileSync(path.join(FIXTURES, "dod-1286.csv")) },
      dod_1260h: { name: "1260h.csv", content: readFileSync(path.join(FIXTURES, "dod-1260h.csv")) },
      cn_counter: { name: "cn.csv", content: readFileSync(path.join(FIXTURES, "cn-counter.csv")) },
      aspi_misp: { name: "aspi.json", content: readFileSync(path.join(FIXTURES, "aspi.json")) },
      ftm_json: { name: "ftm.jsonl", content: readFileSync(path.join(FIXTURES, "ftm.jsonl")) },
      custom_csv: { name: "watch.csv", content: readFileSync(path.join(FIXTURES, "watchlist.csv")) },
    };
    expect(Object.keys(fixtures).sort()).toEqual([...IMPORT_FORMATS].sort());
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...IMPORT_FORMATS),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (format, edits, cut) => {
          const { name, content } = fixtures[format]!;
          const bytes = Buffer.from(content);
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          const sent = cut === undefined ? bytes : bytes.subarray(0, cut % (bytes.length + 1));
          const source = format === "custom_csv" ? "custom:fuzz" : `fuzz_${format}`;
          const res = await importList(sent, name, format, source);
          expect([201, 400, 422], `${format}: ${res.body}`).toContain(res.statusCode);
        },
      ),
      { numRuns: 60 },
    );
    await settle();
    expect(uploadLeftovers(privateTmp)).toEqual([]);
    // 60 imports, each a snapshot and an index rebuild: minutes on a loaded machine with PostgreSQL.
  }, 300_000);
});

describe("deadlines", () => {
  it("an upload that stalls gets a 503 when its time is up; its folder goes and nothing is stored", async () => {
    const slow = await createTestApp({ SEKIMORI_UPLOAD_TIMEOUT_SECONDS: "2" });
    try {
      const user = await slow.loginAs(["unit_officer"]);
      await slow.request(user, "PUT", "/api/auth/locale", { locale: "en" });
      const before = (await slow.request(user, "GET", "/api/screening/batches")).json().total;
      const boundary = "----sekimoriStall";
      const body = new PassThrough();
      body.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.csv"\r\nContent-Type: text/csv\r\n\r\nname\nACME\n`,
      );
      // …and then nothing more: the client stalls mid-file.
      const started = Date.now();
      const res = await slow.app.inject({
        method: "POST",
        url: "/api/screening/batches",
        payload: body,
        headers: {
          "content-type": `multipart/form-data; boundary=${boundary}`,
          cookie: `${SESSION_COOKIE}=${user.cookie}`,
          [CSRF_HEADER]: user.csrfToken,
        },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe("request_timeout");
      expect(res.json().error.message).toMatch(/took too long.*nothing was saved/);
      expect(Date.now() - started).toBeLessThan(30_000);
      body.end();
      for (let i = 0; i < 50 && uploadLeftovers(privateTmp).length > 0; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(uploadLeftovers(privateTmp)).toEqual([]);
      expect((await slow.request(user, "GET", "/api/screening/batches")).json().total).toBe(before);
    } finally {
      await slow.close();
    }
  });

  it("an ordinary request past its deadline gets a 503 that does not promise nothing was saved", async () => {
    const slow = await createTestApp({ SEKIMORI_HANDLER_TIMEOUT_SECONDS: "1" });
    try {
      const user = await slow.loginAs(["unit_officer"]);
      await slow.request(user, "PUT", "/api/auth/locale", { locale: "en" });
      const body = new PassThrough();
      body.write('{"title":"stalled');
      const started = Date.now();
      const res = await slow.app.inject({
        method: "POST",
        url: "/api/approaches",
        payload: body,
        headers: {
          "content-type": "application/json",
          cookie: `${SESSION_COOKIE}=${user.cookie}`,
          [CSRF_HEADER]: user.csrfToken,
        },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe("request_timeout");
      expect(res.json().error.message).toMatch(/Check whether the change was saved/);
      expect(res.json().error.message).not.toMatch(/nothing was saved/);
      expect(Date.now() - started).toBeLessThan(30_000);
      body.end();
    } finally {
      await slow.close();
    }
  });

  it("a batch job that runs past its time is marked failed, saying why in both languages", async () => {
    const { createBatchService } = await import("../screening/screening-batch-service.js");
    const { createScreeningRepo } = await import("../screening/screening-repo.js");
    const batches = createBatchService({
      db: t.services.db,
      repo: createScreeningRepo(),
      audit: t.services.audit,
      index: t.services.screeningIndex,
      threshold: 0.7,
      jobTimeoutMs: 0,
    });
    const dir = mkdtempSync(path.join(privateTmp, "job-"));
    const file = path.join(dir, "names.csv");
    (await import("node:fs")).writeFileSync(file, "name\nACME\nNordic Photonics AB\n");
    const job = await batches.create(
      { id: officer.id, label: officer.username, roles: ["unit_officer"], locale: "ja" },
      {
        file,
        fileName: "names.csv",
      },
    );
    await batches.idle();
    const after = await batches.getJob(job.id);
    expect(after.status).toBe("failed");
    expect(after.error).toMatch(/時間切れ.*timed out/);
    rmSync(dir, { recursive: true, force: true });
  });
});
