import { provisionText } from "../export-control/item-classification.js";
import type { PdfFont } from "../shared/pdf-font.js";
import { drawLabelRows, drawSectionBand, openPdf } from "../shared/pdf-layout.js";
import { DEFAULT_TIME_ZONE, dateInZone, formatDateTimeInZone } from "../shared/time-format.js";
import {
  CATCH_ALL_CHOICE_LABELS,
  CONTROL_ITEMS,
  EXCEPTION_DEFINITIONS,
  EXCEPTION_USE_LABELS,
  JP_CRITICAL_AREAS,
  type Label,
  LIST_STATUS_LABELS,
  REGIME_LABELS,
  TRANSACTION_CHECKLISTS,
  US_CET_AREAS,
} from "./control-lists.js";
import { questionnaireFor, ROLE_LABELS } from "./questionnaire-engine.js";
import type { ReviewView } from "./reviews-service.js";
import { ACTION_LABELS, type ReviewAction } from "./workflow-engine.js";

export const FORM_KINDS = ["precheck", "classification", "transaction"] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export const FORM_TITLES: Record<FormKind, Label> = {
  precheck: { ja: "事前確認シート", en: "Pre-check sheet (事前確認シート)" },
  classification: { ja: "該非判定書", en: "Classification record (該非判定書)" },
  transaction: { ja: "取引審査票", en: "Transaction review sheet (取引審査票)" },
};

type Lang = "ja" | "en";
type Row = [string, string];

/** How a form prints what is not the review's own data: times and list names. */
export type PrintOptions = {
  /** The organisation's time zone (IANA); times print in it, with the zone named. */
  timeZone: string;
  /** A list's name for people ("国連安保理 統合制裁リスト（デモ用サンプル）" for `un`). */
  listName: (source: string) => string;
};

const DEFAULT_PRINT: PrintOptions = { timeZone: DEFAULT_TIME_ZONE, listName: (s) => s };

const T = {
  refNo: { ja: "整理番号", en: "Reference" },
  activity: { ja: "活動の種類", en: "Activity" },
  title: { ja: "件名", en: "Title" },
  applicant: { ja: "申請者", en: "Applicant" },
  unit: { ja: "所属", en: "Unit" },
  period: { ja: "期間", en: "Period" },
  purpose: { ja: "目的", en: "Purpose" },
  topic: { ja: "技術・テーマ", en: "Technology / topic" },
  data: { ja: "関与するデータ", en: "Data involved" },
  counterparties: { ja: "相手方", en: "Counterparties" },
  answers: { ja: "事前確認の回答", en: "Pre-check answers" },
  routing: { ja: "本審査の要否", en: "Full review needed?" },
  full: { ja: "要（取引審査・承認者の判断）", en: "Yes (transaction review and approver)" },
  simple: { ja: "不要（部局確認で完了）", en: "No (cleared by the unit officer)" },
  status: { ja: "状況", en: "Status" },
  outcome: { ja: "判定結果", en: "Outcome" },
  regime: { ja: "規制区分", en: "Regime" },
  item: { ja: "該当項番", en: "Item" },
  exception: { ja: "特例（該非判定に加えて記録）", en: "Exceptions (recorded in addition)" },
  catchAll: { ja: "16の項の区分", en: "Item-16 category" },
  provision: { ja: "貨物等省令の条項", en: "Ordinance provision" },
  rationale: { ja: "判定根拠", en: "Rationale" },
  reference: { ja: "参照資料", en: "Reference documents" },
  jpTags: { ja: "特定重要技術の領域", en: "Japanese critical technology areas" },
  usTags: { ja: "米国 重要・新興技術", en: "US critical and emerging technologies" },
  classifiedAt: { ja: "判定日", en: "Classified on" },
  screening: { ja: "スクリーニング結果", en: "Screening" },
  conclusion: { ja: "審査の結論", en: "Conclusion" },
  risk: { ja: "リスク評価", en: "Risk assessment" },
  flags: { ja: "レッドフラグ", en: "Red flags" },
  history: { ja: "承認経過", en: "Approval history" },
  conditions: { ja: "承認の条件", en: "Conditions" },
  retention: { ja: "保存期限", en: "Keep until" },
  yes: { ja: "はい", en: "Yes" },
  no: { ja: "いいえ", en: "No" },
  concern: { ja: "該当あり", en: "Concern" },
  noConcern: { ja: "該当なし", en: "No concern" },
  unanswered: { ja: "未回答", en: "Not answered" },
  notScreened: { ja: "未実施", en: "Not screened" },
  noHits: { ja: "該当なし", en: "No hits" },
  none: { ja: "なし", en: "None" },
  printed: { ja: "出力日時", en: "Printed" },
  evidence: { ja: "根拠", en: "Evidence" },
} satisfies Record<string, Label>;

const LEVEL: Record<string, Label> = {
  low: { ja: "低", en: "Low" },
  medium: { ja: "中", en: "Medium" },
  high: { ja: "高", en: "High" },
};

function answerText(view: ReviewView, lang: Lang): Row[] {
  const rows: Row[] = [];
  for (const q of questionnaireFor(view.activityType).questions) {
    const v = view.answers[q.id];
    let shown: string;
    if (v === undefined || v === null || v === "") shown = T.unanswered[lang];
    else if (q.kind === "yesno") shown = v === true ? T.yes[lang] : T.no[lang];
    else if (q.kind === "select") shown = q.options?.find((o) => o.value === v)?.label[lang] ?? String(v);
    else shown = String(v);
    const note = view.notes[q.id];
    rows.push([q.label[lang], note ? `${shown}\n${T.evidence[lang]}: ${note}` : shown]);
  }
  return rows;
}

/**
 * Prints one of the three review forms (事前確認シート, 該非判定書, 取引審査票) as an A4 PDF in
 * Japanese or English, with the Japanese font embedded so it prints the same everywhere.
 */
export function renderReviewForm(
  view: ReviewView,
  kind: FormKind,
  lang: Lang,
  font: PdfFont,
  printedAt: Date,
  print: PrintOptions = DEFAULT_PRINT,
): Promise<Buffer> {
  const zone = print.timeZone;
  const pdf = openPdf(font, {
    margins: { top: 48, bottom: 48, left: 48, right: 48 },
    info: { Title: `${FORM_TITLES[kind][lang]} ${view.refNo}`, Creator: "Sekimori" },
  });
  const { doc, left, width, bottom } = pdf;
  const heading = (text: string) => drawSectionBand(pdf, text);
  const rows = (items: Row[]) => drawLabelRows(pdf, items, { labelWidth: 150 });

  // Header
  doc.fontSize(17).text(FORM_TITLES[kind][lang], left, doc.page.margins.top, { width, align: "center" });
  doc.moveDown(0.3);
  doc
    .fontSize(8.5)
    .fillColor("#444")
    .text(
      `${T.refNo[lang]}: ${view.refNo}    ${T.status[lang]}: ${view.statusLabel[lang]}    ${T.printed[lang]}: ${formatDateTimeInZone(printedAt, zone, lang)}`,
      { width, align: "center" },
    );
  doc.fillColor("black");

  const basics: Row[] = [
    [T.refNo[lang], view.refNo],
    [T.activity[lang], view.activityLabel[lang]],
    [T.title[lang], view.title],
    [
      T.applicant[lang],
      `${view.applicant.name}${view.applicant.department ? `（${view.applicant.department}）` : ""}`,
    ],
    [T.topic[lang], view.details.topic],
  ];

  if (kind === "precheck") {
    heading(lang === "ja" ? "1. 申請の概要" : "1. Application");
    rows([
      ...basics,
      [T.unit[lang], view.unit ?? ""],
      [T.period[lang], `${view.details.startDate ?? ""} 〜 ${view.details.endDate ?? ""}`],
      [T.purpose[lang], view.details.purpose],
      [T.data[lang], view.details.dataInvolved],
    ]);
    heading(lang === "ja" ? "2. 相手方" : "2. Counterparties");
    rows(
      view.counterparties.length
        ? view.counterparties.map((c) => [
            ROLE_LABELS[c.role as keyof typeof ROLE_LABELS]?.[lang] ?? c.role,
            c.name,
          ])
        : [[T.counterparties[lang], T.none[lang]]],
    );
    heading(lang === "ja" ? "3. 事前確認の回答" : "3. Pre-check answers");
    rows(answerText(view, lang));
    heading(lang === "ja" ? "4. 判定" : "4. Outcome");
    rows([
      [T.routing[lang], view.routing.track === "full" ? T.full[lang] : T.simple[lang]],
      [lang === "ja" ? "理由" : "Reasons", view.routing.reasons.map((r) => `・${r[lang]}`).join("\n")],
    ]);
  }

  if (kind === "classification") {
    heading(lang === "ja" ? "1. 対象" : "1. Subject");
    rows(basics);
    heading(lang === "ja" ? "2. 該非判定" : "2. Classification");
    const c = view.classification;
    if (!c) rows([[T.outcome[lang], T.unanswered[lang]]]);
    else {
      const item = CONTROL_ITEMS.find((i) => i.item === c.item)?.label[lang];
      rows([
        [
          T.outcome[lang],
          c.listStatus
            ? LIST_STATUS_LABELS[c.listStatus][lang]
            : lang === "ja"
              ? "要再判定（旧形式の記録）"
              : "To be classified again (older record)",
        ],
        [T.regime[lang], c.regime ? REGIME_LABELS[c.regime][lang] : "—"],
        [T.item[lang], item ? `${item}${c.subItem ? ` ${c.subItem}` : ""}` : "—"],
        [T.provision[lang], c.provision ? provisionText(c.provision, lang) : "—"],
        [T.catchAll[lang], c.catchAllCategory ? CATCH_ALL_CHOICE_LABELS[c.catchAllCategory][lang] : "—"],
        [
          T.exception[lang],
          (c.exceptions ?? []).length
            ? c.exceptions
                .map(
                  (e) =>
                    `・${EXCEPTION_DEFINITIONS[e.code].label[lang]}${e.use ? `（${EXCEPTION_USE_LABELS[e.use][lang]}）` : ""}: ${e.basis}`,
                )
                .join("\n")
            : T.none[lang],
        ],
        [T.rationale[lang], c.rationale],
        [T.reference[lang], c.reference ?? ""],
        [T.classifiedAt[lang], view.classifiedAt ? dateInZone(view.classifiedAt, zone) : ""],
      ]);
    }
    heading(lang === "ja" ? "3. 技術分野" : "3. Technology areas");
    rows([
      [
        T.jpTags[lang],
        view.topicTags.jp
          .map((id) => JP_CRITICAL_AREAS.find((a) => a.id === id)?.label[lang] ?? id)
          .join("、") || T.none[lang],
      ],
      [
        T.usTags[lang],
        view.topicTags.us.map((id) => US_CET_AREAS.find((a) => a.id === id)?.label[lang] ?? id).join(", ") ||
          T.none[lang],
      ],
    ]);
  }

  if (kind === "transaction") {
    heading(lang === "ja" ? "1. 対象" : "1. Subject");
    rows(basics);
    heading(
      lang === "ja" ? "2. 相手方のスクリーニング（全リスト）" : "2. Counterparty screening (all lists)",
    );
    rows(
      view.counterparties.map((c) => {
        const role = ROLE_LABELS[c.role as keyof typeof ROLE_LABELS]?.[lang] ?? c.role;
        if (!c.screening) return [`${c.name}\n${role}`, T.notScreened[lang]];
        const hits = c.screening.hits.filter((h) => h.match);
        const text = hits.length
          ? hits
              .map((h) => {
                const d =
                  h.decision === "true_match"
                    ? lang === "ja"
                      ? "一致"
                      : "match"
                    : h.decision === "false_positive"
                      ? lang === "ja"
                        ? "誤検知"
                        : "false positive"
                      : lang === "ja"
                        ? "未確認"
                        : "open";
                const concern =
                  h.source === "meti_eul" && h.programs.length
                    ? ` ${lang === "ja" ? "懸念区分" : "concern"}: ${h.programs.join(", ")}`
                    : "";
                return `・${print.listName(h.source)}: ${h.name} (${h.score.toFixed(2)}, ${d})${concern}`;
              })
              .join("\n")
          : T.noHits[lang];
        return [
          `${c.name}\n${role}`,
          `${text}\n(${formatDateTimeInZone(c.screening.screenedAt, zone, lang)})`,
        ];
      }),
    );
    const check = view.transactionCheck;
    const checklistTitles: Record<keyof typeof TRANSACTION_CHECKLISTS, Label> = {
      endUse: { ja: "3. 用途チェックリスト", en: "3. End-use checklist" },
      akiraka: { ja: "4. 明らかガイドライン", en: "4. 'Clearly' guideline (明らかガイドライン)" },
      endUser: { ja: "5. 需要者チェックリスト", en: "5. End-user checklist" },
    };
    for (const key of Object.keys(TRANSACTION_CHECKLISTS) as (keyof typeof TRANSACTION_CHECKLISTS)[]) {
      heading(checklistTitles[key][lang]);
      rows(
        TRANSACTION_CHECKLISTS[key].map((item) => {
          const v = check?.[key]?.[item.id];
          const note = check?.notes?.[`${key}.${item.id}`];
          const shown = v === true ? T.concern[lang] : v === false ? T.noConcern[lang] : T.unanswered[lang];
          return [item.label[lang], note ? `${shown}\n${note}` : shown];
        }),
      );
    }
    if (view.identityChecks) {
      heading(
        lang === "ja"
          ? "5-2. 本人確認チェックリスト（採用・業務委託）"
          : "5-2. Identity checklist (hiring and contracting)",
      );
      rows(
        view.identityChecks.map((c) => {
          const shown =
            c.outcome === "sign"
              ? lang === "ja"
                ? `兆候あり [${c.flag}]`
                : `Sign found [${c.flag}]`
              : c.outcome === "clear"
                ? lang === "ja"
                  ? "兆候なし"
                  : "No sign"
                : T.unanswered[lang];
          const who = c.checkedBy ? `\n${c.checkedBy} ${c.checkedAt?.slice(0, 16).replace("T", " ")}` : "";
          return [c.task[lang], `${shown}${c.evidence ? `\n${c.evidence}` : ""}${who}`];
        }),
      );
    }
    const lic = view.licence;
    heading(lang === "ja" ? "6. 輸出許可の要否（外為法）" : "6. Export licence (Foreign Exchange Act)");
    rows(
      lic.applicable
        ? [
            [lang === "ja" ? "判定" : "Determination", lic.resultLabel[lang]],
            [
              lang === "ja" ? "仕向地・提供日" : "Destination, date",
              `${lic.destination.country ?? "—"} ${lic.destination.groups.map((g) => g[lang]).join(" ")} / ${lic.date}`,
            ],
            ...lic.items.map(
              (i): Row => [
                i.label[lang],
                `${i.resultLabel[lang]}\n${i.findings
                  .map((f) => `・${f.reason[lang]}［${f.citations.map((c) => c[lang]).join("; ")}］`)
                  .join(
                    "\n",
                  )}${i.cautions.length ? `\n${i.cautions.map((c) => `⚠ ${c[lang]}`).join("\n")}` : ""}`,
              ],
            ),
            [
              lang === "ja" ? "許可" : "Licences",
              `${lic.gate.reason[lang]}\n${lic.linked.map((l) => `・${l.refNo} ${l.licenceNumber ?? ""} ${l.kind[lang]} ${l.statusLabel[lang]}`).join("\n")}`,
            ],
          ]
        : [[lang === "ja" ? "判定" : "Determination", lic.resultLabel[lang]]],
    );
    heading(lang === "ja" ? "7. リスク評価と結論" : "7. Risk and conclusion");
    // The level with how it was reached; each red flag (with its evidence) is printed once, below —
    // the assessment's topic and partner reasons restate the flags, so they are not repeated here.
    const a = view.assessment;
    const restated = new Set([...a.topic.reasons, ...a.partner.reasons].map((r) => r.ja));
    const summary = a.reasons.filter((r) => !restated.has(r.ja));
    rows([
      [T.risk[lang], [LEVEL[a.level]![lang], ...summary.map((r) => `・${r[lang]}`)].join("\n")],
      [
        T.flags[lang],
        a.flags.length
          ? a.flags
              .map((f) => {
                const source = f.sourceLabel?.[lang] ?? f.source;
                return `・${f.title[lang]} — ${f.evidence[lang]}${lang === "ja" ? `（${source}）` : ` (${source})`}`;
              })
              .join("\n")
          : T.none[lang],
      ],
      [T.conclusion[lang], check?.conclusion ?? ""],
      [T.conditions[lang], view.conditions ?? ""],
      [T.retention[lang], view.retentionUntil ?? ""],
    ]);
    heading(lang === "ja" ? "8. 承認経過" : "8. Approval history");
    rows(
      view.events.length
        ? view.events.map((e) => [
            formatDateTimeInZone(e.at, zone, lang),
            `${ACTION_LABELS[e.action as ReviewAction]?.[lang] ?? e.action} — ${e.actor}${e.comment ? `\n${e.comment}` : ""}${e.conditions ? `\n${T.conditions[lang]}: ${e.conditions}` : ""}`,
          ])
        : [[T.history[lang], T.none[lang]]],
    );
  }

  // Seal boxes: applicant, unit officer, secretariat, approver.
  const seals: Label[] = [
    { ja: "申請者", en: "Applicant" },
    { ja: "部局責任者", en: "Unit officer" },
    { ja: "事務局", en: "Secretariat" },
    { ja: "承認者", en: "Approver" },
  ];
  if (doc.y + 80 > bottom()) doc.addPage();
  doc.moveDown(1);
  const y = doc.y;
  const boxW = width / seals.length;
  doc.fontSize(8.5);
  seals.forEach((s, i) => {
    doc
      .rect(left + i * boxW, y, boxW, 16)
      .lineWidth(0.5)
      .strokeColor("#b8c2cf")
      .stroke();
    doc.rect(left + i * boxW, y + 16, boxW, 48).stroke();
    doc.text(s[lang], left + i * boxW, y + 4, { width: boxW, align: "center" });
  });
  return pdf.finish();
}
