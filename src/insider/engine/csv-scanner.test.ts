import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCsvScanner, createFieldInterner, fieldText } from "./csv-scanner.js";

function scan(chunks: string[], maxFields = 64) {
  const records: { line: number; fields: string[] }[] = [];
  const problems: { line: number; message: string }[] = [];
  const scanner = createCsvScanner({
    maxFields,
    onRecord: (v) => {
      const fields: string[] = [];
      for (let k = 0; k < v.count; k++) fields.push(fieldText(v, k));
      records.push({ line: v.line, fields });
    },
    onProblem: (p) => problems.push(p),
  });
  for (const c of chunks) scanner.push(Buffer.from(c));
  scanner.end();
  return { records, problems };
}

describe("CSV scanner", () => {
  it("splits plain, quoted and escaped fields and keeps line numbers across quoted newlines", () => {
    const { records, problems } = scan(['a,b,c\n1,"x, y","say ""hi"""\r\n2,"multi\nline",z\n\n3,,\n']);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["1", "x, y", 'say "hi"'] },
      { line: 3, fields: ["2", "multi\nline", "z"] },
      { line: 6, fields: ["3", "", ""] },
    ]);
  });

  it("folds everything after maxFields-1 separators into the last field", () => {
    const { records } = scan(["id,date,content with, commas, inside\n"], 3);
    expect(records[0]!.fields).toEqual(["id", "date", "content with, commas, inside"]);
  });

  it("reads a last record without a newline and reports an unterminated quote", () => {
    expect(scan(["a,b\n1,2"]).records.map((r) => r.fields)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    const bad = scan(['a,b\n1,"open\n']);
    expect(bad.problems).toEqual([{ line: 2, message: "unterminated quoted field" }]);
  });

  it("skips over-long records with a report and continues", () => {
    const records: string[] = [];
    const problems: string[] = [];
    const scanner = createCsvScanner({
      maxFields: 4,
      maxRecordBytes: 50,
      onRecord: (v) => records.push(fieldText(v, 0)),
      onProblem: (p) => problems.push(`${p.line}: ${p.message}`),
    });
    scanner.push(Buffer.from(`ok,1\n${"x".repeat(80)}`));
    scanner.push(Buffer.from(`${"y".repeat(80)}\nnext,2\n`));
    scanner.end();
    expect(records).toEqual(["ok", "next"]);
    expect(problems).toEqual(["2: record longer than 50 bytes skipped"]);
  });

  it("gives the same records however the input is cut into chunks", () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-z0-9 :/{}-]{0,12}$/),
      fc.string({ maxLength: 10 }).map((s) => `"${s.replaceAll('"', '""')}"`),
    );
    const row = fc.array(field, { minLength: 1, maxLength: 6 }).map((f) => f.join(","));
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 8 }),
        (rows, cuts) => {
          const text = `${rows.join("\n")}\n`;
          const whole = scan([text]);
          const chunks: string[] = [];
          let pos = 0;
          for (const c of [...cuts].sort((a, b) => a - b)) {
            if (c >= text.length) break;
            chunks.push(text.slice(pos, c));
            pos = c;
          }
          chunks.push(text.slice(pos));
          const pieces = scan(chunks);
          expect(pieces).toEqual(whole);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("createFieldInterner", () => {
  it("returns exactly the decoded, transformed field, the same string for the same bytes", () => {
    const field = fc.oneof(
      fc.constantFrom("ACM2278", " ACM2278 ", "PC-0001", "Logon", "", "a;B; c", "ｱ", "İx", "x".repeat(120)),
      fc.string({ maxLength: 12 }),
    );
    const csvField = field.map((f) =>
      /[",\n\r]/.test(f) || f.includes(" ") ? `"${f.replaceAll('"', '""')}"` : f,
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(csvField, { minLength: 1, maxLength: 4 }), { maxLength: 20 }),
        fc.integer({ min: 4, max: 16 }),
        (rows, capacity) => {
          const lower = createFieldInterner((t) => t.trim().toLowerCase(), capacity);
          const split = createFieldInterner((t) => t.split(";"), capacity);
          const seen = new Map<string, string>();
          const scanner = createCsvScanner({
            maxFields: 8,
            onRecord: (v) => {
              for (let k = 0; k < v.count + 1; k++) {
                const text = fieldText(v, k);
                const a = lower(v, k);
                expect(a).toBe(text.trim().toLowerCase());
                expect(split(v, k)).toEqual(text.split(";"));
                const before = seen.get(text);
                if (before !== undefined) expect(a).toBe(before);
                seen.set(text, a);
              }
            },
            onProblem: () => {},
          });
          scanner.push(Buffer.from(rows.map((r) => r.join(",")).join("\n")));
          scanner.end();
        },
      ),
      { numRuns: 500 },
    );
  });

  it("keeps every value through table growth and stops remembering at capacity", () => {
    for (const capacity of [300, 100_000]) {
      const upper = createFieldInterner((t) => t.toUpperCase(), capacity);
      const first = new Map<string, string>();
      const scanner = createCsvScanner({
        maxFields: 2,
        onRecord: (v) => {
          const text = fieldText(v, 0);
          const got = upper(v, 0);
          expect(got).toBe(text.toUpperCase());
          const before = first.get(text);
          if (before === undefined) first.set(text, got);
          else expect(got).toBe(before);
        },
        onProblem: () => {},
      });
      const rows: string[] = [];
      for (let round = 0; round < 2; round++) for (let i = 0; i < 5000; i++) rows.push(`user${i},x`);
      scanner.push(Buffer.from(`${rows.join("\n")}\n`));
      scanner.end();
      expect(first.size).toBe(5000);
    }
  });
});
