/**
 * Builds ZIP archives (and so XLSX workbooks) byte by byte for tests — honest ones and the hostile
 * ones an attacker would send: zip bombs, archives that lie about their sizes, truncated, encrypted
 * or otherwise damaged files. Test-only code.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";

export type ZipFileSpec = {
  name: string;
  /** The content (stored or deflated according to `method`). */
  data?: Buffer | string | undefined;
  /** Pre-compressed raw deflate data with its real size and CRC (for bombs built without the bytes). */
  deflated?: { bytes: Buffer; size: number; crc: number } | undefined;
  method?: number | undefined;
  /** Lies for hostile archives: what the directory claims. */
  declaredSize?: number | undefined;
  declaredCrc?: number | undefined;
  flags?: number | undefined;
};

/** A ZIP archive with the given entries (local headers, data, central directory, end record). */
export function buildZip(files: readonly ZipFileSpec[], options: { comment?: string } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, "utf8");
    const method = f.method ?? 8;
    let body: Buffer;
    let size: number;
    let crc: number;
    if (f.deflated) {
      body = f.deflated.bytes;
      size = f.deflated.size;
      crc = f.deflated.crc;
    } else {
      const raw = Buffer.isBuffer(f.data) ? f.data : Buffer.from(f.data ?? "", "utf8");
      size = raw.length;
      crc = crc32(raw);
      body = method === 8 ? deflateRawSync(raw) : raw;
    }
    const declaredSize = f.declaredSize ?? size;
    const declaredCrc = f.declaredCrc ?? crc;
    const flags = (f.flags ?? 0) | 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(declaredCrc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(declaredSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(declaredCrc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(declaredSize >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const comment = Buffer.from(options.comment ?? "", "utf8");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, directory, end, comment]);
}

/**
 * Raw deflate data for `prefix` + `count` × `fill` + `suffix` built without ever holding the
 * expanded bytes: one block of `fill` is compressed with a full flush (so it refers to nothing
 * before it) and repeated. A 1 GB run of spaces compresses to about 1 MB this way.
 */
export function deflatedRepeat(
  prefix: string,
  fill: Buffer,
  count: number,
  suffix: string,
): { bytes: Buffer; size: number; crc: number } {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const head = deflateRawSync(Buffer.from(prefix), flush);
  const block = deflateRawSync(fill, flush);
  const tail = deflateRawSync(Buffer.from(suffix));
  let crc = crc32(Buffer.from(prefix));
  for (let i = 0; i < count; i++) crc = crc32(fill, crc);
  crc = crc32(Buffer.from(suffix), crc);
  const blocks: Buffer[] = [head];
  for (let i = 0; i < count; i++) blocks.push(block);
  blocks.push(tail);
  return {
    bytes: Buffer.concat(blocks),
    size: Buffer.byteLength(prefix) + fill.length * count + Buffer.byteLength(suffix),
    crc: crc >>> 0,
  };
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function xmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A worksheet's XML with inline-string cells (the simplest a program can write). */
export function sheetXml(rows: readonly (readonly string[])[]): string {
  const body = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells
          .map(
            (c, i) =>
              `<c r="${String.fromCharCode(65 + i)}${r + 1}" t="inlineStr"><is><t>${xmlText(c)}</t></is></c>`,
          )
          .join("")}</row>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>${body}</sheetData></worksheet>`;
}

/**
 * The parts of a minimal XLSX workbook: sheets given as XML (or as pre-deflated data for bombs),
 * optional shared strings and styles. Pass the result (edited, for hostile files) to buildZip.
 */
export function workbookParts(options: {
  sheets: readonly { name: string; xml?: string; deflated?: ZipFileSpec["deflated"] }[];
  sharedStrings?: string;
  styles?: string;
  date1904?: boolean;
}): ZipFileSpec[] {
  const sheetEntries = options.sheets.map(
    (s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  );
  const rels = options.sheets.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  if (options.sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rIdS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (options.styles !== undefined) {
    rels.push(`<Relationship Id="rIdT" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  }
  const parts: ZipFileSpec[] = [
    {
      name: "[Content_Types].xml",
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} xmlns:r="${REL_NS}">${options.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${sheetEntries.join("")}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
    },
  ];
  options.sheets.forEach((s, i) => {
    parts.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml, deflated: s.deflated });
  });
  if (options.sharedStrings !== undefined) {
    parts.push({ name: "xl/sharedStrings.xml", data: options.sharedStrings });
  }
  if (options.styles !== undefined) parts.push({ name: "xl/styles.xml", data: options.styles });
  return parts;
}

/** An XLSX workbook with one sheet of inline strings. */
export function simpleXlsx(rows: readonly (readonly string[])[], sheetName = "Sheet1"): Buffer {
  return buildZip(workbookParts({ sheets: [{ name: sheetName, xml: sheetXml(rows) }] }));
}

/**
 * The XLSX zip bomb of issue 11: a small file whose first sheet holds one name and then `spaces`
 * spaces (1 GB by default) before the sheet data ends — valid XML, honest sizes.
 */
export function spaceBombXlsx(spaces = 1024 * 1024 * 1024, lieAboutSize = false): Buffer {
  const fill = Buffer.alloc(1024 * 1024, 0x20);
  const deflated = deflatedRepeat(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>`,
    fill,
    Math.ceil(spaces / fill.length),
    "</sheetData></worksheet>",
  );
  const parts = workbookParts({ sheets: [{ name: "Sheet1", deflated }] });
  if (lieAboutSize) {
    const sheet = parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!;
    sheet.declaredSize = 4096;
  }
  return buildZip(parts);
}
