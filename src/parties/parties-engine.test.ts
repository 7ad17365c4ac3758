import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildSearchText,
  detectScript,
  foldForSearch,
  identifierProblem,
  isValidCorporateNumber,
  isValidLei,
  isValidOrcid,
} from "./parties-engine.js";

describe("identifier checks", () => {
  it("accepts real corporate numbers and rejects a wrong check digit", () => {
    // Published 法人番号 of the National Tax Agency (国税庁) and Toyota Motor Corporation.
    expect(isValidCorporateNumber("7000012050002")).toBe(true);
    expect(isValidCorporateNumber("1180301018771")).toBe(true);
    expect(isValidCorporateNumber("1000012050002")).toBe(false);
    expect(isValidCorporateNumber("700001205000")).toBe(false);
  });

  it("checks ORCID iDs including the X check character", () => {
    expect(isValidOrcid("0000-0002-1825-0097")).toBe(true);
    expect(isValidOrcid("0000-0002-1694-233X")).toBe(true);
    expect(isValidOrcid("0000-0002-1825-0098")).toBe(false);
    expect(isValidOrcid("0000000218250097")).toBe(false);
  });

  it("checks LEIs", () => {
    expect(isValidLei("5493001KJTIIGC8Y1R12")).toBe(true);
    expect(isValidLei("5493001KJTIIGC8Y1R13")).toBe(false);
  });

  it("explains problems in both languages", () => {
    expect(identifierProblem("duns", "12")).toEqual({
      ja: "DUNS番号は9桁です",
      en: "DUNS number must be 9 digits",
    });
    expect(identifierProblem("other", "anything")).toBeUndefined();
  });
});

describe("scripts and folding", () => {
  it("detects scripts", () => {
    expect(detectScript("株式会社東芝")).toBe("Han");
    expect(detectScript("ハルビン工業大学")).toBe("Japanese");
    expect(detectScript("김정은")).toBe("Hangul");
    expect(detectScript("Владимир Путин")).toBe("Cyrillic");
    expect(detectScript("ACME Inc.")).toBe("Latin");
    expect(detectScript("中国 CRRC")).toBe("Han");
  });

  it("folds width, case and kana", () => {
    expect(foldForSearch("ＡＢＣ　株式会社")).toBe("abc 株式会社");
    expect(foldForSearch("ひらがな")).toBe("ヒラガナ");
    expect(foldForSearch("ｶﾀｶﾅ")).toBe("カタカナ");
  });

  it("folding is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(foldForSearch(foldForSearch(s))).toBe(foldForSearch(s));
      }),
    );
  });

  it("search text holds every name once", () => {
    expect(buildSearchText(["Acme", "ACME", "アクメ"], [{ value: "123" }])).toBe("acme | アクメ | 123");
  });
});
