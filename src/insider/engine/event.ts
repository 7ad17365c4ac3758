/**
 * The one event shape every adapter produces (CERT CSV, generic JSON lines, ECS), so the feature
 * extractor and the detectors never care where an event came from. Each event keeps a pointer to
 * its source row (file, line, id): that pointer is what an alert's evidence timeline shows and
 * what re-ingestion uses to avoid counting a row twice.
 */

export type ActivityKind = "logon" | "device" | "file" | "email" | "http" | "process";

export type ActivityEvent = {
  /** Local wall-clock ms (see time.ts). */
  t: number;
  /** The account as the logs name it (e.g. CERT `ACM2278`). */
  user: string;
  /** Machine the activity happened on (PC, server). */
  host: string;
  kind: ActivityKind;
  /**
   * logon: logon | logoff; device: connect | disconnect; file: open | write | copy | delete;
   * email: send | receive | view; http: visit | download | upload; process: start | end.
   */
  action: string;
  /** File name, URL, or the device's file tree; "" when none. */
  object: string;
  toRemovable: boolean;
  fromRemovable: boolean;
  /** E-mail recipients (to, cc, bcc), lower-cased. */
  recipients: readonly string[];
  /** E-mail sender, lower-cased. */
  sender: string;
  /** Size in bytes (e-mail size, file size, upload size); 0 when unknown. */
  bytes: number;
  /** Attachment names when known. */
  attachments: readonly string[];
  /** Number of attachments (CERT r4.2 gives only the count). */
  attachmentCount: number;
  /** Where a remote session came from (ECS `source.ip`); "" when unknown (CERT logs have none). */
  srcIp: string;
  /** ISO 3166 alpha-2 country of the source address (ECS `source.geo.country_iso_code`), upper case. */
  country: string;
  /** Autonomous system of the source address (ECS `source.as.number`; 0 when unknown) and its organisation. */
  asNumber: number;
  asOrg: string;
  /** Executable of a process event (ECS `process.name`), lower case. */
  process: string;
  sourceFile: string;
  sourceLine: number;
  sourceId: string;
};

export const NO_STRINGS: readonly string[] = Object.freeze([]);

/** Builds an event with every field present, so all events share one object shape (fast in V8). */
export function makeEvent(
  fields: Partial<ActivityEvent> & Pick<ActivityEvent, "t" | "user" | "host" | "kind" | "action">,
): ActivityEvent {
  return {
    t: fields.t,
    user: fields.user,
    host: fields.host,
    kind: fields.kind,
    action: fields.action,
    object: fields.object ?? "",
    toRemovable: fields.toRemovable ?? false,
    fromRemovable: fields.fromRemovable ?? false,
    recipients: fields.recipients ?? NO_STRINGS,
    sender: fields.sender ?? "",
    bytes: fields.bytes ?? 0,
    attachments: fields.attachments ?? NO_STRINGS,
    attachmentCount: fields.attachmentCount ?? fields.attachments?.length ?? 0,
    srcIp: fields.srcIp ?? "",
    country: fields.country ?? "",
    asNumber: fields.asNumber ?? 0,
    asOrg: fields.asOrg ?? "",
    process: fields.process ?? "",
    sourceFile: fields.sourceFile ?? "",
    sourceLine: fields.sourceLine ?? 0,
    sourceId: fields.sourceId ?? "",
  };
}

/** A row an adapter could not turn into an event: where it is and why. */
export type MalformedRow = { file: string; line: number; reason: string };

/** Counts an adapter keeps while reading one source. */
export type SourceStats = {
  file: string;
  kind: string;
  rows: number;
  events: number;
  malformed: number;
  /** The first malformed rows (up to a limit), for the ingestion report. */
  samples: MalformedRow[];
};

/** Keeps malformed-row reports bounded: all are counted, the first `limit` are kept. */
export function recordMalformed(stats: SourceStats, line: number, reason: string, limit = 50): void {
  stats.malformed++;
  if (stats.samples.length < limit) stats.samples.push({ file: stats.file, line, reason });
}
