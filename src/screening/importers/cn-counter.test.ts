import path from "node:path";
import { describe, expect, it } from "vitest";
import { dayMonthYear } from "./cn-counter.js";
import { readListFile } from "./index.js";
import { collect, FIXTURES } from "./test-helpers.js";

describe("PRC counter-sanctions importer", () => {
  it("keeps the Chinese name as an alias and merges repeated listings (file mixes line ends)", async () => {
    const [org, person] = await collect(readListFile(path.join(FIXTURES, "cn-counter.csv"), "cn_counter"));
    expect(org).toMatchObject({
      source: "cn_counter",
      sourceId: "Example Endowment for Tests",
      schema: "Organization",
      countries: ["US"],
      listedOn: "2019-12-02",
    });
    expect(org!.names).toEqual([
      { name: "Example Endowment for Tests", kind: "primary" },
      { name: "例示测试基金会", kind: "alias", lang: "zh" },
    ]);
    expect(person).toMatchObject({ schema: "Person", sourceId: "Jane Example" });
    expect(person!.names.map((n) => n.name)).toEqual(["Jane Example", "Jane Q. Example", "简·例"]);
    expect(person!.programs).toEqual([
      "PRC counter-sanctions / Ministry of Foreign Affairs",
      'PRC counter-sanctions / Ministry of Foreign Affairs / Diehard "Example" List',
    ]);
    expect(person!.details?.sanctionedOn).toEqual(["2020-07-13", "2026-01-07"]);
  });

  it("reads day.month.year dates with two- or four-digit years", () => {
    expect(dayMonthYear("02.12.2019")).toBe("2019-12-02");
    expect(dayMonthYear("27.03.21")).toBe("2021-03-27");
    expect(dayMonthYear("2021-03-27")).toBeUndefined();
  });
});
