import { readdir } from "node:fs/promises";
import path from "node:path";
import type { ListEntity } from "../screening-contract.js";
import { EntityBuilder } from "./entity-builder.js";
import { ImportError } from "./import-error.js";
import { raggedRow, readCsv } from "./input.js";
import type { Importer, ImportRequest } from "./types.js";

/** The role of one file of OFAC's legacy CSV set (sdn.csv + add.csv + alt.csv [+ sdn_comments.csv]). */
type Role = "main" | "add" | "alt" | "comments";

const COLUMNS: Record<Role, number> = { main: 12, add: 6, alt: 5, comments: 2 };

/** Which part of the set a file is, from its name (OFAC's own names: SDN.CSV, ADD.CSV, CONS_PRIM.CSV …). */
export function ofacFileRole(file: string): Role {
  const name = path.basename(file).toLowerCase();
  if (/(^|_)add\.csv$/.test(name)) return "add";
  if (/(^|_)alt\.csv$/.test(name)) return "alt";
  if (/comments\.csv$/.test(name)) return "comments";
  return "main";
}

/** Empty values in OFAC's CSV are written `-0-` (with a trailing space). */
function value(raw: string | undefined): string {
  const v = (raw ?? "").trim();
  return v === "-0-" ? "" : v;
}

const SCHEMA: Record<string, ListEntity["schema"]> = {
  individual: "Person",
  vessel: "Vessel",
  aircraft: "Aircraft",
  "": "Organization",
};

const ALT_KIND: Record<string, ListEntity["names"][number]["kind"]> = {
  aka: "alias",
  fka: "former",
  nka: "alias",
};

const ID_SCHEMES: [RegExp, string][] = [
  [/^passport$/i, "passport"],
  [/^national id$/i, "national_id"],
  [/^(cedula|cédula)$/i, "national_id"],
  [/^tax id$/i, "tax_id"],
  [
    /^(registration|business registration|company|commercial registry|registration number)( id| number)?$/i,
    "registration",
  ],
  [/^swift\/bic$/i, "swift"],
];

function schemeFor(label: string): string {
  return ID_SCHEMES.find(([re]) => re.test(label.trim()))?.[1] ?? "other";
}

/**
 * Reads the facts OFAC writes into the free-text remarks ("DOB 10 Dec 1948; POB Havana; nationality
 * Cuba; Passport 123 (Cuba); a.k.a. 'BNC'.") into the entity; the full text stays in `remarks`.
 */
export function applyOfacRemarks(b: EntityBuilder, remarks: string): void {
  for (const rawSegment of remarks.split(";")) {
    const segment = rawSegment.trim().replace(/\.$/, "").trim();
    if (!segment) continue;
    const plain = segment.replace(/^alt\.\s+/i, "");
    let m = /^([afn])\.k\.a\.,?\s+'(.+)'$/i.exec(plain);
    if (m) {
      b.name(m[2], m[1]!.toLowerCase() === "f" ? "former" : "alias");
      continue;
    }
    m = /^DOB\s+(.+)$/i.exec(plain);
    if (m) {
      b.birthDate(m[1]);
      continue;
    }
    m = /^(?:nationality|citizen)(?:\s+of\s+registration)?\s+(.+)$/i.exec(plain);
    if (m) {
      b.country(m[1]);
      continue;
    }
    m = /^POB\s+(.+)$/i.exec(plain);
    if (m) {
      b.detail("placeOfBirth", m[1]);
      continue;
    }
    m = /^Passport\s+(\S+)(.*)$/i.exec(plain);
    if (m) {
      b.identifier("passport", m[1]);
      b.detail("identifierText", segment);
      continue;
    }
    m = /^Vessel Registration Identification\s+IMO\s+(\d+)/i.exec(plain);
    if (m) {
      b.identifier("imo", m[1]);
      continue;
    }
    m =
      /^((?:Business |Company )?Registration (?:Number|ID))\s+(\S+)/i.exec(plain) ??
      /^(.+?)\s+No\.\s+(\S+)/.exec(plain);
    if (m && m[1]!.length < 60) {
      b.identifier(schemeFor(m[1]!), m[2]!.replace(/[,)]$/, ""));
      b.detail("identifierText", segment);
      continue;
    }
    m =
      /^(Gender|Email Address|Website|Linked To|Title|Secondary sanctions risk|Organization Established Date|Organization Type)\s*:?\s+(.+)$/i.exec(
        plain,
      );
    if (m)
      b.detail(
        m[1]!.replace(/\s+(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toLowerCase()),
        m[2],
      );
  }
}

async function findCompanions(main: string): Promise<string[]> {
  const dir = path.dirname(main);
  const base = path.basename(main).toLowerCase();
  const prefix = base.startsWith("cons_") ? "cons_" : "";
  const wanted = new Set(
    prefix
      ? ["cons_add.csv", "cons_alt.csv", "cons_comments.csv"]
      : ["add.csv", "alt.csv", "sdn_comments.csv"],
  );
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return [];
  }
  return entries.filter((e) => wanted.has(e.toLowerCase())).map((e) => path.join(dir, e));
}

type Extra = { add: string[][]; alt: string[][]; comments: string[] };

/** Reads the rows of one file of the set, checking its column count and ent_num. */
async function* ofacRows(file: string, role: Role, request: ImportRequest) {
  for await (const { fields, line } of readCsv(file, {
    ...request,
    encoding: request.encoding ?? "latin1",
  })) {
    // OFAC ends each file with a DOS end-of-file character (0x1A) on a line of its own.
    if (fields.length === 1 && /^\p{Cc}*$/u.test(fields[0]!.trim())) continue;
    if (fields.length !== COLUMNS[role]) throw raggedRow(file, line, COLUMNS[role], fields.length);
    const entNum = fields[0]!.trim();
    if (!/^\d+$/.test(entNum)) {
      throw new ImportError(
        { file, line, field: "ent_num" },
        {
          ja: `ent_num が数字ではありません（"${entNum.slice(0, 40)}"）`,
          en: `ent_num is not a number ("${entNum.slice(0, 40)}")`,
        },
      );
    }
    yield { fields, line, entNum };
  }
}

/**
 * OFAC's legacy CSV set: sdn.csv (or cons_prim.csv) joined with add.csv/alt.csv (cons_add/cons_alt)
 * on ent_num. Give the main file — its companions are found beside it — or all of them. The
 * companions are read first and kept per ent_num (a few MB for the whole SDN list); the main file
 * is streamed.
 */
export const ofacCsvImporter: Importer = {
  format: "ofac_csv",
  label: {
    ja: "OFAC SDN・非SDN統合リスト（旧CSV）",
    en: "OFAC SDN / consolidated non-SDN list (legacy CSV)",
  },
  describe: () => ({
    ja: "sdn.csv（または cons_prim.csv）と、同じフォルダの add.csv・alt.csv（cons_add.csv・cons_alt.csv）を ent_num で結合します（識別子 = ent_num）",
    en: "sdn.csv (or cons_prim.csv) joined on ent_num with add.csv and alt.csv (cons_add.csv, cons_alt.csv) from the same folder (identifier = ent_num)",
  }),
  defaultSource: (files) =>
    files.some((f) => path.basename(f).toLowerCase().startsWith("cons_")) ? "ofac_cons" : "ofac_sdn",
  async resolveFiles(files) {
    const all = [...files];
    for (const file of files) {
      if (ofacFileRole(file) !== "main") continue;
      for (const companion of await findCompanions(file)) {
        const role = ofacFileRole(companion);
        if (!all.some((f) => ofacFileRole(f) === role)) all.push(companion);
      }
    }
    return all;
  },
  async *parse(request: ImportRequest) {
    const files = await this.resolveFiles(request.files);
    const mains = files.filter((f) => ofacFileRole(f) === "main");
    if (mains.length === 0) {
      throw new ImportError(
        { file: files[0] ?? "(none)" },
        {
          ja: "主ファイル（sdn.csv または cons_prim.csv）がありません",
          en: "the main file (sdn.csv or cons_prim.csv) is missing",
        },
      );
    }
    const source = request.source ?? this.defaultSource(files);
    const extra = new Map<string, Extra>();
    const extraFor = (entNum: string) => {
      let e = extra.get(entNum);
      if (!e) {
        e = { add: [], alt: [], comments: [] };
        extra.set(entNum, e);
      }
      return e;
    };
    for (const file of files) {
      const role = ofacFileRole(file);
      if (role === "main") continue;
      for await (const { fields, entNum } of ofacRows(file, role, request)) {
        if (role === "comments") extraFor(entNum).comments.push(value(fields[1]));
        else extraFor(entNum)[role].push(fields);
      }
    }
    for (const file of mains) {
      let count = 0;
      for await (const { fields, line, entNum } of ofacRows(file, "main", request)) {
        const type = value(fields[2]).toLowerCase();
        const b = new EntityBuilder(source, entNum, SCHEMA[type] ?? "Unknown");
        const name = value(fields[1]);
        if (!name) {
          throw new ImportError(
            { file, line, field: "SDN_Name" },
            { ja: `ent_num ${entNum} の名前が空です`, en: `ent_num ${entNum} has an empty name` },
          );
        }
        b.name(name, "primary");
        for (const p of value(fields[3]).split(/\]\s*\[/)) b.program(p.replace(/^\[|\]$/g, ""));
        b.detail("title", value(fields[4]));
        b.detail("callSign", value(fields[5]));
        b.detail("vesselType", value(fields[6]));
        b.detail("tonnage", value(fields[7]));
        b.detail("grossRegisteredTonnage", value(fields[8]));
        const flag = value(fields[9]);
        if (flag) {
          b.detail("vesselFlag", flag);
          b.country(flag);
        }
        b.detail("vesselOwner", value(fields[10]));
        const e = extra.get(entNum);
        for (const alt of e?.alt ?? []) {
          b.name(value(alt[3]), ALT_KIND[value(alt[2]).toLowerCase()] ?? "alias");
          b.detail("aliasRemarks", value(alt[4]));
        }
        for (const add of e?.add ?? []) {
          const country = value(add[4]);
          b.country(country);
          b.address([value(add[2]), value(add[3]), country].filter(Boolean).join(", "));
          b.detail("addressRemarks", value(add[5]));
        }
        const remarks = [value(fields[11]), ...(e?.comments ?? [])].filter(Boolean).join(" ");
        applyOfacRemarks(b, remarks);
        b.remarks(remarks);
        count++;
        yield b.build({ file, line, field: "SDN_Name" });
      }
      if (count === 0) {
        throw new ImportError({ file }, { ja: "エントリが1件もありません", en: "the file has no entries" });
      }
    }
  },
};
