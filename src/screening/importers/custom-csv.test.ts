import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readListFile } from "./index.js";
import { collect, FIXTURES, scratchDir } from "./test-helpers.js";

const scratch = scratchDir();
afterAll(() => scratch.remove());

describe("own watchlist (CSV template) importer", () => {
  it("reads every template column", async () => {
    const [company, person] = await collect(
      readListFile(path.join(FIXTURES, "watchlist.csv"), "custom_csv", { source: "custom:security-office" }),
    );
    expect(company).toEqual({
      source: "custom:security-office",
      sourceId: "W-001",
      schema: "Organization",
      names: [
        { name: "株式会社例示商事", kind: "primary" },
        { name: "例示商事", kind: "alias" },
        { name: "EXAMPLE TRADING CO.", kind: "alias" },
      ],
      countries: ["JP", "CN"],
      birthDates: [],
      identifiers: [{ scheme: "corporate_number", value: "1234567890123" }],
      programs: ["社内要注意"],
      listedOn: "2025-04-01",
      addresses: ["東京都千代田区1-1"],
      remarks: "過去に不審な引合いあり",
    });
    expect(person).toMatchObject({
      schema: "Person",
      birthDates: ["1975-05-06"],
      identifiers: [{ scheme: "passport", value: "Z1234" }],
    });
  });

  it("refuses an unknown schema, a bad identifier, a repeated id and a missing name column", async () => {
    const cases: [string, RegExp][] = [
      ["id,name,schema\n1,A,robot\n", /line 2, field schema: unknown schema "robot"/],
      ["id,name,identifiers\n1,A,12345\n", /line 2, field identifiers: write identifiers as scheme:value/],
      ["id,name\n1,A\n1,B\n", /line 3, field id: the id "1" appears twice/],
      ["id,title\n1,A\n", /line 1: the header row lacks the column\(s\) name/],
      ["id,name\n1,\n", /line 2, field name: an entry has no name/],
    ];
    for (const [content, expected] of cases) {
      await expect(collect(readListFile(scratch.write("w.csv", content), "custom_csv"))).rejects.toThrow(
        expected,
      );
    }
  });
});
