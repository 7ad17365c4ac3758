import path from "node:path";
import type { Bilingual } from "../../shared/errors.js";

/** Where in an input file a problem was found (1-based line; field = column or element name). */
export type ImportErrorLocation = {
  file: string;
  line?: number | undefined;
  field?: string | undefined;
};

/**
 * A list file that cannot be imported: names the file, the line and (where known) the field, with a
 * reason in both UI languages. Thrown by every importer so that the list service can fail the import
 * cleanly (the previous snapshot stays active) and show the person what to fix.
 */
export class ImportError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly reason: Bilingual;

  constructor(location: ImportErrorLocation, reason: Bilingual) {
    super(`${describeLocation(location, "en")}: ${reason.en}`);
    this.name = "ImportError";
    this.file = location.file;
    this.line = location.line;
    this.field = location.field;
    this.reason = reason;
  }

  /** The whole message in one language (file, line, field and reason). */
  localized(lang: "ja" | "en"): string {
    return `${describeLocation(this, lang)}: ${this.reason[lang]}`;
  }
}

function describeLocation(location: ImportErrorLocation, lang: "ja" | "en"): string {
  const file = path.basename(location.file);
  const parts = [file];
  if (location.line !== undefined)
    parts.push(lang === "ja" ? `${location.line}行目` : `line ${location.line}`);
  if (location.field) parts.push(lang === "ja" ? `項目 ${location.field}` : `field ${location.field}`);
  return parts.join(lang === "ja" ? "、" : ", ");
}
