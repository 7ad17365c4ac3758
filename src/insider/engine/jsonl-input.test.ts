import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SourceStats } from "./event.js";
import { readJsonLines } from "./jsonl-adapter.js";

const newStats = (): SourceStats => ({
  file: "a.jsonl",
  kind: "jsonl",
  rows: 0,
  events: 0,
  malformed: 0,
  samples: [],
});

async function read(chunks: Iterable<Buffer>, stats = newStats()) {
  async function* source() {
    yield* chunks;
  }
  const out = [];
  for await (const b of readJsonLines(
    source(),
    { file: "a.jsonl", format: "jsonl", utcOffsetMinutes: 540 },
    stats,
  )) {
    out.push(...b);
  }
  return out;
}

const file = [
  JSON.stringify({
    id: "e1",
    time: "2010-03-01T09:00:00",
    user: "U1",
    kind: "http",
    object: "http://例え.jp/資料",
  }),
  JSON.stringify({
    id: "e2",
    time: "2010-03-01T09:01:00",
    user: "U1",
    kind: "file",
    object: "設計書ー最終版.docx",
  }),
  JSON.stringify({ id: "e3", time: "2010-03-01T09:02:00", user: "U2", kind: "logon" }),
].join("\n");

describe("JSON-lines input (insider ingest files)", () => {
  it("property: however the bytes are cut into chunks, the events are the same (no broken characters)", async () => {
    const bytes = Buffer.from(file);
    const whole = await read([bytes]);
    expect(whole.map((e) => e.object)).toEqual(
      ["http://例え.jp/資料", "設計書ー最終版.docx", ""].slice(0, whole.length),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 20 }),
        async (cuts) => {
          const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
          const chunks = points.slice(1).map((end, i) => bytes.subarray(points[i], end));
          expect(await read(chunks)).toEqual(whole);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a line without an end (a binary or damaged file) is reported and skipped; the lines after it are read", async () => {
    const stats = newStats();
    const line = JSON.stringify({ id: "after", time: "2010-03-01T10:00:00", user: "U3", kind: "logon" });
    const mb = Buffer.alloc(1024 * 1024, 0x41);
    const chunks = [
      Buffer.from(`${line}\n`),
      ...Array.from({ length: 18 }, () => mb),
      Buffer.from(`\n${line}\n`),
    ];
    const events = await read(chunks, stats);
    expect(events.map((e) => e.sourceId)).toEqual(["after", "after"]);
    expect(stats.malformed).toBe(1);
    expect(stats.samples[0]).toMatchObject({ line: 2 });
    expect(events[1]!.sourceLine).toBe(3);
  });
});
