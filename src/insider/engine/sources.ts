/**
 * Finding and opening the files of an activity dataset (a CERT directory, JSON-lines files, a
 * single file), reading its directory/HR and asset-registry files, and merging the per-file event
 * streams into one time-ordered stream. This is the adapters' IO; everything downstream is pure.
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  createReadStream,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
} from "node:fs";
import path from "node:path";
import { AssetRegistry, validateAssets } from "./assets.js";
import { type CertRelease, certKindOfFile, readCertActivity, readSmallCsv } from "./cert-adapter.js";
import {
  Directory,
  directoryFromLdap,
  type LdapSnapshot,
  mergeHrRows,
  mergePsychometric,
} from "./directory.js";
import type { ActivityEvent, ActivityKind, SourceStats } from "./event.js";
import { type JsonFormat, readJsonLines } from "./jsonl-adapter.js";

export type ActivityFile = {
  path: string;
  /** Path relative to the dataset root (what reports and evidence show). */
  rel: string;
  format: "cert" | JsonFormat;
  kind: Exclude<ActivityKind, "process"> | null;
  size: number;
};

export type DatasetLayout = {
  root: string;
  activity: ActivityFile[];
  ldap: { path: string; month: string }[];
  psychometric: string | null;
  hr: string | null;
  assets: string | null;
  /** Files present but not used (with the reason), so nothing is skipped silently. */
  ignored: { file: string; reason: string }[];
};

const HR_NAMES = new Set(["hr.csv", "directory.csv", "directory-hr.csv", "hr-directory.csv"]);
const ASSET_NAMES = new Set(["confidential-assets.json", "assets.json"]);

function jsonFormatOf(name: string): JsonFormat | null {
  const lower = name.toLowerCase();
  if (/\.ecs\.(jsonl|ndjson|json)$/.test(lower)) return "ecs";
  if (/\.(jsonl|ndjson)$/.test(lower)) return "jsonl";
  return null;
}

/**
 * Lays out a dataset: a directory (CERT files, LDAP/ snapshots, JSON lines, HR and asset files) or
 * one activity file.
 */
export function discoverDataset(target: string): DatasetLayout {
  const st = statSync(target);
  const layout: DatasetLayout = {
    root: st.isDirectory() ? target : path.dirname(target),
    activity: [],
    ldap: [],
    psychometric: null,
    hr: null,
    assets: null,
    ignored: [],
  };
  const consider = (file: string, rel: string) => {
    const name = path.basename(file).toLowerCase();
    const size = statSync(file).size;
    const kind = certKindOfFile(name);
    if (kind) {
      layout.activity.push({ path: file, rel, format: "cert", kind, size });
      return;
    }
    const json = jsonFormatOf(name);
    if (json) {
      layout.activity.push({ path: file, rel, format: json, kind: null, size });
      return;
    }
    if (name === "psychometric.csv") layout.psychometric = file;
    else if (HR_NAMES.has(name)) layout.hr = file;
    else if (ASSET_NAMES.has(name)) layout.assets = file;
    else layout.ignored.push({ file: rel, reason: "not a known activity, directory or asset file" });
  };
  if (!st.isDirectory()) {
    consider(target, path.basename(target));
    return layout;
  }
  for (const entry of readdirSync(target, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const full = path.join(target, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.toLowerCase() === "ldap") {
        for (const f of readdirSync(full).sort()) {
          const m = /^(\d{4}-\d{2})\.csv$/i.exec(f);
          if (m) layout.ldap.push({ path: path.join(full, f), month: m[1]! });
          else
            layout.ignored.push({
              file: `${entry.name}/${f}`,
              reason: "LDAP files must be named YYYY-MM.csv",
            });
        }
      } else if (entry.name.toLowerCase() !== "answers") {
        layout.ignored.push({ file: `${entry.name}/`, reason: "sub-directory" });
      }
      continue;
    }
    if (entry.isFile()) consider(full, entry.name);
  }
  return layout;
}

export type ContextProblem = { file: string; line: number; reason: string };

/** Reads the LDAP snapshots, psychometric, HR and asset files of a dataset. */
export async function loadDatasetContext(layout: DatasetLayout): Promise<{
  directory: Directory;
  assets: AssetRegistry;
  problems: ContextProblem[];
  notes: string[];
}> {
  const problems: ContextProblem[] = [];
  const notes: string[] = [];
  const snapshots: LdapSnapshot[] = [];
  for (const l of layout.ldap) {
    const { rows, problems: p } = await readSmallCsv(
      createReadStream(l.path),
      path.relative(layout.root, l.path),
    );
    problems.push(...p);
    snapshots.push({ month: l.month, rows: rows.map((r) => r.values) });
  }
  const directory = snapshots.length > 0 ? directoryFromLdap(snapshots) : new Directory();
  if (layout.hr) {
    const rel = path.relative(layout.root, layout.hr);
    const { rows, problems: p } = await readSmallCsv(createReadStream(layout.hr), rel);
    problems.push(...p);
    const merged = mergeHrRows(directory, rows);
    problems.push(...merged.problems.map((x) => ({ file: rel, ...x })));
    if (merged.ignoredColumns.length > 0)
      notes.push(
        `${rel}: column(s) ${merged.ignoredColumns.join(", ")} ignored — never used for risk scoring`,
      );
  }
  if (layout.psychometric) {
    const rel = path.relative(layout.root, layout.psychometric);
    const { rows, problems: p } = await readSmallCsv(createReadStream(layout.psychometric), rel);
    problems.push(...p);
    problems.push(...mergePsychometric(directory, rows).map((x) => ({ file: rel, ...x })));
  }
  let assets = new AssetRegistry();
  if (layout.assets) {
    const rel = path.relative(layout.root, layout.assets);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(layout.assets, "utf8"));
    } catch (error) {
      problems.push({
        file: rel,
        line: 1,
        reason: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      });
      parsed = [];
    }
    const v = validateAssets(parsed);
    problems.push(
      ...v.problems.map((p) => ({ file: rel, line: 0, reason: `asset ${p.index}: ${p.field} ${p.reason}` })),
    );
    assets = new AssetRegistry(v.assets);
  }
  return { directory, assets, problems, notes };
}

/**
 * A file's identity for re-ingestion: the hash of its first two lines (header and first row). A
 * renamed copy or a grown version of the same log keeps the identity; a different file does not.
 */
export function fileIdentity(file: string): string {
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const slice = buf.subarray(0, n);
    let end = slice.indexOf(0x0a);
    if (end !== -1) {
      const second = slice.indexOf(0x0a, end + 1);
      end = second === -1 ? n : second;
    } else end = n;
    return createHash("sha256").update(slice.subarray(0, end)).digest("hex");
  } finally {
    closeSync(fd);
  }
}

/** Where a source was read up to: the latest time and the row ids seen at exactly that time. */
export type SourceCursor = { maxT: number; ids: string[] };

/** An opened activity file: its event batches, counters, identity and advancing cursor. */
export type OpenedSource = {
  file: ActivityFile;
  identity: string;
  stats: SourceStats;
  cursor: SourceCursor;
  /** Rows skipped because an earlier ingestion already counted them. */
  skipped: number;
  bytesRead: () => number;
  batches: AsyncGenerator<ActivityEvent[]>;
};

/** Opens one activity file as a stream of event batches, skipping rows an earlier run ingested. */
export function openActivityFile(
  file: ActivityFile,
  options: {
    release?: CertRelease;
    utcOffsetMinutes: number;
    previous?: SourceCursor | undefined;
    identity?: string;
  },
): OpenedSource {
  const stats: SourceStats = {
    file: file.rel,
    kind: file.kind ?? file.format,
    rows: 0,
    events: 0,
    malformed: 0,
    samples: [],
  };
  const prev = options.previous;
  const prevIds = new Set(prev?.ids ?? []);
  const cursor: SourceCursor = { maxT: prev?.maxT ?? Number.NEGATIVE_INFINITY, ids: [...(prev?.ids ?? [])] };
  const opened: OpenedSource = {
    file,
    identity: options.identity ?? fileIdentity(file.path),
    stats,
    cursor,
    skipped: 0,
    bytesRead: () => 0,
    batches: undefined as unknown as AsyncGenerator<ActivityEvent[]>,
  };
  const skipWhile = prev
    ? (t: number, id: string) => {
        if (t < prev.maxT || (t === prev.maxT && prevIds.has(id))) {
          opened.skipped++;
          return true;
        }
        return false;
      }
    : undefined;
  // 256 KiB reads: every event of a read chunk stays alive until the merge has passed it on, and
  // with six sources 1 MiB chunks kept ~15,000 events in flight for each young-generation GC to
  // copy (the largest part of the engine's GC time).
  const stream = createReadStream(file.path, { highWaterMark: 1 << 18 });
  opened.bytesRead = () => stream.bytesRead;
  const inner =
    file.format === "cert"
      ? readCertActivity(
          stream,
          {
            kind: file.kind!,
            file: file.rel,
            ...(options.release ? { release: options.release } : {}),
            ...(skipWhile ? { skipWhile } : {}),
          },
          stats,
        )
      : readJsonLines(
          stream,
          {
            file: file.rel,
            format: file.format,
            utcOffsetMinutes: options.utcOffsetMinutes,
            ...(skipWhile ? { skipWhile } : {}),
          },
          stats,
        );
  opened.batches = (async function* () {
    for await (const batch of inner) {
      for (const ev of batch) {
        if (ev.t > cursor.maxT) {
          cursor.maxT = ev.t;
          // Overwrite in place: a new array per event was a tenth of the reader's garbage (and
          // emptying it first drops its storage, so the next push allocates again).
          cursor.ids[0] = ev.sourceId;
          if (cursor.ids.length > 1) cursor.ids.length = 1;
        } else if (ev.t === cursor.maxT && cursor.ids.length < 1000) cursor.ids.push(ev.sourceId);
      }
      yield batch;
    }
  })();
  return opened;
}

/**
 * Merges time-ordered event streams into one time-ordered stream of batches. Holds one batch per
 * input, so memory does not grow with the data.
 */
export async function* mergeByTime(
  inputs: AsyncIterator<ActivityEvent[]>[],
  // Small output batches for the same reason as the 256 KiB reads: fewer events in flight per GC.
  batchSize = 1024,
): AsyncGenerator<ActivityEvent[]> {
  const heads: { batch: ActivityEvent[]; i: number; it: AsyncIterator<ActivityEvent[]> }[] = [];
  for (const it of inputs) {
    const first = await nextNonEmpty(it);
    if (first) heads.push({ batch: first, i: 0, it });
  }
  let out: ActivityEvent[] = [];
  while (heads.length > 0) {
    let best = 0;
    let bestT = heads[0]!.batch[heads[0]!.i]!.t;
    for (let k = 1; k < heads.length; k++) {
      const h = heads[k]!;
      const t = h.batch[h.i]!.t;
      if (t < bestT) {
        bestT = t;
        best = k;
      }
    }
    const h = heads[best]!;
    // Take a run from the chosen stream while it stays earliest (cheap when streams interleave slowly).
    let limitT = Number.POSITIVE_INFINITY;
    for (let k = 0; k < heads.length; k++) {
      if (k === best) continue;
      const o = heads[k]!;
      const t = o.batch[o.i]!.t;
      if (t < limitT) limitT = t;
    }
    const b = h.batch;
    let i = h.i;
    while (i < b.length && b[i]!.t <= limitT) out.push(b[i++]!);
    if (i === h.i) out.push(b[i++]!);
    h.i = i;
    if (h.i >= b.length) {
      const next = await nextNonEmpty(h.it);
      if (next) {
        h.batch = next;
        h.i = 0;
      } else heads.splice(best, 1);
    }
    if (out.length >= batchSize) {
      yield out;
      out = [];
    }
  }
  if (out.length > 0) yield out;
}

async function nextNonEmpty(it: AsyncIterator<ActivityEvent[]>): Promise<ActivityEvent[] | null> {
  for (;;) {
    const r = await it.next();
    if (r.done) return null;
    if (r.value.length > 0) return r.value;
  }
}

/** True when the path exists (small helper for callers validating arguments). */
export function pathExists(p: string): boolean {
  return existsSync(p);
}
