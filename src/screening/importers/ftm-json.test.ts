import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readListFile } from "./index.js";
import { collect, FIXTURES, scratchDir } from "./test-helpers.js";

const scratch = scratchDir();
afterAll(() => scratch.remove());

describe("FollowTheMoney JSON lines importer", () => {
  it("imports target people and companies, skipping helper objects and non-targets", async () => {
    const entities = await collect(readListFile(path.join(FIXTURES, "ftm.jsonl"), "ftm_json"));
    expect(entities.map((e) => [e.sourceId, e.schema])).toEqual([
      ["NK-example-1", "Person"],
      ["NK-example-2", "Organization"],
    ]);
    expect(entities[0]).toMatchObject({
      names: [
        { name: "Example Person", kind: "primary" },
        { name: "Ex Person", kind: "alias" },
        { name: "EP", kind: "weakAlias" },
      ],
      countries: ["KP"],
      birthDates: ["1980-01-02"],
      identifiers: [{ scheme: "passport", value: "X123" }],
      programs: ["UN DPRK", "sanction"],
    });
    expect(entities[1]).toMatchObject({
      countries: ["AE"],
      identifiers: [{ scheme: "registration", value: "R-77" }],
      names: [
        { name: "Example Trading LLC", kind: "primary" },
        { name: "Old Example Trading", kind: "former" },
      ],
    });
  });

  it("names the line of a broken JSON line", async () => {
    const file = scratch.write(
      "bad.jsonl",
      '{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\n{"id": "b", "sch\n',
    );
    await expect(collect(readListFile(file, "ftm_json"))).rejects.toThrow(
      /bad\.jsonl, line 2: not valid JSON/,
    );
  });
});
