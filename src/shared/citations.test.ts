import { describe, expect, it } from "vitest";
import { citation } from "./citations.js";
import { RED_FLAGS } from "./red-flags.js";

/** Japanese script, allowing the legal terms the product keeps in Japanese on purpose (特定類型). */
const japaneseOutsideKeptTerms = (text: string) =>
  /[\u3040-\u30ff\u4e00-\u9fff]/.test(text.replace(/（?特定類型）?/g, ""));

describe("red-flag citations for English readers", () => {
  it("every catalogue source reads in English (no Japanese-only citation on an English page)", () => {
    const left = RED_FLAGS.filter((f) => japaneseOutsideKeptTerms(citation(f.source, "en"))).map(
      (f) => `${f.id}: ${citation(f.source, "en")}`,
    );
    expect(left, "add these document names to src/shared/citations.ts").toEqual([]);
  });

  it("translates known documents and leaves Japanese readers' text alone", () => {
    expect(citation("外為法 / METI 安全保障貿易管理; OFAC; UN", "en")).toBe(
      "FEFTA / METI security export control; OFAC; UN",
    );
    expect(citation("外為法 / METI 安全保障貿易管理; OFAC; UN", "ja")).toBe(
      "外為法 / METI 安全保障貿易管理; OFAC; UN",
    );
    expect(citation("経済安全保障推進法 特定重要技術; US CET list; 輸出令別表第1", "en")).toBe(
      "Economic Security Promotion Act, specified critical technologies; US CET list; Export Trade Control Order, Appended Table 1",
    );
  });
});
