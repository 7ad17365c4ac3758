import { aspiMispImporter } from "./aspi-misp.js";
import { bisDplImporter } from "./bis-dpl.js";
import { cnCounterImporter } from "./cn-counter.js";
import { customCsvImporter } from "./custom-csv.js";
import { dod1260hImporter, dod1286Importer } from "./dod.js";
import { ftmJsonImporter } from "./ftm-json.js";
import { ImportError } from "./import-error.js";
import type { ReadOptions } from "./input.js";
import { metiEulCsvImporter } from "./meti-eul.js";
import { metiEulPdfImporter } from "./meti-eul-pdf.js";
import { metiRuImporter } from "./meti-ru.js";
import { mofJpImporter } from "./mof-jp.js";
import { ofacCsvImporter } from "./ofac-csv.js";
import { ofacXmlImporter } from "./ofac-xml.js";
import { IMPORT_FORMATS, type Importer, type ImportFormat } from "./types.js";
import { unXmlImporter } from "./un-xml.js";
import { usCslImporter } from "./us-csl.js";

export { ImportError } from "./import-error.js";
export { type ReadOptions, TEXT_ENCODINGS, type TextEncoding } from "./input.js";
export { IMPORT_FORMATS, type Importer, type ImportFormat, type ImportRequest } from "./types.js";

/** Every list format Sekimori reads, by format name. */
export const importers: Partial<Record<ImportFormat, Importer>> = {
  un_xml: unXmlImporter,
  ofac_csv: ofacCsvImporter,
  ofac_xml: ofacXmlImporter,
  us_csl: usCslImporter,
  bis_dpl: bisDplImporter,
  meti_eul_csv: metiEulCsvImporter,
  meti_eul_pdf: metiEulPdfImporter,
  meti_ru: metiRuImporter,
  mof_jp: mofJpImporter,
  dod_1286: dod1286Importer,
  dod_1260h: dod1260hImporter,
  cn_counter: cnCounterImporter,
  aspi_misp: aspiMispImporter,
  ftm_json: ftmJsonImporter,
  custom_csv: customCsvImporter,
};

/** True when `format` names a format this build can read. */
export function isImportFormat(format: string): format is ImportFormat {
  return (
    (IMPORT_FORMATS as readonly string[]).includes(format) && importers[format as ImportFormat] !== undefined
  );
}

/** The importer for a format name, or an ImportError listing the formats that exist. */
export function importerFor(format: string, file = "(input)"): Importer {
  const importer = isImportFormat(format) ? importers[format] : undefined;
  if (!importer) {
    const known = Object.keys(importers).join(", ");
    throw new ImportError(
      { file },
      {
        ja: `不明な形式です: "${format}"（使える形式: ${known}）`,
        en: `unknown format "${format}" (known formats: ${known})`,
      },
    );
  }
  return importer;
}

/**
 * Reads one list file (with its companions, for OFAC's CSV set) as entities — the simple entry point
 * for evaluations and scripts: `for await (const e of readListFile("consolidated.xml", "un_xml"))`.
 */
export function readListFile(
  file: string | readonly string[],
  format: ImportFormat | string,
  options: ReadOptions & { source?: string } = {},
): AsyncIterable<import("../screening-contract.js").ListEntity> {
  const files = typeof file === "string" ? [file] : file;
  return importerFor(format, files[0]).parse({ ...options, files });
}
