import type { PdfFont } from "../shared/pdf-font.js";
import { drawLabelRows, openPdf } from "../shared/pdf-layout.js";
import { DEFAULT_TIME_ZONE, dateInZone } from "../shared/time-format.js";
import { ITEM_ATTACHMENT_LABELS, type ItemAttachmentKind } from "./attachment-rules.js";
import { EXCEPTION_DEFINITIONS, EXCEPTION_USE_LABELS } from "./exceptions.js";
import {
  CATCH_ALL_CHOICE_LABELS,
  CONTROL_ITEMS,
  LIST_STATUS_LABELS,
  provisionText,
  REGIME_LABELS,
} from "./item-classification.js";
import type { ItemView } from "./items-service.js";
import type { Label } from "./legal-sources.js";

export const ITEM_DOCUMENTS = ["determination", "non_applicability"] as const;
export type ItemDocument = (typeof ITEM_DOCUMENTS)[number];

export const ITEM_DOCUMENT_TITLES: Record<ItemDocument, Label> = {
  determination: { ja: "該非判定書", en: "Classification record (該非判定書)" },
  non_applicability: { ja: "非該当証明書", en: "Certificate of non-applicability (非該当証明書)" },
};

type Lang = "ja" | "en";

/**
 * Prints an item's 該非判定書 (any item) or 非該当証明書 (non-listed items only) as an A4 PDF with the
 * shared Japanese font, listing the basis documents on file and who decided when. A 非該当証明書
 * states that it covers list control (1–15項) only: the catch-all depends on each transaction.
 */
export function renderItemDocument(
  item: ItemView,
  kind: ItemDocument,
  lang: Lang,
  font: PdfFont,
  issuer: string,
  printedAt: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): Promise<Buffer> {
  const pdf = openPdf(font, {
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: `${ITEM_DOCUMENT_TITLES[kind][lang]} ${item.refNo}`, Creator: "Sekimori" },
  });
  const { doc, left, width } = pdf;
  const row = (label: string, value: string) =>
    drawLabelRows(pdf, [[label, value]], { labelWidth: 150, fontSize: 9.5, labelFill: "#f3f5f8" });
  const L = (ja: string, en: string) => (lang === "ja" ? ja : en);
  const j = item.judgement;

  doc
    .fontSize(18)
    .text(ITEM_DOCUMENT_TITLES[kind][lang], left, doc.page.margins.top, { width, align: "center" });
  doc.moveDown(0.4);
  doc
    .fontSize(9)
    .fillColor("#444")
    .text(
      `${L("整理番号", "Reference")}: ${item.refNo}    ${L("発行", "Issued")}: ${dateInZone(printedAt, timeZone)}`,
      {
        width,
        align: "right",
      },
    );
  doc.text(`${L("発行者", "Issuer")}: ${issuer}`, { width, align: "right" });
  doc.fillColor("black").moveDown(0.8);

  if (kind === "non_applicability") {
    doc
      .fontSize(10.5)
      .text(
        L(
          "下記の貨物・技術は、輸出貿易管理令別表第1及び外国為替令別表の1の項から15の項までのいずれにも該当しないことを証明します。",
          "We certify that the goods or technology below fall under none of items 1 to 15 of Appended Table 1 of the Export Trade Control Order and the Appended Table of the Foreign Exchange Order.",
        ),
        { width },
      );
    doc.moveDown(0.8);
  }

  row(
    L("区分", "Kind"),
    item.kind === "goods" ? L("貨物", "Goods") : L("技術（プログラムを含む）", "Technology (incl. software)"),
  );
  row(L("品名", "Name"), item.name);
  row(L("型番", "Model"), item.modelNumber ?? "");
  row(L("製造者", "Maker"), item.maker ?? "");
  row(L("HSコード", "HS code"), item.hsCode ?? "");
  row(L("説明・仕様", "Description"), item.description);
  row(L("判定", "Result"), j.listStatus ? LIST_STATUS_LABELS[j.listStatus][lang] : "—");
  if (j.regime) row(L("規制区分", "Regime"), REGIME_LABELS[j.regime][lang]);
  if (j.listStatus === "listed") {
    const label = CONTROL_ITEMS.find((c) => c.item === j.item)?.label[lang] ?? j.item ?? "";
    row(L("該当項番", "Item"), `${label} ${j.subItem ?? ""}`);
  }
  row(L("貨物等省令の条項", "Ordinance provision"), j.provision ? provisionText(j.provision, lang) : "");
  if (j.listStatus === "not_listed")
    row(
      L("16の項の区分", "Item-16 category"),
      j.catchAllCategory ? CATCH_ALL_CHOICE_LABELS[j.catchAllCategory][lang] : "",
    );
  row(
    L("特例（判定に加えて記録）", "Exceptions (in addition)"),
    j.exceptions.length
      ? j.exceptions
          .map(
            (e) =>
              `・${EXCEPTION_DEFINITIONS[e.code].label[lang]}${e.use ? `（${EXCEPTION_USE_LABELS[e.use][lang]}）` : ""}: ${e.basis}`,
          )
          .join("\n")
      : L("なし", "None"),
  );
  row(L("判定の根拠", "Rationale"), item.rationale);
  row(
    L("根拠資料", "Basis documents"),
    item.attachments.length
      ? item.attachments
          .map(
            (a) =>
              `・${ITEM_ATTACHMENT_LABELS[a.kind as ItemAttachmentKind]?.[lang] ?? a.kind}: ${a.fileName}（SHA-256 ${a.sha256.slice(0, 16)}…）`,
          )
          .join("\n")
      : L("なし", "None"),
  );
  row(L("判定者", "Decided by"), item.decidedBy?.name ?? "");
  row(L("判定日", "Decided on"), item.decidedOn);
  row(L("再確認期限", "Re-check by"), item.recheckOn ?? "");

  doc.moveDown(1);
  doc
    .fontSize(8.5)
    .fillColor("#444")
    .text(
      kind === "non_applicability"
        ? L(
            "注: 本証明書はリスト規制（1〜15の項）の非該当を示すものです。キャッチオール規制（16の項）により許可が必要かどうかは、仕向地・需要者・用途により取引ごとに判断してください。法令の改正により判定が変わることがあるため、再確認期限までに再判定してください。",
            "Note: this certificate covers list control (items 1–15) only. Whether the catch-all (item 16) requires a licence depends on the destination, end user and use of each transaction. Classifications can change with amendments: re-check by the date above.",
          )
        : L(
            "注: 本判定書はリスト規制（1〜15の項）の該非と16の項の区分を記録するものです。キャッチオール規制による許可の要否は取引ごとに判断してください。",
            "Note: this record gives the list-control classification (items 1–15) and the item-16 category. Whether the catch-all requires a licence is decided per transaction.",
          ),
      { width },
    );
  return pdf.finish();
}
