import { JP_CRITICAL_AREAS, US_CET_AREAS } from "../reviews/control-lists.js";
import type { PdfFont } from "../shared/pdf-font.js";
import { drawLabelRows, drawSectionBand, openPdf } from "../shared/pdf-layout.js";
import { formatDateTimeInZone } from "../shared/time-format.js";
import { type Label, projectLabel } from "./projects-engine.js";

type Lang = "ja" | "en";
type Row = [string, string];

/** What the summary prints: the project view the service builds (structural, so tests can build one). */
export type ProjectSummaryView = {
  number: number;
  title: string;
  summary: string | null;
  fundingAgency: string;
  fundingProgramme: string;
  specifiedProgramme: boolean;
  usFederal: boolean;
  applicationDueOn: string | null;
  department: string | null;
  jpTags: string[];
  usTags: string[];
  requiredModules: string[];
  status: string;
  readyAt: string | null;
  partners: {
    name: string;
    country: string | null;
    role: string;
    screenedAt: string | null;
    screening: { liveHits: { list: Label; name: string; decided: boolean }[] } | null;
  }[];
  members: {
    name: string;
    role: string;
    eradResearcherNumber: string | null;
    pledgeRequired: boolean;
    pledge: { dueOn: string; givenOn: string | null } | null;
    pledgeState: string;
    hasDisclosure: boolean;
    disclosureDueOn: string | null;
    training: { title: Label; current: boolean }[];
  }[];
  checks: {
    item: string;
    label: Label;
    basis: string;
    status: string;
    conclusion: string | null;
    evidence: { text: string; url: string | null }[];
  }[];
  measures: {
    kind: string;
    description: string;
    ownerName: string;
    dueOn: string | null;
    status: string;
    addresses: string[];
  }[];
  /** The data and equipment register (migration 1080); absent in summaries built before it. */
  assets?:
    | {
        kind: string;
        description: string;
        controlStatus: string;
        controlRef: string | null;
        location: string | null;
        accessLimits: string | null;
        authorised: { name: string }[];
        sharedWithName: string | null;
        sharingAgreement: string | null;
      }[]
    | undefined;
  blockers: { message: Label }[];
};

export const SUMMARY_TITLE: Label = {
  ja: "研究セキュリティ確認書（配分機関提出用）",
  en: "Research-security summary for the funding agency",
};

const T = {
  number: { ja: "整理番号", en: "Project No." },
  status: { ja: "状態", en: "Status" },
  printed: { ja: "出力日時", en: "Printed" },
  title: { ja: "課題名", en: "Project title" },
  summary: { ja: "概要", en: "Summary" },
  funding: { ja: "配分機関・事業", en: "Funding agency / programme" },
  specified: { ja: "特定研究開発プログラム", en: "Specified R&D programme" },
  usFederal: { ja: "米国連邦資金", en: "US federal funding" },
  due: { ja: "申請期限", en: "Application due" },
  department: { ja: "部局", en: "Department" },
  areas: { ja: "技術分野", en: "Technology areas" },
  training: { ja: "必須研修", en: "Required training" },
  yes: { ja: "該当", en: "Yes" },
  no: { ja: "非該当", en: "No" },
  none: { ja: "なし", en: "None" },
  notScreened: { ja: "未スクリーニング", en: "Not screened" },
  noHits: { ja: "該当なし", en: "No match" },
  screenedOn: { ja: "確認日", en: "screened" },
  confirmed: { ja: "一致（確定）", en: "match (confirmed)" },
  undecided: { ja: "該当候補（未判定）", en: "possible match (undecided)" },
  eRad: { ja: "e-Rad 研究者番号", en: "e-Rad researcher No." },
  pledge: { ja: "e-Rad 誓約", en: "e-Rad pledge" },
  pledgeDue: { ja: "期限", en: "due" },
  pledgeGiven: { ja: "誓約日", en: "given on" },
  notRequired: { ja: "対象外", en: "Not required" },
  disclosure: { ja: "研究インテグリティ申告", en: "Research-integrity disclosure" },
  disclosureDue: { ja: "更新期限", en: "update due" },
  noDisclosure: { ja: "未申告", en: "None on file" },
  current: { ja: "修了（有効）", en: "passed (current)" },
  notCurrent: { ja: "未修了・期限切れ", en: "not passed or expired" },
  conclusion: { ja: "結論", en: "Conclusion" },
  evidence: { ja: "根拠", en: "Evidence" },
  basis: { ja: "拠り所", en: "Basis" },
  owner: { ja: "担当", en: "Owner" },
  addresses: { ja: "対応する確認項目", en: "Addresses" },
  readyAt: { ja: "申請準備完了の確認日時", en: "Marked ready" },
  controlRef: { ja: "該当項番", en: "Control-list entry" },
  location: { ja: "保管場所", en: "Kept at" },
  accessLimits: { ja: "アクセス制限", en: "Access limits" },
  authorised: { ja: "利用できる研究者", en: "Authorised members" },
  sharedWith: { ja: "共有先", en: "Shared with" },
  agreement: { ja: "根拠となる取決め", en: "under" },
  blockers: { ja: "未解決の事項", en: "Unresolved items" },
  noBlockers: { ja: "未解決の事項はありません", en: "Nothing unresolved" },
} satisfies Record<string, Label>;

const HEADINGS: Record<string, Label> = {
  project: { ja: "1. 課題の概要", en: "1. Project" },
  partners: {
    ja: "2. 相手先（共同研究先・資金提供者）とスクリーニング結果",
    en: "2. Partners and screening",
  },
  members: {
    ja: "3. 研究者・e-Rad 誓約・研究インテグリティ申告",
    en: "3. Researchers, pledges and disclosures",
  },
  checks: { ja: "4. デューディリジェンス確認項目", en: "4. Due-diligence checklist" },
  measures: { ja: "5. リスク低減計画", en: "5. Mitigation plan" },
  assets: { ja: "6. データ・設備の管理台帳", en: "6. Data and equipment register" },
  readiness: { ja: "7. 申請準備の状況", en: "7. Readiness for application" },
};

const areaLabel = (id: string, lang: Lang) =>
  [...JP_CRITICAL_AREAS, ...US_CET_AREAS].find((a) => a.id === id)?.label[lang] ?? id;

/** The summary's sections as label/value rows: what the PDF prints (kept apart so it can be tested). */
export function summarySections(
  p: ProjectSummaryView,
  lang: Lang,
  timeZone: string,
): { heading: string; rows: Row[] }[] {
  const L = (l: Label) => l[lang];
  const sep = lang === "ja" ? "、" : ", ";
  const project: Row[] = [
    [L(T.title), p.title],
    ...(p.summary ? ([[L(T.summary), p.summary]] as Row[]) : []),
    [L(T.funding), `${p.fundingAgency} / ${p.fundingProgramme}`],
    [L(T.specified), p.specifiedProgramme ? L(T.yes) : L(T.no)],
    [L(T.usFederal), p.usFederal ? L(T.yes) : L(T.no)],
    [L(T.due), p.applicationDueOn ?? "—"],
    [L(T.department), p.department ?? "—"],
    [L(T.areas), [...p.jpTags, ...p.usTags].map((id) => areaLabel(id, lang)).join(sep) || L(T.none)],
    [L(T.training), p.requiredModules.join(sep) || L(T.none)],
  ];
  const partners: Row[] = p.partners.length
    ? p.partners.map((x) => [
        `${x.name}${x.country ? ` (${x.country})` : ""}\n${projectLabel("partnerRole", x.role, lang)}`,
        x.screening === null
          ? L(T.notScreened)
          : x.screening.liveHits.length === 0
            ? `${L(T.noHits)}（${L(T.screenedOn)} ${x.screenedAt?.slice(0, 10) ?? "—"}）`
            : x.screening.liveHits
                .map((h) => `・${L(h.list)}: ${h.name} — ${h.decided ? L(T.confirmed) : L(T.undecided)}`)
                .join("\n"),
      ])
    : [[L(T.none), ""]];
  const members: Row[] = p.members.length
    ? p.members.map((m) => {
        const lines = [
          `${L(T.pledge)}: ${
            m.pledgeRequired
              ? `${projectLabel("pledgeState", m.pledgeState, lang)}${m.pledge ? `（${L(T.pledgeDue)} ${m.pledge.dueOn}${m.pledge.givenOn ? ` / ${L(T.pledgeGiven)} ${m.pledge.givenOn}` : ""}）` : ""}`
              : L(T.notRequired)
          }`,
          `${L(T.disclosure)}: ${
            m.hasDisclosure ? `${L(T.disclosureDue)} ${m.disclosureDueOn ?? "—"}` : L(T.noDisclosure)
          }`,
          ...m.training.map((t) => `${L(t.title)}: ${t.current ? L(T.current) : L(T.notCurrent)}`),
        ];
        return [
          `${m.name}\n${projectLabel("memberRole", m.role, lang)}${m.eradResearcherNumber ? `\n${L(T.eRad)} ${m.eradResearcherNumber}` : ""}`,
          lines.join("\n"),
        ];
      })
    : [[L(T.none), ""]];
  const checks: Row[] = p.checks.map((c) => [
    `${L(c.label)}\n${projectLabel("checkStatus", c.status, lang)}`,
    [
      c.conclusion ? `${L(T.conclusion)}: ${c.conclusion}` : "",
      ...c.evidence.map((e) => `${L(T.evidence)}: ${e.text}${e.url ? ` <${e.url}>` : ""}`),
      `${L(T.basis)}: ${c.basis}`,
    ]
      .filter(Boolean)
      .join("\n"),
  ]);
  const measures: Row[] = p.measures.length
    ? p.measures.map((m) => [
        `${projectLabel("measureKind", m.kind, lang)}\n${projectLabel("measureStatus", m.status, lang)}`,
        [
          m.description,
          `${L(T.owner)}: ${m.ownerName}${m.dueOn ? `（${L(T.pledgeDue)} ${m.dueOn}）` : ""}`,
          ...(m.addresses.length
            ? [
                `${L(T.addresses)}: ${m.addresses
                  .map((a) => p.checks.find((c) => c.item === a)?.label[lang] ?? a)
                  .join(sep)}`,
              ]
            : []),
        ].join("\n"),
      ])
    : [[L(T.none), ""]];
  const assets: Row[] = p.assets?.length
    ? p.assets.map((a) => [
        `${projectLabel("assetKind", a.kind, lang)}: ${a.description}\n${projectLabel("controlStatus", a.controlStatus, lang)}`,
        [
          a.controlRef ? `${L(T.controlRef)}: ${a.controlRef}` : "",
          a.location ? `${L(T.location)}: ${a.location}` : "",
          a.accessLimits ? `${L(T.accessLimits)}: ${a.accessLimits}` : "",
          a.authorised.length ? `${L(T.authorised)}: ${a.authorised.map((x) => x.name).join(sep)}` : "",
          a.sharedWithName
            ? `${L(T.sharedWith)}: ${a.sharedWithName}${a.sharingAgreement ? `（${L(T.agreement)} ${a.sharingAgreement}）` : ""}`
            : "",
        ]
          .filter(Boolean)
          .join("\n"),
      ])
    : [[L(T.none), ""]];
  const readiness: Row[] = [
    [L(T.status), projectLabel("status", p.status, lang)],
    ...(p.readyAt ? ([[L(T.readyAt), formatDateTimeInZone(p.readyAt, timeZone, lang)]] as Row[]) : []),
    [
      L(T.blockers),
      p.blockers.length ? p.blockers.map((b) => `・${L(b.message)}`).join("\n") : L(T.noBlockers),
    ],
  ];
  return [
    { heading: L(HEADINGS.project!), rows: project },
    { heading: L(HEADINGS.partners!), rows: partners },
    { heading: L(HEADINGS.members!), rows: members },
    { heading: L(HEADINGS.checks!), rows: checks },
    { heading: L(HEADINGS.measures!), rows: measures },
    { heading: L(HEADINGS.assets!), rows: assets },
    { heading: L(HEADINGS.readiness!), rows: readiness },
  ];
}

/**
 * Prints a funded project's research-security summary for the funding agency (the file the
 * 特定研究開発プログラム procedure and NSPM-33 ask an institution to keep and show) as an A4 PDF
 * in Japanese or English, with the Japanese font embedded so it prints the same everywhere.
 */
export function renderProjectSummaryPdf(
  p: ProjectSummaryView,
  lang: Lang,
  font: PdfFont,
  printedAt: Date,
  timeZone: string,
): Promise<Buffer> {
  const pdf = openPdf(font, {
    margins: { top: 48, bottom: 48, left: 48, right: 48 },
    info: { Title: `${SUMMARY_TITLE[lang]} No.${p.number}`, Creator: "Sekimori" },
  });
  const { doc, left, width } = pdf;

  doc.fontSize(16).text(SUMMARY_TITLE[lang], left, doc.page.margins.top, { width, align: "center" });
  doc.moveDown(0.3);
  doc
    .fontSize(8.5)
    .fillColor("#444")
    .text(
      `${T.number[lang]}: ${p.number}    ${T.status[lang]}: ${projectLabel("status", p.status, lang)}    ${T.printed[lang]}: ${formatDateTimeInZone(printedAt, timeZone, lang)}`,
      { width, align: "center" },
    );
  doc.fillColor("black");

  for (const section of summarySections(p, lang, timeZone)) {
    drawSectionBand(pdf, section.heading);
    drawLabelRows(pdf, section.rows, { labelWidth: 170 });
  }
  return pdf.finish();
}
