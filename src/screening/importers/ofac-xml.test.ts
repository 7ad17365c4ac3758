import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readListFile } from "./index.js";
import { collect, FIXTURES, scratchDir } from "./test-helpers.js";

const scratch = scratchDir();
afterAll(() => scratch.remove());

describe("OFAC XML importer", () => {
  it("reads sdnEntry records with the same identifiers and names as the CSV edition", async () => {
    const [doe, star] = await collect(readListFile(path.join(FIXTURES, "ofac-sdn.xml"), "ofac_xml"));
    expect(doe).toMatchObject({
      source: "ofac_sdn",
      sourceId: "102",
      schema: "Person",
      programs: ["SDGT", "IRGC"],
      countries: ["IR"],
      birthDates: ["1948-12-10"],
      identifiers: [{ scheme: "passport", value: "A1234567" }],
      addresses: ["Tehran, Iran"],
      details: { placeOfBirth: "Tehran, Iran" },
    });
    expect(doe!.names).toEqual([
      { name: "DOE, John Quincy", kind: "primary" },
      { name: "DOE, Johnny", kind: "alias" },
      { name: "JQ", kind: "weakAlias" },
      { name: "SMITH, John", kind: "former" },
    ]);
    expect(star).toMatchObject({
      sourceId: "103",
      schema: "Vessel",
      countries: ["PA"],
      identifiers: [{ scheme: "imo", value: "9123456" }],
    });
  });

  it("refuses a DOCTYPE and another XML format", async () => {
    const hostile = scratch.write(
      "x.xml",
      '<?xml version="1.0"?>\n<!DOCTYPE sdnList SYSTEM "http://example.invalid/x.dtd">\n<sdnList/>',
    );
    await expect(collect(readListFile(hostile, "ofac_xml"))).rejects.toThrow(
      /x\.xml, line 2: XML with a DOCTYPE/,
    );
    const un = path.join(FIXTURES, "un-consolidated.xml");
    await expect(collect(readListFile(un, "ofac_xml"))).rejects.toThrow(
      /root element is CONSOLIDATED_LIST, not sdnList/,
    );
  });
});
