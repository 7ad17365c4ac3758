import { createWriteStream } from "node:fs";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readListFile } from "./index.js";
import { rowsFromLines } from "./meti-eul-pdf.js";
import { collect, scratchDir } from "./test-helpers.js";

const scratch = scratchDir();
let pdfFile = "";

const COLUMNS = [40, 75, 175, 340, 500];
const HEADER = ["No.", "Country or Region", "Company or Organization", "Also Known As", "Type of WMD"];

/** Writes a small two-page End User List table with pdfkit (invented entries; Helvetica, so "·" stands for "・"). */
async function writeEulPdf(file: string): Promise<void> {
  const doc = new PDFDocument({ size: "A4", margin: 36 });
  const out = createWriteStream(file);
  doc.pipe(out);
  const page = (title: string, rows: string[][]) => {
    doc.fontSize(10).text(title, 40, 40);
    doc.fontSize(8);
    for (const [i, h] of HEADER.entries()) {
      doc.text(h, COLUMNS[i]!, 70, { width: (COLUMNS[i + 1] ?? 570) - COLUMNS[i]! - 6, lineBreak: false });
    }
    let y = 90;
    for (const row of rows) {
      for (const [i, cell] of row.entries()) {
        doc.text(cell, COLUMNS[i]!, y, { width: (COLUMNS[i + 1] ?? 570) - COLUMNS[i]! - 6 });
      }
      y += 36;
    }
  };
  page("End User List (test)", [
    [
      "1",
      "Iran",
      "Example Aerospace Industries Organization (EAIO)",
      "EAIO·Example Aero Industries Organisation·Sazemane Sanaye Example",
      "M",
    ],
    ["2", "China", "Harbin Example University of Science and Technology (HEUST)", "", "M,N"],
  ]);
  doc.addPage();
  page("End User List (test) continued", [
    ["3", "North Korea", "Example Munitions Department", "Example Supplies Department", "B,C,M,N,CW"],
  ]);
  doc.end();
  await new Promise<void>((resolve, reject) => {
    out.on("finish", () => resolve());
    out.on("error", reject);
  });
}

beforeAll(async () => {
  pdfFile = scratch.write("eul.pdf", "");
  await writeEulPdf(pdfFile);
});
afterAll(() => scratch.remove());

describe("METI End User List (PDF) importer", () => {
  it("puts the table back together from the PDF's text, across wrapped cells and pages", async () => {
    const entities = await collect(readListFile(pdfFile, "meti_eul_pdf"));
    expect(entities.map((e) => [e.details?.no, e.countries, e.programs])).toEqual([
      ["1", ["IR"], ["METI End User List", "WMD: M"]],
      ["2", ["CN"], ["METI End User List", "WMD: M,N"]],
      ["3", ["KP"], ["METI End User List", "WMD: B,C,M,N", "CW"]],
    ]);
    expect(entities[0]!.names.map((n) => n.name)).toEqual([
      "Example Aerospace Industries Organization (EAIO)",
      "Example Aerospace Industries Organization",
      "EAIO",
      "Example Aero Industries Organisation",
      "Sazemane Sanaye Example",
    ]);
    expect(entities[1]!.sourceId).toBe("Harbin Example University of Science and Technology (HEUST)");
    expect(entities[2]!.names.map((n) => n.name)).toEqual([
      "Example Munitions Department",
      "Example Supplies Department",
    ]);
  });

  it("splits aliases on ・ and joins wrapped cells", () => {
    const { rows, open } = rowsFromLines([
      {
        no: "7",
        country: "North Korea",
        name: "Korea Example Trading",
        aliases: "Example Co.・Example",
        wmd: "M",
      },
      { name: "Corporation (朝鮮例示貿易会社)", aliases: "Trading・Rungra-", wmd: "" },
      { aliases: "888" },
      { no: "8", country: "Syria", name: "Example Center", wmd: "C" },
    ]);
    expect(rows).toEqual([
      {
        no: "7",
        country: "North Korea",
        name: "Korea Example Trading Corporation (朝鮮例示貿易会社)",
        aliases: ["Example Co.", "Example Trading", "Rungra-888"],
        wmd: "M",
      },
    ]);
    expect(open).toMatchObject({ no: "8", name: "Example Center", aliases: [] });
  });

  it("refuses a file that is not a PDF and a PDF without the table", async () => {
    await expect(collect(readListFile(scratch.write("fake.pdf", "hello"), "meti_eul_pdf"))).rejects.toThrow(
      "fake.pdf, line 1: not a PDF file",
    );
    const other = scratch.write("other.pdf", "");
    const doc = new PDFDocument();
    const out = createWriteStream(other);
    doc.pipe(out);
    doc.text("Just a letter.");
    doc.end();
    await new Promise<void>((resolve) => out.on("finish", () => resolve()));
    await expect(collect(readListFile(other, "meti_eul_pdf"))).rejects.toThrow(
      /other\.pdf, field page 1–1: no table header/,
    );
  });
});
