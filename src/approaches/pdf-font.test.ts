import { describe, expect, it } from "vitest";
import { findJapaneseFont, JAPANESE_FONT_CANDIDATES } from "./pdf-font.js";

describe("Japanese PDF font lookup", () => {
  it("prefers the configured font and reads an optional face name after #", () => {
    const exists = (p: string) => p === "/opt/fonts/jp.ttc";
    expect(findJapaneseFont("/opt/fonts/jp.ttc#SomeFace-Regular", exists)).toEqual({
      path: "/opt/fonts/jp.ttc",
      face: "SomeFace-Regular",
    });
    expect(findJapaneseFont("/opt/fonts/jp.ttc", exists)).toEqual({
      path: "/opt/fonts/jp.ttc",
      face: undefined,
    });
  });

  it("reports a configured font that does not exist instead of silently using another", () => {
    expect(findJapaneseFont("/missing.ttf", () => false)).toBeUndefined();
  });

  it("falls back to the first installed candidate, or none", () => {
    const second = JAPANESE_FONT_CANDIDATES[1]!.path;
    expect(findJapaneseFont(undefined, (p) => p === second)?.path).toBe(second);
    expect(findJapaneseFont(undefined, () => false)).toBeUndefined();
  });
});
