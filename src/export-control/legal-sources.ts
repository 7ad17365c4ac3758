/**
 * The primary texts the export-control rules rest on, and how a rule cites them. Every citation says
 * whether its article/paragraph/item number has been checked against the current text (`verified`)
 * or is this project's best reading that still has to be checked (要確認 / to verify). Nothing here
 * claims more certainty than that: the engine's output carries the flag through to the user.
 *
 * Pure data; no IO. Read with docs/export-control.md, which lists every 要確認 point.
 */

export type Label = { ja: string; en: string };

/** The laws, orders, ordinances, notices and guidance the product cites. */
export const SOURCES = {
  fefta: {
    ja: "外国為替及び外国貿易法（昭和24年法律第228号、外為法）",
    en: "Foreign Exchange and Foreign Trade Act (Act No. 228 of 1949, FEFTA)",
  },
  etco: {
    ja: "輸出貿易管理令（昭和24年政令第378号、輸出令）",
    en: "Export Trade Control Order (Cabinet Order No. 378 of 1949, ETCO)",
  },
  feo: {
    ja: "外国為替令（昭和55年政令第260号、外為令）",
    en: "Foreign Exchange Order (Cabinet Order No. 260 of 1980, FEO)",
  },
  goodsOrdinance: {
    ja: "輸出貿易管理令別表第一及び外国為替令別表の規定に基づき貨物又は技術を定める省令（平成3年通商産業省令第49号、貨物等省令）",
    en: "Ministerial Ordinance Specifying Goods and Technologies (MITI Ordinance No. 49 of 1991, 貨物等省令)",
  },
  tradeOrdinance: {
    ja: "貿易関係貿易外取引等に関する省令（平成10年通商産業省令第8号、貿易外省令）",
    en: "Ministerial Ordinance on Trade-Related Invisible Trade (MITI Ordinance No. 8 of 1998, 貿易外省令)",
  },
  wmdOrdinance: {
    ja: "輸出貨物が核兵器等の開発等のために用いられるおそれがある場合を定める省令（平成13年経済産業省令第249号）",
    en: "Ordinance on when exported goods may be used to develop nuclear weapons etc. (METI Ordinance No. 249 of 2001)",
  },
  conventionalOrdinance: {
    ja: "輸出貨物が輸出貿易管理令別表第一の一の項の中欄に掲げる貨物（核兵器等に該当するものを除く。）の開発、製造又は使用のために用いられるおそれがある場合を定める省令（平成20年経済産業省令第57号、通常兵器開発等省令）",
    en: "Ordinance on when exported goods may be used to develop, manufacture or use goods of item 1 of Appended Table 1 of the Export Trade Control Order (other than nuclear weapons etc.) (METI Ordinance No. 57 of 2008, conventional-weapons end-use ordinance)",
  },
  ekimuTsutatsu: {
    ja: "役務通達「外国為替及び外国貿易法第25条第1項及び外国為替令第17条第2項の規定に基づき許可を要する技術を提供する取引又は行為について」（平成4年12月21日 4貿局第492号）",
    en: "METI notice on technology-provision transactions requiring a licence (役務通達, 21 Dec 1992, 4貿局第492号)",
  },
  unyoTsutatsu: {
    ja: "「輸出貿易管理令の運用について」（昭和62年11月6日 62貿局第322号・輸出注意事項62第11号）",
    en: "METI notice on the operation of the Export Trade Control Order (6 Nov 1987)",
  },
  mofInterpretation: {
    ja: "「外国為替法令の解釈及び運用について」（昭和55年11月29日 蔵国第4672号）第6条第1項第5号・第6号関係",
    en: "MOF notice on the interpretation of foreign-exchange laws (29 Nov 1980, 蔵国第4672号), on FEFTA art. 6(1)(v)–(vi)",
  },
  universityGuidance: {
    ja: "経済産業省「安全保障貿易に係る機微技術管理ガイダンス（大学・研究機関用）」",
    en: "METI, Guidance on sensitive-technology control for security trade (universities and research institutions)",
  },
  akirakaGuideline: {
    ja: "経済産業省「明らかガイドライン」（大量破壊兵器等の開発等に用いられるおそれがないことが明らかな場合の判断基準）",
    en: "METI 'clearly' guideline (when it is clear goods will not be used for WMD development)",
  },
  catchAllPage: {
    ja: "経済産業省 安全保障貿易管理「キャッチオール規制」（https://www.meti.go.jp/policy/anpo/catchall.html）",
    en: "METI security export control, 'Catch-all controls' page (https://www.meti.go.jp/policy/anpo/catchall.html)",
  },
  metiPress20250404: {
    ja: "経済産業省 ニュースリリース「「外国為替令等の一部を改正する政令」が閣議決定されました」（2025年4月4日）",
    en: "METI press release, 'Cabinet Order partially amending the Foreign Exchange Order etc. decided by the Cabinet' (4 Apr 2025)",
  },
  eulRevision2025: {
    ja: "経済産業省 2025年9月29日「外国ユーザーリスト」改正（通常兵器の開発等の懸念団体を追加、令和7年10月9日適用）",
    en: "METI, 29 Sep 2025: End User List revised (entities of conventional-weapons concern added; applies from 9 Oct 2025)",
  },
  complianceStandards: {
    ja: "輸出者等遵守基準を定める省令（平成21年経済産業省令第60号）",
    en: "Ordinance on the compliance standards for exporters (METI Ordinance No. 60 of 2009)",
  },
  selfCheckList: {
    ja: "経済産業省「自己管理チェックリスト（CL）」",
    en: "METI self-management checklist (自己管理チェックリスト, CL)",
  },
} as const satisfies Record<string, Label>;

export type SourceId = keyof typeof SOURCES;

/**
 * One citation: the source, the provision as printed (第X条第Y項第Z号, 別表第1の16の項 …), whether it
 * has been checked against the current text, and a note saying what is uncertain.
 */
export type Citation = {
  source: SourceId;
  provision: Label;
  verified: boolean;
  note?: Label;
};

/** Builds a citation; `verified: false` marks the 要確認 points. */
export function cite(source: SourceId, provision: Label | string, verified: boolean, note?: Label): Citation {
  const p = typeof provision === "string" ? { ja: provision, en: provision } : provision;
  return { source, provision: p, verified, ...(note ? { note } : {}) };
}

/** A citation written out in one line, e.g. 「外為法 第48条第1項」. */
export function citationText(c: Citation, lang: "ja" | "en"): string {
  const short: Record<SourceId, Label> = {
    fefta: { ja: "外為法", en: "FEFTA" },
    etco: { ja: "輸出令", en: "ETCO" },
    feo: { ja: "外為令", en: "FEO" },
    goodsOrdinance: { ja: "貨物等省令", en: "Goods & Technologies Ordinance" },
    tradeOrdinance: { ja: "貿易外省令", en: "Invisible Trade Ordinance" },
    wmdOrdinance: { ja: "核兵器等開発等省令", en: "WMD end-use ordinance" },
    conventionalOrdinance: { ja: "通常兵器開発等省令", en: "Conventional-weapons end-use ordinance" },
    ekimuTsutatsu: { ja: "役務通達", en: "役務通達 (technology notice)" },
    unyoTsutatsu: { ja: "運用通達", en: "ETCO operation notice" },
    mofInterpretation: { ja: "外為法令解釈通達", en: "MOF interpretation notice" },
    universityGuidance: { ja: "機微技術管理ガイダンス（大学・研究機関用）", en: "METI university guidance" },
    akirakaGuideline: { ja: "明らかガイドライン", en: "'Clearly' guideline" },
    catchAllPage: { ja: "METI キャッチオール規制ページ", en: "METI catch-all page" },
    metiPress20250404: { ja: "METI 改正政令閣議決定（2025-04-04）", en: "METI press release (2025-04-04)" },
    eulRevision2025: {
      ja: "外国ユーザーリスト改正（2025-09-29）",
      en: "End User List revision (2025-09-29)",
    },
    complianceStandards: { ja: "輸出者等遵守基準省令", en: "Exporter compliance standards ordinance" },
    selfCheckList: { ja: "自己管理チェックリスト", en: "Self-management checklist" },
  };
  const mark = c.verified ? "" : lang === "ja" ? "（要確認）" : " (to verify)";
  return `${short[c.source][lang]} ${c.provision[lang]}${mark}`.trim();
}

// — Citations used by several rules —

export const C = {
  goodsLicence: cite("fefta", { ja: "第48条第1項", en: "art. 48(1)" }, true),
  goodsListItems: cite(
    "etco",
    { ja: "第1条第1項・別表第1（1〜15の項）", en: "art. 1(1), Appended Table 1 (items 1–15)" },
    true,
  ),
  techLicence: cite("fefta", { ja: "第25条第1項", en: "art. 25(1)" }, true),
  techListItems: cite(
    "feo",
    { ja: "第17条第1項・別表（1〜15の項）", en: "art. 17(1), Appended Table (items 1–15)" },
    false,
    {
      ja: "第1項がリスト規制の技術・特定国を定めるとの読みは要確認。許可不要の取引（貿易外省令第9条第2項）の委任元が外為令第17条第5項であることは、法務省の日本法令外国語訳データベース掲載の貿易外省令本文（「令第十七条第五項に規定する経済産業大臣が指定する取引は、次の各号のいずれかに該当する取引とする」）で確認",
      en: "That paragraph 1 names the listed technologies and countries is to be verified. That the licence-free transactions (Invisible Trade Ordinance art. 9(2)) are delegated by FEO art. 17(5) was read in the ordinance text on the Ministry of Justice's Japanese Law Translation database",
    },
  ),
  goodsCatchAllItem: cite(
    "etco",
    {
      ja: "別表第1 16の項（(1) 特定品目・(2) その他）",
      en: "Appended Table 1, item 16 ((1) specified goods, (2) other)",
    },
    true,
  ),
  goodsCatchAllWmd: cite(
    "etco",
    {
      ja: "第4条第1項第3号イ・ロ（16の項の特例の除外: 大量破壊兵器等の用途・需要者、通知）",
      en: "art. 4(1)(iii)(a)–(b) (item-16 exemption withheld: WMD end use/user, notice)",
    },
    false,
    {
      ja: "第4条第1項は法第48条第1項を適用しない特例の列挙で、各号のイ・ロ（核兵器等の省令・通知）及びハ（通常兵器、別表第3の2向け）に当たる場合は特例が使えない構造と読んだ。根拠: 同項第1号の本文の写し（「（ロ、第三号及び第十三条において「核兵器等」という。）」、第三者サイトの引用）と通常兵器開発等省令の制定文（「第四条第一項第三号ハ及び第四号ハ」）。第3号が16の項の号であること、2025年改正後の号・イロハは一次資料（e-Gov 現行本文）で要確認",
      en: "Art. 4(1) lists the exemptions from FEFTA art. 48(1); under each item, (a)–(b) (WMD ordinance / notice) and (c) (conventional weapons, Table 3-2 destinations) withhold the exemption. Basis: a copy of item (i)'s text (defining 核兵器等 'in (b), item (iii) and art. 13', third-party quotation) and the conventional-weapons ordinance's enacting words ('art. 4(1)(iii)(c) and (iv)(c)'). That item (iii) is the item-16 one, and the post-2025 numbering, are to be verified against the current e-Gov text",
    },
  ),
  goodsCatchAllConventional: cite(
    "etco",
    {
      ja: "第4条第1項第3号ハ・第4号ハ（16の項の特例の除外: 通常兵器）",
      en: "art. 4(1)(iii)(c) and (iv)(c) (item-16 exemption withheld: conventional weapons)",
    },
    false,
    {
      ja: "通常兵器開発等省令（平成20年経済産業省令第57号、平成23年改正後）の制定文による。第3号は大量破壊兵器だけの号ではなく、同じ号のハが通常兵器。2025年改正（一般国・需要者要件の追加）後の号・イロハは要確認",
      en: "From the enacting words of the conventional-weapons ordinance (METI Ordinance No. 57 of 2008, as amended 2011): item (iii) is not a WMD-only item — its (c) is the conventional one. The items after the 2025 revision (general destinations, end-user requirement) are to be verified",
    },
  ),
  techCatchAll: cite(
    "tradeOrdinance",
    {
      ja: "第9条第2項第7号・第8号（外為令別表16の項の技術）",
      en: "art. 9(2)(vii)–(viii) (FEO item 16 technology)",
    },
    false,
    {
      ja: "技術のキャッチオール（外為令別表16の項）の許可不要要件の条項番号は要確認",
      en: "The article numbers of the technology catch-all exemption conditions are to be verified",
    },
  ),
  wmdEndUse: cite("wmdOrdinance", { ja: "第1号（用途要件）", en: "item i (end use)" }, false),
  wmdEndUser: cite(
    "wmdOrdinance",
    { ja: "第2号（需要者要件・外国ユーザーリスト）", en: "item ii (end user, End User List)" },
    false,
  ),
  conventionalEndUse: cite("conventionalOrdinance", { ja: "用途要件", en: "end-use requirement" }, false),
  conventionalEndUser2025: cite(
    "eulRevision2025",
    {
      ja: "通常兵器の需要者要件（2025年改正）",
      en: "Conventional-weapons end-user requirement (2025 revision)",
    },
    false,
    {
      ja: "範囲の読み: 国連武器禁輸国向けは16の項の全品目、一般国向けは16の項(1)特定品目のみ（第三者の解説と一致。METIの一次資料の条項で要確認）",
      en: "Scope as read: all of item 16 to UN-embargoed destinations, item 16(1) specified goods only to general destinations (matches third-party commentary; the provision in METI's primary text is to be verified)",
    },
  ),
  revision2025Press: cite(
    "metiPress20250404",
    {
      ja: "改正の概要: 一般国向け通常兵器補完的輸出規制の見直し（特定の汎用品・汎用技術）、グループA国経由での迂回対策（インフォーム）",
      en: "Summary: conventional catch-all to general destinations for specified dual-use goods and technology; Group A anti-diversion inform requirement",
    },
    true,
    {
      ja: "ニュースリリース本文（https://www.meti.go.jp/press/2025/04/ 掲載、配信写し pubt.io で確認）。条項番号は記載なし",
      en: "Read in the press release text (published under https://www.meti.go.jp/press/2025/04/, checked in the distributed copy at pubt.io); it gives no article numbers",
    },
  ),
  inform: cite(
    "catchAllPage",
    { ja: "インフォーム要件（経済産業大臣からの通知）", en: "Inform requirement (notice from the Minister)" },
    true,
  ),
  groupAInform2025: cite(
    "catchAllPage",
    {
      ja: "別表第3の地域向けは客観要件の対象外、インフォーム要件は迂回輸出のおそれがある場合に限り適用",
      en: "To Table 3 destinations the objective requirements do not apply; inform applies only where diversion is feared",
    },
    true,
  ),
  groupA: cite("etco", { ja: "別表第3（グループA）", en: "Appended Table 3 (Group A)" }, true),
  unArmsEmbargo: cite(
    "etco",
    { ja: "別表第3の2（国連武器禁輸国・地域）", en: "Appended Table 3-2 (UN arms embargo)" },
    true,
  ),
  concernCountries: cite("etco", { ja: "別表第4", en: "Appended Table 4" }, true),
  akiraka: cite(
    "akirakaGuideline",
    { ja: "需要者要件の「明らか」な場合", en: "when it is clear (end-user requirement)" },
    false,
  ),
  tokuteiDeemed: cite(
    "ekimuTsutatsu",
    {
      ja: "1(3)サ（特定類型該当者への提供は非居住者への提供とみなす）",
      en: "1(3)サ (特定類型: deemed provision to a non-resident)",
    },
    false,
    {
      ja: "2022年5月1日施行の改正による。項番号は要確認",
      en: "From the amendment in force on 1 May 2022; the paragraph number is to be verified",
    },
  ),
  residencyDefinition: cite("fefta", { ja: "第6条第1項第5号・第6号", en: "art. 6(1)(v)–(vi)" }, true),
  residencyInterpretation: cite(
    "mofInterpretation",
    { ja: "第6条第1項第5号及び第6号関係", en: "on art. 6(1)(v)–(vi)" },
    false,
    {
      ja: "通達の細目の番号（1(1)イ等）は要確認。内容は本邦人・外国人の区分、6か月・2年ルール、公務・外交官の扱い",
      en: "Sub-item numbering to be verified; content: Japanese vs foreign nationals, 6-month and 2-year rules, official duty and diplomats",
    },
  ),
} as const;
