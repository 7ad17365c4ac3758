import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LISTS, demoListsDir } from "../app/demo.js";
import type { Party } from "../parties/parties-service.js";
import { systemActor } from "../shared/actor.js";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";
import { snapshotKey } from "./index-manager.js";
import { createScreeningRepo } from "./screening-repo.js";

const actor = systemActor("test");
const scratch = mkdtempSync(path.join(tmpdir(), "sekimori-screening-test-"));
let t: TestApp;
let officer: TestUser; // unit_officer: screens
let secretariat: TestUser; // decides
let auditor: TestUser;
let applicant: TestUser;

function multipart(fields: Record<string, string>, files: { name: string; content: Buffer | string }[]) {
  const boundary = "----sekimoriScreeningBoundary";
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** Waits until index builds, re-screenings and batch jobs started so far have finished. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await t.services.screeningIndex.idle();
    await t.services.screening.idle();
    await t.services.screeningBatches.idle();
  }
}

function writeWatchlist(name: string, rows: string[]): string {
  const file = path.join(scratch, name);
  writeFileSync(
    file,
    [
      "id,name,schema,aliases,countries,birth_dates,identifiers,programs,listed_on,addresses,remarks",
      ...rows,
    ].join("\n"),
  );
  return file;
}

async function createParty(
  names: string[],
  extra: Partial<Parameters<TestApp["services"]["parties"]["create"]>[1]> = {},
) {
  return t.services.parties.create(actor, {
    kind: "organization",
    names: names.map((name) => ({ name })),
    ...extra,
  });
}

async function auditCount(action: string, entityId?: string): Promise<number> {
  let q = t.services.db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("action", "=", action);
  if (entityId) q = q.where("entity_id", "=", entityId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

async function openReviewTasks(partyId: string) {
  return (await t.services.tasks.openTasksFor("party", partyId)).filter((x) => x.kind === "screening.review");
}

let mid: Party;
let hit: Party;
let nordic: Party;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.loginAs(["unit_officer"]);
  secretariat = await t.loginAs(["secretariat"]);
  auditor = await t.loginAs(["auditor"]);
  applicant = await t.loginAs(["applicant"]);
  mid = await createParty(["軍需工業部"], { country: "KP" });
  hit = await createParty(["ハルビン工業大学", "哈尔滨工业大学"], { country: "CN" });
  nordic = await createParty(["Nordic Photonics AB"], { country: "SE" });
  // The demo samples, through the real importers (as the demo seeder does).
  for (const list of DEMO_LISTS) {
    await t.services.lists.importList(actor, {
      files: [path.join(demoListsDir(), list.file)],
      format: list.format,
      source: list.source,
    });
  }
  await settle();
});

afterAll(async () => {
  await settle();
  await t?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe("the index and re-screening after list imports", () => {
  it("builds the index from every active snapshot and re-screens all parties once per snapshot set", async () => {
    const status = t.services.screeningIndex.status();
    expect(status.state).toBe("ready");
    expect(status.entityCount).toBe(12);
    expect(Object.keys(status.snapshots).sort()).toEqual(["custom:demo-watchlist", "meti_eul", "un"]);
    const [latest] = await t.services.screening.rescreens(1);
    expect(latest).toMatchObject({ status: "done", total: 3, processed: 3 });
    expect(latest!.snapshots).toEqual(status.snapshots);
    // The parties were screened by the re-screening, with the snapshots it used.
    const result = await t.services.screening.latestForParty(mid.id);
    expect(result?.trigger).toBe("rescreen");
    expect(result?.snapshots).toEqual(status.snapshots);
  });
});

describe("screening a party", () => {
  it("finds the UN's MUNITIONS INDUSTRY DEPARTMENT for 軍需工業部 with an explanation, stores the run and opens a task", async () => {
    const res = await t.request(officer, "POST", `/api/screening/parties/${mid.id}/screen`);
    expect(res.statusCode).toBe(200);
    const result = res.json();
    const top = result.hits[0];
    expect(top).toMatchObject({
      source: "un",
      sourceId: "KPe.028",
      name: "MUNITIONS INDUSTRY DEPARTMENT",
      match: true,
    });
    expect(top.score).toBeGreaterThanOrEqual(0.9);
    expect(top.explanation.queryName).toBe("軍需工業部");
    expect(top.explanation.features.map((f: { id: string }) => f.id)).toEqual(["name", "country"]);
    expect(top.explanation.summary.ja).toContain("軍需工業部");
    expect(top.explanation.summary.en).toContain("MUNITIONS INDUSTRY DEPARTMENT");
    expect(result.trigger).toBe("manual");
    expect(result.snapshots.un).toBe(top.snapshotId);
    expect(result.openHitCount).toBeGreaterThanOrEqual(1);
    expect(result.query).toMatchObject({ names: ["軍需工業部"], schema: "Organization", countries: ["KP"] });
    // stored: the latest result is this run
    const latest = await t.request(auditor, "GET", `/api/screening/parties/${mid.id}/latest`);
    expect(latest.json().result.runId).toBe(result.runId);
    // a task for the secretariat
    const tasks = await openReviewTasks(mid.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ assigneeRole: "secretariat", link: `/parties/${mid.id}` });
    expect(await auditCount("screening.party_screened", mid.id)).toBeGreaterThanOrEqual(1);
  });

  it("uses every name of the party: the kanji and the katakana of Harbin Institute of Technology both reach the METI entry", async () => {
    const result = await t.services.screening.screenParty(actor, hit.id);
    const top = result.hits[0]!;
    expect(top).toMatchObject({ source: "meti_eul", match: true });
    expect(top.name).toMatch(/Harbin Institute of Technology/);
    expect(result.query.names).toEqual(["ハルビン工業大学", "哈尔滨工业大学"]);
  });

  it("a party on no list has no open hit and no task", async () => {
    const result = await t.services.screening.screenParty(actor, nordic.id);
    expect(result.openHitCount).toBe(0);
    expect(await openReviewTasks(nordic.id)).toHaveLength(0);
  });

  it("keeps the history of runs and answers 404 for an unknown party", async () => {
    const runs = await t.request(auditor, "GET", `/api/screening/parties/${mid.id}/runs`);
    expect(runs.statusCode).toBe(200);
    expect(runs.json().total).toBeGreaterThanOrEqual(2);
    expect(runs.json().items[0].trigger).toBe("manual");
    const unknown = await t.request(
      officer,
      "POST",
      "/api/screening/parties/00000000-0000-4000-8000-000000000001/screen",
    );
    expect(unknown.statusCode).toBe(404);
  });

  it("applicants and auditors cannot screen; auditors can read", async () => {
    expect((await t.request(applicant, "POST", `/api/screening/parties/${mid.id}/screen`)).statusCode).toBe(
      403,
    );
    expect((await t.request(auditor, "POST", `/api/screening/parties/${mid.id}/screen`)).statusCode).toBe(
      403,
    );
    expect((await t.request(applicant, "GET", "/api/screening/search?q=x")).statusCode).toBe(403);
    expect((await t.request(auditor, "GET", "/api/screening/queue")).statusCode).toBe(200);
  });
});

describe("hit review", () => {
  it("a false positive with a rationale is remembered and not raised again; audited; the task closes", async () => {
    const before = await t.services.screening.screenParty(actor, mid.id);
    const target = before.hits.find((h) => h.sourceId === "KPe.028")!;
    // unit officers may not decide; an empty rationale is refused naming the field
    const denied = await t.request(officer, "POST", "/api/screening/decisions", {
      partyId: mid.id,
      entityId: target.entityId,
      status: "false_positive",
      rationale: "x",
    });
    expect(denied.statusCode).toBe(403);
    const empty = await t.request(secretariat, "POST", "/api/screening/decisions", {
      partyId: mid.id,
      entityId: target.entityId,
      status: "false_positive",
      rationale: "   ",
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].path).toBe("rationale");
    const notRaised = await t.request(secretariat, "POST", "/api/screening/decisions", {
      partyId: nordic.id,
      entityId: target.entityId,
      status: "false_positive",
      rationale: "not this party's hit",
    });
    expect(notRaised.statusCode).toBe(404);
    expect(notRaised.json().error.code).toBe("hit_not_found");

    // decide every open hit of the party (the test party is a demo of the listed entity)
    for (const h of before.hits.filter((x) => x.match && !x.decision)) {
      const res = await t.request(secretariat, "POST", "/api/screening/decisions", {
        partyId: mid.id,
        entityId: h.entityId,
        status: "false_positive",
        rationale: "同名の別組織（デモ） / a different organisation with the same name (demo)",
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ status: "false_positive", current: true, source: h.source });
    }
    expect(await auditCount("screening.hit_decided", mid.id)).toBeGreaterThanOrEqual(1);
    expect(await openReviewTasks(mid.id)).toHaveLength(0);

    const again = await t.services.screening.screenParty(actor, mid.id);
    const same = again.hits.find((h) => h.sourceId === "KPe.028")!;
    expect(same.decision).toMatchObject({ status: "false_positive", decidedBy: secretariat.username });
    expect(again.openHitCount).toBe(0);
    expect(await openReviewTasks(mid.id)).toHaveLength(0);
    const queue = await t.request(auditor, "GET", `/api/screening/queue?partyId=${mid.id}`);
    expect(queue.json().total).toBe(0);
  });

  it("a decision can be replaced; the history keeps both", async () => {
    const latest = (await t.services.screening.latestForParty(mid.id))!;
    const target = latest.hits.find((h) => h.sourceId === "KPe.028")!;
    const res = await t.request(secretariat, "POST", "/api/screening/decisions", {
      partyId: mid.id,
      entityId: target.entityId,
      status: "true_match",
      rationale: "再確認の結果、本人と判断 / confirmed on second review",
    });
    expect(res.statusCode).toBe(201);
    const history = await t.request(auditor, "GET", `/api/screening/parties/${mid.id}/decisions`);
    const forEntry = history.json().items.filter((d: { sourceId: string }) => d.sourceId === "KPe.028");
    expect(forEntry.map((d: { status: string; current: boolean }) => [d.status, d.current])).toEqual([
      ["true_match", true],
      ["false_positive", false],
    ]);
    const result = (await t.services.screening.latestForParty(mid.id))!;
    expect(result.confirmedHitCount).toBe(1);
  });
});

describe("re-screening when a list changes", () => {
  let alpha: Party;
  let orion: Party;
  let kestrel: Party;
  const source = "custom:rescreen-test";

  it("opens review tasks only for new or changed hits; an unchanged, decided entry is not raised again", async () => {
    alpha = await createParty(["Alpha Centauri Machine Tools Ltd"]);
    orion = await createParty(["Orion Vacuum Optics GmbH"]);
    kestrel = await createParty(["Kestrel Gyroscope Works"]);
    await t.services.lists.importList(actor, {
      files: [
        writeWatchlist("v1.csv", [
          "R-1,Alpha Centauri Machine Tools Ltd,organization,,,,,test,,,first version",
          "R-2,Orion Vacuum Optics GmbH,organization,,,,,test,,,first version",
        ]),
      ],
      format: "custom_csv",
      source,
    });
    await settle();
    const first = (await t.services.screening.rescreens(1))[0]!;
    expect(first.status).toBe("done");
    expect(first.processed).toBe(first.total);
    expect(await openReviewTasks(alpha.id)).toHaveLength(1);
    expect(await openReviewTasks(orion.id)).toHaveLength(1);
    expect(await openReviewTasks(kestrel.id)).toHaveLength(0);

    // Orion's hit is a false positive; Alpha's stays undecided.
    const orionHit = (await t.services.screening.latestForParty(orion.id))!.hits.find(
      (h) => h.source === source,
    )!;
    await t.services.screening.decide(actor, {
      partyId: orion.id,
      entityId: orionHit.entityId,
      status: "false_positive",
      rationale: "別会社",
    });
    expect(await openReviewTasks(orion.id)).toHaveLength(0);
    const alphaOpened = await auditCount("task.opened");

    // v2: R-1 unchanged, R-2 changed (content hash), R-3 new
    await t.services.lists.importList(actor, {
      files: [
        writeWatchlist("v2.csv", [
          "R-1,Alpha Centauri Machine Tools Ltd,organization,,,,,test,,,first version",
          "R-2,Orion Vacuum Optics GmbH,organization,,DE,,,test,,,second version: address added",
          "R-3,Kestrel Gyroscope Works,organization,,,,,test,,,new entry",
        ]),
      ],
      format: "custom_csv",
      source,
    });
    await settle();
    const second = (await t.services.screening.rescreens(1))[0]!;
    expect(second.id).not.toBe(first.id);
    expect(second).toMatchObject({ status: "done", partiesWithNewHits: 2 });
    expect(second.processed).toBe(second.total);

    // Orion: the entry changed, so the false positive no longer applies and the hit is raised again
    const orionNow = (await t.services.screening.latestForParty(orion.id))!;
    const changed = orionNow.hits.find((h) => h.source === source)!;
    expect(changed.decision).toBeNull();
    expect(changed.previousDecision).toMatchObject({ status: "false_positive", rationale: "別会社" });
    expect(changed.isNew).toBe(true);
    expect(await openReviewTasks(orion.id)).toHaveLength(1);
    // Kestrel: new entry, new task
    expect(await openReviewTasks(kestrel.id)).toHaveLength(1);
    // Alpha: unchanged and still open — no new task was opened for it (its old one stays)
    const alphaNow = (await t.services.screening.latestForParty(alpha.id))!;
    expect(alphaNow.hits.find((h) => h.source === source)!.isNew).toBe(false);
    expect(await openReviewTasks(alpha.id)).toHaveLength(1);
    expect((await auditCount("task.opened")) - alphaOpened).toBe(2);
  });

  it("an interrupted re-screening resumes after the last saved party", async () => {
    const active = t.services.screeningIndex.peek()!;
    const repo = createScreeningRepo();
    const ids = await repo.partyIdsAfter(t.services.db, null, 1000);
    const cursor = ids[Math.floor(ids.length / 2)]!;
    const id = "11111111-1111-4111-8111-111111111111";
    await t.services.db.transaction().execute(async (tx) => {
      await repo.supersedeRunningRescreens(tx, new Date());
      await repo.insertRescreen(tx, {
        id,
        snapshotKey: snapshotKey(active.snapshots),
        snapshotIds: active.snapshots,
        total: ids.length,
        at: new Date(),
      });
      await repo.rescreenProgress(tx, id, {
        cursor,
        processedDelta: ids.indexOf(cursor) + 1,
        newHitsDelta: 0,
        at: new Date(),
      });
    });
    await t.services.screening.rescreenFor(active);
    const done = (await t.services.screening.rescreens(1))[0]!;
    expect(done).toMatchObject({ id, status: "done", processed: ids.length });
    const runs = await t.services.db
      .selectFrom("screening_runs")
      .select("party_id")
      .where("rescreen_id", "=", id)
      .execute();
    expect(runs.map((r) => r.party_id).sort()).toEqual(ids.filter((p) => p > cursor).sort());
  });
});

describe("search and the yente-compatible /match", () => {
  it("searches a name in any script and returns the full list entry", async () => {
    const res = await t.request(
      officer,
      "GET",
      `/api/screening/search?q=${encodeURIComponent("軍需工業部")}`,
    );
    expect(res.statusCode).toBe(200);
    const top = res.json().items[0];
    expect(top).toMatchObject({ source: "un", sourceId: "KPe.028", match: true });
    expect(top.entry.names.map((n: { name: string }) => n.name)).toContain(
      "Military Supplies Industry Department",
    );
    expect(top.entry.remarks).toMatch(/missile/);
    const empty = await t.request(officer, "GET", "/api/screening/search");
    expect(empty.json().items).toEqual([]);
  });

  it("accepts yente's request shape and answers in its response shape", async () => {
    const res = await t.request(auditor, "POST", "/api/screening/match?limit=3", {
      queries: {
        q1: { schema: "Organization", properties: { name: ["軍需工業部"], country: ["kp"] } },
        q2: {
          schema: "Person",
          properties: {
            firstName: ["Jong Sik"],
            lastName: ["Kim"],
            nationality: ["kp"],
            birthDate: ["1968"],
          },
        },
        q3: { schema: "Company", properties: { name: "Nordic Photonics AB" } },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["x-batch-size"]).toBe("3");
    const body = res.json();
    expect(Object.keys(body.responses).sort()).toEqual(["q1", "q2", "q3"]);
    const q1 = body.responses.q1;
    expect(q1.status).toBe(200);
    expect(q1.query).toEqual({
      id: "q1",
      schema: "Organization",
      properties: { name: ["軍需工業部"], country: ["kp"] },
    });
    const r = q1.results[0];
    expect(r).toMatchObject({
      caption: "MUNITIONS INDUSTRY DEPARTMENT",
      schema: "Organization",
      datasets: ["un"],
      referents: ["un:KPe.028"],
      match: true,
    });
    expect(r.properties.name).toContain("MUNITIONS INDUSTRY DEPARTMENT");
    expect(r.properties.alias).toContain("MID");
    expect(r.properties.country).toEqual(["kp"]);
    expect(r.score).toBeGreaterThan(0.9);
    expect(Object.keys(r.features)).toContain("name_match");
    // worded in the user's language (their saved locale, Japanese by default)
    expect(r.explanations.name_match.detail).toMatch(/^名前の類似度: 「軍需工業部」と主名称/);
    expect(q1.total.relation).toBe("eq");
    expect(q1.results.length).toBeLessThanOrEqual(3);
    expect(body.responses.q2.results[0]).toMatchObject({ caption: "KIM JONG SIK", schema: "Person" });
    expect(body.responses.q2.results[0].properties.birthDate).toEqual(["1967", "1968", "1969"]);
    expect(body.responses.q3.results.filter((x: { match: boolean }) => x.match)).toEqual([]);
    expect(body.limit).toBe(3);
  });

  it("rejects a query without a name, naming it", async () => {
    const res = await t.request(officer, "POST", "/api/screening/match", {
      queries: { bad: { schema: "Person", properties: { birthDate: ["1970"] } } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe("queries.bad.properties");
  });
});

describe("batch screening", () => {
  const csv =
    "取引先コード,名前,国\nC-1,軍需工業部,KP\nC-2,Nordic Photonics AB,SE\nC-3,,JP\nC-4,ハルビン工業大学,中国\n";

  async function uploadAndWait(name: string, content: Buffer | string, fields: Record<string, string> = {}) {
    const body = multipart(fields, [{ name, content }]);
    const res = await t.request(officer, "POST", "/api/screening/batches", body.payload, body.headers);
    expect(res.statusCode, res.body).toBe(201);
    await settle();
    const job = await t.request(auditor, "GET", `/api/screening/batches/${res.json().id}`);
    return job.json();
  }

  async function checkRows(jobId: string) {
    const rows = (await t.request(auditor, "GET", `/api/screening/batches/${jobId}/rows`)).json();
    expect(rows.total).toBe(4);
    const [r1, r2, r3, r4] = rows.items;
    expect(r1.input).toMatchObject({ name: "軍需工業部", country: "KP", reference: "C-1", line: 2 });
    expect(r1.hits[0]).toMatchObject({ source: "un", sourceId: "KPe.028", match: true });
    expect(r1.matchCount).toBeGreaterThanOrEqual(1);
    expect(r2.matchCount).toBe(0);
    expect(r3.input.problem.en).toMatch(/line 4: the name .* is empty/);
    expect(r4.input.country).toBe("CN");
    expect(r4.hits[0].source).toBe("meti_eul");
    const only = (
      await t.request(auditor, "GET", `/api/screening/batches/${jobId}/rows?onlyMatches=true`)
    ).json();
    expect(only.items.map((r: { input: { reference: string } }) => r.input.reference)).toEqual([
      "C-1",
      "C-4",
    ]);
  }

  it("screens a UTF-8 CSV in the background and gives the results as a CSV with BOM for Excel", async () => {
    const job = await uploadAndWait("取引先.csv", csv);
    expect(job).toMatchObject({
      status: "done",
      totalRows: 4,
      processedRows: 4,
      matchedRows: 2,
      fileFormat: "csv",
    });
    expect(job.columns).toMatchObject({ hasHeader: true, name: 1, country: 2, reference: 0 });
    expect(Object.keys(job.snapshots).sort()).toEqual(
      Object.keys(t.services.screeningIndex.status().snapshots).sort(),
    );
    await checkRows(job.id);
    const download = await t.request(auditor, "GET", `/api/screening/batches/${job.id}/results.csv`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toMatch(/text\/csv/);
    expect(download.headers["content-disposition"]).toContain("filename*=UTF-8''");
    expect(download.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = download.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^行,参照番号,照会名/); // the auditor's language (Japanese by default)
    expect(lines[1]).toContain("MUNITIONS INDUSTRY DEPARTMENT");
    expect(lines[1]).toContain("要確認");
    // The list is named, not coded ("un").
    expect(lines[1]).toContain(",国連安保理 統合制裁リスト（XML）,");
    expect(lines[1]).not.toMatch(/,un,/);
    expect(lines[2]).toContain("該当なし");
    expect(lines[3]).toContain("エラー");
    // The web page asks for the results in the language on screen.
    const english = await t.request(auditor, "GET", `/api/screening/batches/${job.id}/results.csv?lang=en`);
    expect(english.body.replace(/^\uFEFF/, "")).toMatch(/^line,reference,query name/);
    expect(english.headers["content-disposition"]).toContain("screening-results.csv");
    expect(await auditCount("screening.batch_created", job.id)).toBe(1);
    expect(await auditCount("screening.batch_finished", job.id)).toBe(1);
  });

  it("reads a Shift_JIS CSV as Excel writes it", async () => {
    const job = await uploadAndWait("sjis.csv", iconv.encode(csv.replace(/\n/g, "\r\n"), "cp932"));
    expect(job.status).toBe("done");
    await checkRows(job.id);
  });

  it("reads an XLSX workbook (the first sheet)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("取引先");
    for (const line of csv.trim().split("\n")) ws.addRow(line.split(","));
    wb.addWorksheet("other").addRow(["name"]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const job = await uploadAndWait("取引先.xlsx", buffer);
    expect(job).toMatchObject({ status: "done", fileFormat: "xlsx", totalRows: 4 });
    await checkRows(job.id);
  });

  it("refuses a broken file naming the line, and stores nothing", async () => {
    const before = (await t.request(auditor, "GET", "/api/screening/batches")).json().total;
    const body = multipart({}, [{ name: "broken.csv", content: 'name,country\nA,JP\n"B,JP\n' }]);
    const res = await t.request(officer, "POST", "/api/screening/batches", body.payload, body.headers);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/broken\.csv/);
    expect(res.json().error.message).toMatch(/3行目|line 3/);
    const sjisAsUtf8 = multipart({ encoding: "utf8" }, [
      { name: "wrong.csv", content: iconv.encode("名前\n軍需工業部\n", "cp932") },
    ]);
    const wrong = await t.request(
      officer,
      "POST",
      "/api/screening/batches",
      sjisAsUtf8.payload,
      sjisAsUtf8.headers,
    );
    expect(wrong.statusCode).toBe(422);
    const none = multipart({}, [{ name: "empty.csv", content: "name\n\n" }]);
    expect(
      (await t.request(officer, "POST", "/api/screening/batches", none.payload, none.headers)).statusCode,
    ).toBe(422);
    expect((await t.request(auditor, "GET", "/api/screening/batches")).json().total).toBe(before);
  });
});
