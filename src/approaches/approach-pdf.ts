import type { PdfFont } from "../shared/pdf-font.js";
import { openPdf } from "../shared/pdf-layout.js";
import { DEFAULT_TIME_ZONE, formatDateTimeInZone } from "../shared/time-format.js";
import { ASK_LABELS, CHANNEL_LABELS, OFFER_LABELS, QUESTIONS } from "./approach-risk-engine.js";
import type { ReportView } from "./approach-service.js";

type Lang = "ja" | "en";
type Bi = { ja: string; en: string };

const L = {
  title: { ja: "接触報告（警察への相談・通報用）", en: "Approach report (for referral to the police)" },
  reference: { ja: "報告番号", en: "Reference" },
  generated: { ja: "作成", en: "Generated" },
  reporter: { ja: "報告者", en: "Reporter" },
  department: { ja: "所属", en: "Department" },
  submitted: { ja: "報告日時", en: "Submitted" },
  occurred: { ja: "接触のあった日", en: "Date of contact" },
  channel: { ja: "接触の経路", en: "Channel" },
  who: { ja: "相手", en: "Contact" },
  name: { ja: "名前", en: "Name" },
  organisation: { ja: "組織", en: "Organisation" },
  profile: { ja: "プロフィールURL", en: "Profile URL" },
  email: { ja: "メール", en: "E-mail" },
  phone: { ja: "電話", en: "Phone" },
  offered: { ja: "提示されたもの", en: "Offered" },
  asked: { ja: "求められたもの", en: "Asked for" },
  assessment: { ja: "リスク評価", en: "Risk assessment" },
  level: { ja: "評価", en: "Level" },
  reasons: { ja: "理由", en: "Reasons" },
  answers: { ja: "質問票の回答（「はい」「わからない」）", en: "Questionnaire answers (yes / unsure)" },
  message: { ja: "受け取ったメッセージ", en: "Message received" },
  description: { ja: "経緯（報告者の記述）", en: "What happened (reporter's account)" },
  attachments: {
    ja: "添付資料（SHA-256 で同一性を確認できます）",
    en: "Attachments (SHA-256 identifies each file)",
  },
  parties: { ja: "取引先・関係者とリスト照合", en: "Linked parties and screening" },
  cluster: { ja: "他の報告との関連", en: "Related reports" },
  triage: { ja: "安全保障管理室の対応", en: "Security office handling" },
  status: { ja: "状況", en: "Status" },
  outcome: { ja: "結果", en: "Outcome" },
  none: { ja: "なし", en: "none" },
  hidden: { ja: "非表示", en: "hidden" },
  yes: { ja: "はい", en: "yes" },
  unsure: { ja: "わからない", en: "unsure" },
  verbatim: {
    ja: "※ メッセージと記述は報告者の入力のまま転記しています。",
    en: "Messages and the account are reproduced as the reporter entered them.",
  },
  confidential: {
    ja: "取扱注意 — 関係者限り。Sekimori（関守）から出力。",
    en: "Confidential — for the recipients only. Exported from Sekimori.",
  },
} satisfies Record<string, Bi>;

const LEVELS: Record<string, Bi> = {
  low: { ja: "低", en: "Low" },
  medium: { ja: "中", en: "Medium" },
  high: { ja: "高", en: "High" },
};
const STATUSES: Record<string, Bi> = {
  new: { ja: "未対応", en: "New" },
  in_review: { ja: "対応中", en: "In review" },
  closed: { ja: "完了", en: "Closed" },
  draft: { ja: "下書き", en: "Draft" },
};
export const OUTCOME_LABELS: Record<string, Bi> = {
  no_concern: { ja: "懸念なし", en: "No concern" },
  advised_reporter: { ja: "報告者に助言", en: "Reporter advised" },
  contact_blocked: { ja: "相手との接触を遮断", en: "Contact blocked" },
  referred_to_police: { ja: "警察に相談・通報", en: "Referred to the police" },
  referred_internally: { ja: "学内・社内の関係部署へ回付", en: "Referred internally" },
  other: { ja: "その他", en: "Other" },
};

export type PdfInput = {
  view: ReportView;
  reporterLabel: Bi;
  department: string | null;
  /** The reporter is pseudonymised: the department is hidden, not absent (「非表示」, not 「なし」). */
  departmentHidden?: boolean;
  /** The organisation's time zone; times print in it with the zone named. */
  timeZone?: string;
  lang: Lang;
  generatedAt: Date;
  generatedBy: string;
  font: PdfFont;
  /** References of the other reports in the same cluster (never their reporters). */
  relatedReferences: string[];
};

/**
 * Renders one approach report as a PDF a security office can hand to the police: the facts as
 * reported, the assessment with its reasons, evidence fingerprints and the office's handling. The
 * reporter appears by name or by pseudonym, as the caller decided.
 */
export function renderApproachPdf(input: PdfInput): Promise<Buffer> {
  const { view, lang } = input;
  const t = (b: Bi) => b[lang];
  const pdf = openPdf(input.font, {
    margin: 50,
    info: {
      Title: `${view.reference} ${L.title[lang]}`,
      Author: "Sekimori",
      Subject: L.title[lang],
      CreationDate: input.generatedAt,
    },
  });
  const { doc } = pdf;

  const heading = (text: string) => {
    doc.moveDown(0.6);
    doc.fontSize(12).fillColor("#1f3a5f").text(text);
    doc
      .moveTo(doc.page.margins.left, doc.y + 1)
      .lineTo(doc.page.width - doc.page.margins.right, doc.y + 1)
      .strokeColor("#c8d3e0")
      .stroke();
    doc.moveDown(0.3).fontSize(10).fillColor("black");
  };
  const field = (label: Bi, value: string | null | undefined) => {
    doc
      .fontSize(10)
      .fillColor("#555555")
      .text(`${t(label)}: `, { continued: true })
      .fillColor("black")
      .text(value && value.trim() !== "" ? value : t(L.none));
  };
  const list = (items: string[]) => {
    if (items.length === 0) doc.text(t(L.none));
    for (const item of items) doc.text(`• ${item}`, { indent: 8 });
  };

  doc.fontSize(16).text(t(L.title));
  doc.fontSize(9).fillColor("#555555").text(t(L.confidential)).fillColor("black");
  doc.moveDown(0.5);
  field(L.reference, view.reference);
  const zone = input.timeZone ?? DEFAULT_TIME_ZONE;
  field(L.generated, `${formatDateTimeInZone(input.generatedAt, zone, lang)} — ${input.generatedBy}`);
  field(L.reporter, t(input.reporterLabel));
  field(L.department, input.departmentHidden ? t(L.hidden) : input.department);
  field(L.submitted, view.submittedAt ? formatDateTimeInZone(view.submittedAt, zone, lang) : null);
  field(L.occurred, view.occurredOn);
  field(L.channel, `${t(CHANNEL_LABELS[view.channel])}${view.channelOther ? ` — ${view.channelOther}` : ""}`);

  heading(t(L.who));
  field(L.name, view.sender.name);
  field(L.organisation, view.sender.organisation);
  field(L.profile, view.sender.profileUrl);
  field(L.email, view.sender.email);
  field(L.phone, view.sender.phone);
  field(
    L.offered,
    [...view.offered.map((o) => t(OFFER_LABELS[o])), view.offeredOther].filter(Boolean).join("、 "),
  );
  field(L.asked, [...view.asked.map((a) => t(ASK_LABELS[a])), view.askedOther].filter(Boolean).join("、 "));

  heading(t(L.assessment));
  field(L.level, `${t(LEVELS[view.assessment.level]!)} (${view.assessment.score})`);
  doc.text(t(view.assessment.summary));
  doc.moveDown(0.2).fillColor("#555555").text(t(L.reasons)).fillColor("black");
  list(
    view.assessment.reasons.map(
      (r) => `${r.id.startsWith("A") ? `${r.id} ` : ""}${t(r.text)} (+${r.points})`,
    ),
  );
  doc.moveDown(0.2).fillColor("#555555").text(t(L.answers)).fillColor("black");
  list(
    QUESTIONS.filter((q) => view.answers[q.flagId] === "yes" || view.answers[q.flagId] === "unsure").map(
      (q) => `${q.flagId} ${t(q.reason)} — ${view.answers[q.flagId] === "yes" ? t(L.yes) : t(L.unsure)}`,
    ),
  );

  heading(t(L.message));
  doc.text(view.messageText ?? t(L.none));
  heading(t(L.description));
  doc.text(view.description ?? t(L.none));
  doc.moveDown(0.2).fontSize(8).fillColor("#555555").text(t(L.verbatim)).fontSize(10).fillColor("black");

  heading(t(L.attachments));
  list(
    view.attachments.map((a) => `${a.fileName} (${a.mediaType}, ${a.sizeBytes} bytes) SHA-256 ${a.sha256}`),
  );

  if (view.office) {
    heading(t(L.parties));
    list(
      view.office.parties.map((p) => {
        const s = p.screening;
        const state = !s
          ? "—"
          : s.status === "screened"
            ? lang === "ja"
              ? `照合済み：未判断の一致 ${s.openHitCount} 件、確定 ${s.confirmedHitCount} 件`
              : `screened: ${s.openHitCount} open, ${s.confirmedHitCount} confirmed hits`
            : t(s.message ?? { ja: "照合できませんでした", en: "not screened" });
        return `${p.name} — ${state}`;
      }),
    );
    heading(t(L.cluster));
    if (view.office.cluster) {
      doc.text(
        lang === "ja"
          ? `${view.office.cluster.reporterCount}人からの${view.office.cluster.reportCount}件の報告が関連しています：${input.relatedReferences.join("、")}`
          : `${view.office.cluster.reportCount} reports from ${view.office.cluster.reporterCount} people are related: ${input.relatedReferences.join(", ")}`,
      );
    } else doc.text(t(L.none));
    heading(t(L.triage));
    field(L.status, t(STATUSES[view.status]!));
    field(L.outcome, view.office.outcome ? t(OUTCOME_LABELS[view.office.outcome]!) : null);
    if (view.office.outcomeNote) doc.text(view.office.outcomeNote);
  }

  return pdf.finish();
}
