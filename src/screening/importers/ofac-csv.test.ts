import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ImportError } from "./import-error.js";
import { importers, readListFile } from "./index.js";
import { collect, FIXTURES, scratchDir } from "./test-helpers.js";

const SDN = path.join(FIXTURES, "ofac-sdn", "sdn.csv");
const CONS = path.join(FIXTURES, "ofac-cons", "cons_prim.csv");
const scratch = scratchDir();
afterAll(() => scratch.remove());

async function importError(files: string | string[]): Promise<ImportError> {
  try {
    await collect(readListFile(files, "ofac_csv"));
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error("expected an ImportError");
}

const MAIN_ROW = (n: number, name: string, remarks = "-0- ") =>
  `${n},"${name}",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,${remarks}\r\n`;

describe("OFAC legacy CSV importer", () => {
  it("finds add.csv and alt.csv beside sdn.csv and joins them on ent_num", async () => {
    expect(await importers.ofac_csv!.resolveFiles([SDN])).toEqual([
      SDN,
      path.join(FIXTURES, "ofac-sdn", "add.csv"),
      path.join(FIXTURES, "ofac-sdn", "alt.csv"),
    ]);
    const entities = await collect(readListFile(SDN, "ofac_csv"));
    expect(entities.map((e) => [e.source, e.sourceId, e.schema])).toEqual([
      ["ofac_sdn", "101", "Organization"],
      ["ofac_sdn", "102", "Person"],
      ["ofac_sdn", "103", "Vessel"],
    ]);
    const [company, person, vessel] = entities;
    expect(company!.names).toEqual([
      { name: "EXAMPLE SHIPPING CO., LTD.", kind: "primary" },
      { name: "EXAMPLE SHIPPING COMPANY", kind: "alias" },
      { name: "ESC", kind: "alias" },
    ]);
    expect(company!.programs).toEqual(["DPRK3", "NPWMD"]);
    expect(company!.countries).toEqual(["KP", "CN"]);
    expect(company!.addresses).toEqual(["1 Harbour Road, Pyongyang, Korea, North", "Dalian, China"]);
    expect(company!.identifiers).toEqual([{ scheme: "registration", value: "12345" }]);
    expect(person!.names).toEqual([
      { name: "DOE, John Quincy", kind: "primary" },
      { name: "DOE, Johnny", kind: "alias" },
      { name: "SMITH, John", kind: "former" },
    ]);
    expect(person!.birthDates).toEqual(["1948-12-10", "1949"]);
    expect(person!.countries).toEqual(["IR"]);
    expect(person!.identifiers).toEqual([{ scheme: "passport", value: "A1234567" }]);
    expect(person!.details?.placeOfBirth).toBe("Tehran, Iran");
    expect(person!.details?.gender).toBe("Male");
    expect(vessel!.identifiers).toEqual([{ scheme: "imo", value: "9123456" }]);
    expect(vessel!.countries).toEqual(["PA"]);
    expect(vessel!.details).toMatchObject({
      callSign: "9XYZ",
      vesselType: "Crude Oil Tanker",
      vesselOwner: "EXAMPLE SHIPPING CO., LTD.",
    });
  });

  it("reads the consolidated non-SDN set as ofac_cons", async () => {
    const [bank] = await collect(readListFile(CONS, "ofac_csv"));
    expect(bank).toMatchObject({
      source: "ofac_cons",
      sourceId: "9001",
      programs: ["UKRAINE-EO13662", "RUSSIA-EO14024"],
      countries: ["RU"],
      identifiers: [{ scheme: "tax_id", value: "7700000000" }],
    });
    expect(bank!.names.map((n) => n.name)).toEqual(["EXAMPLE BANK OF TESTS", "EXAMPLE BANK"]);
  });

  it("imports the main file alone when there are no companions", async () => {
    const file = scratch.write("only/sdn.csv".replace("/", "-"), MAIN_ROW(1, "ALONE"));
    const entities = await collect(readListFile(file, "ofac_csv"));
    expect(entities.map((e) => e.names[0]!.name)).toEqual(["ALONE"]);
  });

  it("refuses a ragged row, naming file and line", async () => {
    const file = scratch.write("ragged.csv", `${MAIN_ROW(1, "A")}2,"B",-0- \r\n`);
    const error = await importError(file);
    expect(error.message).toBe(
      "ragged.csv, line 2: the row has 3 fields where 12 are expected (a ragged or truncated row)",
    );
  });

  it("refuses a file cut inside a quoted field", async () => {
    const file = scratch.write("cut.csv", `${MAIN_ROW(1, "A")}${MAIN_ROW(2, "B")}3,"C,-0- ,SDGT`);
    const error = await importError(file);
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/ends inside a quoted field/);
  });

  it("refuses an empty name and a non-numeric ent_num", async () => {
    const empty = await importError(scratch.write("empty-name.csv", MAIN_ROW(1, "A") + MAIN_ROW(2, " ")));
    expect(empty.message).toBe("empty-name.csv, line 2, field SDN_Name: ent_num 2 has an empty name");
    const nonNumeric = await importError(
      scratch.write("header.csv", `ent_num,SDN_Name,a,b,c,d,e,f,g,h,i,j\r\n`),
    );
    expect(nonNumeric.field).toBe("ent_num");
    expect(nonNumeric.line).toBe(1);
  });

  it("refuses a 10 MB field", async () => {
    const file = scratch.write("huge.csv", MAIN_ROW(1, "A", `"${"x".repeat(10 * 1024 * 1024)}"`));
    const error = await importError(file);
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/longer than 1,000,000 characters/);
  });

  it("refuses a set without its main file", async () => {
    const error = await importError(path.join(FIXTURES, "ofac-sdn", "alt.csv"));
    expect(error.message).toMatch(/main file \(sdn\.csv or cons_prim\.csv\) is missing/);
  });

  it("refuses an unknown format", () => {
    expect(() => readListFile(SDN, "ofac_txt")).toThrow(
      /unknown format "ofac_txt" \(known formats: un_xml, ofac_csv/,
    );
  });
});
