import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AssetRegistry, type ConfidentialAsset, normalisePath, normaliseUrl } from "./assets.js";

const asset = (id: string, kind: ConfidentialAsset["kind"], pattern: string): ConfidentialAsset => ({
  id,
  name: id,
  kind,
  pattern,
  projects: [],
  allowedRoles: [],
  allowedDomains: [],
});

/** The lookups as they were before the in-place fast path: normalise the whole string, then compare. */
function reference(assets: ConfidentialAsset[], kind: "path" | "url", text: string): string | null {
  if (text === "") return null;
  const norm = kind === "path" ? normalisePath : normaliseUrl;
  const list = assets
    .filter((a) => (kind === "path" ? a.kind === "path" : a.kind === "url" || a.kind === "repository"))
    .map((a) => ({ prefix: norm(a.pattern), id: a.id }))
    .sort((x, y) => y.prefix.length - x.prefix.length);
  const n = norm(text);
  return list.find((p) => n.startsWith(p.prefix))?.id ?? null;
}

// Characters that matter: case, separators, schemes, `www.`, spaces, and non-ASCII letters whose
// lower case changes length (İ) or is ASCII (K, the Kelvin sign).
const piece = fc.constantFrom(
  "\\",
  "/",
  "FS01",
  "fs01",
  "rnd",
  "R&D",
  ":",
  "//",
  "http",
  "HTTPS://",
  "www.",
  "WWW.",
  "git",
  ".",
  " ",
  "\t",
  "\u00a0",
  "İ",
  "\u212a",
  "é",
  "x",
  "-",
  "+",
  "9",
);
const text = fc.array(piece, { maxLength: 8 }).map((p) => p.join(""));

describe("AssetRegistry lookups", () => {
  it("finds the most specific path and URL, ignoring case, slashes, scheme and www", () => {
    const reg = new AssetRegistry([
      asset("rnd", "path", "\\\\FS01\\RnD\\"),
      asset("rnd-secret", "path", "\\\\fs01\\rnd\\secret\\"),
      asset("repo", "repository", "https://git.corp.jp/chem/"),
      asset("wiki", "url", "http://www.wiki.corp.jp/"),
    ]);
    expect(reg.path("\\\\fs01\\RND\\Secret\\a.docx")?.id).toBe("rnd-secret");
    expect(reg.path("//FS01/rnd/b.xlsx")?.id).toBe("rnd");
    expect(reg.path("\\\\fs02\\rnd\\b.xlsx")).toBeNull();
    expect(reg.url("GIT.corp.jp/chem/x")?.id).toBe("repo");
    expect(reg.url("ssh+git://www.git.corp.jp/chem/")?.id).toBe("repo");
    expect(reg.url("https://wiki.corp.jp/page")?.id).toBe("wiki");
    expect(reg.url("https://git.corp.jp/bio/")).toBeNull();
  });

  it("gives exactly the normalise-then-compare answer for any path, URL and pattern", () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), text, (patterns, probe) => {
        const assets = patterns.flatMap((p, i) => [asset(`p${i}`, "path", p), asset(`u${i}`, "url", p)]);
        const ok = assets.filter((a) => a.pattern.trim() !== "");
        const reg = new AssetRegistry(ok);
        // Equal-length prefixes may tie; compare the prefix found, not which of the tied ids.
        const pathOf = (id: string | null) =>
          id === null ? null : normalisePath(ok.find((a) => a.id === id)!.pattern);
        const urlOf = (id: string | null) =>
          id === null ? null : normaliseUrl(ok.find((a) => a.id === id)!.pattern);
        expect(pathOf(reg.path(probe)?.id ?? null)).toBe(pathOf(reference(ok, "path", probe)));
        expect(urlOf(reg.url(probe)?.id ?? null)).toBe(urlOf(reference(ok, "url", probe)));
      }),
      { numRuns: 3000 },
    );
  });

  it("the prefix tree picks the same entry as the longest-first list, ties to the first entry", () => {
    // Shared stems make the tree branch deeply; duplicates check that the first entry keeps a tie.
    const stem = fc.constantFrom("\\\\fs01\\projects\\proj", "http://git.dtaa.com/proj", "C:\\Users\\", "");
    const pattern = fc.tuple(stem, text).map(([a, b]) => a + b);
    fc.assert(
      fc.property(
        fc.array(pattern, { minLength: 1, maxLength: 10 }),
        fc.tuple(stem, text, text).map(([a, b, c]) => a + b + c),
        (patterns, probe) => {
          const assets = [...patterns, ...patterns.slice(0, 2)].flatMap((p, i) => [
            asset(`p${i}`, "path", p),
            asset(`u${i}`, "url", p),
          ]);
          const ok = assets.filter((a) => a.pattern.trim() !== "");
          const reg = new AssetRegistry(ok);
          expect(reg.path(probe)?.id ?? null).toBe(reference(ok, "path", probe));
          expect(reg.url(probe)?.id ?? null).toBe(reference(ok, "url", probe));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
