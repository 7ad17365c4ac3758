/**
 * Readers for JSON-lines activity logs, for deployments whose logs are not CERT CSV: a generic
 * schema (documented in docs/insider-risk.md) and Elastic Common Schema (ECS) documents as shipped
 * by Beats/Elastic Agent. Both stream line by line and report malformed lines with their numbers.
 */
import {
  type ActivityEvent,
  type ActivityKind,
  makeEvent,
  NO_STRINGS,
  recordMalformed,
  type SourceStats,
} from "./event.js";
import { parseAnyTime } from "./time.js";

export type JsonFormat = "jsonl" | "ecs";

const KINDS: readonly string[] = ["logon", "logoff", "device", "file", "email", "http", "process"];
const ACTIONS: Record<ActivityKind, readonly string[]> = {
  logon: ["logon", "logoff"],
  device: ["connect", "disconnect"],
  file: ["open", "write", "copy", "delete"],
  email: ["send", "receive", "view"],
  http: ["visit", "download", "upload"],
  process: ["start", "end"],
};
const DEFAULT_ACTION: Record<ActivityKind, string> = {
  logon: "logon",
  device: "connect",
  file: "open",
  email: "send",
  http: "visit",
  process: "start",
};

function strings(value: unknown): string[] {
  if (value === undefined || value === null || value === "") return [];
  if (typeof value === "string")
    return value
      .split(/[;,]/)
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean);
  if (Array.isArray(value))
    return value.flatMap((v) => (typeof v === "string" && v.trim() !== "" ? [v.trim().toLowerCase()] : []));
  return [];
}

function str(value: unknown): string {
  return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
}

function num(value: unknown): number {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** Reads a nested field (`a.b.c`), accepting both nested objects and dotted keys. */
function get(doc: Record<string, unknown>, path: string): unknown {
  if (path in doc) return doc[path];
  let cur: unknown = doc;
  for (const part of path.split(".")) {
    if (!cur || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

type Parsed = { event: ActivityEvent } | { error: string };

/** Maps one generic-schema document to an event. */
export function fromGenericJson(doc: Record<string, unknown>, utcOffsetMinutes: number): Parsed {
  const t = parseAnyTime(doc.time ?? doc.timestamp, utcOffsetMinutes);
  if (Number.isNaN(t)) return { error: "time is missing or not a valid timestamp" };
  const user = str(doc.user);
  if (user === "") return { error: "user is missing" };
  const rawKind = str(doc.kind).toLowerCase();
  if (!KINDS.includes(rawKind)) return { error: `kind must be one of ${KINDS.join(", ")}` };
  const kind: ActivityKind = rawKind === "logoff" ? "logon" : (rawKind as ActivityKind);
  let action = str(doc.action).toLowerCase() || (rawKind === "logoff" ? "logoff" : DEFAULT_ACTION[kind]);
  if (!ACTIONS[kind].includes(action)) return { error: `action "${action}" is not valid for kind ${kind}` };
  if (rawKind === "logoff") action = "logoff";
  const destination = str(doc.destination).toLowerCase();
  const source = str(doc.source).toLowerCase();
  const recipients = [
    ...strings(doc.recipients),
    ...strings(doc.to),
    ...strings(doc.cc),
    ...strings(doc.bcc),
  ];
  if (kind === "email" && destination.includes("@")) recipients.push(...strings(destination));
  const attachments = Array.isArray(doc.attachments) ? strings(doc.attachments) : [];
  const attachmentCount = typeof doc.attachments === "number" ? doc.attachments : attachments.length;
  const ev = makeEvent({
    t,
    user,
    host: str(doc.host),
    kind,
    action,
    object: str(doc.object) || (kind === "http" && destination.startsWith("http") ? destination : ""),
    toRemovable: destination === "removable" || doc.removable === true || doc.toRemovable === true,
    fromRemovable: source === "removable" || doc.fromRemovable === true,
    recipients: recipients.length > 0 ? recipients : NO_STRINGS,
    sender: str(doc.from).toLowerCase(),
    bytes: num(doc.bytes),
    attachments: attachments.length > 0 ? attachments : NO_STRINGS,
    attachmentCount,
    srcIp: str(doc.source_ip ?? doc.ip),
    country: str(doc.country).toUpperCase(),
    asNumber: num(doc.asn ?? doc.as_number),
    asOrg: str(doc.as_org ?? doc.asn_org),
    process: executable(str(doc.process)),
    sourceId: str(doc.id),
  });
  return { event: ev };
}

/** The executable's file name, lower case (`C:\\x\\AnyDesk.exe` → `anydesk.exe`). */
function executable(path: string): string {
  const i = Math.max(path.lastIndexOf("\\"), path.lastIndexOf("/"));
  return (i >= 0 ? path.slice(i + 1) : path).toLowerCase();
}

function includesAny(values: unknown, words: string[]): boolean {
  const list = Array.isArray(values) ? values : [values];
  return list.some((v) => typeof v === "string" && words.some((w) => v.toLowerCase().includes(w)));
}

/** Maps one ECS document to an event (see docs/insider-risk.md for the fields read). */
export function fromEcsJson(doc: Record<string, unknown>, utcOffsetMinutes: number): Parsed {
  const t = parseAnyTime(get(doc, "@timestamp"), utcOffsetMinutes);
  if (Number.isNaN(t)) return { error: "@timestamp is missing or invalid" };
  const user = str(get(doc, "user.name")) || str(get(doc, "user.id"));
  if (user === "") return { error: "user.name is missing" };
  // The machine the event happened on; for identity-provider sign-ins, the client device.
  const host =
    str(get(doc, "host.name")) ||
    str(get(doc, "host.hostname")) ||
    str(get(doc, "host.id")) ||
    str(get(doc, "device.id"));
  const category = get(doc, "event.category");
  const action = str(get(doc, "event.action")).toLowerCase();
  const id = str(get(doc, "event.id"));
  // Where a remote session or request came from (VPN, identity provider, proxy logs).
  const base = {
    t,
    user,
    host,
    sourceId: id,
    srcIp: str(get(doc, "source.ip")),
    country: str(get(doc, "source.geo.country_iso_code")).toUpperCase(),
    asNumber: num(get(doc, "source.as.number")),
    asOrg: str(get(doc, "source.as.organization.name")),
  };
  if (includesAny(category, ["authentication", "session"])) {
    const off = /logoff|logout|log_off|log-off|logged-out|disconnect/.test(action);
    return { event: makeEvent({ ...base, kind: "logon", action: off ? "logoff" : "logon" }) };
  }
  if (includesAny(category, ["process"])) {
    const name = executable(str(get(doc, "process.name")) || str(get(doc, "process.executable")));
    if (name === "") return { error: "process.name is missing for a process event" };
    const type = get(doc, "event.type");
    const end = includesAny(type, ["end"]) || /stop|end|terminat|exit/.test(action);
    return { event: makeEvent({ ...base, kind: "process", action: end ? "end" : "start", process: name }) };
  }
  if (includesAny(category, ["email"])) {
    const direction = str(get(doc, "email.direction")).toLowerCase();
    const addresses = (p: string) => strings(get(doc, p));
    const recipients = [
      ...addresses("email.to.address"),
      ...addresses("email.cc.address"),
      ...addresses("email.bcc.address"),
    ];
    const rawAttachments = get(doc, "email.attachments");
    const attachments = Array.isArray(rawAttachments)
      ? rawAttachments.flatMap((a) => {
          const name = a && typeof a === "object" ? str(get(a as Record<string, unknown>, "file.name")) : "";
          return name ? [name.toLowerCase()] : [];
        })
      : [];
    return {
      event: makeEvent({
        ...base,
        kind: "email",
        action: direction === "inbound" || action.includes("receive") ? "receive" : "send",
        recipients,
        sender: (addresses("email.from.address")[0] ?? "").toLowerCase(),
        bytes: num(get(doc, "email.size")) || num(get(doc, "source.bytes")),
        attachments,
        attachmentCount: Array.isArray(rawAttachments) ? rawAttachments.length : 0,
      }),
    };
  }
  if (includesAny(category, ["file"])) {
    const map: [RegExp, string][] = [
      [/delet|remov(?!able)/, "delete"],
      [/copy/, "copy"],
      [/creat|writ|modif|renam/, "write"],
    ];
    const fileAction = map.find(([re]) => re.test(action))?.[1] ?? "open";
    return {
      event: makeEvent({
        ...base,
        kind: "file",
        action: fileAction,
        object: str(get(doc, "file.path")) || str(get(doc, "file.name")),
        bytes: num(get(doc, "file.size")),
        toRemovable: get(doc, "sekimori.to_removable") === true || /to[-_]removable|to[-_]usb/.test(action),
        fromRemovable:
          get(doc, "sekimori.from_removable") === true || /from[-_]removable|from[-_]usb/.test(action),
      }),
    };
  }
  if (includesAny(category, ["driver", "host", "device"]) && /usb|device|removable|media/.test(action)) {
    const disconnect = /disconnect|remov(ed|al)|eject|unplug/.test(action);
    return {
      event: makeEvent({
        ...base,
        kind: "device",
        action: disconnect ? "disconnect" : "connect",
        object: str(get(doc, "device.id")),
      }),
    };
  }
  if (
    includesAny(category, ["web", "network"]) ||
    get(doc, "url.full") !== undefined ||
    get(doc, "url.original") !== undefined
  ) {
    const url = str(get(doc, "url.full")) || str(get(doc, "url.original")) || str(get(doc, "url.domain"));
    if (url === "") return { error: "url.full is missing for a web event" };
    const method = str(get(doc, "http.request.method")).toUpperCase();
    const webAction =
      /upload/.test(action) || method === "PUT" ? "upload" : /download/.test(action) ? "download" : "visit";
    return {
      event: makeEvent({
        ...base,
        kind: "http",
        action: webAction,
        object: url,
        bytes: num(get(doc, "http.request.bytes")) || num(get(doc, "source.bytes")),
      }),
    };
  }
  return {
    error:
      "event.category is not one of authentication, session, process, email, file, driver/host/device, web, network",
  };
}

/**
 * Parses JSON-lines text already split into lines (used by the HTTP batch endpoint); every line that
 * is not a valid event is reported with its number.
 */
export function parseJsonLine(line: string, format: JsonFormat, utcOffsetMinutes: number): Parsed {
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch (error) {
    return { error: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) return { error: "not a JSON object" };
  return format === "ecs"
    ? fromEcsJson(doc as Record<string, unknown>, utcOffsetMinutes)
    : fromGenericJson(doc as Record<string, unknown>, utcOffsetMinutes);
}

/** Streams a JSON-lines file as event batches, counting malformed lines. */
/** The longest line read from a JSON-lines file; longer ones are reported as malformed and skipped. */
const MAX_LINE_CHARS = 16 * 1024 * 1024;

export async function* readJsonLines(
  input: AsyncIterable<Buffer>,
  options: {
    file: string;
    format: JsonFormat;
    utcOffsetMinutes: number;
    skipWhile?: (t: number, id: string) => boolean;
  },
  stats: SourceStats,
): AsyncGenerator<ActivityEvent[]> {
  let pending = "";
  let line = 0;
  let skipping = false;
  // A streaming decoder: a character cut by a chunk boundary is joined, not turned into U+FFFD.
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of input) {
    let text = pending + decoder.decode(chunk, { stream: true });
    if (skipping) {
      // Inside an over-long line: drop everything up to its end.
      const nl = text.indexOf("\n");
      if (nl === -1) {
        pending = "";
        continue;
      }
      skipping = false;
      text = text.slice(nl + 1);
    }
    const parts = text.split("\n");
    pending = parts.pop() ?? "";
    const batch = handle(parts);
    if (pending.length > MAX_LINE_CHARS) {
      // A line without an end in sight (a binary or damaged file): report it and skip to the next line.
      line++;
      stats.rows++;
      recordMalformed(stats, line, `line longer than ${MAX_LINE_CHARS} characters skipped`);
      pending = "";
      skipping = true;
    }
    if (batch.length > 0) yield batch;
  }
  pending += decoder.decode();
  if (!skipping && pending.trim() !== "") {
    const batch = handle([pending]);
    if (batch.length > 0) yield batch;
  }

  function handle(lines: string[]): ActivityEvent[] {
    const out: ActivityEvent[] = [];
    for (const raw of lines) {
      line++;
      const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
      if (text.trim() === "") continue;
      stats.rows++;
      const parsed = parseJsonLine(text, options.format, options.utcOffsetMinutes);
      if ("error" in parsed) {
        recordMalformed(stats, line, parsed.error);
        continue;
      }
      const ev = parsed.event;
      if (options.skipWhile?.(ev.t, ev.sourceId)) continue;
      ev.sourceFile = options.file;
      ev.sourceLine = line;
      if (ev.sourceId === "") ev.sourceId = `L${line}`;
      stats.events++;
      out.push(ev);
    }
    return out;
  }
}
