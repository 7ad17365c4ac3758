import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameVariants, redactNames } from "./redaction-engine.js";

const R = "［報告者］";

describe("redacting the reporter's names from a pasted message", () => {
  const tanaka = nameVariants({
    displayName: "田中 花子",
    username: "tanaka",
    email: "h.tanaka@example.ac.jp",
  });

  it.each([
    [
      "田中先生、非常勤の技術顧問としてご協力いただけませんか。",
      `${R}先生、非常勤の技術顧問としてご協力いただけませんか。`,
    ],
    ["田中 花子 様", `${R} 様`],
    ["田中花子さんへ", `${R}さんへ`],
    ["花子さん、お久しぶりです", `${R}さん、お久しぶりです`],
    ["Dear Dr. Tanaka, we would like", `Dear Dr. ${R}, we would like`],
    ["Hi TANAKA-san", `Hi ${R}-san`],
    ["write to h.tanaka@example.ac.jp or call", `write to ${R} or call`],
  ])("%s", (text, expected) => {
    expect(redactNames(text, tanaka, R)).toBe(expected);
  });

  it("leaves other words alone (whole Latin words only; no short fragments)", () => {
    expect(redactNames("Tanakara Corp. and the tanakas", tanaka, R)).toBe("Tanakara Corp. and the tanakas");
    const li = nameVariants({ displayName: "Li Wei", username: "lw" });
    expect(li.plain).toEqual(expect.arrayContaining(["Li Wei", "Wei Li"]));
    expect(li.plain).not.toContain("Li");
    expect(redactNames("Dear Wei Li, this is Lisa", li, R)).toBe(`Dear ${R}, this is Lisa`);
  });

  it("hides a one-character Japanese name part only before an honorific", () => {
    const hayashi = nameVariants({ displayName: "林 一" });
    expect(redactNames("林さん、林業の件で", hayashi, R)).toBe(`${R}さん、林業の件で`);
  });

  it("property: no form of the name survives, whatever text surrounds it", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom("田中 花子", "田中花子", "田中", "花子", "Tanaka", "tanaka"),
        fc.string(),
        (a, name, b) => {
          const out = redactNames(`${a} ${name} ${b}`, tanaka, R);
          expect(out).toContain(R);
          expect(out).not.toMatch(/田中|花子/);
          expect(out).not.toMatch(/(?<![\p{L}\p{N}])tanaka(?![\p{L}\p{N}])/iu);
        },
      ),
    );
  });
});
