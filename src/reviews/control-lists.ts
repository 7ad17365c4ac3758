/**
 * Reference data the review workflow reasons with: the 輸出貿易管理令 別表第1 / 外国為替令 別表 items and
 * the technology exceptions (re-exported from src/export-control), the topic tags (Japan's 20 特定重要技術 research
 * areas, the US Critical and Emerging Technologies list) and the checklists of the 取引審査. Pure data,
 * in both UI languages, so the forms, the engines, the PDF sheets and the web app all say the same.
 */
export type Label = { ja: string; en: string };

export {
  EXCEPTION_DEFINITIONS,
  EXCEPTION_USE_LABELS,
  EXCEPTION_USES,
  TECH_EXCEPTIONS as EXCEPTIONS,
  type TechException as ExceptionCode,
} from "../export-control/exceptions.js";
export {
  CATCH_ALL_CHOICE_LABELS,
  CATCH_ALL_CHOICES,
  type CatchAllChoice,
  CONTROL_ITEMS,
  LIST_STATUS_LABELS,
  LIST_STATUSES,
  LISTED_ITEMS,
  REGIME_LABELS,
  REGIMES,
  type Regime,
} from "../export-control/item-classification.js";

/** Japan's 20 technology areas (経済安全保障重要技術育成プログラム / 特定重要技術の研究開発の基本指針). */
export const JP_CRITICAL_AREAS: readonly { id: string; label: Label }[] = [
  { id: "jp-01", label: { ja: "バイオ技術", en: "Biotechnology" } },
  {
    id: "jp-02",
    label: {
      ja: "医療・公衆衛生技術（ゲノム学含む）",
      en: "Medical and public-health technology (incl. genomics)",
    },
  },
  {
    id: "jp-03",
    label: { ja: "人工知能・機械学習技術", en: "Artificial intelligence and machine learning" },
  },
  { id: "jp-04", label: { ja: "先端コンピューティング技術", en: "Advanced computing" } },
  { id: "jp-05", label: { ja: "マイクロプロセッサ・半導体技術", en: "Microprocessors and semiconductors" } },
  {
    id: "jp-06",
    label: { ja: "データ科学・分析・蓄積・運用技術", en: "Data science, analytics and storage" },
  },
  {
    id: "jp-07",
    label: { ja: "先端エンジニアリング・製造技術", en: "Advanced engineering and manufacturing" },
  },
  { id: "jp-08", label: { ja: "ロボット工学", en: "Robotics" } },
  { id: "jp-09", label: { ja: "量子情報科学", en: "Quantum information science" } },
  {
    id: "jp-10",
    label: { ja: "先端監視・測位・センサー技術", en: "Advanced surveillance, positioning and sensors" },
  },
  { id: "jp-11", label: { ja: "脳コンピュータ・インターフェース技術", en: "Brain–computer interfaces" } },
  {
    id: "jp-12",
    label: { ja: "先端エネルギー・蓄エネルギー技術", en: "Advanced energy and energy storage" },
  },
  {
    id: "jp-13",
    label: { ja: "高度情報通信・ネットワーク技術", en: "Advanced communications and networking" },
  },
  { id: "jp-14", label: { ja: "サイバーセキュリティ技術", en: "Cybersecurity" } },
  { id: "jp-15", label: { ja: "宇宙関連技術", en: "Space" } },
  { id: "jp-16", label: { ja: "海洋関連技術", en: "Marine" } },
  { id: "jp-17", label: { ja: "輸送技術", en: "Transport" } },
  { id: "jp-18", label: { ja: "極超音速", en: "Hypersonics" } },
  {
    id: "jp-19",
    label: {
      ja: "化学・生物・放射性物質及び核（CBRN）",
      en: "Chemical, biological, radiological and nuclear (CBRN)",
    },
  },
  { id: "jp-20", label: { ja: "先端材料科学", en: "Advanced materials science" } },
];

/** The US Critical and Emerging Technologies list (National Science and Technology Council, 2024 update). */
export const US_CET_AREAS: readonly { id: string; label: Label }[] = [
  { id: "us-01", label: { ja: "先端コンピューティング", en: "Advanced Computing" } },
  { id: "us-02", label: { ja: "先端エンジニアリング材料", en: "Advanced Engineering Materials" } },
  {
    id: "us-03",
    label: { ja: "先端ガスタービンエンジン技術", en: "Advanced Gas Turbine Engine Technologies" },
  },
  {
    id: "us-04",
    label: {
      ja: "先端・ネットワーク化センシング及びシグネチャ管理",
      en: "Advanced and Networked Sensing and Signature Management",
    },
  },
  { id: "us-05", label: { ja: "先端製造", en: "Advanced Manufacturing" } },
  { id: "us-06", label: { ja: "人工知能", en: "Artificial Intelligence" } },
  { id: "us-07", label: { ja: "バイオテクノロジー", en: "Biotechnologies" } },
  { id: "us-08", label: { ja: "クリーンエネルギー発電・貯蔵", en: "Clean Energy Generation and Storage" } },
  {
    id: "us-09",
    label: {
      ja: "データプライバシー・データセキュリティ・サイバーセキュリティ",
      en: "Data Privacy, Data Security, and Cybersecurity Technologies",
    },
  },
  { id: "us-10", label: { ja: "指向性エネルギー", en: "Directed Energy" } },
  {
    id: "us-11",
    label: {
      ja: "高度自動化・自律・無人システム及びロボティクス",
      en: "Highly Automated, Autonomous, and Uncrewed Systems (UxS), and Robotics",
    },
  },
  { id: "us-12", label: { ja: "ヒューマン・マシン・インターフェース", en: "Human-Machine Interfaces" } },
  { id: "us-13", label: { ja: "極超音速", en: "Hypersonics" } },
  {
    id: "us-14",
    label: { ja: "統合通信・ネットワーク技術", en: "Integrated Communication and Networking Technologies" },
  },
  {
    id: "us-15",
    label: { ja: "測位・航法・計時（PNT）", en: "Positioning, Navigation, and Timing (PNT) Technologies" },
  },
  { id: "us-16", label: { ja: "量子情報及び関連技術", en: "Quantum Information and Enabling Technologies" } },
  {
    id: "us-17",
    label: { ja: "半導体・マイクロエレクトロニクス", en: "Semiconductors and Microelectronics" },
  },
  { id: "us-18", label: { ja: "宇宙技術・システム", en: "Space Technologies and Systems" } },
];

/** One question of a 取引審査 checklist: answering "yes" means a concern is present. */
export type ChecklistItem = { id: string; label: Label; flag: string };

/** 用途チェックリスト (end use). */
export const END_USE_CHECKLIST: readonly ChecklistItem[] = [
  {
    id: "wmd",
    flag: "R-END-USE",
    label: {
      ja: "大量破壊兵器等（核・化学・生物兵器、ミサイル）の開発・製造・使用・貯蔵に用いられるおそれがある",
      en: "May be used to develop, make, use or store weapons of mass destruction or missiles",
    },
  },
  {
    id: "conventional",
    flag: "R-END-USE",
    label: {
      ja: "通常兵器の開発・製造・使用に用いられるおそれがある",
      en: "May be used to develop, make or use conventional weapons",
    },
  },
  {
    id: "military_site",
    flag: "R-MILITARY",
    label: {
      ja: "軍・軍関係機関またはその関連施設で使用される予定である",
      en: "Will be used by the military, a military body, or at a related site",
    },
  },
  {
    id: "unclear_use",
    flag: "R-END-USE",
    label: {
      ja: "用途が不明確、または説明が合理的でない",
      en: "The end use is unclear or the explanation is implausible",
    },
  },
];

/** 明らかガイドライン: signs that the end use or end user is of concern. */
export const AKIRAKA_CHECKLIST: readonly ChecklistItem[] = [
  {
    id: "doc_mentions_wmd",
    flag: "R-AKIRAKA",
    label: {
      ja: "契約書・入手文書等に大量破壊兵器等の開発等に用いられる旨の記載がある",
      en: "Contracts or documents say it will be used to develop weapons of mass destruction",
    },
  },
  {
    id: "told_wmd",
    flag: "R-AKIRAKA",
    label: {
      ja: "需要者等から大量破壊兵器等の開発等に用いられる旨の連絡がある",
      en: "The end user said it will be used to develop weapons of mass destruction",
    },
  },
  {
    id: "refuses_info",
    flag: "R-AKIRAKA",
    label: {
      ja: "需要者が用途・設置場所等の説明を拒む、または曖昧にする",
      en: "The end user refuses or evades questions about use or installation site",
    },
  },
  {
    id: "mismatch_business",
    flag: "R-AKIRAKA",
    label: {
      ja: "需要者の事業内容・技術水準に比べて不釣り合いな仕様・数量を求めている",
      en: "Specifications or quantities do not fit the end user's business or skills",
    },
  },
  {
    id: "declines_support",
    flag: "R-AKIRAKA",
    label: {
      ja: "通常必要な据付・保守・指導等を辞退している",
      en: "Declines the installation, maintenance or training normally needed",
    },
  },
  {
    id: "unusual_terms",
    flag: "R-AKIRAKA",
    label: {
      ja: "支払条件・納期・輸送経路・梱包が不自然（現金払い、相場より高額、迂回経路等）",
      en: "Unusual payment, delivery, route or packing (cash, above market price, detours)",
    },
  },
];

/** 需要者チェックリスト (end user). */
export const END_USER_CHECKLIST: readonly ChecklistItem[] = [
  {
    id: "on_eul",
    flag: "R-EUL",
    label: {
      ja: "需要者が外国ユーザーリストに掲載されている",
      en: "The end user is on METI's End User List",
    },
  },
  {
    id: "military_body",
    flag: "R-MILITARY",
    label: {
      ja: "需要者が軍・国防関係機関、またはその関連組織である",
      en: "The end user is a military or defence body, or linked to one",
    },
  },
  {
    id: "unverifiable",
    flag: "R-END-USE",
    label: {
      ja: "需要者の実在・所在地・事業内容が確認できない",
      en: "The end user's existence, address or business cannot be verified",
    },
  },
  {
    id: "not_final",
    flag: "R-END-USE",
    label: {
      ja: "需要者が最終需要者でなく（再販・仲介等）、最終需要者が不明である",
      en: "The end user is a reseller or intermediary and the final user is unknown",
    },
  },
  {
    id: "past_concern",
    flag: "R-LIST-HIT",
    label: {
      ja: "過去に懸念される取引・不正輸出等の情報がある",
      en: "There is information about past concerning transactions or illegal exports",
    },
  },
];

/** The three 取引審査 checklists, keyed as they are stored. */
export const TRANSACTION_CHECKLISTS = {
  endUse: END_USE_CHECKLIST,
  akiraka: AKIRAKA_CHECKLIST,
  endUser: END_USER_CHECKLIST,
} as const;
export type ChecklistKey = keyof typeof TRANSACTION_CHECKLISTS;
