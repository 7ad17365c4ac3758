import { describe, expect, it } from "vitest";
import { renderCertificatePdf } from "../cases/certificate-pdf.js";
import { extractPdfText } from "../reviews/pdf-text.js";
import { resolvePdfFont } from "./pdf-font.js";
import { drawLabelRows, drawSectionBand, openPdf } from "./pdf-layout.js";

const font = resolvePdfFont(undefined, () => false);

describe("shared PDF layout", () => {
  it("writes sections and label rows in the Japanese font, a blank value as —", async () => {
    const pdf = openPdf(font, {
      margins: { top: 48, bottom: 48, left: 48, right: 48 },
      info: { Title: "t" },
    });
    drawSectionBand(pdf, "1. 申請の概要");
    drawLabelRows(
      pdf,
      [
        ["申請者", "山田 太郎"],
        ["備考", "  "],
      ],
      { labelWidth: 150 },
    );
    const { text, fonts } = extractPdfText(await pdf.finish());
    expect(text).toContain("1. 申請の概要");
    expect(text).toContain("山田 太郎");
    expect(text.split("\n")).toContain("—");
    expect(fonts.join(" ")).toMatch(/BIZUDPGothic/);
  });

  it("never splits a row across pages: a long table adds pages and keeps every row", async () => {
    const pdf = openPdf(font, { margins: { top: 48, bottom: 48, left: 48, right: 48 } });
    const rows = Array.from({ length: 120 }, (_, i) => [`項目${i}`, `値${i}`] as const);
    let added = 0;
    pdf.doc.on("pageAdded", () => added++);
    drawLabelRows(pdf, rows, { labelWidth: 120 });
    expect(added).toBeGreaterThan(0);
    const { text } = extractPdfText(await pdf.finish());
    for (const i of [0, 59, 119]) expect(text).toContain(`値${i}`);
  });
});

describe("training certificate dates", () => {
  it("prints the date passed in the organisation's time zone, not UTC", async () => {
    const cert = {
      person: "佐藤 花子",
      department: null,
      moduleTitle: { ja: "外為法の基礎", en: "FEFTA basics" },
      moduleVersion: 1,
      completionId: "c-1",
      score: 9,
      maxScore: 10,
      percent: 90,
      passedAt: "2026-03-31T20:00:00.000Z",
      expiresAt: null,
    };
    const tokyo = extractPdfText(await renderCertificatePdf(cert, "ja", font, new Date(), "Asia/Tokyo")).text;
    expect(tokyo).toContain("2026-04-01");
    const utc = extractPdfText(await renderCertificatePdf(cert, "ja", font, new Date(), "UTC")).text;
    expect(utc).toContain("2026-03-31");
  });
});
