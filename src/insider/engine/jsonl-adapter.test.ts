import { describe, expect, it } from "vitest";
import type { SourceStats } from "./event.js";
import { fromEcsJson, fromGenericJson, parseJsonLine, readJsonLines } from "./jsonl-adapter.js";

describe("generic JSON lines", () => {
  it("maps the documented fields", () => {
    const r = fromGenericJson(
      {
        time: "2024-04-01T10:00:00+09:00",
        user: "u1",
        host: "PC-1",
        kind: "file",
        action: "copy",
        object: "\\\\fs\\a.docx",
        destination: "removable",
        bytes: 10,
        id: "e1",
      },
      540,
    );
    expect("event" in r && r.event).toMatchObject({
      user: "u1",
      kind: "file",
      action: "copy",
      toRemovable: true,
      bytes: 10,
      sourceId: "e1",
    });
    const mail = fromGenericJson(
      {
        time: "2024-04-01T10:00:00",
        user: "u1",
        kind: "email",
        to: "a@x.com; b@y.com",
        cc: ["C@z.com"],
        attachments: ["a.pdf"],
      },
      540,
    );
    expect("event" in mail && mail.event).toMatchObject({
      action: "send",
      recipients: ["a@x.com", "b@y.com", "c@z.com"],
      attachments: ["a.pdf"],
      attachmentCount: 1,
    });
    const off = fromGenericJson({ time: "2024-04-01T10:00:00", user: "u1", kind: "logoff" }, 540);
    expect("event" in off && off.event).toMatchObject({ kind: "logon", action: "logoff" });
  });
  it("explains what is wrong", () => {
    expect(fromGenericJson({ user: "u" }, 0)).toEqual({ error: "time is missing or not a valid timestamp" });
    expect(fromGenericJson({ time: "2024-01-01", kind: "file" }, 0)).toEqual({ error: "user is missing" });
    expect(fromGenericJson({ time: "2024-01-01", user: "u", kind: "print" }, 0)).toMatchObject({
      error: expect.stringContaining("kind must be"),
    });
    expect(
      fromGenericJson({ time: "2024-01-01", user: "u", kind: "http", action: "teleport" }, 0),
    ).toMatchObject({ error: expect.stringContaining("not valid for kind http") });
    expect(parseJsonLine("{oops", "jsonl", 0)).toMatchObject({
      error: expect.stringContaining("not valid JSON"),
    });
    expect(parseJsonLine("[1]", "jsonl", 0)).toEqual({ error: "not a JSON object" });
  });
});

describe("ECS documents", () => {
  it("maps authentication, file, e-mail, device and web events", () => {
    const base = { "@timestamp": "2024-04-01T01:00:00Z", user: { name: "u1" }, host: { name: "PC-1" } };
    const ev = (doc: Record<string, unknown>) => {
      const r = fromEcsJson({ ...base, ...doc }, 540);
      if ("error" in r) throw new Error(r.error);
      return r.event;
    };
    expect(ev({ event: { category: ["authentication"], action: "logged-in" } })).toMatchObject({
      kind: "logon",
      action: "logon",
    });
    expect(ev({ event: { category: "session", action: "user-logoff" } })).toMatchObject({ action: "logoff" });
    expect(
      ev({
        event: { category: ["file"], action: "copy-to-removable" },
        file: { path: "C:\\a.docx", size: 5 },
      }),
    ).toMatchObject({ kind: "file", action: "copy", toRemovable: true, bytes: 5 });
    expect(
      ev({
        event: { category: ["email"] },
        email: {
          direction: "outbound",
          to: { address: ["X@ext.com"] },
          from: { address: ["u1@corp.jp"] },
          attachments: [{ file: { name: "a.pdf" } }],
        },
      }),
    ).toMatchObject({
      kind: "email",
      action: "send",
      recipients: ["x@ext.com"],
      sender: "u1@corp.jp",
      attachments: ["a.pdf"],
    });
    expect(ev({ event: { category: ["driver"], action: "usb-device-removed" } })).toMatchObject({
      kind: "device",
      action: "disconnect",
    });
    expect(
      ev({ event: { category: ["web"], action: "upload" }, url: { full: "https://box.com/u" } }),
    ).toMatchObject({ kind: "http", action: "upload" });
    expect(ev({ "event.category": "web", "url.full": "https://a.com/" })).toMatchObject({
      kind: "http",
      object: "https://a.com/",
    });
    const r = fromEcsJson({ ...base, event: { category: ["configuration"] } }, 0);
    expect(r).toMatchObject({ error: expect.stringContaining("event.category") });
    expect(fromEcsJson({ ...base, event: { category: ["process"] } }, 0)).toMatchObject({
      error: expect.stringContaining("process.name"),
    });
    // Remote identity (issue 12 §4): source address, country, network and process name.
    const remote = {
      ...base,
      event: { category: ["authentication"], action: "logged-in" },
      source: {
        ip: "203.0.113.9",
        geo: { country_iso_code: "kp" },
        as: { number: 64500, organization: { name: "Example VPS Ltd" } },
      },
    };
    expect(ev(remote)).toMatchObject({
      kind: "logon",
      srcIp: "203.0.113.9",
      country: "KP",
      asNumber: 64500,
      asOrg: "Example VPS Ltd",
    });
    expect(
      ev({
        event: { category: ["process"], type: ["start"] },
        process: { name: "C:\\Program Files\\AnyDesk\\AnyDesk.exe" },
      }),
    ).toMatchObject({ kind: "process", action: "start", process: "anydesk.exe" });
    expect(
      ev({ event: { category: ["process"], type: ["end"] }, process: { executable: "/usr/bin/teamviewer" } }),
    ).toMatchObject({ kind: "process", action: "end", process: "teamviewer" });
    // The device of a sign-in: host name first, else host id, else the identity provider's device id.
    const signIn = {
      "@timestamp": base["@timestamp"],
      user: base.user,
      event: { category: ["authentication"], action: "vpn-disconnect" },
    };
    const device = (doc: Record<string, unknown>) => {
      const r = fromEcsJson({ ...signIn, ...doc }, 540);
      if ("error" in r) throw new Error(r.error);
      return [r.event.host, r.event.action];
    };
    expect(device({ host: { name: "LT-1", id: "abc" } })).toEqual(["LT-1", "logoff"]);
    expect(device({ host: { id: "abc" } })).toEqual(["abc", "logoff"]);
    expect(device({ device: { id: "dev-9" } })).toEqual(["dev-9", "logoff"]);
    expect(device({})).toEqual(["", "logoff"]);
  });
});

describe("reading JSON-lines files", () => {
  it("streams events across chunk boundaries and numbers malformed lines", async () => {
    const text = [
      JSON.stringify({ time: "2024-04-01T09:00:00", user: "u", kind: "logon", host: "PC" }),
      "not json",
      "",
      JSON.stringify({ time: "2024-04-01T09:05:00", user: "u", kind: "http", object: "https://x.com" }),
    ].join("\r\n");
    async function* chunks() {
      for (let i = 0; i < text.length; i += 13) yield Buffer.from(text.slice(i, i + 13));
    }
    const stats: SourceStats = {
      file: "a.jsonl",
      kind: "jsonl",
      rows: 0,
      events: 0,
      malformed: 0,
      samples: [],
    };
    const out = [];
    for await (const b of readJsonLines(
      chunks(),
      { file: "a.jsonl", format: "jsonl", utcOffsetMinutes: 540 },
      stats,
    ))
      out.push(...b);
    expect(out.map((e) => [e.kind, e.sourceLine, e.sourceId])).toEqual([
      ["logon", 1, "L1"],
      ["http", 4, "L4"],
    ]);
    expect(stats).toMatchObject({
      rows: 3,
      events: 2,
      malformed: 1,
      samples: [{ file: "a.jsonl", line: 2 }],
    });
  });
});
