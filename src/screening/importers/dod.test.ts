import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readListFile } from "./index.js";
import { collect, FIXTURES, scratchDir } from "./test-helpers.js";

const scratch = scratchDir();
afterAll(() => scratch.remove());

describe("US DoD 1286 and 1260H importers", () => {
  it("1286: one entry per institution with every report year", async () => {
    const [edu, plan] = await collect(readListFile(path.join(FIXTURES, "dod-1286.csv"), "dod_1286"));
    expect(edu).toMatchObject({
      source: "dod_1286",
      sourceId: "Example Defence University",
      countries: ["CN"],
      programs: ["DoD Section 1286 (2023)", "DoD Section 1286 (2024)"],
    });
    expect(edu!.names.map((n) => n.name)).toEqual([
      "Example Defence University",
      "EDU",
      "Example Defense University",
    ]);
    expect(plan).toMatchObject({ countries: [], details: { notes: "talent programme" } });
  });

  it("1260H: clean name as identifier, alias and former names, removal marked", async () => {
    const [avic, chips] = await collect(readListFile(path.join(FIXTURES, "dod-1260h.csv"), "dod_1260h"));
    expect(avic).toMatchObject({
      sourceId: "Example Aviation Industry Corporation",
      programs: ["DoD Section 1260H"],
      countries: ["CN"],
    });
    expect(avic!.names.map((n) => n.name)).toEqual([
      "Example Aviation Industry Corporation",
      "Example Aviation Industry Corporation (EXAVIC)",
      "EXAVIC",
    ]);
    expect(chips!.programs).toEqual(["DoD Section 1260H (removed)"]);
    expect(chips!.names).toContainEqual({ name: "Old Chips Co.", kind: "former" });
    expect(chips!.details?.parent).toBe("Example Aviation Industry Corporation");
  });

  it("refuses an empty name", async () => {
    const file = scratch.write("e.csv", "schema,name,aliases\nCompany,A,\nCompany,,B\n");
    await expect(collect(readListFile(file, "dod_1286"))).rejects.toThrow(
      "e.csv, line 3, field name: the name is empty",
    );
  });
});
