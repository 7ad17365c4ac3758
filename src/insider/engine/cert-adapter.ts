/**
 * Streaming readers for the CERT Insider Threat Test Dataset (releases r4.2, r5.2, r6.2): logon,
 * device, file, email and http activity, LDAP monthly snapshots and psychometric scores. Columns
 * are found by header name, so the three releases (and files with extra columns) share one code
 * path; a header-less file is read with the release's documented layout.
 */
import {
  type CsvRecordView,
  createByteInterner,
  createCsvScanner,
  createFieldInterner,
  fieldText,
} from "./csv-scanner.js";
import {
  type ActivityEvent,
  type ActivityKind,
  NO_STRINGS,
  recordMalformed,
  type SourceStats,
} from "./event.js";
import { parseCertDateBytes } from "./time.js";

export type CertRelease = "r4.2" | "r5.2" | "r6.2";
export const CERT_RELEASES: readonly CertRelease[] = ["r4.2", "r5.2", "r6.2"];

/** The activity files of a CERT directory and the kind each holds. */
export const CERT_ACTIVITY_FILES: Record<string, Exclude<ActivityKind, "process">> = {
  "logon.csv": "logon",
  "device.csv": "device",
  "file.csv": "file",
  "email.csv": "email",
  "http.csv": "http",
};

/** Column layouts when a file has no header row. */
/** The activity kinds CERT releases have files for (no process events). */
type CertKind = Exclude<ActivityKind, "process">;

const DEFAULT_COLUMNS: Record<CertKind, Record<CertRelease, string[]>> = {
  logon: {
    "r4.2": ["id", "date", "user", "pc", "activity"],
    "r5.2": ["id", "date", "user", "pc", "activity"],
    "r6.2": ["id", "date", "user", "pc", "activity"],
  },
  device: {
    "r4.2": ["id", "date", "user", "pc", "activity"],
    "r5.2": ["id", "date", "user", "pc", "file_tree", "activity"],
    "r6.2": ["id", "date", "user", "pc", "file_tree", "activity"],
  },
  file: {
    "r4.2": ["id", "date", "user", "pc", "filename", "content"],
    "r5.2": [
      "id",
      "date",
      "user",
      "pc",
      "filename",
      "activity",
      "to_removable_media",
      "from_removable_media",
      "content",
    ],
    "r6.2": [
      "id",
      "date",
      "user",
      "pc",
      "filename",
      "activity",
      "to_removable_media",
      "from_removable_media",
      "content",
    ],
  },
  email: {
    "r4.2": ["id", "date", "user", "pc", "to", "cc", "bcc", "from", "size", "attachments", "content"],
    "r5.2": [
      "id",
      "date",
      "user",
      "pc",
      "to",
      "cc",
      "bcc",
      "from",
      "activity",
      "size",
      "attachments",
      "content",
    ],
    "r6.2": [
      "id",
      "date",
      "user",
      "pc",
      "to",
      "cc",
      "bcc",
      "from",
      "activity",
      "size",
      "attachments",
      "content",
    ],
  },
  http: {
    "r4.2": ["id", "date", "user", "pc", "url", "content"],
    "r5.2": ["id", "date", "user", "pc", "url", "content"],
    "r6.2": ["id", "date", "user", "pc", "url", "activity", "content"],
  },
};

/** The kind of a CERT activity file from its name (`logon.csv`, `r4.2-http.csv`, …); null if none. */
export function certKindOfFile(fileName: string): Exclude<ActivityKind, "process"> | null {
  const base = fileName.replace(/^.*[\\/]/, "").toLowerCase();
  for (const [name, kind] of Object.entries(CERT_ACTIVITY_FILES)) {
    if (base === name || base.endsWith(`-${name}`) || base.endsWith(`_${name}`)) return kind;
  }
  return null;
}

type Columns = Map<string, number>;

function columnsFrom(names: string[]): Columns {
  const map = new Map<string, number>();
  names.forEach((n, i) => {
    map.set(n.trim().toLowerCase(), i);
  });
  return map;
}

/** True when a first record looks like a header (its first field is the word `id`). */
function isHeader(view: CsvRecordView): boolean {
  return fieldText(view, 0).trim().toLowerCase() === "id";
}

const REQUIRED: Record<CertKind, string[]> = {
  logon: ["date", "user", "pc", "activity"],
  device: ["date", "user", "pc", "activity"],
  file: ["date", "user", "pc", "filename"],
  email: ["date", "user", "pc", "to", "from"],
  http: ["date", "user", "pc", "url"],
};

function splitList(text: string): string[] {
  if (text === "") return NO_STRINGS as string[];
  const out: string[] = [];
  for (const part of text.split(";")) {
    const v = part.trim().toLowerCase();
    if (v !== "") out.push(v);
  }
  return out;
}

/** `name(size);name(size)` → names and total size; a bare number is a count (r4.2). */
export function parseAttachments(text: string): { names: string[]; count: number; bytes: number } {
  const trimmed = text.trim();
  if (trimmed === "") return { names: [], count: 0, bytes: 0 };
  if (isDigits(trimmed, 0, trimmed.length)) return { names: [], count: Number(trimmed), bytes: 0 };
  const names: string[] = [];
  let bytes = 0;
  for (const part of trimmed.split(";")) {
    const p = part.trim();
    if (p === "") continue;
    // `name(123)`: the last "(" followed only by ASCII digits and a closing ")" (a regular
    // expression per attachment cost more than the rest of the e-mail row).
    const open = p.charCodeAt(p.length - 1) === 0x29 ? p.lastIndexOf("(") : -1;
    if (open >= 0 && isDigits(p, open + 1, p.length - 1) && !hasLineTerminator(p, open)) {
      names.push(p.slice(0, open).trim());
      bytes += Number(p.slice(open + 1, p.length - 1));
    } else names.push(p);
  }
  return { names, count: names.length, bytes };
}

/** True when `text[start, end)` is one or more ASCII digits (what `\d+` matches). */
function isDigits(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** True when `text[0, end)` holds a character the regular expression's `.` does not match. */
function hasLineTerminator(text: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

function bool(text: string): boolean {
  const t = text.trim().toLowerCase();
  return t === "true" || t === "1" || t === "yes";
}

const TRUE_WORDS = ["true", "1", "yes"].map((w) => Buffer.from(w));

/**
 * {@link bool} of a field read from its bytes when they are plain ASCII without spaces or quotes
 * escapes (every CERT row); anything else takes the string route.
 */
function boolField(view: CsvRecordView, index: number): boolean {
  if (index >= view.count || view.quoted[index] === 2) return bool(fieldText(view, index));
  const buf = view.buf;
  const s = view.starts[index]!;
  const e = view.ends[index]!;
  for (let i = s; i < e; i++) {
    const c = buf[i]!;
    if (c <= 0x20 || c >= 0x7f) return bool(fieldText(view, index));
  }
  for (const w of TRUE_WORDS) {
    if (w.length !== e - s) continue;
    let same = true;
    for (let k = 0; k < w.length; k++) {
      let c = buf[s + k]!;
      if (c >= 0x41 && c <= 0x5a) c += 0x20;
      if (c !== w[k]) {
        same = false;
        break;
      }
    }
    if (same) return true;
  }
  return false;
}

const ACTIVITY_WORDS: Record<string, string> = {
  logon: "logon",
  logoff: "logoff",
  connect: "connect",
  disconnect: "disconnect",
  "file open": "open",
  "file write": "write",
  "file copy": "copy",
  "file delete": "delete",
  open: "open",
  write: "write",
  copy: "copy",
  delete: "delete",
  send: "send",
  receive: "receive",
  view: "view",
  "www visit": "visit",
  "www download": "download",
  "www upload": "upload",
  visit: "visit",
  download: "download",
  upload: "upload",
};

export type CertReadOptions = {
  kind: CertKind;
  /** Label used in events and error reports (usually the path relative to the ingested directory). */
  file: string;
  /** Layout for header-less files; with a header the release does not matter. */
  release?: CertRelease;
  /** Rows to skip at the start (already ingested); counted as rows, not as events. */
  skipWhile?: (t: number, id: string) => boolean;
};

/**
 * Reads one CERT activity file as batches of events (one batch per input chunk), counting and
 * reporting malformed rows with their line numbers instead of stopping.
 */
export async function* readCertActivity(
  input: AsyncIterable<Buffer>,
  options: CertReadOptions,
  stats: SourceStats,
): AsyncGenerator<ActivityEvent[]> {
  const { kind, file } = options;
  const release = options.release ?? "r5.2";
  let cols: Columns | null = null;
  let iDate = -1;
  let iUser = -1;
  let iPc = -1;
  let iId = -1;
  let iActivity = -1;
  let iObject = -1;
  let iTo = -1;
  let iCc = -1;
  let iBcc = -1;
  let iFrom = -1;
  let iSize = -1;
  let iAtt = -1;
  let iToRem = -1;
  let iFromRem = -1;
  let needed = 0;
  let batch: ActivityEvent[] = [];
  // Accounts, machines, activity words and senders repeat millions of times: decode each once.
  // (Recipient lists are mostly distinct combinations: interning them would only fill memory.)
  const trimmed = createFieldInterner((t) => t.trim());
  const lowered = createFieldInterner((t) => t.trim().toLowerCase());
  // Single addresses do repeat (colleagues, partners), so a list is split on the raw bytes and
  // each address decoded once.
  const address = createByteInterner((t) => t.trim().toLowerCase());

  /** {@link splitList} of a field, reading the addresses straight from the record's bytes. */
  function addressList(view: CsvRecordView, index: number): string[] {
    if (index >= view.count) return NO_STRINGS as string[];
    if (view.quoted[index] === 2) return splitList(fieldText(view, index));
    const buf = view.buf;
    const end = view.ends[index]!;
    let s = view.starts[index]!;
    if (end <= s) return NO_STRINGS as string[];
    const out: string[] = [];
    for (;;) {
      let e = buf.indexOf(0x3b, s);
      if (e === -1 || e > end) e = end;
      const v = address(buf, s, e);
      if (v !== "") out.push(v);
      if (e >= end) break;
      s = e + 1;
    }
    return out;
  }

  function setColumns(names: string[]): string | null {
    cols = columnsFrom(names);
    const missing = REQUIRED[kind].filter((c) => !cols!.has(c));
    if (missing.length > 0) return `missing column(s) ${missing.join(", ")} for ${kind}`;
    const at = (n: string) => cols!.get(n) ?? -1;
    iId = at("id");
    iDate = at("date");
    iUser = at("user");
    iPc = at("pc");
    iActivity = at("activity");
    iObject =
      kind === "file"
        ? at("filename")
        : kind === "http"
          ? at("url")
          : kind === "device"
            ? at("file_tree")
            : -1;
    iTo = at("to");
    iCc = at("cc");
    iBcc = at("bcc");
    iFrom = at("from");
    iSize = at("size");
    iAtt = at("attachments");
    iToRem = at("to_removable_media");
    iFromRem = at("from_removable_media");
    // Split every column we read; anything after them (the free-text content) stays unsplit.
    const used = [
      iId,
      iDate,
      iUser,
      iPc,
      iActivity,
      iObject,
      iTo,
      iCc,
      iBcc,
      iFrom,
      iSize,
      iAtt,
      iToRem,
      iFromRem,
    ];
    needed = Math.max(...used) + 1;
    const content = at("content");
    const splitCount = content > needed - 1 ? content + 1 : Math.max(needed, names.length);
    scanner.setMaxFields(splitCount);
    return null;
  }

  let fatal: string | null = null;

  function onRecord(view: CsvRecordView): void {
    if (cols === null) {
      if (isHeader(view)) {
        const names: string[] = [];
        for (let k = 0; k < view.count; k++) names.push(fieldText(view, k));
        fatal = setColumns(names);
        return;
      }
      fatal = setColumns(DEFAULT_COLUMNS[kind][release]);
      if (fatal) return;
    }
    if (fatal) return;
    stats.rows++;
    if (view.count < needed) {
      recordMalformed(stats, view.line, `expected at least ${needed} fields, found ${view.count}`);
      return;
    }
    const t = parseCertDateBytes(view.buf, view.starts[iDate]!, view.ends[iDate]!);
    if (Number.isNaN(t)) {
      recordMalformed(stats, view.line, `invalid date "${fieldText(view, iDate).slice(0, 40)}"`);
      return;
    }
    const user = trimmed(view, iUser);
    if (user === "") {
      recordMalformed(stats, view.line, "empty user");
      return;
    }
    const id = iId >= 0 ? fieldText(view, iId) : "";
    if (options.skipWhile?.(t, id)) return;
    const host = trimmed(view, iPc);
    const rawActivity = iActivity >= 0 ? lowered(view, iActivity) : "";
    let action: string;
    if (kind === "file" && iActivity < 0) action = "copy";
    else if (kind === "email" && iActivity < 0) action = "send";
    else if (kind === "http" && iActivity < 0) action = "visit";
    else {
      const mapped = ACTIVITY_WORDS[rawActivity];
      if (mapped === undefined) {
        recordMalformed(stats, view.line, `unknown activity "${rawActivity.slice(0, 40)}"`);
        return;
      }
      action = mapped;
    }
    const object = iObject >= 0 ? fieldText(view, iObject).trim() : "";
    let toRemovable = false;
    let fromRemovable = false;
    let recipients: readonly string[] = NO_STRINGS;
    let sender = "";
    let bytes = 0;
    let attachments: readonly string[] = NO_STRINGS;
    let attachmentCount = 0;
    if (kind === "file") {
      if (iToRem >= 0) {
        toRemovable = boolField(view, iToRem);
        fromRemovable = iFromRem >= 0 && boolField(view, iFromRem);
      } else toRemovable = true; // r4.2: every file row is a copy to removable media
    } else if (kind === "email") {
      const to = addressList(view, iTo);
      const cc = iCc >= 0 ? addressList(view, iCc) : NO_STRINGS;
      const bcc = iBcc >= 0 ? addressList(view, iBcc) : NO_STRINGS;
      recipients = cc.length + bcc.length === 0 ? to : to.concat(cc, bcc);
      sender = lowered(view, iFrom);
      if (iSize >= 0) {
        const size = Number(fieldText(view, iSize));
        bytes = Number.isFinite(size) && size > 0 ? size : 0;
      }
      if (iAtt >= 0) {
        const att = parseAttachments(fieldText(view, iAtt));
        attachments = att.names.length > 0 ? att.names : NO_STRINGS;
        attachmentCount = att.count;
      }
    }
    // Built in one literal in makeEvent's field order (one object shape, no options object and
    // no later stores into it).
    const ev: ActivityEvent = {
      t,
      user,
      host,
      kind,
      action,
      object,
      toRemovable,
      fromRemovable,
      recipients,
      sender,
      bytes,
      attachments,
      attachmentCount,
      srcIp: "",
      country: "",
      asNumber: 0,
      asOrg: "",
      process: "",
      sourceFile: file,
      sourceLine: view.line,
      sourceId: id,
    };
    stats.events++;
    batch.push(ev);
  }

  const scanner = createCsvScanner({
    maxFields: 64,
    onRecord,
    onProblem: (p) => {
      stats.rows++;
      recordMalformed(stats, p.line, p.message);
    },
  });

  for await (const chunk of input) {
    scanner.push(chunk);
    if (fatal) throw new CertFormatError(`${file}: ${fatal}`);
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  scanner.end();
  if (fatal) throw new CertFormatError(`${file}: ${fatal}`);
  if (batch.length > 0) yield batch;
}

/** A file that cannot be read at all (wrong columns): the whole file is refused, with its name. */
export class CertFormatError extends Error {}

/** Reads a small CSV (LDAP snapshot, psychometric file, answer key) fully into header-keyed rows. */
export async function readSmallCsv(
  input: AsyncIterable<Buffer>,
  file: string,
): Promise<{
  rows: { line: number; values: Record<string, string> }[];
  problems: { file: string; line: number; reason: string }[];
}> {
  let header: string[] | null = null;
  const rows: { line: number; values: Record<string, string> }[] = [];
  const problems: { file: string; line: number; reason: string }[] = [];
  const scanner = createCsvScanner({
    maxFields: 256,
    onRecord: (view) => {
      const values: string[] = [];
      for (let k = 0; k < view.count; k++) values.push(fieldText(view, k).trim());
      if (header === null) {
        header = values.map((v) => v.toLowerCase().replace(/^\uFEFF/, ""));
        return;
      }
      if (values.length !== header.length) {
        problems.push({
          file,
          line: view.line,
          reason: `expected ${header.length} fields, found ${values.length}`,
        });
        if (values.length < header.length) return;
      }
      const record: Record<string, string> = {};
      header.forEach((h, i) => {
        record[h] = values[i] ?? "";
      });
      rows.push({ line: view.line, values: record });
    },
    onProblem: (p) => problems.push({ file, line: p.line, reason: p.message }),
  });
  for await (const chunk of input) scanner.push(chunk);
  scanner.end();
  return { rows, problems };
}
