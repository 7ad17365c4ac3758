import PDFDocument from "pdfkit";
import type { PdfFont } from "./pdf-font.js";

/** A pdfkit document being written, with the usable column and a promise of the finished bytes. */
export type PdfWriter = {
  doc: PDFKit.PDFDocument;
  /** Left edge of the text column. */
  left: number;
  /** Width of the text column between the margins. */
  width: number;
  /** The lowest y a block may reach before it must go on a new page. */
  bottom: () => number;
  /** Ends the document and resolves with its bytes. */
  finish: () => Promise<Buffer>;
};

/**
 * Opens an A4 document that writes in the shared Japanese font and collects its bytes in memory.
 * Every printed form (review forms, item documents, approach reports, project summaries,
 * certificates, self-inspections) starts the same way; a form that forgot the font would print
 * tofu instead of Japanese, so the font is registered here rather than by each form.
 */
export function openPdf(font: PdfFont, options: PDFKit.PDFDocumentOptions): PdfWriter {
  const doc = new PDFDocument({ size: "A4", ...options, info: { Producer: "Sekimori", ...options.info } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("jp", font.path, font.family);
  doc.font("jp");
  const left = doc.page.margins.left;
  return {
    doc,
    left,
    width: doc.page.width - left - doc.page.margins.right,
    bottom: () => doc.page.height - doc.page.margins.bottom,
    finish: () => {
      doc.end();
      return done;
    },
  };
}

/**
 * A shaded section band across the column, moved to a new page when too little room is left for
 * it and a first row — a heading alone at the foot of a page reads as an empty section.
 */
export function drawSectionBand(pdf: PdfWriter, text: string): void {
  const { doc, left, width } = pdf;
  if (doc.y + 40 > pdf.bottom()) doc.addPage();
  doc.moveDown(0.6);
  const y = doc.y;
  doc.rect(left, y, width, 18).fill("#e8edf3");
  doc
    .fillColor("#1a2b44")
    .fontSize(10.5)
    .text(text, left + 6, y + 4, { width: width - 12 });
  doc.fillColor("black");
  doc.y = y + 20;
}

export type LabelRowStyle = { labelWidth: number; fontSize?: number; labelFill?: string };

/**
 * Label | value rows in a ruled two-column table, each row as tall as its longer cell and never
 * split across pages; an empty value prints "—" so a blank can be told from a missing row.
 */
export function drawLabelRows(
  pdf: PdfWriter,
  rows: readonly (readonly [string, string])[],
  style: LabelRowStyle,
): void {
  const { doc, left, width } = pdf;
  const { labelWidth, fontSize = 9, labelFill = "#f5f7fa" } = style;
  doc.fontSize(fontSize);
  for (const [label, value] of rows) {
    const v = value.trim() === "" ? "—" : value;
    const h =
      Math.max(
        doc.heightOfString(label, { width: labelWidth - 8 }),
        doc.heightOfString(v, { width: width - labelWidth - 8 }),
      ) + 8;
    if (doc.y + h > pdf.bottom()) doc.addPage();
    const y = doc.y;
    doc.rect(left, y, labelWidth, h).fill(labelFill);
    doc.fillColor("black");
    doc.rect(left, y, width, h).lineWidth(0.5).strokeColor("#b8c2cf").stroke();
    doc
      .moveTo(left + labelWidth, y)
      .lineTo(left + labelWidth, y + h)
      .stroke();
    doc.text(label, left + 4, y + 4, { width: labelWidth - 8 });
    doc.text(v, left + labelWidth + 4, y + 4, { width: width - labelWidth - 8 });
    doc.y = y + h;
  }
}
