import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readListFile } from "./index.js";
import { collect, FIXTURES, scratchDir } from "./test-helpers.js";

const scratch = scratchDir();
afterAll(() => scratch.remove());

describe("ASPI China Defence Universities Tracker (MISP galaxy) importer", () => {
  it("reads each value with its uuid, Chinese name and risk category", async () => {
    const [heu, eit] = await collect(readListFile(path.join(FIXTURES, "aspi.json"), "aspi_misp"));
    expect(heu).toMatchObject({
      source: "aspi",
      sourceId: "00000000-1111-4222-8333-444444444444",
      countries: ["CN"],
      programs: ["ASPI: Very high risk"],
      addresses: ["China, Harbin, 例示路1号"],
      remarks: "An invented institution for tests.",
    });
    expect(heu!.names.map((n) => n.name)).toEqual(["Harbin Example University", "哈尔滨例示大学", "HEU"]);
    expect(eit!.names).toEqual([{ name: "Example Institute of Technology", kind: "primary" }]);
  });

  it("refuses truncated JSON and JSON without a values array", async () => {
    const cut = scratch.write("cut.json", '{"values": [\n{"value": "A", "uuid": "1"},\n{"value": "B", "uu');
    await expect(collect(readListFile(cut, "aspi_misp"))).rejects.toThrow(
      /cut\.json, line 3: the JSON ends early/,
    );
    const huge = scratch.write(
      "huge.json",
      `{"values": [\n{"value": "A", "uuid": "1", "description": "${"x".repeat(10 * 1024 * 1024)}"}]}`,
    );
    await expect(collect(readListFile(huge, "aspi_misp"))).rejects.toThrow(
      /huge\.json, line 2: an element is longer than 1,000,000 characters/,
    );
    const other = scratch.write("other.json", '{"items": []}');
    await expect(collect(readListFile(other, "aspi_misp"))).rejects.toThrow(
      /other\.json, line 1: no "values" array found/,
    );
  });
});
