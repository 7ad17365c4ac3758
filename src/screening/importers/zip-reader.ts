import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { crc32, createInflateRaw } from "node:zlib";
import type { Bilingual } from "../../shared/errors.js";
import { ImportError } from "./import-error.js";

/**
 * How much a ZIP archive (an uploaded XLSX) may make the server do. A ZIP can unpack to a thousand
 * times its size (a "zip bomb"), so sizes are checked before anything is inflated — against the
 * sizes the archive declares — and again while inflating, so an archive that lies about its sizes
 * is stopped at the first byte beyond them.
 */
export type ZipLimits = {
  /** Entries the archive's directory may list. */
  maxEntries: number;
  /** Bytes one entry may unpack to. */
  maxEntryBytes: number;
  /** Bytes all entries read from one archive may unpack to together. */
  maxTotalBytes: number;
};

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
};

/** One file inside the archive, as its central directory describes it. */
export type ZipEntry = {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
};

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_CENTRAL_DIRECTORY_BYTES = 32 * 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}

/**
 * A ZIP archive on disk, read through its central directory (so a truncated file is recognised at
 * once, before any entry is read) and inflated entry by entry with every size bounded. Nothing is
 * kept open between calls: each read opens the file and closes it, also when the reader stops early.
 */
export class ZipArchive {
  private totalRead = 0;
  private readonly byName: Map<string, ZipEntry>;

  private constructor(
    private readonly file: string,
    private readonly displayName: string,
    private readonly fileSize: number,
    readonly entries: readonly ZipEntry[],
    private readonly limits: ZipLimits,
  ) {
    this.byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  }

  /** Reads the archive's directory; throws an ImportError naming the file when it is not a whole ZIP. */
  static async open(file: string, displayName: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS) {
    const problem = (reason: Bilingual) => new ImportError({ file: displayName }, reason);
    const truncated = problem({
      ja: "ZIP（XLSX）ファイルとして完全ではありません。末尾の目録がありません（アップロードやダウンロードが途中で切れた可能性があります）",
      en: "not a complete ZIP (XLSX) file: the directory at its end is missing (was the upload or download cut short?)",
    });
    const damaged = (detail: string) =>
      problem({
        ja: `ZIP（XLSX）ファイルの目録が壊れています（${detail}）`,
        en: `the ZIP (XLSX) directory is damaged (${detail})`,
      });
    const handle = await open(file, "r");
    try {
      const fileSize = (await handle.stat()).size;
      const head = Buffer.alloc(4);
      await handle.read(head, 0, 4, 0);
      if (head.readUInt32LE(0) !== LOCAL_SIGNATURE && head.readUInt32LE(0) !== EOCD_SIGNATURE) {
        throw problem({
          ja: "Excel（XLSX）ファイルとして読めません（ZIP 形式ではありません）",
          en: "not readable as an Excel (XLSX) file: it is not a ZIP archive",
        });
      }
      if (fileSize < 22) throw truncated;
      const tailLength = Math.min(fileSize, 22 + 0xffff);
      const tail = Buffer.alloc(tailLength);
      await handle.read(tail, 0, tailLength, fileSize - tailLength);
      let at = -1;
      for (let i = tailLength - 22; i >= 0; i--) {
        if (tail.readUInt32LE(i) === EOCD_SIGNATURE && i + 22 + tail.readUInt16LE(i + 20) <= tailLength) {
          at = i;
          break;
        }
      }
      if (at === -1) throw truncated;
      const eocdOffset = fileSize - tailLength + at;
      if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0) {
        throw damaged("multi-part archive");
      }
      let count = tail.readUInt16LE(at + 10);
      let directorySize = tail.readUInt32LE(at + 12);
      let directoryOffset = tail.readUInt32LE(at + 16);
      if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
        // ZIP64: the real values are in the ZIP64 end record the locator points at.
        const locator = Buffer.alloc(20);
        if (eocdOffset < 20) throw damaged("ZIP64 locator missing");
        await handle.read(locator, 0, 20, eocdOffset - 20);
        if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIGNATURE) throw damaged("ZIP64 locator missing");
        const recordOffset = Number(locator.readBigUInt64LE(8));
        if (recordOffset + 56 > fileSize) throw truncated;
        const record = Buffer.alloc(56);
        await handle.read(record, 0, 56, recordOffset);
        if (record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) throw damaged("ZIP64 end record missing");
        count = Number(record.readBigUInt64LE(32));
        directorySize = Number(record.readBigUInt64LE(40));
        directoryOffset = Number(record.readBigUInt64LE(48));
      }
      if (count > limits.maxEntries) {
        throw problem({
          ja: `ZIP（XLSX）の中のファイルが多すぎます（${count.toLocaleString()} 個、上限 ${limits.maxEntries.toLocaleString()} 個）`,
          en: `the ZIP (XLSX) holds too many files (${count.toLocaleString()}, at most ${limits.maxEntries.toLocaleString()})`,
        });
      }
      if (directorySize > MAX_CENTRAL_DIRECTORY_BYTES) throw damaged("directory too large");
      if (directoryOffset + directorySize > eocdOffset) throw truncated;
      const directory = Buffer.alloc(directorySize);
      await handle.read(directory, 0, directorySize, directoryOffset);
      const entries: ZipEntry[] = [];
      const seen = new Set<string>();
      let p = 0;
      for (let n = 0; n < count; n++) {
        if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL_SIGNATURE) {
          throw damaged(`entry ${n + 1}`);
        }
        const flags = directory.readUInt16LE(p + 8);
        const nameLength = directory.readUInt16LE(p + 28);
        const extraLength = directory.readUInt16LE(p + 30);
        const commentLength = directory.readUInt16LE(p + 32);
        if (p + 46 + nameLength + extraLength + commentLength > directory.length) {
          throw damaged(`entry ${n + 1}`);
        }
        const nameBytes = directory.subarray(p + 46, p + 46 + nameLength);
        const name = (flags & 0x800 ? nameBytes.toString("utf8") : nameBytes.toString("latin1")).replace(
          /\\/g,
          "/",
        );
        const entry: ZipEntry = {
          name,
          flags,
          method: directory.readUInt16LE(p + 10),
          crc: directory.readUInt32LE(p + 16),
          compressedSize: directory.readUInt32LE(p + 20),
          size: directory.readUInt32LE(p + 24),
          localHeaderOffset: directory.readUInt32LE(p + 42),
        };
        readZip64Extra(directory.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
        const key = name.toLowerCase();
        if (seen.has(key)) {
          throw problem({
            ja: `ZIP（XLSX）に同じ名前のファイルが2つあります: ${name}`,
            en: `the ZIP (XLSX) holds two files named ${name}`,
          });
        }
        seen.add(key);
        if (entry.localHeaderOffset + 30 + entry.compressedSize > fileSize) throw truncated;
        entries.push(entry);
        p += 46 + nameLength + extraLength + commentLength;
      }
      return new ZipArchive(file, displayName, fileSize, entries, limits);
    } finally {
      await handle.close();
    }
  }

  /** The entry with this name (ZIP names in OOXML packages compare without case), or undefined. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\/+/, "").toLowerCase());
  }

  /**
   * Streams an entry's bytes, inflated. Refuses encrypted entries, unknown compression methods and
   * entries larger than the limits — declared or actual — and checks the CRC at the end, so damaged
   * data is reported rather than read as something else.
   */
  async *read(
    entry: ZipEntry,
    options: { signal?: AbortSignal | undefined; onBytes?: ((bytes: number) => void) | undefined } = {},
  ): AsyncGenerator<Buffer> {
    const problem = (reason: Bilingual) =>
      new ImportError({ file: this.displayName, field: entry.name }, reason);
    const tooLarge = (bytes: number, limit: number) =>
      problem({
        ja: `展開すると ${megabytes(bytes)} MB を超えます（上限 ${megabytes(limit)} MB）。圧縮爆弾の可能性があるため読み込みません`,
        en: `unpacks to more than ${megabytes(bytes)} MB (limit ${megabytes(limit)} MB); refused as a possible zip bomb`,
      });
    const damaged = () =>
      problem({
        ja: "ZIP（XLSX）の中身が壊れているか、途中で切れています",
        en: "the data inside the ZIP (XLSX) is damaged or cut short",
      });
    if (entry.flags & 0x1) {
      throw problem({
        ja: "パスワードで保護（暗号化）されています。保護を解除して保存し直してください",
        en: "the file is password-protected (encrypted); remove the protection and save it again",
      });
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw problem({
        ja: `対応していない圧縮方式です（${entry.method}）`,
        en: `unsupported compression method (${entry.method})`,
      });
    }
    if (entry.size > this.limits.maxEntryBytes) throw tooLarge(entry.size, this.limits.maxEntryBytes);
    if (this.totalRead + entry.size > this.limits.maxTotalBytes) {
      throw tooLarge(this.totalRead + entry.size, this.limits.maxTotalBytes);
    }
    if (entry.method === 0 && entry.compressedSize !== entry.size) throw damaged();

    const header = Buffer.alloc(30);
    const handle = await open(this.file, "r");
    try {
      await handle.read(header, 0, 30, entry.localHeaderOffset);
    } finally {
      await handle.close();
    }
    if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw damaged();
    const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (dataStart + entry.compressedSize > this.fileSize) throw damaged();
    if (entry.compressedSize === 0) {
      if (entry.size !== 0) throw damaged();
      return;
    }

    const source = createReadStream(this.file, {
      start: dataStart,
      end: dataStart + entry.compressedSize - 1,
      highWaterMark: CHUNK_BYTES,
    });
    const inflater = entry.method === 8 ? createInflateRaw({ chunkSize: CHUNK_BYTES }) : undefined;
    if (options.onBytes) source.on("data", (chunk) => options.onBytes?.((chunk as Buffer).length));
    if (inflater) {
      source.on("error", (error) => inflater.destroy(error));
      source.pipe(inflater);
    }
    let produced = 0;
    let crc = 0;
    try {
      for await (const chunk of (inflater ?? source) as AsyncIterable<Buffer>) {
        options.signal?.throwIfAborted();
        produced += chunk.length;
        if (produced > entry.size) {
          // The archive declared fewer bytes than it holds: a lie only a crafted file tells.
          throw produced > this.limits.maxEntryBytes
            ? tooLarge(produced, this.limits.maxEntryBytes)
            : damaged();
        }
        crc = crc32(chunk, crc);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof ImportError || options.signal?.aborted) throw error;
      throw damaged();
    } finally {
      source.destroy();
      inflater?.destroy();
      this.totalRead += produced;
    }
    if (produced !== entry.size || crc >>> 0 !== entry.crc >>> 0) throw damaged();
  }
}

/** Fills in the sizes and offset a ZIP64 "extended information" extra field carries. */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const end = Math.min(extra.length, q + length);
      const next = (): number | undefined => {
        if (q + 8 > end) return undefined;
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = next() ?? entry.size;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next() ?? entry.compressedSize;
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next() ?? entry.localHeaderOffset;
      return;
    }
    p += 4 + length;
  }
}
