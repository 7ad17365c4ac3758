import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FILE_ARCHIVE, FILE_DOCUMENT, FILE_EXECUTABLE, FILE_OTHER, fileType } from "./core-features.js";

/** The string route as it was: slice the extension, lower-case it, look it up. */
function fileTypeBySlice(name: string): number {
  const dot = name.lastIndexOf(".");
  if (dot === -1 || dot < name.length - 6) return FILE_OTHER;
  const ext = name.slice(dot + 1).toLowerCase();
  if (
    [
      "doc",
      "docx",
      "pdf",
      "xls",
      "xlsx",
      "ppt",
      "pptx",
      "txt",
      "csv",
      "rtf",
      "odt",
      "md",
      "dwg",
      "cad",
      "step",
    ].includes(ext)
  )
    return FILE_DOCUMENT;
  if (["zip", "rar", "7z", "tar", "gz", "tgz", "bz2", "xz", "lzh", "cab", "iso"].includes(ext))
    return FILE_ARCHIVE;
  if (["exe", "dll", "msi", "bat", "cmd", "ps1", "vbs", "sh", "jar", "scr", "com", "py"].includes(ext))
    return FILE_EXECUTABLE;
  return FILE_OTHER;
}

describe("fileType", () => {
  it.each([
    ["C:\\Users\\a\\Report.DOCX", FILE_DOCUMENT],
    ["backup.tar.gz", FILE_ARCHIVE],
    ["\\\\fs01\\tools\\setup.Exe", FILE_EXECUTABLE],
    ["notes.", FILE_OTHER],
    ["README", FILE_OTHER],
    ["photo.jpeg", FILE_OTHER],
    ["model.STEP", FILE_DOCUMENT],
  ])("%s", (name, type) => {
    expect(fileType(name)).toBe(type);
  });

  it("gives the slice-and-lower-case answer for any name (case, non-ASCII, long extensions)", () => {
    const piece = fc.constantFrom(
      "doc",
      "DOCX",
      "pDf",
      "7z",
      "Gz",
      "ps1",
      "step",
      "x",
      ".",
      "\\",
      "İ",
      "\u212a",
      "é",
      "sh",
      "exe",
      "abcdef",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (parts) => {
        const name = parts.join("");
        expect(fileType(name)).toBe(fileTypeBySlice(name));
      }),
      { numRuns: 5000 },
    );
  });
});
