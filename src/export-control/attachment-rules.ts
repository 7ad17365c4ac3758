import { safeFileName, sniffAttachment } from "../approaches/attachment-engine.js";
import type { Label } from "./legal-sources.js";

/**
 * What the export-control records accept as evidence files (parameter sheets, makers' 該非判定書,
 * self-inspection evidence): PDFs, images, UTF-8 text, and Office Open XML workbooks and documents
 * (parameter sheets are usually Excel). The type comes from the file's first bytes, never from the
 * name alone. Pure.
 */

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

export const ITEM_ATTACHMENT_KINDS = [
  "parameter_sheet",
  "maker_determination",
  "specification",
  "other",
] as const;
export type ItemAttachmentKind = (typeof ITEM_ATTACHMENT_KINDS)[number];
export const ITEM_ATTACHMENT_LABELS: Record<ItemAttachmentKind, Label> = {
  parameter_sheet: { ja: "パラメータシート・項目別対比表", en: "Parameter sheet / item comparison table" },
  maker_determination: {
    ja: "メーカーの該非判定書・非該当証明書",
    en: "Maker's classification or non-applicability certificate",
  },
  specification: { ja: "仕様書・カタログ", en: "Specification or catalogue" },
  other: { ja: "その他の根拠資料", en: "Other evidence" },
};

export type EvidenceType = { mediaType: string; extension: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** The type of an evidence file from its content (and, for ZIP containers, its name), or undefined. */
export function sniffEvidence(bytes: Uint8Array, fileName: string | undefined): EvidenceType | undefined {
  const sniffed = sniffAttachment(bytes);
  if (sniffed) return { mediaType: sniffed.mediaType, extension: sniffed.extension };
  if (ZIP.every((b, i) => bytes[i] === b)) {
    const ext = (fileName ?? "").toLowerCase().split(".").pop();
    if (ext === "xlsx")
      return {
        mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        extension: "xlsx",
      };
    if (ext === "docx")
      return {
        mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        extension: "docx",
      };
  }
  return undefined;
}

/** A problem with one evidence file, or undefined. */
export function evidenceProblem(
  fileName: string,
  size: number,
  truncated: boolean,
  type: EvidenceType | undefined,
): Label | undefined {
  if (truncated || size > MAX_EVIDENCE_BYTES)
    return {
      ja: `「${fileName}」は大きすぎます（上限 20 MB）`,
      en: `"${fileName}" is too large (limit 20 MB)`,
    };
  if (size === 0) return { ja: `「${fileName}」は空のファイルです`, en: `"${fileName}" is empty` };
  if (!type)
    return {
      ja: `「${fileName}」は添付できない種類です。PDF・画像・テキスト・Excel（.xlsx）・Word（.docx）を添付してください`,
      en: `"${fileName}" cannot be attached. Attach PDF, images, text, Excel (.xlsx) or Word (.docx)`,
    };
  return undefined;
}

export { safeFileName };
