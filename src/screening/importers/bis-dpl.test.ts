import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readListFile } from "./index.js";
import { collect, FIXTURES, scratchDir } from "./test-helpers.js";

const scratch = scratchDir();
afterAll(() => scratch.remove());

describe("BIS Denied Persons List importer", () => {
  it("merges consecutive rows of one name and keeps every address", async () => {
    const entities = await collect(readListFile(path.join(FIXTURES, "dpl.txt"), "bis_dpl"));
    expect(entities.map((e) => e.sourceId)).toEqual(["EXAMPLE EXPORTS LTD", "JANE Q. SAMPLE"]);
    expect(entities[0]).toMatchObject({
      source: "bis_dpl",
      countries: ["AE"],
      listedOn: "2019-03-04",
      programs: ["Denied Persons List"],
      addresses: ["1 HARBOUR ROAD, DUBAI, AE", "P.O. BOX 5, SHARJAH, AE"],
    });
    expect(entities[1]!.countries).toEqual(["US"]);
  });

  it("refuses a file without the DPL header and a ragged row", async () => {
    const other = scratch.write("other.txt", "a\tb\n1\t2\n");
    await expect(collect(readListFile(other, "bis_dpl"))).rejects.toThrow(
      /other\.txt, line 1: the header row lacks the column\(s\) Name, Country/,
    );
    const ragged = scratch.write("ragged.txt", '"Name"\t"Country"\n"A"\t"US"\n"B"\n');
    await expect(collect(readListFile(ragged, "bis_dpl"))).rejects.toThrow(
      /ragged\.txt, line 3: the row has 1 fields where 2 are expected/,
    );
  });
});
