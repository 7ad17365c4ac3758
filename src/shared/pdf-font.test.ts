import { describe, expect, it } from "vitest";
import { AppError } from "./errors.js";
import { JAPANESE_FONT_CANDIDATES, resolvePdfFont } from "./pdf-font.js";

describe("Japanese PDF font lookup", () => {
  it("prefers the configured font and reads an optional PostScript name after #", () => {
    const exists = (p: string) => p === "/opt/fonts/jp.ttc" || p === "/opt/fonts/jp.ttf";
    expect(resolvePdfFont("/opt/fonts/jp.ttc#SomeFace-Regular", exists)).toEqual({
      path: "/opt/fonts/jp.ttc",
      family: "SomeFace-Regular",
      source: "configured",
    });
    expect(resolvePdfFont("/opt/fonts/jp.ttf", exists)).toEqual({
      path: "/opt/fonts/jp.ttf",
      family: undefined,
      source: "configured",
    });
  });

  it("refuses a configured font that does not exist, or a collection without a face, naming the setting", () => {
    expect(() => resolvePdfFont("/missing.ttf", () => false)).toThrow(/SEKIMORI_PDF_FONT/);
    expect(() => resolvePdfFont("/opt/jp.ttc", () => true)).toThrow(AppError);
  });

  it("falls back to the first installed system font, else the bundled BIZ UDPGothic", () => {
    const second = JAPANESE_FONT_CANDIDATES[1]!.path;
    expect(resolvePdfFont(undefined, (p) => p === second)).toMatchObject({ path: second, source: "system" });
    const bundled = resolvePdfFont(undefined, () => false);
    expect(bundled.source).toBe("bundled");
    expect(bundled.path).toMatch(/BIZUDPGothic_400Regular\.ttf$/);
  });
});
