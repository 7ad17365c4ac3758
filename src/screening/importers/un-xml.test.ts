import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ImportError } from "./import-error.js";
import { readListFile } from "./index.js";
import { collect, FIXTURES, scratchDir } from "./test-helpers.js";

const FILE = path.join(FIXTURES, "un-consolidated.xml");
const scratch = scratchDir();
afterAll(() => scratch.remove());

async function importError(file: string): Promise<ImportError> {
  try {
    await collect(readListFile(file, "un_xml"));
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error("expected an ImportError");
}

describe("UN consolidated list importer", () => {
  it("reads individuals and entities with their reference numbers", async () => {
    const entities = await collect(readListFile(FILE, "un_xml"));
    expect(entities.map((e) => [e.sourceId, e.schema])).toEqual([
      ["KPi.901", "Person"],
      ["QDi.902", "Person"],
      ["KPe.903", "Organization"],
    ]);
    expect(entities.every((e) => e.source === "un")).toBe(true);
  });

  it("joins the name parts and keeps aliases by quality and the original script", async () => {
    const [kim, ahmad, emtc] = await collect(readListFile(FILE, "un_xml"));
    expect(kim!.names).toEqual([
      { name: "TARO EXAMPLE KIM", kind: "primary" },
      { name: "김 예시", kind: "originalScript" },
      { name: "Kim Ex", kind: "alias" },
      { name: "Tiger", kind: "weakAlias" },
    ]);
    expect(ahmad!.names.map((n) => n.kind)).toEqual(["primary", "originalScript", "former"]);
    // "EMTC" and "emtc" are the same alias.
    expect(emtc!.names.map((n) => n.name)).toEqual(["EXAMPLE MUNITIONS TRADING CORPORATION", "EMTC"]);
  });

  it("maps countries to ISO codes, dates, documents, programmes and remarks", async () => {
    const [kim, ahmad, emtc] = await collect(readListFile(FILE, "un_xml"));
    expect(kim!.countries).toEqual(["KP"]);
    expect(kim!.birthDates).toEqual(["1960-04-15", "1961", "1962"]);
    expect(kim!.identifiers).toEqual([{ scheme: "passport", value: "PS 123456" }]);
    expect(kim!.programs).toEqual(["DPRK"]);
    expect(kim!.listedOn).toBe("2017-06-02");
    expect(kim!.remarks).toBe("Invented entry for tests & fixtures.");
    expect(kim!.details?.title).toBe("Dr.");
    expect(kim!.details?.placeOfBirth).toBe("Hamhung, Democratic People's Republic of Korea");
    expect(ahmad!.countries).toEqual(["IR"]);
    expect(ahmad!.birthDates).toEqual(["1975"]);
    expect(ahmad!.identifiers).toEqual([{ scheme: "national_id", value: "ID-42" }]);
    expect(emtc!.countries).toEqual(["AE"]);
    expect(emtc!.addresses).toEqual(["1 Example Street, Dubai, United Arab Emirates"]);
    expect(emtc!.remarks).toBe("Trades <things> for tests.");
  });

  it("refuses a DOCTYPE (entity expansion) before expanding anything", async () => {
    const file = scratch.write(
      "laughs.xml",
      `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&lol2;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`,
    );
    const error = await importError(file);
    expect(error.message).toMatch(/laughs\.xml, line 2: XML with a DOCTYPE/);
    expect(error.reason.ja).toContain("DOCTYPE");
  });

  it("refuses an external entity reference", async () => {
    const file = scratch.write(
      "xxe.xml",
      `<?xml version="1.0"?>\n<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>\n<FIRST_NAME>&xxe;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`,
    );
    const error = await importError(file);
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/not well-formed XML/);
  });

  it("names the line of a truncated file", async () => {
    const file = scratch.write("cut.xml", `<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>\n<FIRST_NAME>A`);
    const error = await importError(file);
    expect(error.file).toBe(file);
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/cut\.xml, line 4/);
  });

  it("names the line and element of malformed XML", async () => {
    const file = scratch.write(
      "bad.xml",
      `<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL><FIRST_NAME>A</SECOND_NAME></INDIVIDUAL>\n</INDIVIDUALS></CONSOLIDATED_LIST>`,
    );
    const error = await importError(file);
    expect(error.line).toBe(3);
    expect(error.message).toMatch(
      /bad\.xml, line 3, field INDIVIDUAL: not well-formed XML \(3:39: unexpected close tag/,
    );
  });

  it("refuses an entry without a name, naming the line", async () => {
    const file = scratch.write(
      "noname.xml",
      `<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>\n<FIRST_NAME>  </FIRST_NAME><REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER></INDIVIDUAL>\n</INDIVIDUALS></CONSOLIDATED_LIST>`,
    );
    const error = await importError(file);
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/no name \(QDi\.1\)/);
  });

  it("refuses a 10 MB field", async () => {
    const file = scratch.write(
      "huge.xml",
      `<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL><FIRST_NAME>A</FIRST_NAME>\n<COMMENTS1>${"x".repeat(10 * 1024 * 1024)}</COMMENTS1></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`,
    );
    const error = await importError(file);
    expect(error.field).toBe("COMMENTS1");
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/longer than 1,000,000 characters/);
  });

  it("refuses another XML format and an empty list", async () => {
    const other = await importError(scratch.write("other.xml", `<sdnList><sdnEntry/></sdnList>`));
    expect(other.message).toMatch(/root element is sdnList, not CONSOLIDATED_LIST/);
    const empty = await importError(
      scratch.write("empty.xml", `<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>`),
    );
    expect(empty.message).toMatch(/no INDIVIDUAL or ENTITY/);
  });
});
