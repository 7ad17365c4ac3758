import { inflateSync } from "node:zlib";

/**
 * Reads the text back out of a PDF that pdfkit wrote with an embedded font: inflates the streams,
 * builds the glyph → Unicode map from the ToUnicode CMaps and decodes the hex strings of the text
 * operators. Small and strict on purpose — it exists so tests can prove the forms contain the
 * Japanese text they should, not to read arbitrary PDFs.
 */
export function extractPdfText(pdf: Buffer): { text: string; fonts: string[] } {
  const raw = pdf.toString("latin1");
  const streams: string[] = [];
  const re = /<<([\s\S]*?)>>\s*stream\r?\n/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) break;
    let body = Buffer.from(raw.slice(start, end), "latin1");
    if (/\/FlateDecode/.test(m[1]!)) {
      try {
        body = inflateSync(body);
      } catch {
        continue;
      }
    }
    streams.push(body.toString("latin1"));
  }
  const map = new Map<number, string>();
  for (const s of streams) {
    if (!s.includes("beginbfrange")) continue;
    const rangeRe = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g;
    for (let r = rangeRe.exec(s); r; r = rangeRe.exec(s)) {
      const start = Number.parseInt(r[1]!, 16);
      const targets = [...r[3]!.matchAll(/<([0-9a-fA-F ]*)>/g)].map((t) => t[1]!);
      targets.forEach((hex, i) => {
        const units = hex
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map((h) => Number.parseInt(h, 16));
        map.set(start + i, String.fromCharCode(...units));
      });
    }
  }
  const lines: string[] = [];
  for (const s of streams) {
    if (!/\bTJ\b|\bTj\b/.test(s)) continue;
    const textRe = /\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]+)>\s*Tj/g;
    for (let t = textRe.exec(s); t; t = textRe.exec(s)) {
      const hexes = t[1] !== undefined ? [...t[1].matchAll(/<([0-9a-fA-F]+)>/g)].map((h) => h[1]!) : [t[2]!];
      let line = "";
      for (const hex of hexes)
        for (let i = 0; i + 4 <= hex.length; i += 4)
          line += map.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? "\uFFFD";
      lines.push(line);
    }
  }
  const fonts = [...raw.matchAll(/\/BaseFont\s*\/([A-Za-z0-9+_-]+)/g)].map((f) => f[1]!);
  return { text: lines.join("\n"), fonts: [...new Set(fonts)] };
}
