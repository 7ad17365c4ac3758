/**
 * A streaming CSV scanner that works on raw bytes. Activity logs are large (CERT r4.2's http.csv is
 * 14 GB) and their last column is a long free-text `content` the detectors do not need, so the
 * scanner records field offsets instead of building strings, jumps over the last column with a
 * byte search, and lets the adapter decode only the fields it uses. Quoted fields (RFC 4180, with
 * `""` escapes and embedded newlines) are supported; records are reported with their line number.
 */

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** A view of one record inside the scanner's buffer; valid only during the callback. */
export type CsvRecordView = {
  buf: Buffer;
  /** Number of fields found (the last field absorbs any further commas once `maxFields` is reached). */
  count: number;
  /** Byte offsets of each field's text (inside the quotes for quoted fields). */
  starts: Int32Array;
  ends: Int32Array;
  /** 1 when the field was quoted, 2 when it also contains `""` escapes. */
  quoted: Uint8Array;
  /** 1-based line number of the record's first line. */
  line: number;
};

/** A record the scanner could not read (unterminated quote, over-long line). */
export type CsvProblem = { line: number; message: string };

export type CsvScannerOptions = {
  /** Fields beyond this many are folded into the last one (its commas are not split). */
  maxFields: number;
  onRecord: (view: CsvRecordView) => void;
  onProblem: (problem: CsvProblem) => void;
  /** Longest record accepted, in bytes; longer ones are reported and skipped. */
  maxRecordBytes?: number;
};

/** Decodes one field of a record as a string (unquoting and unescaping as needed). */
export function fieldText(view: CsvRecordView, index: number): string {
  if (index >= view.count) return "";
  const s = view.starts[index]!;
  const e = view.ends[index]!;
  if (e <= s) return "";
  const text = view.buf.toString("utf8", s, e);
  return view.quoted[index] === 2 ? text.replaceAll('""', '"') : text;
}

/** Creates a push-based scanner: feed it chunks in order, then call `end()`. */
export function createCsvScanner(options: CsvScannerOptions) {
  const maxRecordBytes = options.maxRecordBytes ?? 16 * 1024 * 1024;
  let maxFields = Math.max(1, options.maxFields);
  let starts = new Int32Array(maxFields);
  let ends = new Int32Array(maxFields);
  let quoted = new Uint8Array(maxFields);
  let pending: Buffer | null = null;
  let line = 1;
  let skippingLongRecord = false;

  const view: CsvRecordView = { buf: Buffer.alloc(0), count: 0, starts, ends, quoted, line: 1 };

  /** Counts line feeds in a byte range (only needed inside quoted fields). */
  function countLf(buf: Buffer, s: number, e: number): number {
    let n = 0;
    let i = buf.indexOf(LF, s);
    while (i !== -1 && i < e) {
      n++;
      i = buf.indexOf(LF, i + 1);
    }
    return n;
  }

  /** Finds the closing quote of a quoted field starting after `open`; -1 when the data ends first. */
  function closingQuote(
    buf: Buffer,
    open: number,
    limit: number,
    final: boolean,
  ): { at: number; escaped: boolean } {
    let j = open + 1;
    let escaped = false;
    for (;;) {
      const q = buf.indexOf(QUOTE, j);
      if (q === -1 || q >= limit) return { at: -1, escaped };
      if (q + 1 < limit && buf[q + 1] === QUOTE) {
        escaped = true;
        j = q + 2;
        continue;
      }
      if (q + 1 >= limit && !final) return { at: -1, escaped }; // cannot yet tell whether "" follows
      return { at: q, escaped };
    }
  }

  /**
   * Scans one record at `pos`. Returns the offset after it, or -1 when the buffer ends inside the
   * record (more data is needed) and `final` is false.
   */
  function scanRecord(buf: Buffer, pos: number, limit: number, final: boolean): number {
    let i = pos;
    let field = 0;
    let extraLines = 0;
    for (;;) {
      if (field === maxFields - 1) {
        // Last field: take the rest of the record in one jump.
        if (i < limit && buf[i] === QUOTE) {
          const close = closingQuote(buf, i, limit, final);
          if (close.at < 0) {
            if (!final) return -1;
            options.onProblem({ line, message: "unterminated quoted field" });
            line += countLf(buf, i, limit) + 1;
            return limit;
          }
          starts[field] = i + 1;
          ends[field] = close.at;
          quoted[field] = close.escaped ? 2 : 1;
          extraLines += countLf(buf, i, close.at);
          const nl = buf.indexOf(LF, close.at + 1);
          if (nl === -1 || nl >= limit) {
            if (!final) return -1;
            return finish(buf, field + 1, limit, extraLines);
          }
          return finish(buf, field + 1, nl + 1, extraLines);
        }
        const nl = buf.indexOf(LF, i);
        if (nl === -1 || nl >= limit) {
          if (!final) return -1;
          starts[field] = i;
          ends[field] = limit > i && buf[limit - 1] === CR ? limit - 1 : limit;
          quoted[field] = 0;
          return finish(buf, field + 1, limit, extraLines);
        }
        starts[field] = i;
        ends[field] = nl > i && buf[nl - 1] === CR ? nl - 1 : nl;
        quoted[field] = 0;
        return finish(buf, field + 1, nl + 1, extraLines);
      }
      if (i < limit && buf[i] === QUOTE) {
        const close = closingQuote(buf, i, limit, final);
        if (close.at < 0) {
          if (!final) return -1;
          options.onProblem({ line, message: "unterminated quoted field" });
          line += countLf(buf, i, limit) + 1;
          return limit;
        }
        starts[field] = i + 1;
        ends[field] = close.at;
        quoted[field] = close.escaped ? 2 : 1;
        extraLines += countLf(buf, i, close.at);
        // Skip anything between the closing quote and the separator.
        let k = close.at + 1;
        while (k < limit && buf[k] !== COMMA && buf[k] !== LF) k++;
        if (k >= limit) {
          if (!final) return -1;
          return finish(buf, field + 1, limit, extraLines);
        }
        if (buf[k] === LF) return finish(buf, field + 1, k + 1, extraLines);
        field++;
        i = k + 1;
        continue;
      }
      let k = i;
      while (k < limit) {
        const c = buf[k]!;
        if (c === COMMA || c === LF) break;
        k++;
      }
      if (k >= limit) {
        if (!final) return -1;
        starts[field] = i;
        ends[field] = k > i && buf[k - 1] === CR ? k - 1 : k;
        quoted[field] = 0;
        return finish(buf, field + 1, limit, extraLines);
      }
      starts[field] = i;
      if (buf[k] === LF) {
        ends[field] = k > i && buf[k - 1] === CR ? k - 1 : k;
        quoted[field] = 0;
        return finish(buf, field + 1, k + 1, extraLines);
      }
      ends[field] = k;
      quoted[field] = 0;
      field++;
      i = k + 1;
    }
  }

  function finish(buf: Buffer, count: number, next: number, extraLines: number): number {
    // A blank line is not a record.
    const blank = count === 1 && ends[0]! <= starts[0]! && quoted[0] === 0;
    if (!blank) {
      view.buf = buf;
      view.count = count;
      view.line = line;
      options.onRecord(view);
    }
    line += 1 + extraLines;
    return next;
  }

  function run(buf: Buffer, final: boolean): void {
    let pos = 0;
    const limit = buf.length;
    while (pos < limit) {
      if (skippingLongRecord) {
        const nl = buf.indexOf(LF, pos);
        if (nl === -1) {
          pending = null;
          return;
        }
        skippingLongRecord = false;
        pos = nl + 1;
        continue;
      }
      const next = scanRecord(buf, pos, limit, final);
      if (next === -1) {
        if (limit - pos > maxRecordBytes) {
          options.onProblem({ line, message: `record longer than ${maxRecordBytes} bytes skipped` });
          line += 1;
          skippingLongRecord = true;
          pending = null;
          return;
        }
        pending = buf.subarray(pos);
        return;
      }
      pos = next;
    }
    pending = null;
  }

  return {
    /** Feeds the next chunk of the file. */
    push(chunk: Buffer): void {
      let rest = chunk;
      if (pending && pending.length > 0) {
        // Finish the record cut by the previous chunk with only the chunk's first line, instead of
        // copying the whole chunk behind it; if that line does not end it (a quoted newline), or
        // the record is near the length limit, join the whole chunk as before.
        const nl = chunk.indexOf(LF);
        if (nl !== -1 && pending.length + nl + 1 <= maxRecordBytes) {
          run(Buffer.concat([pending, chunk.subarray(0, nl + 1)]), false);
          rest = chunk.subarray(nl + 1);
        }
        if (pending && pending.length > 0) {
          const buf = Buffer.concat([pending, rest]);
          pending = null;
          run(buf, false);
          return;
        }
      }
      pending = null;
      run(rest, false);
    },
    /** Processes whatever is left (a last record without a trailing newline). */
    end(): void {
      if (pending && pending.length > 0) run(pending, true);
      pending = null;
    },
    /** Changes how many fields are split (after reading the header). */
    setMaxFields(n: number): void {
      maxFields = Math.max(1, n);
      if (n > starts.length) {
        starts = new Int32Array(n);
        ends = new Int32Array(n);
        quoted = new Uint8Array(n);
        view.starts = starts;
        view.ends = ends;
        view.quoted = quoted;
      }
    },
    /** The line number the next record will start on. */
    get line(): number {
      return line;
    },
  };
}

/**
 * Decodes short, repeating fields (accounts, machines, activity words, e-mail addresses) once and
 * hands back the same string for the same bytes afterwards. Activity logs name the same few thousand
 * accounts and machines millions of times; decoding each occurrence allocates a fresh string that
 * every later `Map` lookup must hash again. The table is keyed by the field's raw bytes, so the
 * result is exactly what `transform(fieldText(...))` would give; long, quoted-with-escapes or
 * non-repeating fields fall through to plain decoding. A transform that returns an array (a split
 * recipient list) shares that array between events: callers must treat it as read-only.
 */
export function createFieldInterner<T>(transform: (text: string) => T, capacity = 1 << 14) {
  const bytes = createByteInterner(transform, capacity);
  return function intern(view: CsvRecordView, index: number): T {
    if (index >= view.count) return transform("");
    if (view.quoted[index] === 2) return transform(fieldText(view, index));
    return bytes(view.buf, view.starts[index]!, view.ends[index]!);
  };
}

/**
 * The byte-range form of {@link createFieldInterner}: `transform` of the UTF-8 text of
 * `buf[start, end)`, decoded once per distinct byte string (used for the parts of a field, such as
 * the addresses of a recipient list).
 */
export function createByteInterner<T>(transform: (text: string) => T, capacity = 1 << 14) {
  const MAX_BYTES = 96;
  // Open addressing, at most half full; starts small and doubles up to twice the capacity, so a
  // small organisation does not pay for a large one's table.
  let size = 256;
  let mask = size - 1;
  let hashes = new Int32Array(size);
  let keyAt = new Int32Array(size).fill(-1);
  let keyLen = new Int32Array(size);
  let values: (T | undefined)[] = new Array(size);
  // Key bytes live in one growing arena (bounded by capacity × MAX_BYTES), not in a Buffer each.
  let arena = new Uint8Array(4096);
  let arenaUsed = 0;
  let count = 0;

  function grow(): void {
    const oldHashes = hashes;
    const oldAt = keyAt;
    const oldLen = keyLen;
    const oldValues = values;
    size *= 2;
    mask = size - 1;
    hashes = new Int32Array(size);
    keyAt = new Int32Array(size).fill(-1);
    keyLen = new Int32Array(size);
    values = new Array(size);
    for (let k = 0; k < oldAt.length; k++) {
      if (oldAt[k] === -1) continue;
      let slot = oldHashes[k]! & mask;
      while (keyAt[slot] !== -1) slot = (slot + 1) & mask;
      hashes[slot] = oldHashes[k]!;
      keyAt[slot] = oldAt[k]!;
      keyLen[slot] = oldLen[k]!;
      values[slot] = oldValues[k];
    }
  }

  return function internBytes(buf: Buffer, s: number, e: number): T {
    const len = e - s;
    if (len <= 0) return transform("");
    if (len > MAX_BYTES) return transform(buf.toString("utf8", s, e));
    let h = 0x811c9dc5 | 0;
    for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
    let slot = h & mask;
    for (;;) {
      const at = keyAt[slot]!;
      if (at === -1) break;
      if (hashes[slot] === h && keyLen[slot] === len) {
        let same = true;
        for (let i = 0; i < len; i++) {
          if (arena[at + i] !== buf[s + i]) {
            same = false;
            break;
          }
        }
        if (same) return values[slot]!;
      }
      slot = (slot + 1) & mask;
    }
    const value = transform(buf.toString("utf8", s, e));
    if (count >= capacity) return value; // table full: decode without remembering
    if (arenaUsed + len > arena.length) {
      const grown = new Uint8Array(Math.max(arena.length * 2, arenaUsed + len));
      grown.set(arena.subarray(0, arenaUsed));
      arena = grown;
    }
    arena.set(buf.subarray(s, e), arenaUsed);
    hashes[slot] = h;
    keyAt[slot] = arenaUsed;
    keyLen[slot] = len;
    values[slot] = value;
    arenaUsed += len;
    count++;
    if (count * 2 > size) grow();
    return value;
  };
}
