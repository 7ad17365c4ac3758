import { type Citation, citationText, cite, type Label } from "./legal-sources.js";

/**
 * Exceptions to the technology-provision licence (貿易外省令 第9条第2項 and the 役務通達), recorded IN
 * ADDITION to an item's classification — an exception never replaces the 該非判定. Teaching and thesis
 * publication are not exceptions of their own: a lecture open to anyone on public content is 公知, and
 * submitting a thesis or paper for publication is 公知化目的 (provision to make it public); the
 * `use` field records which case applied. Pure data.
 */

export const TECH_EXCEPTIONS = [
  "public_domain",
  "publication_intended",
  "basic_research",
  "patent_application",
  "minimum_use",
  "commercial_software",
] as const;
export type TechException = (typeof TECH_EXCEPTIONS)[number];

/** The concrete case an exception was applied to (why, not just which). */
export const EXCEPTION_USES = {
  public_domain: ["published", "open_lecture", "open_event", "open_source"],
  publication_intended: ["conference", "journal", "thesis"],
  basic_research: ["basic_research"],
  patent_application: ["patent_application"],
  minimum_use: ["with_goods"],
  commercial_software: ["commercial_software"],
} as const satisfies Record<TechException, readonly string[]>;
export type ExceptionUse = (typeof EXCEPTION_USES)[TechException][number];
/** Every use, as one list (for schemas). */
export const ALL_EXCEPTION_USES = [
  "published",
  "open_lecture",
  "open_event",
  "open_source",
  "conference",
  "journal",
  "thesis",
  "basic_research",
  "patent_application",
  "with_goods",
  "commercial_software",
] as const satisfies readonly ExceptionUse[];

export type ExceptionDefinition = {
  code: TechException;
  label: Label;
  /** What must be true for it to apply. */
  conditions: Label;
  citations: Citation[];
};

/**
 * Where METI itself states the item number, the citation is marked checked and says where: its
 * e-learning for universities (大学・研究機関の教職員向けe-ラーニング) names 第9条第2項第9号 for 公知 and
 * 公知化目的 (https://www.meti.go.jp/policy/anpo/daigaku/el/3/q15_a2.html) and 第10号 for basic
 * research (https://www.meti.go.jp/policy/anpo/daigaku/el/4/q10_a2.html), read 2026-12-07. The
 * other item numbers are still this project's reading.
 */
const METI_ELEARNING: Record<string, string> = {
  "9": "https://www.meti.go.jp/policy/anpo/daigaku/el/3/q15_a2.html",
  "10": "https://www.meti.go.jp/policy/anpo/daigaku/el/4/q10_a2.html",
};

const ART_9_2 = (item: string, what: Label): Citation => {
  const checked = METI_ELEARNING[item];
  return cite(
    "tradeOrdinance",
    { ja: `第9条第2項第${item}号（${what.ja}）`, en: `art. 9(2)(${item}) (${what.en})` },
    checked !== undefined,
    checked
      ? {
          ja: `号番号は経済産業省の大学・研究機関向けe-ラーニングの記載で確認（${checked}、2026-12-07）`,
          en: `Item number as stated by METI's e-learning for universities (${checked}, read 2026-12-07)`,
        }
      : { ja: "号番号は要確認", en: "Item number to verify" },
  );
};

export const EXCEPTION_DEFINITIONS: Record<TechException, ExceptionDefinition> = {
  public_domain: {
    code: "public_domain",
    label: { ja: "公知の技術の提供", en: "Providing public-domain technology (公知)" },
    conditions: {
      ja: "新聞・書籍・学会誌・公開特許・インターネット等で不特定多数が入手可能な技術、または不特定多数が聴講できる講演会・公開講義・展示会等で入手・聴講できる技術。大学の授業も、誰でも入手できる内容に限りこれに当たる（授業そのものは独立の特例ではない）",
      en: "Technology anyone can obtain (newspapers, books, journals, published patents, the web) or hear at talks, open lectures or fairs open to anyone. University teaching falls here only for content anyone can obtain — teaching is not an exception of its own",
    },
    citations: [
      ART_9_2("9", { ja: "公知", en: "public domain" }),
      cite(
        "ekimuTsutatsu",
        { ja: "1(3)（公知の技術の例示）", en: "1(3) (examples of public domain)" },
        false,
      ),
    ],
  },
  publication_intended: {
    code: "publication_intended",
    label: {
      ja: "技術を公知とするための提供（公知化目的）",
      en: "Provision to make the technology public (公知化目的)",
    },
    conditions: {
      ja: "学会発表・論文投稿・学位論文の公表など、技術を不特定多数に公開する目的での提供（投稿原稿・発表資料の送付等）。公表前の共同研究者への提供や、公表しない範囲の指導は含まない",
      en: "Provision in order to publish: conference talks, journal submissions, publishing a thesis (sending the manuscript or slides). Sharing with collaborators before publication, or supervision beyond what is published, is not included",
    },
    citations: [ART_9_2("9", { ja: "公知化目的", en: "to make public" })],
  },
  basic_research: {
    code: "basic_research",
    label: { ja: "基礎科学分野の研究活動における提供", en: "Provision in basic scientific research" },
    conditions: {
      ja: "自然科学の分野における現象に関する原理の究明を主目的とした研究活動で、理論的・実験的方法によるもの。特定の製品の設計・製造を目的としないこと",
      en: "Research aimed mainly at the principles of natural phenomena, by theory or experiment, not aimed at designing or making a specific product",
    },
    citations: [ART_9_2("10", { ja: "基礎科学分野の研究活動", en: "basic scientific research" })],
  },
  patent_application: {
    code: "patent_application",
    label: {
      ja: "工業所有権の出願・登録のための提供",
      en: "Provision needed to file or register industrial property",
    },
    conditions: {
      ja: "特許等の出願・登録に必要な最小限の技術を、出願先の特許庁・代理人等に提供すること",
      en: "Only the technology needed for the filing or registration, given to the patent office or agent",
    },
    citations: [ART_9_2("11", { ja: "工業所有権の出願", en: "industrial property filing" })],
  },
  minimum_use: {
    code: "minimum_use",
    label: {
      ja: "貨物の輸出に付随する使用に必要な最小限の技術",
      en: "Minimum technology for using exported goods",
    },
    conditions: {
      ja: "許可を受けた、または許可不要の貨物の輸出に付随して、その据付・操作・保守・修理に必要な最小限の技術を、その貨物の買主等に提供すること",
      en: "The minimum needed to install, operate, maintain or repair goods exported with a licence (or without one needed), given to their buyer",
    },
    citations: [ART_9_2("12", { ja: "貨物の使用に係る技術", en: "technology for using goods" })],
  },
  commercial_software: {
    code: "commercial_software",
    label: { ja: "市販のプログラムの提供", en: "Commercially available software" },
    conditions: {
      ja: "店頭販売・通信販売等で誰でも購入でき、購入者が容易に変更できないプログラム（暗号機能等の条件あり）",
      en: "Software anyone can buy off the shelf or by mail order, not easily modified by the buyer (with conditions for cryptography)",
    },
    citations: [ART_9_2("13", { ja: "市販プログラム", en: "commercial software" })],
  },
};

export const EXCEPTION_USE_LABELS: Record<ExceptionUse, Label> = {
  published: { ja: "刊行物・公開特許・ウェブ等で公開済み", en: "Already published (print, patents, web)" },
  open_lecture: {
    ja: "不特定多数が聴講できる講義・公開講座（公知の内容に限る）",
    en: "Lecture open to anyone (public content only)",
  },
  open_event: { ja: "公開の講演会・展示会・見学コース", en: "Public talk, fair or tour" },
  open_source: { ja: "ソースコードが公開されたプログラム", en: "Program with published source code" },
  conference: { ja: "学会発表のための提供", en: "For a conference presentation" },
  journal: { ja: "論文投稿のための提供", en: "For a journal submission" },
  thesis: { ja: "学位論文の公表のための提供", en: "To publish a thesis" },
  basic_research: { ja: "基礎科学分野の研究", en: "Basic scientific research" },
  patent_application: { ja: "特許等の出願・登録", en: "Patent filing or registration" },
  with_goods: {
    ja: "輸出する貨物の据付・操作・保守",
    en: "Installing, operating or maintaining exported goods",
  },
  commercial_software: { ja: "市販プログラム", en: "Commercial software" },
};

/** One exception recorded with an item or a review: which, for what case, and the facts relied on. */
export type ExceptionRecord = { code: TechException; use: ExceptionUse | null; basis: string };

/**
 * Maps the exception codes of older records (teaching, thesis_publication were separate choices) to
 * the legal exception they are a use of. Unknown codes return null.
 */
export function normaliseLegacyException(
  code: string,
): { code: TechException; use: ExceptionUse | null } | null {
  if (code === "teaching") return { code: "public_domain", use: "open_lecture" };
  if (code === "thesis_publication") return { code: "publication_intended", use: "thesis" };
  if ((TECH_EXCEPTIONS as readonly string[]).includes(code))
    return { code: code as TechException, use: null };
  return null;
}

/** Checks an exception record: known code, a use that belongs to it, and the facts relied on. */
export function validateExceptionRecord(
  r: Partial<ExceptionRecord>,
  path: string,
): { path: string; message: Label }[] {
  const out: { path: string; message: Label }[] = [];
  if (!r.code || !(TECH_EXCEPTIONS as readonly string[]).includes(r.code)) {
    out.push({ path: `${path}.code`, message: { ja: "特例を選んでください", en: "Choose the exception" } });
    return out;
  }
  if (r.use != null && !(EXCEPTION_USES[r.code] as readonly string[]).includes(r.use))
    out.push({
      path: `${path}.use`,
      message: { ja: "この特例の適用場面ではありません", en: "Not a case of this exception" },
    });
  if (!r.basis || r.basis.trim().length < 5)
    out.push({
      path: `${path}.basis`,
      message: {
        ja: "特例が当てはまる事実（根拠）を5文字以上で記入してください",
        en: "Describe the facts the exception rests on (at least 5 characters)",
      },
    });
  return out;
}

/**
 * The exceptions as the web app offers them: label, conditions, citations printed in both
 * languages and the uses each allows. The review form and the item master read the same list, so
 * an exception cannot be explained one way in a review and another in the item master.
 */
export function exceptionChoices(codes: readonly TechException[]) {
  return codes.map((e) => ({
    value: e,
    label: EXCEPTION_DEFINITIONS[e].label,
    conditions: EXCEPTION_DEFINITIONS[e].conditions,
    citations: EXCEPTION_DEFINITIONS[e].citations.map((c) => ({
      ja: citationText(c, "ja"),
      en: citationText(c, "en"),
    })),
    uses: EXCEPTION_USES[e].map((u) => ({ value: u, label: EXCEPTION_USE_LABELS[u] })),
  }));
}
