/**
 * Issue 10 §1 through the product: with the UN list and the METI End User List both imported (real
 * importers, small fixtures), 朝鮮鉱業開発貿易会社 and 조선광업개발무역회사 must still reach UN KPe.001
 * in a party's re-screening and manual screening, the search page, yente's /match and batch jobs.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Party } from "../parties/parties-service.js";
import { systemActor } from "../shared/actor.js";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const actor = systemActor("test");
const NAMES = ["朝鮮鉱業開発貿易会社", "조선광업개발무역회사"];
let t: TestApp;
let officer: TestUser;
let auditor: TestUser;
const parties: Party[] = [];

type Hit = { source: string; sourceId: string; name: string; match: boolean; score: number };
const isUnKomid = (h: Hit) => h.source === "un" && h.sourceId === "KPe.001";
const isMetiKomid = (h: Hit) => h.source === "meti_eul" && h.name.startsWith("Korea Mining Development");

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await t.services.screeningIndex.idle();
    await t.services.screening.idle();
    await t.services.screeningBatches.idle();
  }
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.loginAs(["unit_officer"]);
  auditor = await t.loginAs(["auditor"]);
  for (const name of NAMES) {
    parties.push(
      await t.services.parties.create(actor, { kind: "organization", names: [{ name }], country: "KP" }),
    );
  }
  await t.services.lists.importList(actor, {
    files: [path.join(fixtures, "un-komid.xml")],
    format: "un_xml",
    source: "un",
  });
  await settle();
});

afterAll(async () => {
  await settle();
  await t?.close();
});

describe("UN KPe.001 survives the METI End User List's exact kanji entry", () => {
  it("with the UN list alone, both names reach KPe.001", async () => {
    for (const p of parties) {
      const result = await t.services.screening.screenParty(actor, p.id);
      expect(result.hits.some((h) => isUnKomid(h) && h.match)).toBe(true);
    }
  });

  it("after importing the METI list: the re-screening, a manual run, search, /match and a batch all keep the UN hit", async () => {
    await t.services.lists.importList(actor, {
      files: [path.join(fixtures, "meti-eul-komid.csv")],
      format: "meti_eul_csv",
      source: "meti_eul",
    });
    await settle();
    for (const p of parties) {
      // the re-screening every import starts
      const latest = (await t.request(auditor, "GET", `/api/screening/parties/${p.id}/latest`)).json().result;
      expect(latest.trigger).toBe("rescreen");
      expect(Object.keys(latest.snapshots).sort()).toEqual(["meti_eul", "un"]);
      expect(latest.hits.some((h: Hit) => isUnKomid(h) && h.match)).toBe(true);
      expect(latest.hits.some((h: Hit) => isMetiKomid(h) && h.match)).toBe(true);
      // a manual run
      const manual = await t.request(officer, "POST", `/api/screening/parties/${p.id}/screen`);
      expect(manual.json().hits.some((h: Hit) => isUnKomid(h) && h.match)).toBe(true);
    }
    for (const name of NAMES) {
      // the search page, with a small limit: a limit never hides a match
      const search = (
        await t.request(officer, "GET", `/api/screening/search?q=${encodeURIComponent(name)}&limit=1`)
      ).json();
      expect(search.items.some((h: Hit) => isUnKomid(h) && h.match)).toBe(true);
      expect(search.items.some((h: Hit) => isMetiKomid(h))).toBe(true);
    }
    const yente = await t.request(auditor, "POST", "/api/screening/match?limit=1", {
      queries: Object.fromEntries(
        NAMES.map((name, i) => [`q${i}`, { schema: "Organization", properties: { name: [name] } }]),
      ),
    });
    expect(yente.statusCode).toBe(200);
    for (const r of Object.values(yente.json().responses) as {
      results: { referents: string[]; match: boolean }[];
    }[]) {
      expect(r.results.some((x) => x.referents.includes("un:KPe.001") && x.match)).toBe(true);
    }
  });

  it("a batch job's rows keep the UN hit", async () => {
    const boundary = "----sekimoriIndependence";
    const csv = `name,country\n${NAMES.map((n) => `${n},KP`).join("\n")}\n`;
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="komid.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    );
    const res = await t.request(officer, "POST", "/api/screening/batches", payload, {
      "content-type": `multipart/form-data; boundary=${boundary}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    await settle();
    const rows = (await t.request(auditor, "GET", `/api/screening/batches/${res.json().id}/rows`)).json();
    expect(rows.total).toBe(2);
    for (const row of rows.items as { hits: Hit[] }[]) {
      expect(row.hits.some((h) => isUnKomid(h) && h.match)).toBe(true);
      expect(row.hits.some((h) => isMetiKomid(h) && h.match)).toBe(true);
    }
  });
});
