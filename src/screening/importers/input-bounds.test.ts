import { afterAll, describe, expect, it } from "vitest";
import { readJsonArrayItems, readLines, readXmlRecords } from "./input.js";
import { scratchDir } from "./test-helpers.js";

const scratch = scratchDir();
afterAll(() => scratch.remove());

async function drain<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}

describe("text readers keep every buffer bounded", () => {
  it("XML: an endless text node or tag is refused before the parser holds it", async () => {
    const text = scratch.write(
      "text.xml",
      `<LIST><ENTRY><NAME>${"A".repeat(3_000_000)}</NAME></ENTRY></LIST>`,
    );
    await expect(
      drain(readXmlRecords(text, { recordTags: ["ENTRY"], maxFieldChars: 100_000 })),
    ).rejects.toThrow(/text\.xml.*longer than 100,000 characters \(text without markup\)/);
    const tag = scratch.write("tag.xml", `<LIST><ENTRY a="${"B".repeat(3_000_000)}"/></LIST>`);
    await expect(
      drain(readXmlRecords(tag, { recordTags: ["ENTRY"], maxFieldChars: 100_000 })),
    ).rejects.toThrow(/without markup/);
    const ok = scratch.write("ok.xml", `<LIST>${"<ENTRY><NAME>x</NAME></ENTRY>\n".repeat(20_000)}</LIST>`);
    expect(await drain(readXmlRecords(ok, { recordTags: ["ENTRY"], maxFieldChars: 1000 }))).toHaveLength(
      20_000,
    );
  });

  it("lines and JSON array items longer than the limit are refused, naming the line", async () => {
    const lines = scratch.write("long.txt", `short\n${"x".repeat(50_000)}\n`);
    await expect(drain(readLines(lines, { maxFieldChars: 10_000 }))).rejects.toThrow(/long\.txt, line 2/);
    const json = scratch.write("long.json", `[{"a":1},{"b":"${"y".repeat(50_000)}"}]`);
    await expect(drain(readJsonArrayItems(json, { maxFieldChars: 10_000 }))).rejects.toThrow(
      /longer than 10,000/,
    );
  });
});
