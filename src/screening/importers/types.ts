import type { Bilingual } from "../../shared/errors.js";
import type { ListEntity } from "../screening-contract.js";
import type { ReadOptions } from "./input.js";

/** The list file formats Sekimori reads. */
export const IMPORT_FORMATS = [
  "un_xml",
  "ofac_csv",
  "ofac_xml",
  "us_csl",
  "bis_dpl",
  "meti_eul_csv",
  "meti_eul_pdf",
  "meti_ru",
  "mof_jp",
  "dod_1286",
  "dod_1260h",
  "cn_counter",
  "aspi_misp",
  "ftm_json",
  "custom_csv",
] as const;

export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What to import: one or more files that together make one snapshot of one list. */
export type ImportRequest = ReadOptions & {
  files: readonly string[];
  /** List id to give the entities (default: the format's own, e.g. "un"); `custom:<name>` for own lists. */
  source?: string | undefined;
};

/** One list format: how to name it, which files it reads, and a streaming parser. */
export type Importer = {
  format: ImportFormat;
  label: Bilingual;
  /** What files the format takes and how they are read, for the CLI help and the admin page. */
  describe(): Bilingual;
  /** The list id entities get when the request names none. */
  defaultSource(files: readonly string[]): string;
  /** Every file the parser will read (some formats find companion files next to the one given). */
  resolveFiles(files: readonly string[]): Promise<string[]>;
  /** Streams the entities; throws ImportError on bad input. Never holds the whole file in memory. */
  parse(request: ImportRequest): AsyncIterable<ListEntity>;
};
