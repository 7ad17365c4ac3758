import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readListFile } from "./index.js";
import { collect, FIXTURES, scratchDir } from "./test-helpers.js";

const scratch = scratchDir();
afterAll(() => scratch.remove());

describe("US Consolidated Screening List importer", () => {
  it("reads the CSV edition: sub-list as programme, aliases, ids, dates, addresses", async () => {
    const [el, sdn, dpl] = await collect(readListFile(path.join(FIXTURES, "csl.csv"), "us_csl"));
    expect(el).toMatchObject({
      source: "us_csl",
      sourceId: "EL:Example Photonics Institute",
      schema: "Organization",
      programs: ["Entity List (EL)"],
      countries: ["CN", "HK"],
      listedOn: "2020-06-05",
      addresses: ["1 Test Road, Harbin, CN", "2 Sample Street, Hong Kong, HK"],
    });
    expect(el!.names.map((n) => n.name)).toEqual(["Example Photonics Institute", "EPI", "Example Photonics"]);
    expect(sdn).toMatchObject({
      sourceId: "SDN:90001",
      schema: "Person",
      programs: ["Specially Designated Nationals (SDN)", "SDGT", "IRGC"],
      countries: ["IR"],
      birthDates: ["1970", "1971"],
      identifiers: [
        { scheme: "passport", value: "A1234567" },
        { scheme: "national_id", value: "123-456" },
      ],
    });
    expect(dpl).toMatchObject({
      sourceId: "DPL:JOHN EXAMPLE DOE",
      schema: "Unknown",
      programs: ["Denied Persons List (DPL)"],
    });
  });

  it("reads the JSON edition the same way", async () => {
    const [el, isn] = await collect(readListFile(path.join(FIXTURES, "csl.json"), "us_csl"));
    expect(el).toMatchObject({
      sourceId: "abc123",
      countries: ["RU"],
      programs: ["Entity List (EL)"],
      listedOn: "2022-03-03",
    });
    expect(el!.names.map((n) => n.name)).toEqual(["Example Avionics Ltd.", "EAL"]);
    expect(isn).toMatchObject({
      schema: "Person",
      countries: ["KP"],
      birthDates: ["1965-05-05"],
      identifiers: [{ scheme: "passport", value: "P999" }],
      programs: ["Nonproliferation Sanctions (ISN)", "INKSNA"],
    });
  });

  it("names file and line of a row without a name, and of truncated JSON", async () => {
    const csv = scratch.write(
      "noname.csv",
      "source,name\nEntity List (EL) - BIS,A\nEntity List (EL) - BIS,\n",
    );
    await expect(collect(readListFile(csv, "us_csl"))).rejects.toThrow(
      "noname.csv, line 3, field name: the name is empty",
    );
    const json = scratch.write("cut.json", '{"results": [{"name": "A", "source": "x"},\n{"name": "B"');
    await expect(collect(readListFile(json, "us_csl"))).rejects.toThrow(
      /cut\.json, line 2: the JSON ends early/,
    );
  });
});
