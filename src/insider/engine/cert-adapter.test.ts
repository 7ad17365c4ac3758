import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { certKindOfFile, parseAttachments, readCertActivity, readSmallCsv } from "./cert-adapter.js";
import type { ActivityEvent, ActivityKind, SourceStats } from "./event.js";
import { parseCertDate } from "./time.js";

async function* chunks(text: string, size = 7): AsyncGenerator<Buffer> {
  const buf = Buffer.from(text);
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function read(
  kind: Exclude<ActivityKind, "process">,
  text: string,
  release?: "r4.2" | "r5.2" | "r6.2",
) {
  const stats: SourceStats = { file: `${kind}.csv`, kind, rows: 0, events: 0, malformed: 0, samples: [] };
  const events: ActivityEvent[] = [];
  for await (const batch of readCertActivity(
    chunks(text),
    { kind, file: `${kind}.csv`, ...(release ? { release } : {}) },
    stats,
  ))
    events.push(...batch);
  return { events, stats };
}

describe("CERT activity files", () => {
  it("knows the file kinds", () => {
    expect(certKindOfFile("/data/r4.2/logon.csv")).toBe("logon");
    expect(certKindOfFile("HTTP.CSV")).toBe("http");
    expect(certKindOfFile("r6.2-email.csv")).toBe("email");
    expect(certKindOfFile("psychometric.csv")).toBeNull();
  });

  it("reads logon rows (unpadded dates, screen unlocks as logons)", async () => {
    const { events, stats } = await read(
      "logon",
      "id,date,user,pc,activity\n{X1D9-S0ES98JV-5357PWMI},1/2/2010 6:49:00,NGF0157,PC-6056,Logon\n{G2B3-L6EJ61GT-2222RKSO},01/02/2010 06:50:58,LRR0148,PC-4275,Logoff\n",
    );
    expect(stats).toMatchObject({ rows: 2, events: 2, malformed: 0 });
    expect(events[0]).toMatchObject({
      user: "NGF0157",
      host: "PC-6056",
      kind: "logon",
      action: "logon",
      sourceId: "{X1D9-S0ES98JV-5357PWMI}",
      sourceLine: 2,
    });
    expect(events[0]!.t).toBe(parseCertDate("01/02/2010 06:49:00"));
    expect(events[1]!.action).toBe("logoff");
  });

  it("reads r4.2 device and file rows (every r4.2 file row is a copy to removable media)", async () => {
    const device = await read(
      "device",
      "id,date,user,pc,activity\n{A},01/02/2010 07:21:06,MOH0273,PC-6699,Connect\n",
    );
    expect(device.events[0]).toMatchObject({ kind: "device", action: "connect" });
    const file = await read(
      "file",
      "id,date,user,pc,filename,content\n{B},01/02/2010 07:23:14,MOH0273,PC-6699,EYPC9Y08.doc,D0-CF-11-E0 some words, with commas\n",
    );
    expect(file.events[0]).toMatchObject({
      kind: "file",
      action: "copy",
      object: "EYPC9Y08.doc",
      toRemovable: true,
    });
  });

  it("reads r5.2 file rows with the removable-media columns", async () => {
    const { events } = await read(
      "file",
      "id,date,user,pc,filename,activity,to_removable_media,from_removable_media,content\n{C},01/04/2010 09:00:00,AAA0001,PC-1,R:\\docs\\a.pdf,File Copy,True,False,text\n{D},01/04/2010 09:01:00,AAA0001,PC-1,C:\\tmp\\x.exe,File Write,False,True,MZ\n",
    );
    expect(events.map((e) => [e.action, e.toRemovable, e.fromRemovable])).toEqual([
      ["copy", true, false],
      ["write", false, true],
    ]);
  });

  it("reads e-mail in all three layouts (r4 attachment counts, r5 names with sizes, r6 View)", async () => {
    const r4 = await read(
      "email",
      "id,date,user,pc,to,cc,bcc,from,size,attachments,content\n{E},01/02/2010 07:11:45,BJC0569,PC-6127,A@dtaa.com;B@Gmail.com,C@dtaa.com,,BJC@dtaa.com,25830,2,hello world\n",
    );
    expect(r4.events[0]).toMatchObject({
      action: "send",
      recipients: ["a@dtaa.com", "b@gmail.com", "c@dtaa.com"],
      sender: "bjc@dtaa.com",
      bytes: 25830,
      attachmentCount: 2,
      attachments: [],
    });
    const r5 = await read(
      "email",
      "id,date,user,pc,to,cc,bcc,from,activity,size,attachments,content\n{F},01/02/2010 07:11:45,BJC0569,PC-6127,x@ext.com,,,bjc@dtaa.com,Send,25830,C:\\a\\plan.docx(1000);notes.pdf(200),hi\n",
    );
    expect(r5.events[0]).toMatchObject({
      attachments: ["C:\\a\\plan.docx", "notes.pdf"],
      attachmentCount: 2,
    });
    const r6 = await read(
      "email",
      'id,date,user,pc,to,cc,bcc,from,activity,size,attachments,content\n"{G}","01/02/2010 07:11:45","BJC0569","PC-6127","x@ext.com","","","bjc@dtaa.com","View","100","","a, quoted, text"\n',
    );
    expect(r6.events[0]).toMatchObject({ action: "view", user: "BJC0569", recipients: ["x@ext.com"] });
  });

  it("reads r6.2 http rows with quoted fields and the activity column", async () => {
    const { events } = await read(
      "http",
      'id,date,user,pc,url,activity,content\n"{H}","01/02/2010 07:00:00","AAA0001","PC-1","https://www.dropbox.com/x","WWW Upload","text, with commas"\n',
    );
    expect(events[0]).toMatchObject({ kind: "http", action: "upload", object: "https://www.dropbox.com/x" });
  });

  it("reads header-less files with the release's layout", async () => {
    const { events } = await read(
      "device",
      "{A},01/02/2010 07:21:06,MOH0273,PC-6699,R:\\;R:\\x,Connect\n",
      "r5.2",
    );
    expect(events[0]).toMatchObject({ action: "connect", object: "R:\\;R:\\x" });
  });

  it("counts malformed rows with their line numbers and keeps going", async () => {
    const { events, stats } = await read(
      "logon",
      "id,date,user,pc,activity\n{A},13/45/2010 99:00:00,U1,PC-1,Logon\n{B},01/02/2010 07:00:00,U1\n{C},01/02/2010 07:00:00,,PC-1,Logon\n{D},01/02/2010 07:00:00,U1,PC-1,Dance\n{E},01/02/2010 07:00:00,U1,PC-1,Logon\n",
    );
    expect(events.map((e) => e.sourceId)).toEqual(["{E}"]);
    expect(stats.malformed).toBe(4);
    expect(stats.samples.map((s) => [s.line, s.reason.split(" ")[0]])).toEqual([
      [2, "invalid"],
      [3, "expected"],
      [4, "empty"],
      [5, "unknown"],
    ]);
    expect(stats.samples[0]!.file).toBe("logon.csv");
  });

  it("refuses a file without the columns it needs, naming the file", async () => {
    await expect(read("email", "id,date,user,pc,subject\n{A},01/02/2010 07:00:00,U,PC,hi\n")).rejects.toThrow(
      /email\.csv: missing column\(s\) to, from/,
    );
  });

  it("skips rows an earlier ingestion already counted", async () => {
    const stats: SourceStats = {
      file: "logon.csv",
      kind: "logon",
      rows: 0,
      events: 0,
      malformed: 0,
      samples: [],
    };
    const seen: string[] = [];
    const t2 = parseCertDate("01/02/2010 08:00:00");
    for await (const batch of readCertActivity(
      chunks(
        "id,date,user,pc,activity\n{A},01/02/2010 07:00:00,U,PC,Logon\n{B},01/02/2010 08:00:00,U,PC,Logon\n{C},01/02/2010 08:00:00,U,PC,Logoff\n{D},01/02/2010 09:00:00,U,PC,Logon\n",
      ),
      { kind: "logon", file: "logon.csv", skipWhile: (t, id) => t < t2 || (t === t2 && id === "{B}") },
      stats,
    ))
      seen.push(...batch.map((e) => e.sourceId));
    expect(seen).toEqual(["{C}", "{D}"]);
  });

  it("parses attachment lists", () => {
    expect(parseAttachments("3")).toEqual({ names: [], count: 3, bytes: 0 });
    expect(parseAttachments("a.doc(10);b (1).pdf(20)")).toEqual({
      names: ["a.doc", "b (1).pdf"],
      count: 2,
      bytes: 30,
    });
    expect(parseAttachments("")).toEqual({ names: [], count: 0, bytes: 0 });
  });

  it("reads small header-keyed CSVs and reports short rows", async () => {
    const { rows, problems } = await readSmallCsv(chunks("user_id,name\nA,Ann\nB\n"), "hr.csv");
    expect(rows.map((r) => r.values)).toEqual([{ user_id: "A", name: "Ann" }]);
    expect(problems).toEqual([{ file: "hr.csv", line: 3, reason: "expected 2 fields, found 1" }]);
  });
});

/** The attachment reader as it was (regular expressions), to check the hand-written one against. */
function attachmentsByRegex(text: string): { names: string[]; count: number; bytes: number } {
  const trimmed = text.trim();
  if (trimmed === "") return { names: [], count: 0, bytes: 0 };
  if (/^\d+$/.test(trimmed)) return { names: [], count: Number(trimmed), bytes: 0 };
  const names: string[] = [];
  let bytes = 0;
  for (const part of trimmed.split(";")) {
    const p = part.trim();
    if (p === "") continue;
    const m = /^(.*)\((\d+)\)$/.exec(p);
    if (m) {
      names.push(m[1]!.trim());
      bytes += Number(m[2]);
    } else names.push(p);
  }
  return { names, count: names.length, bytes };
}

/** The recipient split as it was: decode the field, split on ";", trim, lower-case, drop empties. */
const splitByString = (text: string) =>
  text
    .split(";")
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== "");

describe("CERT e-mail fields against the string/regex reading", () => {
  const attPiece = fc.constantFrom(
    "a",
    "B.doc",
    "(",
    ")",
    "12",
    "0",
    "9",
    ";",
    " ",
    "\n",
    "\u2028",
    "é",
    "(1)",
    "x(20)",
    "٣",
  );
  it("reads attachment lists exactly as the regular expressions did", () => {
    fc.assert(
      fc.property(fc.array(attPiece, { maxLength: 10 }), (parts) => {
        const text = parts.join("");
        expect(parseAttachments(text)).toEqual(attachmentsByRegex(text));
      }),
      { numRuns: 5000 },
    );
  });

  it("splits recipient lists on the raw bytes exactly as on the decoded text", async () => {
    const addrPiece = fc.constantFrom(
      "Ann@DTAA.com",
      "bob@x.jp",
      ";",
      " ",
      ";;",
      "Ü@ä.de",
      "関@例.jp",
      "a.b",
      "\t",
      '""',
    );
    const field = fc.array(addrPiece, { maxLength: 8 }).map((p) => p.join(""));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(field, field), { minLength: 1, maxLength: 5 }), async (rows) => {
        const quote = (f: string) => `"${f.replaceAll('"', '""')}"`;
        const text = `id,date,user,pc,to,cc,bcc,from,activity,size,attachments,content\n${rows
          .map(
            ([to, cc], i) =>
              `{ID-${i}},01/02/2010 07:0${i}:00,U1,PC-1,${quote(to)},${quote(cc)},,a@b.c,Send,10,,x`,
          )
          .join("\n")}\n`;
        const { events } = await read("email", text);
        expect(events.map((e) => e.recipients)).toEqual(
          rows.map(([to, cc]) => [...splitByString(to), ...splitByString(cc)]),
        );
        // Unquoted fields take the byte route (no "" escapes), where they can be written unquoted.
        const plain = rows.filter(([to, cc]) => !/[",\n]/.test(to + cc));
        if (plain.length === 0) return;
        const text2 = `id,date,user,pc,to,cc,bcc,from,activity,size,attachments,content\n${plain
          .map(([to, cc], i) => `{ID-${i}},01/02/2010 07:0${i}:00,U1,PC-1,${to},${cc},,a@b.c,Send,10,,x`)
          .join("\n")}\n`;
        const second = await read("email", text2);
        expect(second.events.map((e) => e.recipients)).toEqual(
          plain.map(([to, cc]) => [...splitByString(to), ...splitByString(cc)]),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe("CERT removable-media flags", () => {
  it("read from the bytes exactly as trimmed, lower-cased text", async () => {
    const word = fc.constantFrom(
      "True",
      "FALSE",
      "1",
      "0",
      "yes",
      "YES",
      " true",
      "true ",
      "tru",
      "truex",
      "",
      "ｔrue",
      "Yes\t",
    );
    const byString = (t: string) => ["true", "1", "yes"].includes(t.trim().toLowerCase());
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(word, word), { minLength: 1, maxLength: 5 }), async (rows) => {
        const text = `id,date,user,pc,filename,activity,to_removable_media,from_removable_media,content\n${rows
          .map(([a, b], i) => `{F-${i}},01/02/2010 07:0${i}:00,U1,PC-1,a.doc,File Copy,${a},${b},x`)
          .join("\n")}\n`;
        const { events } = await read("file", text);
        expect(events.map((e) => [e.toRemovable, e.fromRemovable])).toEqual(
          rows.map(([a, b]) => [byString(a), byString(b)]),
        );
      }),
      { numRuns: 300 },
    );
  });
});
